import Foundation
import TestSupport
import XCTest

/// `run --shards N --plan DIR`, `shard run`, `shard merge` on this machine: the merged
/// outputs are the single run's bytes, shards are idempotent, and the merge refuses
/// (exit 2, naming the shard) any partial it cannot trust. The Slurm cluster version is
/// SlurmShardedRunTests.
final class ShardedRunCLITests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "1500", "--seed", "5",
                                       "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    private func runArguments(seed: String = "42", skipAttribution: Bool = false) -> [String] {
        ["run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
         "--scenario", "eba-2025-adverse", "--scenario", "boe-2025-bcst", "--scenario", "rbi-2025-severe",
         "--paths", "2100", "--pack", "board", "--seed", seed, "--quiet"] + (skipAttribution ? ["--skip", "attribution"] : [])
    }

    @discardableResult
    private func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let r = try CommandRunner.run(arguments, environment: environment)
        XCTAssertEqual(r.status, 0, "\(arguments.joined(separator: " ")): \(r.stderr)")
        return r
    }

    private func files(under folder: String) throws -> [String] {
        let root = URL(fileURLWithPath: folder)
        return try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { sub in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(sub).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    private func data(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file)) }

    func testMergedShardsAreTheSingleRunsBytesAndVerify() throws {
        try ok(runArguments() + ["--out", path("single"), "--store", path("single.sqlite")])
        let plan = path("plan")
        let planned = try ok(runArguments() + ["--shards", "3", "--plan", plan])
        XCTAssertTrue(planned.stdout.contains("in 3 shards"), planned.stdout)
        // The VaR's 2,100 paths split on their 1,024-path blocks, one batch per shard.
        for batch in ["var-paths:0-1024", "var-paths:1024-2048", "var-paths:2048-2100"] {
            XCTAssertTrue(planned.stdout.contains(batch), planned.stdout)
        }
        // The plan copies its inputs: a file changed after planning cannot reach a shard.
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: path("bank.csv")))

        try ok(["shard", "run", plan, "--index", "0", "--quiet"])
        // The index from the scheduler: Slurm's array task id, a Kubernetes completion index.
        try ok(["shard", "run", plan, "--quiet"], environment: ["SLURM_ARRAY_TASK_ID": "1"])
        try ok(["shard", "run", plan, "--quiet"], environment: ["JOB_COMPLETION_INDEX": "2"])
        let first = try data(plan + "/partials/shard-1.partial")
        try ok(["shard", "run", plan, "--index", "1", "--quiet"])
        XCTAssertEqual(try data(plan + "/partials/shard-1.partial"), first, "a rerun shard writes the same bytes")

        let merged = try ok(["shard", "merge", plan, "--out", path("merged"), "--store", path("merged.sqlite"), "--quiet"])
        let names = try files(under: path("single"))
        XCTAssertTrue(names.contains("board.pdf") && names.contains("board.xlsx") && names.contains("manifest.json"), "\(names)")
        XCTAssertEqual(try files(under: path("merged")), names)
        for name in names {
            XCTAssertEqual(try data(path("single/" + name)), try data(path("merged/" + name)), "\(name) differs")
        }
        let id = try XCTUnwrap(merged.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        let verify = try CommandRunner.run(["runs", "verify", id, "--store", path("merged.sqlite"), "--quiet"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.contains("reproduces every output byte for byte"), verify.stdout)
        let shown = try ok(["runs", "show", id, "--store", path("merged.sqlite")])
        XCTAssertTrue(shown.stdout.contains("shard 2: "), "each shard's stage times are kept")
    }

    /// More shards than scenarios: each scenario's attribution coalitions are split into
    /// units of their own, and the merge puts them back to the single run's bytes.
    func testAttributionsSplitAcrossShardsMergeToTheSingleRunsBytes() throws {
        try ok(runArguments() + ["--out", path("single"), "--store", path("single.sqlite")])
        let plan = path("plan")
        let planned = try ok(runArguments() + ["--shards", "8", "--plan", plan])
        // 8 shards over 3 scenarios: 5 parts each (about two units a shard).
        for unit in ["attribution:0:0/5", "attribution:1:4/5", "attribution:2:2/5"] {
            XCTAssertTrue(planned.stdout.contains(unit), planned.stdout)
        }
        for i in 0..<8 { try ok(["shard", "run", plan, "--index", "\(i)", "--quiet"]) }
        try ok(["shard", "merge", plan, "--out", path("merged"), "--store", path("merged.sqlite"), "--quiet"])
        let names = try files(under: path("single"))
        XCTAssertEqual(try files(under: path("merged")), names)
        for name in names {
            XCTAssertEqual(try data(path("single/" + name)), try data(path("merged/" + name)), "\(name) differs")
        }
        let results = try JSONSerialization.jsonObject(with: data(path("merged/results.json"))) as! [String: Any]
        let boe = (results["scenarios"] as! [[String: Any]]).first { $0["id"] as? String == "boe-2025-bcst" }!
        XCTAssertNotNil(boe["attribution"], "the attribution is assembled from its parts")

        // A plan whose attribution parts do not all add up is refused.
        let planFile = URL(fileURLWithPath: plan + "/plan.json")
        let text = try String(contentsOfFile: planFile.path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"attribution:1:4/5\"", with: "\"attribution:1:4/6\"").utf8).write(to: planFile)
        let edited = try CommandRunner.run(["shard", "run", plan, "--index", "0", "--quiet"])
        XCTAssertEqual(edited.status, 2, edited.stderr)
        XCTAssertTrue(edited.stderr.contains("must list every unit of the run once"), edited.stderr)
    }

    /// A book split by rows (`--exposure-ranges`): each range's shard holds its rows alone and
    /// sends every scenario's chunk sums; the merge finishes the scenarios to the single run's
    /// bytes. 35,000 exposures make three ranges on the 16,384-row chunks, the last partial.
    func testABookSplitIntoExposureRangesMergesToTheSingleRunsBytes() throws {
        try ok(["portfolio", "sample", "--exposures", "35000", "--seed", "6", "--out", path("big.csv"), "--quiet"])
        let run = ["run", "--portfolio", path("big.csv"), "--balance-sheet", path("big.balance-sheet.yaml"),
                   "--scenario", "eba-2025-adverse", "--scenario", "fed-2026-severely-adverse",
                   "--scenario", "rbi-2025-severe", "--paths", "1100", "--pack", "board", "--quiet"]
        let skip = ["--skip", "attribution", "--skip", "reverse-stress"]
        let whole = try CommandRunner.run(run + ["--skip", "attribution", "--shards", "4", "--exposure-ranges", "3",
                                                 "--plan", path("refused")])
        XCTAssertEqual(whole.status, 2, whole.stderr)
        XCTAssertTrue(whole.stderr.contains("--exposure-ranges needs --skip attribution --skip reverse-stress"), whole.stderr)

        try ok(run + skip + ["--out", path("single"), "--store", path("single.sqlite")])
        let plan = path("plan")
        let planned = try ok(run + skip + ["--shards", "4", "--exposure-ranges", "3", "--plan", plan])
        for unit in ["exposures:0-16384", "exposures:16384-32768", "exposures:32768-35000", "var-paths:1024-1100"] {
            XCTAssertTrue(planned.stdout.contains(unit), planned.stdout)
        }
        XCTAssertFalse(planned.stdout.contains("scenario:"), "the merge finishes the scenarios: \(planned.stdout)")
        // More shards than ranges: each range alone on a shard, so the shard holds its rows only.
        for (i, range) in ["0-16384", "16384-32768", "32768-35000"].enumerated() {
            XCTAssertTrue(planned.stdout.contains("shard \(i): exposures:\(range)\n"), planned.stdout)
        }
        for i in 0..<4 { try ok(["shard", "run", plan, "--index", "\(i)", "--quiet"]) }
        let merged = try ok(["shard", "merge", plan, "--out", path("merged"), "--store", path("merged.sqlite"), "--quiet"])
        let names = try files(under: path("single"))
        XCTAssertEqual(try files(under: path("merged")), names)
        for name in names {
            XCTAssertEqual(try data(path("single/" + name)), try data(path("merged/" + name)), "\(name) differs")
        }
        let id = try XCTUnwrap(merged.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        let shown = try ok(["runs", "show", id, "--store", path("merged.sqlite")])
        XCTAssertTrue(shown.stdout.contains("credit and provisions sums"), "each range's stages are kept: \(shown.stdout)")

        // A plan whose ranges do not meet on chunk boundaries is refused.
        let planFile = URL(fileURLWithPath: plan + "/plan.json")
        let text = try String(contentsOfFile: planFile.path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "exposures:16384-32768", with: "exposures:16000-32768").utf8).write(to: planFile)
        let edited = try CommandRunner.run(["shard", "run", plan, "--index", "0", "--quiet"])
        XCTAssertEqual(edited.status, 2, edited.stderr)
        XCTAssertTrue(edited.stderr.contains("do not cover the book in order on chunks of 16384 rows"), edited.stderr)
    }

    func testMergeRefusesPartialsItCannotTrust() throws {
        let plan = path("plan"), other = path("other")
        try ok(runArguments() + ["--shards", "2", "--plan", plan])
        try ok(runArguments(seed: "7") + ["--shards", "2", "--plan", other])
        for i in ["0", "1"] {
            try ok(["shard", "run", plan, "--index", i, "--quiet"])
            try ok(["shard", "run", other, "--index", i, "--quiet"])
        }
        let partial = URL(fileURLWithPath: plan + "/partials/shard-1.partial")
        let good = try Data(contentsOf: partial)

        func refused(_ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let r = try CommandRunner.run(["shard", "merge", plan, "--out", path("out"), "--store", path("s.sqlite"), "--quiet"])
            XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
            XCTAssertTrue(r.stderr.contains("shard 1: ") && r.stderr.contains(expected), r.stderr, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("out")), "nothing written", file: file, line: line)
        }
        try FileManager.default.removeItem(at: partial)
        try refused("is missing")
        try good.prefix(good.count - 100).write(to: partial)
        try refused("is truncated")
        try good.prefix(40).write(to: partial)
        try refused("is truncated or not a shard partial")
        var flipped = good
        flipped[flipped.count - 10] ^= 0x01
        try flipped.write(to: partial)
        try refused("fails its SHA-256 digest")
        try Data(contentsOf: URL(fileURLWithPath: other + "/partials/shard-1.partial")).write(to: partial)
        try refused("is from another plan")
        try Data(contentsOf: URL(fileURLWithPath: plan + "/partials/shard-0.partial")).write(to: partial)
        try refused("holds shard 0's results")

        // A shard killed mid-write leaves only its temporary file, which the merge never reads.
        try FileManager.default.removeItem(at: partial)
        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: plan + "/partials/.shard-1.partial.tmp-node7-4242"))
        try refused("is missing")
        try good.write(to: partial)
        try ok(["shard", "merge", plan, "--out", path("out"), "--store", path("s.sqlite"), "--quiet"])
    }

    func testPlanAndShardUsageErrors() throws {
        let plan = path("plan")
        let r = try CommandRunner.run(runArguments(skipAttribution: true) + ["--shards", "2"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--shards and --plan go together"), r.stderr)
        // More shards than units (the attributions skipped, so not split): the spare shards
        // have nothing to do, and say so.
        let planned = try ok(runArguments(skipAttribution: true) + ["--shards", "9", "--plan", plan])
        XCTAssertTrue(planned.stdout.contains("(nothing: more shards than units)"), planned.stdout)
        let count = try ok(["shard", "count", plan])
        XCTAssertEqual(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "9")
        // Another run into the same folder is refused; the same run again is not, from any
        // machine (another thread count).
        try ok(runArguments(skipAttribution: true) + ["--shards", "9", "--plan", plan, "--threads", "1"])
        let again = try CommandRunner.run(runArguments(seed: "9", skipAttribution: true) + ["--shards", "9", "--plan", plan])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already holds a plan"), again.stderr)

        let withOut = try CommandRunner.run(runArguments(skipAttribution: true) + ["--shards", "9", "--plan", plan, "--out", path("x")])
        XCTAssertEqual(withOut.status, 2)
        XCTAssertTrue(withOut.stderr.contains("--out is the merge's"), withOut.stderr)

        let outside = try CommandRunner.run(["shard", "run", plan, "--index", "9", "--quiet"])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("outside the plan's 0...8"), outside.stderr)
        let noIndex = try CommandRunner.run(["shard", "run", plan, "--quiet"])
        XCTAssertEqual(noIndex.status, 2)
        XCTAssertTrue(noIndex.stderr.contains("SLURM_ARRAY_TASK_ID"), noIndex.stderr)
        let noPlan = try CommandRunner.run(["shard", "merge", path("nowhere"), "--quiet"])
        XCTAssertEqual(noPlan.status, 2)
        XCTAssertTrue(noPlan.stderr.contains("no shard plan"), noPlan.stderr)

        // A plan edited by hand must still list every unit once.
        let planFile = URL(fileURLWithPath: plan + "/plan.json")
        let original = try Data(contentsOf: planFile)
        for (from, to) in [("\"scenario:0\"", "\"scenario:99\""), ("\"scenario:1\"", "\"scenario:0\"")] {
            try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8).write(to: planFile)
            let edited = try CommandRunner.run(["shard", "run", plan, "--index", "0", "--quiet"])
            XCTAssertEqual(edited.status, 2, edited.stderr)
            XCTAssertTrue(edited.stderr.contains("must list every unit of the run once"), edited.stderr)
        }
        try original.write(to: planFile)

        // A damaged input copy stops the shard, naming the file.
        let inputs = try files(under: plan).filter { $0.hasPrefix("inputs/") && $0.hasSuffix("/bank.csv") }
        let copy = try XCTUnwrap(inputs.first)
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: plan + "/" + copy))
        let damaged = try CommandRunner.run(["shard", "run", plan, "--index", "0", "--quiet"])
        XCTAssertEqual(damaged.status, 2)
        XCTAssertTrue(damaged.stderr.contains(copy) && damaged.stderr.contains("not the portfolio the plan copied"),
                      damaged.stderr)
    }
}
