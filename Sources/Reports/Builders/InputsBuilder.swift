import StressCore
import StressRun

/// The audit pack's record of what went into the run: the input files with
/// their SHA-256 (`run.created_from.inputs`) and the scenario definitions.
enum InputsBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let inputs = context.results.run.createdFrom.inputs
        var blocks: [ReportBlock] = [.heading("Input files"), .table(inputTable(inputs, id: "inputs"))]
        let scenarios = context.results.scenarios
        if !scenarios.isEmpty {
            blocks.append(.heading("Scenarios"))
            blocks.append(.table(ReportTable(id: "scenario-definitions", columns: [
                .text("Scenario", scenarios.map(\.id)),
                .text("Name", scenarios.map { context.scenarios[$0.id]?.name ?? "" }),
                .text("Framework", scenarios.map(\.framework)),
                .text("Severity", scenarios.map(\.severity)),
                .text("Frequency", scenarios.map(\.frequency)),
                .text("Periods", scenarios.map { $0.periods.joined(separator: ", ") }),
                .text("Variables", scenarios.map { $0.variables.joined(separator: ", ") }),
                .text("Source", scenarios.map(\.source)),
            ])))
        }
        return [ReportSheet(name: Naming.tab(entry.title ?? "Inputs", nil), title: "Inputs of the run",
                            subtitle: ScenarioSheets.subtitle(context), blocks: blocks)]
    }

    static func inputTable(_ inputs: [InputFile], id: String) -> ReportTable {
        ReportTable(id: id, columns: [
            .text("Role", inputs.map { $0.role.replacingOccurrences(of: "_", with: " ") }),
            .text("Path", inputs.map(\.path)),
            .text("SHA-256", inputs.map(\.sha256)),
            .numbers("Bytes", .count, inputs.map { Double($0.bytes) }),
        ], filter: false)
    }
}
