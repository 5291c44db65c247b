import Foundation
import Inputs
import Reports
import RunStore
import StressCore
import StressPipeline
import StressRun

/// What the dashboard draws a run from: its results.json (from the output folder the
/// store recorded, checked against the recorded digest), and the scenario definitions
/// and pack layout it was run with (from the store's copies of its inputs). Loaded once
/// per run and kept; runs never change once recorded.
final class RunArtifacts: @unchecked Sendable {
    struct Loaded: @unchecked Sendable {
        var results: RunResults
        var scenarios: [Scenario]
        var template: ReportTemplate
        var resultsSHA256: String
    }

    enum Failure: Error { case missing(String) }

    private let store: RunStore
    private let workDirectory: URL
    private let lock = NSLock()
    private var loaded: [Int64: Loaded] = [:]
    private var order: [Int64] = []
    /// Runs kept in memory; a large run's results are a few MB.
    private let capacity = 16

    init(store: RunStore, workDirectory: URL) {
        self.store = store
        self.workDirectory = workDirectory
    }

    func load(_ record: RunRecord) throws -> Loaded {
        lock.lock()
        if let hit = loaded[record.key] { lock.unlock(); return hit }
        lock.unlock()
        let value = try read(record)
        lock.lock()
        if loaded[record.key] == nil {
            loaded[record.key] = value
            order.append(record.key)
            if order.count > capacity { loaded[order.removeFirst()] = nil }
        }
        lock.unlock()
        return value
    }

    private func read(_ record: RunRecord) throws -> Loaded {
        guard record.status == "succeeded", let directory = record.outputDirectory else {
            throw Failure.missing("run \(record.label) is \(record.status): it has no outputs")
        }
        let outputs = try store.outputs(of: record.key)
        guard let entry = outputs.first(where: { $0.path == "results.json" }) else {
            throw Failure.missing("run \(record.label) recorded no results.json")
        }
        let path = directory + "/results.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.missing("\(path) is gone: the run's output folder was moved or removed")
        }
        guard FileDigest.sha256(data: data) == entry.sha256 else {
            throw Failure.missing("\(path) no longer matches the digest the run recorded")
        }
        let results = try JSONDecoder().decode(RunResults.self, from: data)
        // The scenario files and pack layout as the run read them (the store keeps each input).
        let scratch = workDirectory.appendingPathComponent("artifacts-\(record.key)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var scenarios: [Scenario] = []
        var template: ReportTemplate?
        for (i, input) in try store.inputs(of: record.key).enumerated()
        where input.role == "scenario" || input.role == "report_template" {
            let file = try StoredFiles.extract(input.sha256, named: URL(fileURLWithPath: input.path).lastPathComponent,
                                               slot: i, into: scratch, from: store)
            if input.role == "scenario" {
                scenarios.append(try ScenarioFile.load(path: file).scenario)
            } else {
                template = try ReportTemplateFile.load(path: file)
            }
        }
        guard let template else { throw Failure.missing("run \(record.label) recorded no report template") }
        return Loaded(results: results, scenarios: scenarios, template: template, resultsSHA256: entry.sha256)
    }

    /// Chart `number` of the run's board pack as SVG, rendered once into the work folder.
    func chartSVG(_ record: RunRecord, number: Int) throws -> Data {
        let run = try load(record)
        let folder = workDirectory.appendingPathComponent("charts/\(run.resultsSHA256)")
        let file = folder.appendingPathComponent("\(number).svg")
        if let cached = FileManager.default.contents(atPath: file.path) { return cached }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".\(number)-\(UUID().uuidString.prefix(8)).svg")
        try BoardPackWeb.renderChart(number, results: run.results, scenarios: run.scenarios, template: run.template,
                                     to: staging.path)
        // Renamed into place, so a reader never sees half an SVG.
        _ = rename(staging.path, file.path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure.missing("chart \(number) could not be written to \(file.path)")
        }
        return data
    }
}
