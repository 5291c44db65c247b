import ArgumentParser
import Foundation
import Inputs
import StressCore
import StressPipeline

/// `stresspack scenarios import`: rebuilds the bundled scenario files from the
/// published files in data/regulators (data/regulators/SCENARIOS.md), so that each
/// YAML number can be checked against its source. Each file records the SHA-256 of
/// the CSV it was built from (`source_sha256:`).
struct ScenariosImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Rebuild the bundled scenario YAML files from the published regulator files.",
        discussion: """
            Converts the Federal Reserve and Bank of England CSV files in data/regulators \
            and the EBA, RBI and seed-library figures to scenarios/*.yaml, with the \
            conversions of data/regulators/SCENARIOS.md. The output is deterministic: \
            running it on unchanged sources rewrites the same bytes.
            """)

    @Option(name: .long, help: "Folder of the published CSV files, as recorded in source_file (default: data/regulators of the StressPack home).")
    var data: String?

    @Option(name: .long, help: "Folder to write the YAML files to (default: scenarios of the StressPack home).")
    var output: String?

    func run() throws {
        let home = ProjectPaths.home.path
        let documents = try BundledScenarios.build(
            root: data == nil ? home : FileManager.default.currentDirectoryPath,
            dataDirectory: data ?? BundledScenarios.dataDirectory,
            sha256: { path in try FileDigest.sha256(path: path).hex })
        let folder = output.map { URL(fileURLWithPath: $0) } ?? ProjectPaths.scenarios
        let out = try AtomicOutput(destination: folder)
        var statuses: [String] = []
        do {
            for document in documents {
                let text = ScenarioYAML.render(document)
                // What is written must load: the loader's checks apply to the importer too.
                _ = try ScenarioFile.parse(text: text, file: document.fileName)
                let target = folder.appendingPathComponent(document.fileName)
                let existing = try? String(contentsOf: target, encoding: .utf8)
                statuses.append(existing == nil ? "new" : existing == text ? "unchanged" : "updated")
                try out.write(Data(text.utf8), to: document.fileName)
            }
            _ = try out.commit(documents.map(\.fileName))
        } catch {
            out.abandon()
            throw error
        }
        for (document, status) in zip(documents, statuses) {
            print("\(folder.appendingPathComponent(document.fileName).path): \(status)")
        }
    }
}
