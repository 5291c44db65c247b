import Foundation
import TestSupport
import XCTest

/// `run --skip`: leaving out the analyses that re-project the book (attribution, reverse
/// stress), as a large book may need; recorded in the manifest and replayed by `runs verify`.
final class SkipAnalysesCLITests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("skip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "1500", "--seed", "4",
                                       "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    private func run(out: String, _ extra: [String]) throws -> CommandResult {
        try CommandRunner.run(["run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                               "--scenario", "eba-2025-adverse", "--scenario", "boe-2025-bcst", "--paths", "200",
                               "--pack", "board", "--out", out, "--store", path("store.sqlite"), "--quiet"] + extra)
    }

    private func json(_ file: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
    }

    func testSkippedAnalysesAreAbsentRecordedAndVerified() throws {
        let full = path("full"), lean = path("lean")
        XCTAssertEqual(try run(out: full, []).status, 0)
        let r = try run(out: lean, ["--skip", "attribution", "--skip", "reverse-stress"])
        XCTAssertEqual(r.status, 0, r.stderr)

        let fullScenarios = try json(full + "/results.json")["scenarios"] as! [[String: Any]]
        let leanResults = try json(lean + "/results.json")
        let leanScenarios = leanResults["scenarios"] as! [[String: Any]]
        XCTAssertEqual(fullScenarios.count, 2)
        for (a, b) in zip(fullScenarios, leanScenarios) {
            XCTAssertNotNil(a["attribution"])
            XCTAssertNotNil(a["reverse_stress"])
            XCTAssertNil(b["attribution"], "skipped")
            XCTAssertNil(b["reverse_stress"], "skipped")
            // Everything else is the same figures.
            XCTAssertEqual((a["capital"] as! [String: Any])["min_cet1_ratio"] as? Double,
                           (b["capital"] as! [String: Any])["min_cet1_ratio"] as? Double)
        }
        let findings = ((leanResults["data_quality"] as! [String: Any])["findings"] as! [[String: Any]])
            .compactMap { $0["message"] as? String }
        XCTAssertTrue(findings.contains { $0.hasPrefix("attribution left out at the user's request") }, "\(findings)")
        XCTAssertTrue(findings.contains { $0.hasPrefix("reverse-stress left out at the user's request") }, "\(findings)")

        let manifest = try json(lean + "/manifest.json")["parameters"] as! [String: Any]
        XCTAssertEqual(manifest["skip"] as? [String], ["attribution", "reverse-stress"])
        XCTAssertNil((try json(full + "/manifest.json")["parameters"] as! [String: Any])["skip"],
                     "no skip key when nothing is skipped: earlier manifests read the same")

        let id = (leanResults["run"] as! [String: Any])["id"] as! String
        let fullID = ((try json(full + "/results.json"))["run"] as! [String: Any])["id"] as! String
        XCTAssertNotEqual(id, fullID, "skipping analyses makes another run, with its own id and default folder")
        let verify = try CommandRunner.run(["runs", "verify", id, "--store", path("store.sqlite"), "--quiet"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
    }

    func testUnknownAnalysisIsAUsageError() throws {
        let r = try run(out: path("bad"), ["--skip", "var"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--skip var: expected one of attribution, reverse-stress"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("bad")), "nothing written")
    }
}
