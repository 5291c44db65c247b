import Foundation
import StressRun

/// One shard's results (`partials/shard-I.partial`): a one-line JSON header (the run, the
/// plan's digest, the shard's index, the payload's length and SHA-256), then the payload,
/// the units' results in `BitExactCoder`'s binary form, where every Double is its 8 bytes.
/// The same shard of the same plan always writes the same bytes; where its time went goes
/// to `shard-I.timings.json` beside it, which changes from run to run.
struct ShardPartial {
    static let formatName = "stresspack-shard-partial/1"

    struct Header: Codable {
        var format: String
        var runID: String
        var planDigest: String
        /// The stresspack build that computed the shard (`ShardBuild`).
        var build: String
        var index: Int
        var payloadBytes: Int
        var payloadSHA256: String

        enum CodingKeys: String, CodingKey {
            case format, runID = "run_id", planDigest = "plan_digest", build, index, payloadBytes = "payload_bytes"
            case payloadSHA256 = "payload_sha256"
        }
    }

    struct Payload: Codable {
        var units: [RunUnit]
        var results: [UnitResult]
    }

    static func file(_ index: Int, in directory: URL) -> URL {
        directory.appendingPathComponent("partials/shard-\(index).partial")
    }

    static func timingsFile(_ index: Int, in directory: URL) -> URL {
        directory.appendingPathComponent("partials/shard-\(index).timings.json")
    }

    static func write(units: [RunUnit], results: [UnitResult], index: Int, plan: ShardPlan, planDigest: String,
                      stages: [StageTimings.Stage], in directory: URL) throws {
        let payload = try BitExactCoder.encode(Payload(units: units, results: results))
        let header = Header(format: formatName, runID: plan.runID, planDigest: planDigest, build: ShardBuild.current,
                            index: index,
                            payloadBytes: payload.count, payloadSHA256: FileDigest.sha256(data: payload))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(header)
        data.append(UInt8(ascii: "\n"))
        data.append(payload)
        let url = file(index, in: directory)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let timings = stages.map { ShardStage(name: $0.name, seconds: $0.seconds, peakBytes: $0.peakBytes) }
        try AtomicFiles.replace(timingsFile(index, in: directory), with: try JSONDocument.encode(timings))
        try AtomicFiles.replace(url, with: data)
    }

    /// Shard `index`'s results, refused (naming the shard) unless the file is whole, of this
    /// plan and this shard, its payload matches its digest and it holds the plan's units.
    static func read(_ index: Int, plan: ShardPlan, planDigest: String, in directory: URL) throws
        -> (results: [RunUnit: UnitResult], stages: [StageTimings.Stage]) {
        let url = file(index, in: directory)
        func refuse(_ why: String) -> UsageError {
            UsageError(message: "shard \(index): \(url.path) \(why); rerun it with "
                + "stresspack shard run \(directory.path) --index \(index)")
        }
        guard let data = try? Data(contentsOf: url) else { throw refuse("is missing") }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]),
              header.format == formatName else {
            throw refuse("is truncated or not a shard partial")
        }
        guard header.runID == plan.runID, header.planDigest == planDigest else {
            throw refuse("is from another plan (run \(header.runID), plan \(header.planDigest.prefix(12))…)")
        }
        guard header.index == index else { throw refuse("holds shard \(header.index)'s results") }
        guard header.build == plan.build else {
            throw refuse("was computed by another build of stresspack (\(header.build.prefix(12))…, the plan's is "
                + "\(plan.build.prefix(12))…)")
        }
        let payload = data[(newline + 1)...]
        guard payload.count == header.payloadBytes else {
            throw refuse("is truncated (\(payload.count) of \(header.payloadBytes) payload bytes)")
        }
        guard FileDigest.sha256(data: Data(payload)) == header.payloadSHA256 else {
            throw refuse("fails its SHA-256 digest")
        }
        guard let decoded = try? BitExactCoder.decode(Payload.self, from: Data(payload)),
              decoded.units == plan.shards[index], decoded.results.count == decoded.units.count,
              zip(decoded.units, decoded.results).allSatisfy(matches) else {
            throw refuse("does not hold the units the plan gives shard \(index)")
        }
        var stages: [StageTimings.Stage] = []
        if let timings = try? Data(contentsOf: timingsFile(index, in: directory)),
           let list = try? JSONDecoder().decode([ShardStage].self, from: timings) {
            stages = list.map {
                StageTimings.Stage(name: "shard \(index): \($0.name)", seconds: $0.seconds, peakBytes: $0.peakBytes)
            }
        }
        return (Dictionary(uniqueKeysWithValues: zip(decoded.units, decoded.results)), stages)
    }
}

/// A result is of its unit's kind (a VaR batch of its unit's paths).
private func matches(_ unit: RunUnit, _ result: UnitResult) -> Bool {
    switch (unit, result) {
    case (.scenario, .scenario), (.portfolioRisk, .portfolioRisk): true
    case (.varPaths(let range), .varPaths(let batch)): batch.paths == range
    case (.attribution(let scenario, let part, _), .attribution(let result)): result.scenario == scenario && result.part == part
    case (.exposures(let rows), .exposures(let sums)): sums.rows == rows
    default: false
    }
}

struct ShardStage: Codable {
    var name: String
    var seconds: Double
    /// The shard's own peak memory at the stage's end (absent in timings of older builds).
    var peakBytes: Int?

    enum CodingKeys: String, CodingKey { case name, seconds, peakBytes = "peak_bytes" }
}
