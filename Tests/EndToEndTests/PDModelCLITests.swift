import Foundation
import TestSupport
import XCTest

/// `stresspack pd fit | calibrate | apply` from the German credit data to a scored book
/// that a stress run reads.
final class PDModelCLITests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("pd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }
    private let german = TestSupport.repositoryRoot.appendingPathComponent("data/pd/germancredit.csv").path

    func testFitCalibrateApplyAndStressTheScoredBook() throws {
        var r = try CommandRunner.run(["pd", "fit", "--data", german, "--target", "creditability", "--bad", "bad",
                                       "--out", path("model.yaml")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("AUC"), r.stdout)
        XCTAssertTrue(r.stdout.contains("status_of_existing_checking_account"), r.stdout)
        let fitted = try String(contentsOfFile: path("model.yaml"), encoding: .utf8)
        XCTAssertTrue(fitted.contains("sha256: \(try CommandRunner.sha256(of: german))"))

        // The same data gives the same model file, byte for byte.
        r = try CommandRunner.run(["pd", "fit", "--data", german, "--target", "creditability", "--bad", "bad",
                                   "--out", path("again.yaml")])
        XCTAssertEqual(try CommandRunner.sha256(of: path("again.yaml")), try CommandRunner.sha256(of: path("model.yaml")))

        r = try CommandRunner.run(["pd", "calibrate", path("model.yaml"), "--data", german, "--central-tendency", "0.025"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("mean PD over 1000 development loans: 2.500000%"), r.stdout)

        // Validated on the development sample against itself: the report and its lights.
        r = try CommandRunner.run(["pd", "validate", path("model.yaml"), "--data", german, "--bad", "bad",
                                   "--reference", german, "--out", path("validation.json")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("AUC 0.8"), r.stdout)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("validation.json")))) as! [String: Any]
        XCTAssertNotNil(report["verdict"] as? String)
        XCTAssertEqual((report["stability"] as? [String: Any])?["grade_psi"] as? Double, 0)

        // The report as a workbook, dated by --as-of: the same validation, the same bytes.
        for name in ["v1.xlsx", "v2.xlsx"] {
            r = try CommandRunner.run(["pd", "validate", path("model.yaml"), "--data", german, "--bad", "bad", "--reference", german,
                                       "--out", path("validation.json"), "--workbook", path(name), "--as-of", "2026-12-31"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try CommandRunner.sha256(of: path("v1.xlsx")), try CommandRunner.sha256(of: path("v2.xlsx")))
        let listing = try CommandRunner.run(executable: "/usr/bin/unzip", ["-l", path("v1.xlsx")]).stdout
        XCTAssertEqual(listing.components(separatedBy: "xl/worksheets/sheet").count - 1, 4, listing)
        XCTAssertEqual(listing.components(separatedBy: "xl/charts/chart").count - 1, 3, listing)
        r = try CommandRunner.run(["pd", "validate", path("model.yaml"), "--data", german, "--bad", "bad",
                                   "--out", path("x.json"), "--workbook", path("x.xlsx")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--as-of"), r.stderr)

        // A book: the sample bank's exposures carrying the applicants' characteristics.
        r = try CommandRunner.run(["portfolio", "sample", "--exposures", "1000", "--seed", "5", "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bank = try String(contentsOfFile: path("bank.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let applicants = try String(contentsOfFile: german, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let book = zip(bank, applicants).map { "\($0),\($1)" }.joined(separator: "\n") + "\n"
        try Data(book.utf8).write(to: URL(fileURLWithPath: path("book.csv")))

        r = try CommandRunner.run(["pd", "apply", path("model.yaml"), "--data", path("book.csv"), "--out", path("scored.csv")])
        XCTAssertEqual(r.status, 0, r.stderr)
        let scored = try String(contentsOfFile: path("scored.csv"), encoding: .utf8).split(separator: "\n")
        let header = scored[0].split(separator: ",").map(String.init)
        let pdColumn = try XCTUnwrap(header.firstIndex(of: "pd")), ratingColumn = try XCTUnwrap(header.firstIndex(of: "rating"))
        XCTAssertEqual(header.filter { $0 == "pd" }.count, 1, "the pd column is replaced, not added twice")
        XCTAssertEqual(scored.count, 1001)
        let grades = Set(scored.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[ratingColumn]) })
        XCTAssertGreaterThan(grades.count, 8)
        XCTAssertTrue(scored.dropFirst().allSatisfy { Double($0.split(separator: ",", omittingEmptySubsequences: false)[pdColumn])! > 0 })

        // The stress run reads the model's PDs (the characteristics are ignored columns).
        r = try CommandRunner.run(["run", "--portfolio", path("scored.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                                   "--scenario", "boe-2025-bcst", "--paths", "200", "--pack", "board", "--out", path("run"),
                                   "--store", path("store.sqlite"), "--quiet"], in: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("run/results.json")))

        // The run applying the model itself: the same figures, the model a hashed input, verified.
        r = try CommandRunner.run(["run", "--portfolio", path("book.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                                   "--pd-model", path("model.yaml"), "--pd-validation-sample", german,
                                   "--scenario", "boe-2025-bcst", "--paths", "200",
                                   "--pack", "board", "--out", path("modelled"), "--store", path("store.sqlite"), "--quiet"], in: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("modelled/manifest.json")))) as! [String: Any]
        let model = (manifest["inputs"] as! [[String: Any]]).first { $0["role"] as? String == "pd_model" }
        XCTAssertEqual(model?["sha256"] as? String, try CommandRunner.sha256(of: path("model.yaml")))
        // The model's validation is in the pack, listed in the manifest.
        let outputs = (manifest["outputs"] as! [[String: Any]]).compactMap { $0["path"] as? String }
        XCTAssertTrue(outputs.contains("pd-validation.json") && outputs.contains("pd-validation.xlsx")
                      && outputs.contains("pd-validation.pdf"), "\(outputs)")
        let inPack = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("modelled/pd-validation.json")))) as! [String: Any]
        XCTAssertEqual((inPack["calibration"] as? [String: Any])?["defaults"] as? Int, 300)
        let sql = "SELECT group_concat(scenario || period || metric || '=' || value, ';') FROM run_figures WHERE run_key = "
        let scoredFigures = try CommandRunner.run(executable: "/usr/bin/sqlite3", [path("store.sqlite"), sql + "1"]).stdout
        let modelledFigures = try CommandRunner.run(executable: "/usr/bin/sqlite3", [path("store.sqlite"), sql + "2"]).stdout
        XCTAssertFalse(scoredFigures.isEmpty)
        XCTAssertEqual(scoredFigures, modelledFigures, "pd apply then run, and run --pd-model, stress the same PDs")
        let runID = try XCTUnwrap(manifest["run_id"] as? String)
        r = try CommandRunner.run(["runs", "verify", "\(runID)", "--store", path("store.sqlite"), "--quiet"], in: work)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    }

    /// A development sample and the same obligors a year later after a downturn: the
    /// validation PDF (read back through poppler) with the ROC and CAP curves, calibration by
    /// grade, stability and the migration matrix; the same inputs give the same bytes.
    func testValidationReportPDFWithMigration() throws {
        for (name, drift) in [("dev.csv", "0"), ("monitor.csv", "1")] {
            let r = try CommandRunner.run(["pd", "sample", "--loans", "20000", "--seed", "7", "--drift", drift, "--ids",
                                           "--out", path(name)])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertTrue(try String(contentsOfFile: path("dev.csv"), encoding: .utf8).hasPrefix("obligor_id,age,"))
        var r = try CommandRunner.run(["pd", "fit", "--data", path("dev.csv"), "--target", "default", "--exclude", "obligor_id",
                                       "--out", path("model.yaml")])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CommandRunner.run(["pd", "calibrate", path("model.yaml"), "--data", path("dev.csv"), "--central-tendency", "0.04"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["v1.pdf", "v2.pdf"] {
            r = try CommandRunner.run(["pd", "validate", path("model.yaml"), "--data", path("monitor.csv"),
                                       "--reference", path("dev.csv"), "--id", "obligor_id", "--out", path("v.json"),
                                       "--pdf", path(name), "--as-of", "2026-12-31"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertTrue(r.stdout.contains("migration of 20000 obligors"), r.stdout)
        XCTAssertEqual(try CommandRunner.sha256(of: path("v1.pdf")), try CommandRunner.sha256(of: path("v2.pdf")))
        let info = try CommandRunner.run(executable: "/usr/bin/pdfinfo", [path("v1.pdf")]).stdout
        XCTAssertTrue(info.contains("Pages:           6"), info)
        let text = try CommandRunner.run(executable: "/usr/bin/pdftotext", ["-layout", path("v1.pdf"), "-"]).stdout
        for heading in ["Tests and traffic lights", "ROC curve", "Cumulative accuracy profile", "Calibration tests by grade",
                        "Share of loans by grade", "Characteristic stability index", "Grade migration",
                        "Matrix weighted bandwidth"] {
            XCTAssertTrue(text.contains(heading), "missing \(heading)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("v.json")))) as! [String: Any]
        let migration = try XCTUnwrap((report["stability"] as? [String: Any])?["migration"] as? [String: Any])
        XCTAssertEqual(migration["obligors"] as? Int, 20_000)
        // The overall light on the summary page is the JSON's.
        XCTAssertTrue(text.contains("Overall \((report["verdict"] as! String).uppercased())"), text)

        r = try CommandRunner.run(["pd", "validate", path("model.yaml"), "--data", path("monitor.csv"), "--id", "obligor_id",
                                   "--out", path("x.json")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--id needs --reference"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.json")))
    }

    /// The sample bank's card and consumer loans rated by the shipped retail scorecard: the
    /// script rebuilds the model file byte for byte; `pd apply` and `run --pd-model` rate the
    /// performing rows of the model's segments only, and give the same figures.
    func testSampleBankRatedByTheShippedScorecard() throws {
        let shipped = TestSupport.repositoryRoot.appendingPathComponent("data/pd/retail-scorecard.yaml").path
        let script = TestSupport.repositoryRoot.appendingPathComponent("scripts/pd/retail-scorecard.sh").path
        var r = try CommandRunner.run(executable: "/bin/bash", [script, CommandRunner.executable().path, path("rebuilt.yaml")])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The same text and numbers; the last bits of the fit's standard errors and points come
        // from OpenBLAS's Cholesky kernel, which is chosen by CPU type (Zen and Haswell kernels
        // give other last bits than the machine that fitted the shipped file).
        try assertSameModel(path("rebuilt.yaml"), shipped, relative: 1e-12)
        let again = try CommandRunner.run(executable: "/bin/bash", [script, CommandRunner.executable().path, path("again.yaml")])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try CommandRunner.sha256(of: path("again.yaml")), try CommandRunner.sha256(of: path("rebuilt.yaml")),
                       "on one machine the script rebuilds the model byte for byte")

        r = try CommandRunner.run(["portfolio", "sample", "--exposures", "5000", "--seed", "8", "--borrowers",
                                   "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CommandRunner.run(["pd", "apply", shipped, "--data", path("bank.csv"), "--out", path("scored.csv")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("keep their pd and rating"), r.stdout)
        func rows(_ name: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: path(name), encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return lines.dropFirst().map { line in
                Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            }
        }
        let before = try rows("bank.csv"), after = try rows("scored.csv")
        let grades = Set(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17",
                          "18", "19", "20"])
        var rated = 0
        for (b, a) in zip(before, after) {
            if ["Credit cards", "Consumer loans"].contains(b["segment"]!) && b["stage"] != "3" {
                rated += 1
                XCTAssertTrue(grades.contains(a["rating"]!), "\(a["id"]!): \(a["rating"]!)")
                XCTAssertFalse(a["score"]!.isEmpty)
            } else {
                XCTAssertEqual(a["pd"], b["pd"], "\(b["id"]!) keeps its PD")
                XCTAssertEqual(a["rating"], b["rating"], "\(b["id"]!) keeps its rating")
                XCTAssertEqual(a["score"], "")
            }
        }
        XCTAssertGreaterThan(rated, 1_500)
        // Stage 2 borrowers' characteristics have deteriorated, so the scorecard grades them riskier.
        func meanPD(stage: String) -> Double {
            let pds = zip(before, after).filter { ["Credit cards", "Consumer loans"].contains($0.0["segment"]!) && $0.0["stage"] == stage }
                .map { Double($0.1["pd"]!)! }
            return pds.reduce(0, +) / Double(pds.count)
        }
        XCTAssertGreaterThan(meanPD(stage: "2"), 2 * meanPD(stage: "1"))

        let common = ["--balance-sheet", path("bank.balance-sheet.yaml"), "--scenario", "eba-2025-adverse", "--paths", "200",
                      "--pack", "board", "--store", path("store.sqlite"), "--quiet"]
        r = try CommandRunner.run(["run", "--portfolio", path("scored.csv"), "--out", path("scored")] + common, in: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CommandRunner.run(["run", "--portfolio", path("bank.csv"), "--pd-model", shipped, "--out", path("modelled")] + common,
                                  in: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        let sql = "SELECT group_concat(scenario || period || metric || '=' || value, ';') FROM run_figures WHERE run_key = "
        let scoredFigures = try CommandRunner.run(executable: "/usr/bin/sqlite3", [path("store.sqlite"), sql + "1"]).stdout
        XCTAssertFalse(scoredFigures.isEmpty)
        XCTAssertEqual(scoredFigures, try CommandRunner.run(executable: "/usr/bin/sqlite3", [path("store.sqlite"), sql + "2"]).stdout)
        let results = try String(contentsOfFile: path("modelled/results.json"), encoding: .utf8)
        XCTAssertTrue(results.contains("\(rated) exposures graded on stresspack-20"), "the run says how many the model rated")
    }

    func testBadInputExitsTwoNamingTheProblem() throws {
        var r = try CommandRunner.run(["pd", "fit", "--data", german, "--target", "creditability", "--out", path("m.yaml")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--bad"), r.stderr)
        XCTAssertTrue(r.stderr.contains("germancredit.csv:2"), r.stderr)
        r = try CommandRunner.run(["pd", "fit", "--data", german, "--target", "nope", "--out", path("m.yaml")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no column 'nope'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("m.yaml")))
        // An uncalibrated model cannot score a book.
        r = try CommandRunner.run(["pd", "fit", "--data", german, "--target", "creditability", "--bad", "bad", "--out", path("m.yaml")])
        r = try CommandRunner.run(["pd", "apply", path("m.yaml"), "--data", german, "--out", path("s.csv")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("pd calibrate"), r.stderr)
        // A model scoped to segments cannot rate a book that has no segment column.
        r = try CommandRunner.run(["pd", "calibrate", path("m.yaml"), "--data", german, "--central-tendency", "0.03",
                                   "--segment", "Consumer loans"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try CommandRunner.run(["pd", "apply", path("m.yaml"), "--data", german, "--out", path("s.csv")])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("rates the segments Consumer loans and the book has no segment column"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("s.csv")))
    }

    /// Two model files with the same text, their numbers within `relative` of each other.
    private func assertSameModel(_ a: String, _ b: String, relative: Double,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let number = try NSRegularExpression(pattern: "-?[0-9]+\\.[0-9]+(e-?[0-9]+)?")
        func split(_ path: String) throws -> (text: String, numbers: [Double]) {
            let content = try String(contentsOfFile: path, encoding: .utf8)
            let all = NSRange(content.startIndex..., in: content)
            let numbers = number.matches(in: content, range: all).map { Double((content as NSString).substring(with: $0.range))! }
            return (number.stringByReplacingMatches(in: content, range: all, withTemplate: "#"), numbers)
        }
        let (x, y) = (try split(a), try split(b))
        XCTAssertEqual(x.text, y.text, "the same model apart from its numbers", file: file, line: line)
        XCTAssertEqual(x.numbers.count, y.numbers.count, file: file, line: line)
        XCTAssertGreaterThan(x.numbers.count, 100, "the model's numbers are compared", file: file, line: line)
        for (u, v) in zip(x.numbers, y.numbers) where abs(u - v) > relative * max(abs(u), abs(v)) {
            XCTFail("\(u) and \(v) differ by more than \(relative) relative", file: file, line: line)
        }
    }
}
