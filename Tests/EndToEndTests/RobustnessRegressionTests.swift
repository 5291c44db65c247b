import Foundation
import TestSupport
import XCTest

/// Named regression cases of issue #23 that pass every loader, so they cannot live
/// in the loaders' corpus (Tests/InputsTests/Corpus/): each ran to the end of the
/// engines and then trapped or failed. Each is rebuilt from the deterministic
/// sample bank with the change that broke it, and must now give a clean result or
/// a located error; and a run that dies by a signal must leave the store marking
/// it and its output folder untouched.
final class RobustnessRegressionTests: XCTestCase {
    private var work: URL!
    private var scenario: String {
        TestSupport.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/e2e-eba-adverse.yaml").path
    }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    /// The reference bank: `portfolio sample --exposures 300 --seed 8`.
    private func referenceBank() throws -> String {
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "300", "--seed", "8", "--out", path("ref.csv"),
                                       "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try String(contentsOfFile: path("ref.balance-sheet.yaml"), encoding: .utf8)
    }

    /// The text without `key` at `indent` spaces: its line (`key: value` or `key:`) and the deeper lines under it.
    private func deleting(_ key: String, indent: Int, from text: String) -> String {
        var out: [Substring] = []
        var skipping = false
        let head = String(repeating: " ", count: indent) + key + ":"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = line.prefix { $0 == " " }.count
            if line == head || line.hasPrefix(head + " ") { skipping = true; continue }
            if skipping, depth > indent || line.isEmpty { continue }
            skipping = false
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    private func run(balanceSheet: String, portfolio: String? = nil, out: String,
                     extra: [String] = []) throws -> CommandResult {
        try CommandRunner.run(["run", "--portfolio", portfolio ?? path("ref.csv"), "--balance-sheet", balanceSheet,
                               "--scenario", scenario, "--paths", "500", "--out", out, "--store", path("store.sqlite"),
                               "--quiet"] + extra)
    }

    private func sqlite(_ sql: String) throws -> String {
        try CommandRunner.run(executable: "/usr/bin/sqlite3", [path("store.sqlite"), sql]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - The two reproductions

    /// Reproduction 1: liquidity.inflows and liquidity.nsfr deleted. The workbook's
    /// empty inflow table reached a formula span 0...(rowCount − 1) and trapped
    /// (exit 132); now the sheet says "not provided" and the run succeeds.
    func testBalanceSheetWithoutInflowsAndNSFRRuns() throws {
        let sparse = deleting("nsfr", indent: 2, from: deleting("inflows", indent: 2, from: try referenceBank()))
        XCTAssertFalse(sparse.contains("inflows:") || sparse.contains("nsfr:"))
        try sparse.write(toFile: path("sparse.yaml"), atomically: true, encoding: .utf8)
        let r = try run(balanceSheet: path("sparse.yaml"), out: path("out"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.signalled)
        let files = try FileManager.default.contentsOfDirectory(atPath: path("out")).sorted()
        XCTAssertEqual(files, ["manifest.json", "quarterly-submission-templates.xlsx", "quarterly-submission.pdf",
                               "quarterly-submission.xlsx", "results.json", "templates"])
        let sheets = try CommandRunner.run(executable: "/usr/bin/unzip", ["-p", path("out/quarterly-submission.xlsx")]).stdout
        XCTAssertTrue(sheets.contains("Cash inflows (LCR40, before the 75% cap): not provided in the balance sheet"),
                      "the liquidity sheet says the section is not provided")
        let results = try String(contentsOfFile: path("out/results.json"), encoding: .utf8)
        XCTAssertFalse(results.contains("\"nsfr_detail\""), "no NSFR without an nsfr section")
    }

    /// Reproduction 2: only liquidity.nsfr.asf deleted (rsf kept). The NSFR would be
    /// 0 / RSF; the loader now rejects it naming the file, line and key, exit 2,
    /// and the run writes nothing and is recorded as failed.
    func testNSFRWithoutAvailableStableFundingIsRejectedAtItsKey() throws {
        try deleting("asf", indent: 4, from: try referenceBank()).write(toFile: path("no-asf.yaml"), atomically: true,
                                                                        encoding: .utf8)
        let r = try run(balanceSheet: path("no-asf.yaml"), out: path("out"))
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("error: " + path("no-asf.yaml") + ":"), r.stderr)
        XCTAssertTrue(r.stderr.contains("liquidity.nsfr.asf: required key is missing"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out")))
        XCTAssertEqual(try sqlite("SELECT status FROM runs"), "failed")
    }

    /// Every optional part of the balance sheet left out in turn, with a scenario of
    /// each framework and the audit pack (every sheet and page): the run succeeds,
    /// or is rejected naming the file and the key it needs — never a trap.
    func testEveryOptionalPartOfTheBalanceSheetCanBeLeftOut() throws {
        let full = try referenceBank()
        let root = TestSupport.repositoryRoot.path
        let scenarios = [scenario, root + "/scenarios/boe-2025-bcst.yaml", root + "/scenarios/fed-2026-severely-adverse.yaml",
                         root + "/scenarios/rbi-2025-severe.yaml"].flatMap { ["--scenario", $0] }
        // Key, indentation, and the key the run must name when it cannot do without it.
        let parts: [(String, Int, String?)] = [
            ("bank", 0, nil), ("income", 0, nil), ("banking_book", 0, nil), ("non_interest", 0, nil), ("tax_rate", 2, nil),
            ("distributions", 2, nil),
            ("other_losses", 2, nil), ("liquidity", 0, nil), ("hqla", 2, nil), ("inflows", 2, nil), ("nsfr", 2, nil),
            ("outflows", 2, "liquidity.outflows"), ("rbi", 0, "rbi.deposits"), ("at1", 2, nil), ("tier2", 2, nil),
            ("rwa", 2, nil), ("other_rwa", 2, nil), ("systemic_reference_point", 2, nil), ("countercyclical_buffer", 2, nil),
            ("systemic_buffer", 2, nil),
        ]
        for (key, indent, needed) in parts {
            let file = path("without-\(key).yaml")
            let text = deleting(key, indent: indent, from: full)
            XCTAssertNotEqual(text, full, key)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let r = try CommandRunner.run(["run", "--pack", "audit", "--portfolio", path("ref.csv"), "--balance-sheet", file,
                                           "--paths", "200", "--out", path("out-\(key)"), "--store", path("store.sqlite"),
                                           "--quiet"] + scenarios)
            XCTAssertFalse(r.signalled, "\(key): \(r.stderr.prefix(600))")
            if let needed {
                XCTAssertEqual(r.status, 2, "\(key): \(r.stderr)")
                XCTAssertTrue(r.stderr.hasPrefix("error: \(file)") && r.stderr.contains(needed), "\(key): \(r.stderr)")
            } else {
                XCTAssertEqual(r.status, 0, "\(key): \(r.stderr)")
            }
        }
    }

    // MARK: - Found by the mutation property test

    /// Property test case 132: every EAD set to 4.9e-324 (subnormal). The loss
    /// histogram's bin width underflowed to zero and Int(loss / 0) trapped after
    /// the Monte Carlo. Without capital.rwa the RWA comes from that book, and the
    /// CET1 ratio over it was infinite (exit 1). Both runs now complete.
    func testBookOfSubnormalExposuresRuns() throws {
        _ = try referenceBank()
        var lines = try String(contentsOfFile: path("ref.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",")
        let ead = try XCTUnwrap(header.firstIndex(of: "ead"))
        // A provision cannot exceed a subnormal exposure: those cells go blank.
        let provision = header.firstIndex(of: "provision")
        for k in 1..<lines.count {
            var fields = lines[k].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[ead] = "4.9e-324"
            if let provision { fields[provision] = "" }
            lines[k] = fields.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path("tiny.csv"), atomically: true, encoding: .utf8)
        let r = try run(balanceSheet: path("ref.balance-sheet.yaml"), portfolio: path("tiny.csv"), out: path("out"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.signalled)
        let noRWA = try String(contentsOfFile: path("ref.balance-sheet.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  rwa:") }
        try noRWA.joined(separator: "\n").write(toFile: path("no-rwa.yaml"), atomically: true, encoding: .utf8)
        let computed = try run(balanceSheet: path("no-rwa.yaml"), portfolio: path("tiny.csv"), out: path("out2"))
        XCTAssertEqual(computed.status, 0, computed.stderr)
        XCTAssertFalse(computed.signalled)
    }

    // MARK: - A run that dies

    /// A run ended by a signal while it renders (SIGILL, as a Swift runtime trap
    /// ends it): the process says so in one line and exits by the signal, the output folder of an earlier
    /// run at the same --out keeps its files byte for byte, the store marks the
    /// run incomplete on its next open, and the next run clears the staging folder.
    func testRunDyingWhileRenderingLeavesTheOutputFolderUntouched() throws {
        _ = try referenceBank()
        let out = path("out")
        let first = try run(balanceSheet: path("ref.balance-sheet.yaml"), out: out)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try snapshot(out)

        // Another run into the same folder (another seed, so other bytes), stopped once
        // results.json is staged, that is while the workbook and PDF are being written.
        let process = Process()
        process.executableURL = CommandRunner.executable()
        process.arguments = ["run", "--portfolio", path("ref.csv"), "--balance-sheet", path("ref.balance-sheet.yaml"),
                             "--scenario", scenario, "--paths", "500", "--seed", "7", "--out", out,
                             "--store", path("store.sqlite"), "--quiet"]
        var env = ProcessInfo.processInfo.environment
        env["STRESSPACK_HOME"] = TestSupport.repositoryRoot.path
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var staged = false
        while !staged, process.isRunning, Date() < deadline {
            staged = stagingFolders().contains { name in
                FileManager.default.fileExists(atPath: path(name + "/results.json"))
            }
            if !staged { Thread.sleep(forTimeInterval: 0.005) }
        }
        XCTAssertTrue(staged, "the run reached its outputs")
        kill(process.processIdentifier, SIGILL)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGILL)
        XCTAssertTrue(message.contains("stresspack: stopped on an internal error (a bug, not your input)"), message)

        XCTAssertEqual(try snapshot(out), before, "the earlier run's files are untouched")
        XCTAssertEqual(try sqlite("SELECT count(*) FROM runs WHERE status = 'running'"), "1", "not yet reopened")
        let list = try CommandRunner.run(["runs", "list", "--store", path("store.sqlite")])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(try sqlite("SELECT status, error FROM runs ORDER BY run_key"),
                       "succeeded|\nincomplete|the process ended before the run finished")
        XCTAssertEqual(stagingFolders().count, 1, "the dead run's staging folder stays until the next run")
        XCTAssertEqual(try run(balanceSheet: path("ref.balance-sheet.yaml"), out: path("next")).status, 0)
        XCTAssertEqual(stagingFolders(), [], "the next run removes it")
    }

    private func stagingFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []).filter { $0.hasPrefix(".stresspack-staging-") }
    }

    /// Every file under the folder (templates/ included), by relative path.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}
