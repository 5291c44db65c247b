import StressCore
import StressRun

/// Each scenario's macro-financial paths as published (from the scenario file,
/// whose SHA-256 is on the cover) and what the satellites made of them
/// (results.json `scenarios[i].satellite`: credit-cycle index, PD multipliers,
/// LGD add-ons per projected period).
enum ScenarioPathsBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Paths"
    static let sheetTitle = "Scenario paths and satellites"

    static func applies(_ s: ScenarioResult) -> Bool { true }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        var fields = [Field("Source", .text(s.source)),
                      Field("Frequency", .text(s.frequency))]
        if let definition = context.scenarios[s.id], let file = definition.sourceFile {
            fields.append(Field("Built from", .text(file + (definition.sourceSHA256.map { " (SHA-256 \($0))" } ?? ""))))
        }
        part.blocks.append(.fields(fields))

        if let definition = context.scenarios[s.id], !definition.variables.isEmpty {
            var columns = [ReportColumn.text("Variable (fraction; changes are period changes)",
                                             definition.variables.map(\.name))]
            for (t, label) in definition.periods.enumerated() {
                columns.append(.numbers(label, .percent, definition.variables.map { t < $0.values.count ? $0.values[t] : .nan }))
            }
            part.blocks.append(.table(ReportTable(id: "paths-\(s.id)", caption: "Macro-financial paths", columns: columns)))
        } else if !s.variables.isEmpty {
            part.blocks.append(.note("Variables: \(s.variables.joined(separator: ", ")); their values are in the scenario file."))
        } else {
            part.blocks.append(.note("No macro-financial variables: the framework's severity table applies."))
        }

        if let sat = s.satellite {
            let periods = s.credit?.periods ?? s.periods
            var rows: [(String, ValueKind, [Double])] = []
            if let z = sat.creditCycleIndex { rows.append(("Credit-cycle index Z (Vasicek; < 0 is a downturn)", .number(decimals: 3), z)) }
            if let m = sat.pdMultipliers { rows.append(("PD multiplier", .multiple, m)) }
            if let a = sat.lgdAddOns { rows.append(("LGD add-on (unsecured)", .percent, a)) }
            if !rows.isEmpty {
                var columns = [ReportColumn("Satellite output", .text, .texts(rows.map(\.0)))]
                for (t, label) in periods.enumerated() {
                    columns.append(ReportColumn(label, .number(decimals: 3), .cells(rows.map { row in
                        t < row.2.count ? .number(row.2[t], row.1) : .blank
                    })))
                }
                part.blocks.append(.table(ReportTable(
                    id: "satellite-\(s.id)", caption: "Satellite: PD model \(sat.pdModel), LGD model \(sat.lgdModel)",
                    columns: columns)))
            }
        }
        return part
    }
}
