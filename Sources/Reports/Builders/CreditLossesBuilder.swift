import CreditEngine
import StressCore
import StressRun

/// Credit losses by period, and by segment and asset class per period
/// (results.json `scenarios[i].credit`): totals are SUM formulas over the rows
/// shown, each equal to its figure in results.json.
enum CreditLossesBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Credit"
    static let sheetTitle = "Credit losses"

    static func applies(_ s: ScenarioResult) -> Bool { s.credit != nil }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let credit = s.credit else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("credit")
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.fields([
            Field("Baseline EL (one period, unstressed)", .amount(credit.baselineEL), source: pointer.appending("baseline_el")),
            Field("Cumulative stressed EL", .amount(credit.cumulativeEL),
                  definedName: Naming.definedName("CumulativeEL", s.id), source: pointer.appending("cumulative_el")),
            Field("ΔEL (cumulative less the baseline of every period)", .amount(credit.deltaEL),
                  source: pointer.appending("delta_el")),
        ]))
        part.blocks.append(.table(periodTable(s, credit, pointer, context)))
        for (name, buckets, key, chart) in [("segment", credit.bySegment, "by_segment", ReportTemplate.Chart.lossesBySegment),
                                            ("asset class", credit.byAssetClass, "by_asset_class", .lossesByAssetClass)]
        // No periods would make the span 2...(1 + 0) trap: no breakdown then.
        where !buckets.isEmpty && !credit.periods.isEmpty {
            let table = breakdownTable(s, credit, buckets: buckets, dimension: name, key: key, pointer: pointer,
                                       context: context)
            part.blocks.append(.table(table))
            if charts.contains(chart) {
                part.charts.append(stackedChart(table, periods: credit.periods.count, buckets: buckets.count,
                                                title: "\(s.id): expected loss by \(name)"))
            }
        }
        return part
    }

    /// Period, EAD, PD, LGD, defaults, EL; the EL total is Σ EL_t = cumulative EL.
    static func periodTable(_ s: ScenarioResult, _ c: CreditProjection, _ pointer: ResultPointer,
                            _ context: BuildContext) -> ReportTable {
        let id = "credit-\(s.id)"
        let total = SummaryRow(label: "Total", [
            .empty, .empty, .empty, .empty,
            .formula(FormulaCell(.sum(.column(5)), equals: c.cumulativeEL, kind: .amount,
                                 source: pointer.appending("cumulative_el"))),
        ])
        return ReportTable(id: id, caption: "Expected loss by period", columns: [
            .text("Period", c.periods),
            .numbers(context.amountHeader("EAD at start"), .amount, c.periodEAD),
            .numbers("EAD-weighted PD", .percent(decimals: 3), c.averagePD),
            .numbers("EAD-weighted LGD", .percent(decimals: 2), c.averageLGD),
            .numbers(context.amountHeader("Defaulted EAD"), .amount, c.periodDefaults),
            .numbers(context.amountHeader("Expected loss"), .amount, c.periodEL),
        ], summaryRows: [total])
    }

    /// One row per segment (or asset class): start EAD, EL per period, and the
    /// row total; the column totals are the portfolio's EAD and EL per period.
    static func breakdownTable(_ s: ScenarioResult, _ c: CreditProjection,
                               buckets: [String: CreditProjection.Breakdown], dimension: String, key: String,
                               pointer: ResultPointer, context: BuildContext) -> ReportTable {
        let names = buckets.keys.sorted()
        let periods = c.periods.count
        let firstPeriod = 2, lastPeriod = 1 + periods, totalColumn = 2 + periods
        var columns: [ReportColumn] = [
            .text(dimension.prefix(1).uppercased() + dimension.dropFirst(), names),
            .numbers(context.amountHeader("EAD at start"), .amount, names.map { buckets[$0]!.startEAD }),
        ]
        for (t, label) in c.periods.enumerated() {
            columns.append(.numbers(label, .amount, names.map { buckets[$0]!.periodEL[t] }))
        }
        columns.append(ReportColumn(context.amountHeader("Cumulative EL"), .amount, .formulas(names.enumerated().map { row, name in
            FormulaCell(.sum(.row(row, columns: firstPeriod...lastPeriod)), equals: buckets[name]!.cumulativeEL,
                        kind: .amount, source: pointer.appending(key, name, "cumulative_el"))
        })))
        var totals: [SummaryCell] = [
            .formula(FormulaCell(.sum(.column(1)), equals: c.periodEAD.first ?? 0, kind: .amount,
                                 source: pointer.appending("period_ead", "0"))),
        ]
        for t in 0..<periods {
            totals.append(.formula(FormulaCell(.sum(.column(firstPeriod + t)), equals: c.periodEL[t], kind: .amount,
                                               source: pointer.appending("period_el", String(t)))))
        }
        totals.append(.formula(FormulaCell(.sum(.column(totalColumn)), equals: c.cumulativeEL, kind: .amount,
                                           source: pointer.appending("cumulative_el"))))
        return ReportTable(id: "credit-\(s.id)-\(key)", caption: "Expected loss by \(dimension) and period",
                           columns: columns, summaryRows: [SummaryRow(label: "Total", totals)])
    }

    /// Periods on the category axis, one stacked series per row of the breakdown.
    static func stackedChart(_ table: ReportTable, periods: Int, buckets: Int, title: String) -> ChartSpec {
        let periodColumns = 2...(1 + periods)
        return ChartSpec(kind: .stackedColumn, title: title, table: table.id,
                         categories: .header(columns: periodColumns),
                         series: (0..<buckets).map { ChartSeries(name: .rowLabel(row: $0), values: .row($0, columns: periodColumns)) },
                         valueKind: .amount)
    }
}
