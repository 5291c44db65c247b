import CapitalEngine
import StressCore
import StressRun

/// The capital trajectory with its hurdle (results.json `scenarios[i].capital`):
/// a jump-off row then one row per period; the minimum CET1 ratio and the
/// depletion are formulas over the rows shown.
///
/// Built from the fields StressRun's `CapitalResult` has (CET1, RWA, CET1
/// and leverage ratios and their hurdles). The capital engine (issue #4) adds
/// its columns (Tier 1 and total capital ratios, buffers, MDA, the waterfall)
/// to `columns` below; the summary rows and the chart find the ratio and
/// hurdle columns by the constants.
enum CapitalBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Capital"
    static let sheetTitle = "Capital trajectory"

    static let ratioColumn = 3
    static let hurdleColumn = 4

    static func applies(_ s: ScenarioResult) -> Bool { s.capital != nil }

    /// Row 0 is the jump-off (the balance sheet), rows 1... the projected periods.
    static func columns(_ c: CapitalResult, _ s: ScenarioResult, _ context: BuildContext) -> [ReportColumn] {
        let jumpOff = context.results.balanceSheet
        let periods = c.cet1Ratio.count
        let labels = Array(s.credit?.periods ?? Array(s.periods.prefix(periods)))
        func withJumpOff(_ start: Double?, _ path: [Double]) -> [Double] { [start ?? .nan] + path }
        let hurdle = c.hurdle ?? .nan, leverageHurdle = c.leverageHurdle ?? .nan
        return [
            .text("Period", ["Jump-off \(context.results.run.asOf)"] + labels),
            .numbers(context.amountHeader("CET1 capital"), .amount, withJumpOff(jumpOff?.cet1, c.cet1)),
            .numbers(context.amountHeader("RWA"), .amount, withJumpOff(jumpOff?.rwa, c.rwa)),
            .numbers("CET1 ratio", .percent, withJumpOff(c.startCET1Ratio, c.cet1Ratio)),
            .numbers("CET1 hurdle", .percent, Array(repeating: hurdle, count: periods + 1)),
            .numbers("Leverage ratio", .percent, withJumpOff(jumpOff?.leverageRatio, c.leverageRatio)),
            .numbers("Leverage hurdle", .percent, Array(repeating: leverageHurdle, count: periods + 1)),
        ]
    }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let c = s.capital else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("capital")
        let id = "capital-\(s.id)"
        let columns = columns(c, s, context)
        let periods = c.cet1Ratio.count
        func ratioRow(_ cell: SummaryCell) -> [SummaryCell] {
            (1..<columns.count).map { $0 == ratioColumn ? cell : .empty }
        }
        let minimum = SummaryRow(label: "Minimum CET1 ratio (\(c.minPeriod))", ratioRow(.formula(FormulaCell(
            .minimum(.column(ratioColumn, rows: 1...max(1, periods))), equals: c.minCET1Ratio, kind: .percent,
            source: pointer.appending("min_cet1_ratio")))))
        let depletion = SummaryRow(label: "Depletion: jump-off less minimum", ratioRow(.formula(FormulaCell(
            .multiply(.subtract(.cell(.data(row: 0, column: ratioColumn)), .cell(.summary(row: 0, column: ratioColumn))),
                      .constant(10_000)),
            equals: c.depletionBP, kind: .basisPoints, source: pointer.appending("depletion_bp")))))
        let breach = SummaryRow(label: "Below the CET1 hurdle", ratioRow(.value(
            c.hurdle == nil ? .text("no hurdle (\(s.framework.uppercased()))") : .yesNo(c.breach))))
        let leverageBreach = SummaryRow(label: "Below the leverage hurdle", ratioRow(.value(
            c.leverageHurdle == nil ? .text("no hurdle") : .yesNo(c.leverageBreach))))
        let table = ReportTable(id: id, caption: "CET1 and leverage ratios", columns: columns,
                                summaryRows: [minimum, depletion, breach, leverageBreach])
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.table(table))
        part.names = [
            DefinedName(Naming.definedName("MinCET1Ratio", s.id), table: id, cell: .summary(row: 0, column: ratioColumn)),
            DefinedName(Naming.definedName("CET1DepletionBP", s.id), table: id, cell: .summary(row: 1, column: ratioColumn)),
        ]
        if charts.contains(.cet1VersusHurdle) {
            var series = [ChartSeries(name: .header(column: ratioColumn), values: .column(ratioColumn))]
            if c.hurdle != nil {
                series.append(ChartSeries(name: .header(column: hurdleColumn), values: .column(hurdleColumn),
                                          isThreshold: true))
            }
            part.charts.append(ChartSpec(kind: .line, title: "\(s.id): CET1 ratio against the hurdle", table: id,
                                         categories: .column(0), series: series, valueKind: .percent(decimals: 1)))
        }
        return part
    }
}
