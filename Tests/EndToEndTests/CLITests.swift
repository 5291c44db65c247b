import Foundation
import TestSupport
import XCTest

/// The `stresspack` executable as a user runs it: outputs, exit codes, messages.
final class CLITests: XCTestCase {
    private var work: URL!
    private var fixtures: URL { TestSupport.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures") }

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    private func sampleBank(_ n: Int = 3_000, seed: Int = 7, name: String = "bank.csv") throws {
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "\(n)", "--seed", "\(seed)",
                                       "--out", path(name), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testHelpListsTheCommands() throws {
        let r = try CommandRunner.run(["--help"])
        XCTAssertEqual(r.status, 0)
        for command in ["demo", "run", "scenarios", "portfolio", "runs"] {
            XCTAssertTrue(r.stdout.contains(command), "help mentions \(command)")
        }
    }

    /// `stresspack ecl`: each scenario's reporting-date ECL by stage and the probability-
    /// weighted one (IFRS 9 5.5.17); weights that do not add up to 1 are a usage error.
    func testECLWeighsTheScenarios() throws {
        try sampleBank()
        let base = ["ecl", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"), "--quiet"]
        let r = try CommandRunner.run(base + ["--scenario", "eba-2025-baseline", "--weight", "0.6",
                                              "--scenario", "eba-2025-adverse", "--weight", "0.4", "--json", path("ecl.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("probability-weighted"), r.stdout)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("ecl.json")))) as! [String: Any]
        let scenarios = document["scenarios"] as! [[String: Any]]
        let totals = scenarios.map { ($0["ecl"] as! [String: Any])["total"] as! Double }
        let weighted = (document["weighted"] as! [String: Any])["total"] as! Double
        XCTAssertEqual(weighted, 0.6 * totals[0] + 0.4 * totals[1], accuracy: 1e-6 * weighted)
        XCTAssertGreaterThan(totals[1], totals[0], "the adverse scenario's forward PDs give more ECL")
        let bad = try CommandRunner.run(base + ["--scenario", "eba-2025-baseline", "--weight", "0.5"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("the weights must add up to 1"), bad.stderr)
    }

    func testSampleWritesPortfolioAndBalanceSheetDeterministically() throws {
        try sampleBank(name: "a.csv")
        try sampleBank(name: "b.csv")
        let a = try Data(contentsOf: URL(fileURLWithPath: path("a.csv")))
        XCTAssertEqual(a, try Data(contentsOf: URL(fileURLWithPath: path("b.csv"))))
        XCTAssertEqual(try String(contentsOfFile: path("a.balance-sheet.yaml"), encoding: .utf8)
                        .replacingOccurrences(of: "a.csv", with: ""),
                       try String(contentsOfFile: path("b.balance-sheet.yaml"), encoding: .utf8)
                        .replacingOccurrences(of: "b.csv", with: ""))
        let r = try CommandRunner.run(["portfolio", "validate", path("a.csv")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("3000 exposures"), r.stdout)
    }

    func testRunWritesResultsAndManifestAndIsReproducible() throws {
        try sampleBank()
        let scenario = fixtures.appendingPathComponent("e2e-eba-adverse.yaml").path
        let args = ["run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                    "--scenario", scenario, "--quiet", "--store", path("store.sqlite"), "--out"]
        let first = try CommandRunner.run(args + [path("out1"), "--threads", "1"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try CommandRunner.run(args + [path("out2"), "--threads", "2"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let eighth = try CommandRunner.run(args + [path("out8"), "--threads", "8"])
        XCTAssertEqual(eighth.status, 0, eighth.stderr)

        let files = try FileManager.default.contentsOfDirectory(atPath: path("out1")).sorted()
        XCTAssertEqual(files, ["manifest.json", "quarterly-submission-templates.xlsx", "quarterly-submission.pdf",
                               "quarterly-submission.xlsx", "results.json", "templates"],
                       "exactly the run's files, no staging left")
        let written = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: path("out1/manifest.json")))) as! [String: Any]
        let outputNames = (written["outputs"] as! [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual(outputNames.filter { $0.hasPrefix("templates/") }.count, 14, "one CSV per regulatory template")
        for name in outputNames + ["manifest.json"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("out1/\(name)"))),
                           try Data(contentsOf: URL(fileURLWithPath: path("out2/\(name)"))),
                           "\(name) is byte-identical for 1 and 2 threads")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("out1/\(name)"))),
                           try Data(contentsOf: URL(fileURLWithPath: path("out8/\(name)"))),
                           "\(name) is byte-identical for 1 and 8 threads")
        }

        let results = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: path("out1/results.json")))) as! [String: Any]
        let portfolio = results["portfolio"] as! [String: Any]
        XCTAssertEqual(portfolio["exposures"] as? Int, 3_000)
        // Identity: segment ELs add up to the total.
        let total = portfolio["expected_loss"] as! Double
        let bySegment = portfolio["by_segment"] as! [String: [String: Any]]
        let sum = bySegment.values.map { $0["expected_loss"] as! Double }.reduce(0, +)
        XCTAssertEqual(sum, total, accuracy: total * 1e-12)
        let scenarios = results["scenarios"] as! [[String: Any]]
        XCTAssertEqual(scenarios.first?["id"] as? String, "e2e-eba-adverse")
        let run = results["run"] as! [String: Any]
        XCTAssertEqual(run["as_of"] as? String, "2025-12-31")

        // The manifest's output hash is the hash of results.json.
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: path("out1/manifest.json")))) as! [String: Any]
        let outputs = manifest["outputs"] as! [[String: Any]]
        let sha = try CommandRunner.sha256(of: path("out1/results.json"))
        XCTAssertEqual(outputs.first?["sha256"] as? String, sha)
        let roles = (manifest["inputs"] as! [[String: Any]]).compactMap { $0["role"] as? String }
        XCTAssertEqual(roles, ["portfolio", "balance_sheet", "liquidity_rates", "market_factors", "report_template"]
                       + Array(repeating: "regulatory_template", count: 14) + ["scenario", "framework", "risk_weights"])
        // Bundled files are named relative to the project, so the same run reads the same in any checkout.
        let paths = (manifest["inputs"] as! [[String: Any]]).reduce(into: [String: String]()) {
            $0[$1["role"] as! String] = $1["path"] as? String
        }
        XCTAssertEqual(paths["framework"], "frameworks/eba.yaml")
        XCTAssertEqual(paths["report_template"], "templates/quarterly-submission.yaml")
        XCTAssertEqual(paths["liquidity_rates"], "tables/liquidity-basel.yaml")
        XCTAssertNotNil(results["factor_risk"], "results.json has factor_risk")
        let creditVaR = results["var"] as! [String: Any]
        XCTAssertGreaterThanOrEqual(creditVaR["es"] as! Double, creditVaR["var"] as! Double, "ES ≥ VaR")
        // Every engine reported for the scenario.
        for section in ["credit", "capital", "liquidity", "satellite", "reverse_stress"] {
            XCTAssertNotNil(scenarios[0][section], "results.json has \(section)")
        }
    }

