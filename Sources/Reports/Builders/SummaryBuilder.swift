import StressCore
import StressRun

/// Key figures of every scenario on one sheet, for the board and the front of
/// a submission: losses, capital against the hurdle, liquidity, reverse stress.
enum SummaryBuilder {
    static let minColumn = 6, hurdleColumn = 7

    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let scenarios = context.results.scenarios
        guard !scenarios.isEmpty else { return [] }
        func figure(_ f: (ScenarioResult) -> Double?) -> [Double] { scenarios.map { f($0) ?? .nan } }
        let table = ReportTable(id: "summary", caption: nil, columns: [
            .text("Scenario", scenarios.map(\.id)),
            .text("Framework", scenarios.map { Framework(rawValue: $0.framework)?.displayName ?? $0.framework }),
            .text("Severity", scenarios.map { $0.severity.replacingOccurrences(of: "_", with: " ") }),
            .numbers(context.amountHeader("Cumulative EL"), .amount, figure { $0.credit?.cumulativeEL }),
            .numbers(context.amountHeader("ΔEL over baseline"), .amount, figure { $0.credit?.deltaEL }),
            .numbers("CET1 ratio at jump-off", .percent, figure { $0.capital?.startCET1Ratio }),
            .numbers("Minimum CET1 ratio", .percent, figure { $0.capital?.minCET1Ratio }),
            .numbers("CET1 hurdle", .percent, figure { $0.capital?.hurdle }),
            .text("Below hurdle", scenarios.map { s in s.capital.map { $0.hurdle == nil ? "n/a" : ($0.breach ? "yes" : "no") } ?? "" }),
            .numbers("CET1 depletion", .basisPoints, figure { $0.capital?.depletionBP }),
            .numbers("Minimum LCR", .percent(decimals: 1), figure { $0.liquidity?.minLCR }),
            .numbers("Survival days", .count, figure { $0.liquidity.map { Double($0.survivalDays) } }),
            .numbers("PD multiplier to breach", .multiple, figure { $0.reverseStress?.capitalBreachMultiplier }),
            .numbers("Severity scaling to breach", .multiple, figure { $0.reverseStress?.severityScalingFactor }),
        ], filter: true, freezeHeader: true)
        var charts: [ChartSpec] = []
        if entry.charts.contains(.minCET1ByScenario) {
            charts.append(ChartSpec(kind: .column, title: "Minimum CET1 ratio by scenario against the hurdle",
                                    table: table.id, categories: .column(0),
                                    series: [ChartSeries(name: .header(column: minColumn), values: .column(minColumn)),
                                             ChartSeries(name: .header(column: hurdleColumn), values: .column(hurdleColumn),
                                                         isThreshold: true)],
                                    valueKind: .percent(decimals: 0)))
        }
        let p = context.results.portfolio
        var jumpOff = [
            Field("Exposures", .count(p.exposures), source: ResultPointer(["portfolio", "exposures"])),
            Field(context.amountHeader("Total EAD"), .amount(p.totalEAD), definedName: "TotalEAD",
                  source: ResultPointer(["portfolio", "total_ead"])),
            Field(context.amountHeader("Expected loss (one year, unstressed)"), .amount(p.expectedLoss),
                  definedName: "PortfolioEL", source: ResultPointer(["portfolio", "expected_loss"])),
        ]
        if let b = context.results.balanceSheet {
            jumpOff.append(Field("CET1 ratio at jump-off", .optional(b.cet1Ratio) { .percent($0) },
                                 definedName: b.cet1Ratio == nil ? nil : "JumpOffCET1Ratio",
                                 source: ResultPointer(["balance_sheet", "cet1_ratio"])))
            jumpOff.append(Field("Leverage ratio at jump-off", .percent(b.leverageRatio),
                                 source: ResultPointer(["balance_sheet", "leverage_ratio"])))
        }
        return [ReportSheet(name: Naming.tab(entry.title ?? "Summary", nil), title: "Summary of results",
                            subtitle: ScenarioSheets.subtitle(context),
                            blocks: [.table(table), .heading("Jump-off"), .fields(jumpOff)], charts: charts)]
    }
}
