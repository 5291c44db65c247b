import Foundation
import TestSupport
import XCTest

/// The run store and reproducibility guarantees (issue #10), through the CLI.
final class RunStoreCLITests: XCTestCase {
    private var work: URL!
    private var store: String { path("store.sqlite") }
    private var scenario: String {
        TestSupport.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/e2e-eba-adverse.yaml").path
    }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "2000", "--seed", "3",
                                       "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    private func runArguments(out: String, portfolio: String? = nil) -> [String] {
        ["run", "--portfolio", portfolio ?? path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
         "--scenario", scenario, "--out", out, "--store", store, "--quiet"]
    }

    private func sqlite(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [store, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func runID(_ out: String) throws -> String {
        let results = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as! [String: Any]
        return (results["run"] as! [String: Any])["id"] as! String
    }

    func testRunIsRecordedVerifiedAndAMismatchExitsThree() throws {
        let out = path("out")
        XCTAssertEqual(try CommandRunner.run(runArguments(out: out)).status, 0)
        let id = try runID(out)
        let list = try CommandRunner.run(["runs", "list", "--store", store])
        XCTAssertTrue(list.stdout.contains(id) && list.stdout.contains("succeeded"), list.stdout)
        XCTAssertEqual(try sqlite("SELECT count(*) FROM run_figures WHERE metric = 'el'"), "3")
        XCTAssertEqual(try sqlite("SELECT value FROM store_info WHERE key = 'schema_version'"), "4")

        // Where the time went: each stage in the store and in `runs show`, the scenario's own stages included.
        let stages = try sqlite("SELECT stage FROM run_stages ORDER BY seq").split(separator: "\n").map(String.init)
        for stage in ["load portfolio", "credit VaR", "render quarterly-submission.xlsx", "write manifest and commit"] {
            XCTAssertTrue(stages.contains(stage), "\(stage) in \(stages)")
        }
        XCTAssertTrue(stages.contains { $0.hasSuffix(": credit") } && stages.contains { $0.hasSuffix(": all stages") }, "\(stages)")
        XCTAssertEqual(try sqlite("SELECT count(*) FROM run_stages WHERE seconds < 0"), "0")
        // Each stage's peak memory so far: known on Linux, never falling, and the VaR's at least the load's.
        XCTAssertEqual(try sqlite("SELECT count(*) FROM run_stages WHERE peak_bytes IS NULL OR peak_bytes < 1000000"), "0")
        let peaks = try sqlite("SELECT peak_bytes FROM run_stages ORDER BY seq").split(separator: "\n").compactMap { Int($0) }
        XCTAssertEqual(peaks, peaks.sorted(), "the high-water mark never falls")
        let show = try CommandRunner.run(["runs", "show", id, "--store", store])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("where the time went") && show.stdout.contains("peak memory"), show.stdout)
        XCTAssertTrue(show.stdout.contains(" MB  credit VaR"), show.stdout)
        XCTAssertTrue(show.stdout.contains("credit VaR"), show.stdout)
        XCTAssertTrue(show.stdout.contains("attribution, all scenarios: ") && show.stdout.contains("run --skip attribution"),
                      show.stdout)
        XCTAssertTrue(show.stdout.contains("reverse stress, all scenarios: ")
                      && show.stdout.contains("run --skip reverse-stress leaves it out"), show.stdout)

        // The input files on disk may change later: verify uses the stored copies.
        try "changed".write(toFile: path("bank.csv"), atomically: true, encoding: .utf8)
        let verify = try CommandRunner.run(["runs", "verify", id, "--store", store, "--quiet"])
        XCTAssertEqual(verify.status, 0, verify.stderr + verify.stdout)
        XCTAssertTrue(verify.stdout.contains("verified"), verify.stdout)

        _ = try sqlite("UPDATE run_outputs SET sha256 = '" + String(repeating: "0", count: 64) + "' WHERE path = 'results.json'")
        let mismatch = try CommandRunner.run(["runs", "verify", id, "--store", store, "--quiet"])
        XCTAssertEqual(mismatch.status, 3)
        XCTAssertTrue(mismatch.stderr.contains("results.json differs"), mismatch.stderr)
    }

    func testFailedRunIsRecordedAndLeavesNoFile() throws {
        try "id,pd,lgd,ead\nA,0.01,0.4,100\nB,1.5,0.4,100\n".write(toFile: path("bad.csv"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(runArguments(out: path("out"), portfolio: path("bad.csv")))
        XCTAssertEqual(r.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out")), "a failed run writes nothing")
        XCTAssertEqual(try sqlite("SELECT status FROM runs"), "failed")
        XCTAssertTrue(try sqlite("SELECT error FROM runs").contains("bad.csv:3"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".stresspack") }
        XCTAssertEqual(leftovers, [])
    }

    func testImportingABadPortfolioChangesNothing() throws {
        XCTAssertEqual(try CommandRunner.run(["portfolio", "import", path("bank.csv"), "--name", "book", "--store", store]).status, 0)
        let before = try sqlite("SELECT name, sha256, exposures FROM portfolios; SELECT count(*) FROM blob_chunks;")
        try "id,pd,lgd,ead\nA,0.01,0.4,-1\n".write(toFile: path("bad.csv"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["portfolio", "import", path("bad.csv"), "--name", "book", "--store", store])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(try sqlite("SELECT name, sha256, exposures FROM portfolios; SELECT count(*) FROM blob_chunks;"), before)
        // A stored portfolio runs by name.
        let byName = try CommandRunner.run(runArguments(out: path("out"), portfolio: "book"))
        XCTAssertEqual(byName.status, 0, byName.stderr)
        XCTAssertTrue(try String(contentsOfFile: path("out/manifest.json"), encoding: .utf8).contains("store:book"))
    }

    func testTwoRunsAtOnceOnOneStoreBothSucceed() throws {
        let group = DispatchGroup()
        nonisolated(unsafe) var statuses: [Int32] = [0, 0]
        let arguments = (0..<2).map { runArguments(out: path("out\($0)")) }
        for k in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                statuses[k] = (try? CommandRunner.run(arguments[k])).map(\.status) ?? -1
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(statuses, [0, 0])
        XCTAssertEqual(try sqlite("SELECT count(*) FROM runs WHERE status = 'succeeded'"), "2")
        XCTAssertEqual(try sqlite("PRAGMA integrity_check"), "ok")
    }

    func testDiffComparesFigureByFigure() throws {
        XCTAssertEqual(try CommandRunner.run(runArguments(out: path("a"))).status, 0)
        XCTAssertEqual(try CommandRunner.run(runArguments(out: path("b")) + ["--as-of", "2026-06-30"]).status, 0)
        let a = try runID(path("a")), b = try runID(path("b"))
        XCTAssertNotEqual(a, b)
        let diff = try CommandRunner.run(["runs", "diff", a, b, "--store", store])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("scenario\tperiod\tmetric\tA\tB\tchange"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("e2e-eba-adverse\t2026\tel\t"), diff.stdout)
    }

    /// SIGKILL at twenty moments through a run: the store stays sound, the run is
    /// marked incomplete on the next open, and the output folder holds either
    /// nothing or the complete set of files.
    func testKilledRunsLeaveTheStoreSoundAndNoPartialReports() throws {
        var state: UInt64 = 12_345
        for attempt in 0..<20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let delay = Double(state >> 40) / Double(1 << 24) * 0.8 // 0–0.8 s
            let out = path("kill-\(attempt)")
            let process = Process()
            process.executableURL = CommandRunner.executable()
            process.arguments = runArguments(out: out)
            var env = ProcessInfo.processInfo.environment
            env["STRESSPACK_HOME"] = TestSupport.repositoryRoot.path
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let list = try CommandRunner.run(["runs", "list", "--store", store])
            XCTAssertEqual(list.status, 0, "attempt \(attempt): \(list.stderr)")
            XCTAssertFalse(list.stdout.contains(" running "), "attempt \(attempt): a killed run is marked incomplete")
            XCTAssertEqual(try sqlite("PRAGMA integrity_check"), "ok", "attempt \(attempt)")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
            XCTAssertTrue(files == [] || files == ["manifest.json", "quarterly-submission.pdf", "quarterly-submission.xlsx", "results.json"], "attempt \(attempt): \(files)")
        }
        let statuses = try sqlite("SELECT DISTINCT status FROM runs ORDER BY status")
        XCTAssertFalse(statuses.contains("running"), statuses)
    }
}
