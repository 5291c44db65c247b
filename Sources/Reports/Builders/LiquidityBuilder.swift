import LiquidityEngine
import StressCore
import StressRun

/// Liquidity (results.json `scenarios[i].liquidity`): the jump-off LCR and NSFR
/// with their breakdowns once per sheet (the balance sheet is the same for every
/// scenario), then each scenario's stressed LCR path with its minimum and
/// survival horizon, and the RBI deposit run-off sensitivities where given.
enum LiquidityBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Liquidity"
    static let sheetTitle = "Liquidity: LCR, NSFR and survival horizon"

    static func applies(_ s: ScenarioResult) -> Bool { s.liquidity != nil }

    static func opening(_ group: ScenarioGroup, _ context: BuildContext) -> SheetPart {
        guard let first = group.scenarios.first, let l = context.results.scenarios[first].liquidity else { return SheetPart() }
        let pointer = ResultPointer.scenario(first).appending("liquidity")
        let j = l.jumpOff, jp = pointer.appending("jump_off")
        var part = SheetPart()
        part.blocks.append(.heading("Jump-off position (rate table \(l.rateTable))"))
        part.blocks.append(.fields([
            Field("Liquidity coverage ratio", .percent(j.lcr, decimals: 1), definedName: "JumpOffLCR",
                  source: jp.appending("lcr")),
            Field("Net stable funding ratio", .optional(l.nsfr) { .percent($0, decimals: 1) },
                  definedName: l.nsfr == nil ? nil : "JumpOffNSFR", source: pointer.appending("nsfr")),
        ]))
        let stock = j.stock, sp = jp.appending("hqla_stock")
        part.blocks.append(.table(ReportTable(id: "lcr-hqla", caption: "Stock of HQLA after haircuts and caps (LCR30)",
            columns: [
                .text("Component", ["Level 1", "Level 2A", "Level 2B", "Level 2B cap adjustment (15%), deducted",
                                    "Level 2 cap adjustment (40%), deducted"]),
                .numbers(context.amountHeader("Amount"), .amount,
                         [stock.level1, stock.level2A, stock.level2B, stock.level2BCapAdjustment, stock.level2CapAdjustment]),
            ],
            summaryRows: [SummaryRow(label: "Stock of HQLA", [.formula(FormulaCell(
                .subtract(.subtract(.sum(.column(1, rows: 0...2)), .cell(.data(row: 3, column: 1))), .cell(.data(row: 4, column: 1))),
                equals: stock.total, kind: .amount, source: sp.appending("total")))])])))
        part.blocks.append(categoryTable(id: "lcr-outflows", caption: "Cash outflows (LCR40, balance × run-off rate)",
                                         j.outflowsByCategory, total: j.totalOutflows, totalLabel: "Total outflows",
                                         source: jp.appending("total_outflows"), context))
        part.blocks.append(categoryTable(id: "lcr-inflows", caption: "Cash inflows (LCR40, before the 75% cap)",
                                         j.inflowsByCategory, total: j.totalInflows, totalLabel: "Total inflows",
                                         source: jp.appending("total_inflows"), context))
        part.blocks.append(.fields([
            Field(context.amountHeader("Recognised inflows (min of inflows, 75% of outflows)"), .amount(j.recognisedInflows),
                  source: jp.appending("recognised_inflows")),
            Field(context.amountHeader("Net cash outflows"), .amount(j.netCashOutflows), source: jp.appending("net_cash_outflows")),
        ]))
        if let n = l.nsfrDetail {
            let np = pointer.appending("nsfr_detail")
            part.blocks.append(categoryTable(id: "nsfr-asf", caption: "Available stable funding (NSF30)",
                                             n.availableByCategory, total: n.availableStableFunding,
                                             totalLabel: "Available stable funding",
                                             source: np.appending("available_stable_funding"), context))
            part.blocks.append(categoryTable(id: "nsfr-rsf", caption: "Required stable funding (NSF40)",
                                             n.requiredByCategory, total: n.requiredStableFunding,
                                             totalLabel: "Required stable funding",
                                             source: np.appending("required_stable_funding"), context))
        }
        return part
    }

    /// Categories in name order (the engine sums in that order), with a SUM total;
    /// a section the balance sheet leaves out is a note saying so, not an empty table.
    static func categoryTable(id: String, caption: String, _ amounts: [String: Double], total: Double,
                              totalLabel: String, source: ResultPointer, _ context: BuildContext) -> ReportBlock {
        let names = amounts.keys.sorted()
        guard !names.isEmpty else { return .note("\(caption): not provided in the balance sheet (counted as zero).") }
        return .table(ReportTable(id: id, caption: caption, columns: [
            .text("Category", names),
            .numbers(context.amountHeader("Amount"), .amount, names.map { amounts[$0]! }),
        ], summaryRows: [SummaryRow(label: totalLabel, [.formula(FormulaCell(.sum(.column(1)), equals: total,
                                                                           kind: .amount, source: source))])]))
    }

    static let lcrColumn = 5, minimumColumn = 6, survivalColumn = 7

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let l = s.liquidity else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("liquidity")
        let periods = l.lcr.count
        let labels = Array((s.credit?.periods ?? s.periods).prefix(periods))
        let id = "liquidity-\(s.id)"
        func only(_ column: Int, _ cell: SummaryCell) -> [SummaryCell] { (1...survivalColumn).map { $0 == column ? cell : .empty } }
        var minimumRow = only(lcrColumn, .formula(FormulaCell(.minimum(.column(lcrColumn)), equals: l.minLCR,
                                                             kind: .percent(decimals: 1), source: pointer.appending("min_lcr"))))
        minimumRow[survivalColumn - 1] = .formula(FormulaCell(.minimum(.column(survivalColumn)), equals: Double(l.survivalDays),
                                                              kind: .count, source: pointer.appending("survival_days")))
        let table = ReportTable(id: id, caption: "Stressed LCR per period", columns: [
            .text("Period", labels),
            .numbers("Deposit run-off add-on", .percent, l.shocks.depositRunoff),
            .numbers("HQLA haircut", .percent, l.shocks.hqlaHaircut),
            .numbers(context.amountHeader("Stock of HQLA"), .amount, l.hqla),
            .numbers(context.amountHeader("Net cash outflows"), .amount, l.netCashOutflows),
            .numbers("LCR", .percent(decimals: 1), l.lcr),
            .numbers("LCR minimum", .percent(decimals: 0), Array(repeating: l.hurdle, count: periods)),
            .numbers("Survival days", .count, l.survivalDaysByPeriod.map(Double.init)),
        ], summaryRows: [
            SummaryRow(label: "Minimum (\(l.minPeriod))", minimumRow),
            SummaryRow(label: "Below the LCR minimum", only(lcrColumn, .value(.yesNo(l.breach)))),
        ])
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.note("Shocks: deposit run-off \(source(l.shocks.depositRunoffSource)), HQLA haircut "
                                 + "\(source(l.shocks.hqlaHaircutSource)). Survival horizon capped at \(l.survivalCapDays) days."))
        part.blocks.append(.table(table))
        part.names.append(DefinedName(Naming.definedName("MinLCR", s.id), table: id, cell: .summary(row: 0, column: lcrColumn)))
        if charts.contains(.lcrPath) {
            part.charts.append(ChartSpec(kind: .line, title: "\(s.id): LCR against the 100% minimum", table: id,
                                         categories: .column(0),
                                         series: [ChartSeries(name: .header(column: lcrColumn), values: .column(lcrColumn)),
                                                  ChartSeries(name: .header(column: minimumColumn), values: .column(minimumColumn),
                                                              isThreshold: true)],
                                         valueKind: .percent(decimals: 0)))
        }
        if !l.rbiSensitivity.isEmpty {
            let r = l.rbiSensitivity
            part.blocks.append(.table(ReportTable(id: "\(id)-rbi", caption: "RBI deposit run-off sensitivity", columns: [
                .numbers("Deposit run-off (% of deposits)", .number(decimals: 1), r.map(\.depositRunoffPercent)),
                .numbers(context.amountHeader("Deposit outflow"), .amount, r.map(\.depositOutflow)),
                .numbers("Baseline LCR", .percent(decimals: 1), r.map(\.baselineLCR)),
                .numbers("Stressed LCR", .percent(decimals: 1), r.map(\.stressedLCR)),
                ReportColumn("Below 100%", .text, .texts(r.map { $0.breach ? "yes" : "no" })),
            ])))
        }
        return part
    }

    static func source(_ s: LiquidityStress.ShockSource) -> String {
        switch s {
        case .scenario: return "from the scenario"
        case .severityDefault: return "the severity default of the rate table"
        }
    }
}
