import Foundation
import Inputs
import RunStore
import StressCore

/// Re-executes a stored run from the inputs in the store (not the files on
/// disk, which may have changed), in a scratch folder, with the recorded paths
/// shown, and compares every output's SHA-256 with the recorded one.
public struct RunVerifier {
    public let store: RunStore
    public let record: RunRecord
    public let threads: Int

    public init(store: RunStore, record: RunRecord, threads: Int) {
        self.store = store
        self.record = record
        self.threads = threads
    }

    public struct Result {
        public var report: [String]
        public var mismatches: [String]
    }

    public func verify(progress: ProgressReporter) throws -> Result {
        let inputs = try store.inputs(of: record.key)
        let outputs = try store.outputs(of: record.key)
        let parameters = try JSONDecoder().decode(RunParameters.self, from: Data(record.parameters.utf8))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stresspack-verify-\(getpid())-\(record.key)")
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var display: [String: String] = [:]
        var byRole: [String: [String]] = [:]
        for (k, input) in inputs.enumerated() {
            // Keep the file name: a scenario file must be named after its id.
            let folder = scratch.appendingPathComponent("input-\(k)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(URL(fileURLWithPath: input.path).lastPathComponent).path
            try store.extract(input.sha256, to: path)
            display[path] = input.path
            byRole[input.role, default: []].append(path)
        }
        guard let portfolio = byRole["portfolio"]?.first, let balanceSheet = byRole["balance_sheet"]?.first else {
            throw UsageError(message: "run \(record.label) has no stored portfolio or balance sheet")
        }
        var frameworks: [Framework: String] = [:]
        for path in byRole["framework"] ?? [] { frameworks[try FrameworkFile.load(path: path).framework] = path }
        let storedTemplate = byRole["report_template"]?.first
        var tables: [String: String] = [:]
        for path in byRole["risk_weights"] ?? [] {
            tables[URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent] = path
        }
        var regulatory: [String: String] = [:]
        for path in byRole["regulatory_template"] ?? [] {
            regulatory[URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent] = path
        }
        var environment = RunEnvironment(frameworkFile: { frameworks[$0] }, liquidityTable: byRole["liquidity_rates"]?.first,
                                         marketFactors: byRole["market_factors"]?.first,
                                         template: { _ in storedTemplate }, publishedOutcomes: byRole["published_outcomes"]?.first,
                                         riskWeightTable: { tables[$0] })
        // The supervisory templates as they were when the run was made.
        environment.regulatoryTemplate = { regulatory[$0] }

        let out = scratch.appendingPathComponent("out")
        let job = RunJob(portfolioPath: portfolio, balanceSheetPath: balanceSheet, scenarioPaths: byRole["scenario"] ?? [],
                         pack: parameters.pack, asOf: parameters.asOf, seed: parameters.seed, threads: threads,
                         outDirectory: out.path, paths: parameters.paths, store: nil, environment: environment,
                         displayPath: display, skip: try SkippedAnalysis.parse(parameters.skip ?? []))
        let outcome = try job.execute(progress: progress)

        var report = ["re-executed \(record.label) from \(inputs.count) stored inputs as \(outcome.runID)"]
        var mismatches: [String] = []
        for expected in outputs {
            let path = out.appendingPathComponent(expected.path).path
            guard FileManager.default.fileExists(atPath: path) else {
                mismatches.append("\(expected.path) was not produced")
                continue
            }
            let actual = try FileDigest.sha256(path: path).hex
            if actual == expected.sha256 {
                report.append("  ok  \(expected.path)  \(actual)")
            } else {
                mismatches.append("\(expected.path) differs (recorded \(expected.sha256.prefix(16))…, now \(actual.prefix(16))…)")
            }
        }
        return Result(report: report, mismatches: mismatches)
    }
}
