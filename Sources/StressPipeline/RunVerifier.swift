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

        var replayed: [ReplayedInput] = []
        for (k, input) in inputs.enumerated() {
            let path = try StoredFiles.extract(input.sha256, named: URL(fileURLWithPath: input.path).lastPathComponent,
                                               slot: k, into: scratch.appendingPathComponent("inputs"), from: store)
            replayed.append(ReplayedInput(role: input.role, path: path, shownAs: input.path))
        }
        let out = scratch.appendingPathComponent("out")
        let job = try RunJob.replaying(replayed, parameters: parameters, threads: threads, outDirectory: out.path,
                                       store: nil, label: "run \(record.label)")
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
