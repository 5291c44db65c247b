import Foundation
import RunStore
import StressCore
import StressRun

/// A run's life in the store: `running` with its inputs (their content stored
/// too, so `runs verify` can re-execute it), then `succeeded` with outputs and
/// key figures, or `failed` with the error.
public struct RunRecording {
    public let store: RunStore
    public let key: Int64

    public static func begin(store: RunStore?, runID: String, job: RunJob, asOf: String, files: RunInputs,
                      inputs: [InputFile], started: Date, progress: ProgressReporter) throws -> RunRecording? {
        guard let store else { return nil }
        let parameters = try JSONDocument.encode(RunParameters(
            pack: job.pack, seed: job.seed, asOf: job.asOf, threads: job.threads, paths: job.paths,
            scenarios: job.scenarioPaths.map(job.display), skip: job.skip.isEmpty ? nil : job.skip.sorted().map(\.rawValue)))
        let key = try store.beginRun(
            runID: runID, engineVersion: EngineVersion.current, asOf: asOf, seed: job.seed, pack: job.pack,
            parameters: String(decoding: parameters, as: UTF8.self),
            inputs: inputs.map { RunFile(role: $0.role, path: $0.path, sha256: $0.sha256, bytes: $0.bytes) },
            storedInputs: Set(files.map(\.sha256)), startedAt: timestamp(started))
        let recording = RunRecording(store: store, key: key)
        do {
            for file in files { try store.storeFile(path: file.path, sha256: file.sha256) }
        } catch {
            recording.fail(error, started: started)
            throw error
        }
        return recording
    }

    public func finish(outcome: RunJob.Outcome, started: Date) throws {
        var outputs: [RunFile] = []
        let root = outcome.directory.standardizedFileURL.path + "/"
        for url in outcome.files {
            let digest = try FileDigest.sha256(path: url.path)
            // Named relative to the output folder, as in the manifest (templates/<id>.csv).
            let full = url.standardizedFileURL.path
            let name = full.hasPrefix(root) ? String(full.dropFirst(root.count)) : url.lastPathComponent
            outputs.append(RunFile(path: name, sha256: digest.hex, bytes: digest.bytes))
        }
        try store.finishRun(key: key, outputDirectory: outcome.directory.standardizedFileURL.path, outputs: outputs,
                            figures: Self.figures(outcome.results), finishedAt: Self.timestamp(Date()),
                            durationMilliseconds: Self.milliseconds(since: started),
                            stages: outcome.stages.map { RunStage(name: $0.name, seconds: $0.seconds, peakBytes: $0.peakBytes) })
    }

    public func fail(_ error: Error, started: Date) {
        // Recording the failure must not hide the error itself.
        try? store.failRun(key: key, error: String(describing: error), finishedAt: Self.timestamp(Date()),
                           durationMilliseconds: Self.milliseconds(since: started))
    }

    /// The key results as rows: EL, EAD, average PD, CET1 and leverage ratio, LCR per
    /// period; cumulative EL, ΔEL, minimum CET1 and LCR per scenario (period "").
    public static func figures(_ r: RunResults) -> [RunFigure] {
        var rows: [RunFigure] = [
            RunFigure(scenario: "", period: "", metric: "portfolio_ead", value: r.portfolio.totalEAD),
            RunFigure(scenario: "", period: "", metric: "portfolio_el", value: r.portfolio.expectedLoss),
        ]
        if let v = r.creditVaR {
            rows.append(RunFigure(scenario: "", period: "", metric: "var", value: v.valueAtRisk))
            rows.append(RunFigure(scenario: "", period: "", metric: "es", value: v.expectedShortfall))
            rows.append(RunFigure(scenario: "", period: "", metric: "expected_loss", value: v.expectedLoss))
        }
        for s in r.scenarios {
            func add(_ metric: String, _ values: [Double]?, periods: [String]) {
                guard let values else { return }
                for (p, v) in zip(periods, values) { rows.append(RunFigure(scenario: s.id, period: p, metric: metric, value: v)) }
            }
            func add(_ metric: String, _ value: Double?) {
                if let value { rows.append(RunFigure(scenario: s.id, period: "", metric: metric, value: value)) }
            }
            if let c = s.credit {
                add("el", c.periodEL, periods: c.periods)
                add("ead", c.periodEAD, periods: c.periods)
                add("average_pd", c.averagePD, periods: c.periods)
                add("cumulative_el", c.cumulativeEL)
                add("delta_el", c.deltaEL)
            }
            if let k = s.capital {
                let periods = s.credit?.periods ?? s.periods
                add("cet1_ratio", k.cet1Ratio, periods: periods)
                add("leverage_ratio", k.leverageRatio, periods: periods)
                add("min_cet1_ratio", k.minCET1Ratio)
            }
            if let l = s.liquidity {
                add("lcr", l.lcr, periods: s.credit?.periods ?? s.periods)
                add("min_lcr", l.minLCR)
                add("survival_days", Double(l.survivalDays))
            }
        }
        return rows
    }

    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: date)
    }

    public static func milliseconds(since start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }
}

/// The choices that made a run, kept as JSON in the store for `runs verify`.
public struct RunParameters: Codable, Sendable {
    public var pack: String
    public var seed: UInt64
    public var asOf: String?
    public var threads: Int
    public var paths: Int
    public var scenarios: [String]
    /// `--skip`; absent in runs recorded before it existed.
    public var skip: [String]?

    public enum CodingKeys: String, CodingKey { case pack, seed, asOf = "as_of", threads, paths, scenarios, skip }
}