    /// The board pack from the CLI: its workbook and its PDF, with the bank named
    /// by the balance sheet as the PDF's author and every page numbered.
    func testBoardPackWritesWorkbookAndPDF() throws {
        try sampleBank()
        let r = try CommandRunner.run(["run", "--pack", "board", "--framework", "ccar", "--portfolio", path("bank.csv"),
                                       "--balance-sheet", path("bank.balance-sheet.yaml"), "--quiet",
                                       "--store", path("store.sqlite"), "--out", path("board")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: path("board")).sorted()
        XCTAssertEqual(files, ["board.pdf", "board.xlsx", "manifest.json", "results.json"])
        let info = try CommandRunner.run(executable: "/usr/bin/pdfinfo", [path("board/board.pdf")])
        XCTAssertTrue(info.stdout.contains("Author:          Sample Bank AG"), info.stdout)
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        XCTAssertGreaterThanOrEqual(pages, 10, info.stdout)
        let text = try CommandRunner.run(executable: "/usr/bin/pdftotext", [path("board/board.pdf"), "-"]).stdout
        XCTAssertTrue(text.contains("Page \(pages) of \(pages)"))
        XCTAssertTrue(text.contains("fed-2026-severely-adverse"))
        let manifest = try String(contentsOfFile: path("board/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"board.pdf\""), "the manifest lists the PDF with its SHA-256")
    }

    func testBadPortfolioExitsTwoNamingTheLineAndWritesNothing() throws {
        try sampleBank()
        let bad = "id,pd,lgd,ead\nA,0.01,0.4,100\nB,0.02,0.4,-5\n"
        try bad.write(toFile: path("bad.csv"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["run", "--portfolio", path("bad.csv"), "--balance-sheet",
                                       path("bank.balance-sheet.yaml"), "--out", path("out"), "--quiet",
                                       "--store", path("store.sqlite")])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.csv:3"), r.stderr)
        XCTAssertTrue(r.stderr.contains("ead"), r.stderr)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: path("out"))) ?? []
        XCTAssertEqual(leftovers, [], "a failed run leaves no file in the output folder")
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try CommandRunner.run(["run", "--as-of", "2025-13-40", "--store", path("s.sqlite")]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["run", "--framework", "xyz"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["--no-such-option"]).status, 2)
        XCTAssertEqual(try CommandRunner.run(["run", "--scenario", "no-such-scenario", "--store", path("s.sqlite")]).status, 2)
        let unknownRun = try CommandRunner.run(["runs", "show", "run-nope", "--store", path("s.sqlite")])
        XCTAssertEqual(unknownRun.status, 2)
        XCTAssertTrue(unknownRun.stderr.contains("no run 'run-nope'"), unknownRun.stderr)
    }

    func testScenarioValidateReportsTheKey() throws {
        let bad = """
            id: short
            framework: boe
            name: Too short for the Bank of England
            severity: adverse
            frequency: annual
            periods: ["2026", "2027", "2028"]
            source: test
            variables:
              gdp_growth: [-0.02, -0.01, 0.0]
            """
        try bad.write(toFile: path("short.yaml"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["scenarios", "validate", path("short.yaml")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("short.yaml"), r.stderr)
        XCTAssertTrue(r.stderr.contains("at least 5"), r.stderr)
        let ok = try CommandRunner.run(["scenarios", "validate", fixtures.appendingPathComponent("e2e-eba-adverse.yaml").path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }
}
