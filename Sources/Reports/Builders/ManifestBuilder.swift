import StressCore
import StressRun

/// The manifest as the workbook can hold it: the run's identity, parameters and
/// inputs with their hashes, and the digests of the outputs written before the
/// workbook (results.json). A file cannot hold its own hash: manifest.json
/// beside the workbook lists every output with its SHA-256.
enum ManifestBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let r = context.results.run
        var blocks: [ReportBlock] = [.fields([
            Field("run_id", .text(r.id)),
            Field("engine_version", .text(r.engineVersion)),
            Field("as_of", .text(r.asOf)),
            Field("seed", .text(String(r.seed))),
            Field("parameters.pack", .text(r.pack)),
            Field("parameters.scenarios", .text(context.results.scenarios.map(\.id).joined(separator: ", "))),
        ])]
        blocks.append(.heading("inputs"))
        blocks.append(.table(InputsBuilder.inputTable(r.createdFrom.inputs, id: "manifest-inputs")))
        blocks.append(.heading("outputs"))
        if !context.outputs.isEmpty {
            blocks.append(.table(ReportTable(id: "manifest-outputs", columns: [
                .text("Path", context.outputs.map(\.path)),
                .text("SHA-256", context.outputs.map(\.sha256)),
                .numbers("Bytes", .count, context.outputs.map { Double($0.bytes) }),
            ])))
        }
        blocks.append(.note("This workbook and the other outputs are listed with their SHA-256 in manifest.json beside it; "
                            + "`stresspack runs verify \(r.id)` recomputes the run and compares every output."))
        return [ReportSheet(name: Naming.tab(entry.title ?? "Manifest", nil), title: "Manifest",
                            subtitle: ScenarioSheets.subtitle(context), blocks: blocks)]
    }
}
