import StressCore
import StressRun

/// Stress attribution (results.json `scenarios[i].attribution`): the neutral
/// path, then the exact Shapley contribution of each scenario variable; their
/// SUM is the scenario's figure (efficiency), for cumulative EL and for the
/// minimum CET1 ratio. Factor-model attribution (issue #7) gets its own section.
enum AttributionBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Attribution"
    static let sheetTitle = "Stress attribution by scenario variable"

    static func applies(_ s: ScenarioResult) -> Bool { s.attribution != nil }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let a = s.attribution else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("attribution")
        let variables = a.byVariable.keys.sorted()
        let cet1Variables = a.minCET1.byVariable.keys.sorted()
        let elTable = ReportTable(id: "attribution-el-\(s.id)", caption: "Cumulative expected loss", columns: [
            .text("Component", ["Neutral path (variables at the satellite baseline)"] + variables),
            .numbers(context.amountHeader("Cumulative EL"), .amount, [a.neutralEL] + variables.map { a.byVariable[$0]! }),
        ], summaryRows: [SummaryRow(label: "Scenario (neutral + contributions)", [.formula(FormulaCell(
            .sum(.column(1)), equals: a.stressedEL, kind: .amount, source: pointer.appending("stressed_el")))])])
        let cet1Table = ReportTable(id: "attribution-cet1-\(s.id)", caption: "Minimum CET1 ratio", columns: [
            .text("Component", ["Neutral path (variables at the satellite baseline)"] + cet1Variables),
            .numbers("CET1 ratio", .percent(decimals: 3), [a.minCET1.neutral] + cet1Variables.map { a.minCET1.byVariable[$0]! }),
        ], summaryRows: [SummaryRow(label: "Scenario (neutral + contributions)", [.formula(FormulaCell(
            .sum(.column(1)), equals: a.minCET1.stressed, kind: .percent(decimals: 3),
            source: pointer.appending("min_cet1", "stressed")))])])
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.table(elTable))
        if charts.contains(.attributionByVariable), !variables.isEmpty {
            part.charts.append(ChartSpec(kind: .bar, title: "\(s.id): contributions to cumulative EL", table: elTable.id,
                                         categories: .column(0, rows: 1...variables.count),
                                         series: [ChartSeries(name: .header(column: 1),
                                                              values: .column(1, rows: 1...variables.count))],
                                         valueKind: .amount))
        }
        part.blocks.append(.table(cet1Table))
        return part
    }
}
