import Foundation
import TestSupport
import XCTest

/// The quarterly pack with one scenario of each framework writes every regulator's template,
/// filled from the run, with every validation rule passing; the templates' key cells are
/// recomputed here from results.json alone; `stresspack templates` lists and shows them.
final class RegulatoryTemplatesCLITests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("templates-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    static let templates = ["boe-capital", "boe-impairment", "corep-c07-00", "corep-c08-01", "corep-c08-02", "eba-cap",
                            "eba-cr-scen", "eba-nii", "eba-pl", "eba-rea", "eu-cr6", "fed-dfast-capital", "fry14a-summary",
                            "rbi-fsr"]

    /// template CSV → [(block, row, column)] → value.
    private func csv(_ id: String) throws -> [String: Double] {
        let text = try String(contentsOfFile: path("out/templates/\(id).csv"), encoding: .utf8)
        var out: [String: Double] = [:]
        for line in TemplateCSVReader.parse(text).dropFirst() where line[9] == "value" || line[9] == "formula" {
            out[line[2] + "|" + line[3] + "|" + line[5]] = Double(line[7])
        }
        return out
    }

    func testQuarterlyPackFillsEveryTemplateAndItsRulesPass() throws {
        let sample = try CommandRunner.run(["portfolio", "sample", "--exposures", "3000", "--seed", "11", "--out", path("bank.csv"),
                                            "--quiet"])
        XCTAssertEqual(sample.status, 0, sample.stderr)
        let r = try CommandRunner.run([
            "run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
            "--scenario", "eba-2025-adverse", "--scenario", "fed-2026-severely-adverse", "--scenario", "boe-2025-bcst",
            "--scenario", "rbi-2025-baseline", "--scenario", "rbi-2025-severe", "--paths", "500",
            "--quiet", "--store", path("store.sqlite"), "--out", path("out")])
        XCTAssertEqual(r.status, 0, r.stderr)

        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("out/results.json"))))
            as! [String: Any]
        let summaries = results["regulatory_templates"] as! [[String: Any]]
        XCTAssertEqual(summaries.map { $0["id"] as! String }.sorted(), Self.templates)
        for s in summaries {
            let id = s["id"] as! String
            XCTAssertGreaterThan(s["blocks"] as! Int, 0, id)
            XCTAssertEqual(s["checks_failed"] as? Int, 0, id)
            XCTAssertGreaterThan(s["checks_run"] as! Int, 0, id)
            XCTAssertEqual(s["unavailable"] as? Int, 0, id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: path("out/\(s["csv"] as! String)")), id)
        }
        // Not-produced cells are listed as data-quality findings, never silently blank.
        let findings = (results["data_quality"] as! [String: Any])["findings"] as! [[String: Any]]
        XCTAssertTrue(findings.contains { ($0["field"] as? String) == "not_produced" && ($0["message"] as! String).hasPrefix("C 07.00") })
        XCTAssertFalse(findings.contains { ($0["severity"] as? String) == "error" && ($0["file"] as! String).hasPrefix("templates/") })

        // Every CSV and the workbook are in the manifest with their hashes.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("out/manifest.json"))))
            as! [String: Any]
        for o in manifest["outputs"] as! [[String: Any]] where (o["path"] as! String).contains("templates") {
            XCTAssertEqual(try CommandRunner.sha256(of: path("out/\(o["path"] as! String)")), o["sha256"] as? String)
        }

        // Key cells recomputed from results.json alone.
        let scenarios = results["scenarios"] as! [[String: Any]]
        func scenario(_ id: String) -> [String: Any] { scenarios.first { $0["id"] as? String == id }! }
        let facts = results["regulatory_facts"] as! [String: Any]
        let irb = facts["irb"] as! [[String: Any]], sa = facts["standardised"] as! [[String: Any]]
        func total(_ rows: [[String: Any]], _ key: String) -> Double { rows.reduce(0) { $0 + ($1[key] as! Double) } }
        let eba = scenario("eba-2025-adverse")
        let credit = eba["credit"] as! [String: Any]

        let c07 = try csv("corep-c07-00")
        XCTAssertEqual(c07["Total|0010|0220"]!, total(sa, "rwa"), accuracy: total(sa, "rwa") * 1e-12)
        XCTAssertEqual(c07["Total|0010|0220"]!, credit["standardised_start_rwa"] as! Double,
                       accuracy: (credit["standardised_start_rwa"] as! Double) * 1e-9, "C 07.00 RWEA is the capital engine's")
        let cr6 = try csv("eu-cr6")
        XCTAssertEqual(cr6["Total|TOTAL|j"]!, credit["start_rwa"] as! Double, accuracy: (credit["start_rwa"] as! Double) * 1e-9)
        XCTAssertEqual(cr6["Total|TOTAL|e"]!, total(irb, "ead"), accuracy: total(irb, "ead") * 1e-12)
        let leaves = ["0020", "0030", "0040", "0050", "0060", "0080", "0090", "0110", "0120", "0140", "0150", "0160", "0170"]
        XCTAssertEqual(leaves.reduce(0) { $0 + cr6["Total|\($1)|e"]! }, total(irb, "ead"), accuracy: total(irb, "ead") * 1e-12)
        XCTAssertEqual(cr6["Total|TOTAL|f"]!, total(irb, "ead_pd") / total(irb, "ead"), accuracy: 1e-15)

        // FR Y-14A: the nine-quarter loss rate, the Fed's definition, from the write-offs and balances.
        let fed = scenario("fed-2026-severely-adverse")["provisions"] as! [String: Any]
        let writeOffs = fed["write_offs"] as! [Double]
        let ead = fed["ead"] as! [String: [Double]]
        // Each quarter's balance is the mean of its opening and closing balance.
        let stock = (0...9).map { t in ead["stage_1"]![t] + ead["stage_2"]![t] + ead["stage_3"]![t] }
        let balances = (1...9).map { t in (stock[t - 1] + stock[t]) / 2 }
        let rate = writeOffs.prefix(9).reduce(0, +) / (balances.reduce(0, +) / 9)
        let y14 = try csv("fry14a-summary")
        XCTAssertEqual(y14["fed-2026-severely-adverse|LL|RATE"]!, rate, accuracy: rate * 1e-12)
        XCTAssertEqual(y14["fed-2026-severely-adverse|LL|9Q"]!, writeOffs.prefix(9).reduce(0, +), accuracy: 1e-3)

        // EBA capital: the CET1 ratio of each year is CET1 over REA.
        let capital = eba["capital"] as! [String: Any]
        let cap = try csv("eba-cap")
        for (k, year) in ["2025", "2026", "2027"].enumerated() {
            let expected = (capital["cet1"] as! [Double])[k] / (capital["rwa"] as! [Double])[k]
            XCTAssertEqual(cap["eba-2025-adverse|213761|\(year)"]!, expected, accuracy: 1e-14, year)
        }
        // CSV_CR_SCEN: the countries' blocks add up to the whole book, year by year.
        let crScen = try csv("eba-cr-scen")
        let countries = ((eba["provisions"] as! [String: Any])["by_country"] as! [String: Any]).keys
        XCTAssertGreaterThan(countries.count, 1)
        for column in ["total Exp|Actual", "Prov Stock|2027", "Exp S3|2026"] {
            let whole = crScen["eba-2025-adverse|22|\(column)"]!
            let parts = countries.reduce(0.0) { $0 + crScen["eba-2025-adverse · \($1)|22|\(column)"]! }
            XCTAssertEqual(parts, whole, accuracy: whole * 1e-12, column)
        }
        // COREP C 08.01 / C 08.02: the IRB totals are the capital engine's jump-off RWA.
        XCTAssertEqual(try csv("corep-c08-01")["Total|0010|0260"]!, credit["start_rwa"] as! Double,
                       accuracy: (credit["start_rwa"] as! Double) * 1e-9)
        XCTAssertEqual(try csv("corep-c08-02")["Total|TOTAL|0110"]!, total(irb, "ead"), accuracy: total(irb, "ead") * 1e-12)
        // EBA REA: credit risk REA is the capital path's RWA less the other (market, operational) RWA.
        let otherRWA = (results["balance_sheet"] as! [String: Any])["other_rwa"] as! Double
        let rea = try csv("eba-rea")
        XCTAssertEqual(rea["eba-2025-adverse|213501|2026"]!, (capital["rwa"] as! [Double])[1] - otherRWA, accuracy: 1e-3)
        // EBA P&L: profit before tax is PPNR less credit and other losses, each year.
        let pl = try csv("eba-pl")
        for (k, year) in ["2025", "2026", "2027"].enumerated() {
            let expected = (capital["ppnr"] as! [Double])[k] - (capital["credit_losses"] as! [Double])[k]
                - (capital["other_losses"] as! [Double])[k]
            XCTAssertEqual(pl["eba-2025-adverse|213612|\(year)"]!, expected, accuracy: abs(expected) * 1e-12 + 1e-6, year)
        }
        // EBA NII: the memo row is the income engine's NII.
        let income = eba["income"] as! [String: Any]
        XCTAssertEqual(try csv("eba-nii")["eba-2025-adverse|NII|Interest|2027"]!, (income["net_interest_income"] as! [Double])[2],
                       accuracy: 1e-3)
        // DFAST: the projected minimum is the lowest CET1 ratio of the nine quarters.
        let fedCapital = scenario("fed-2026-severely-adverse")["capital"] as! [String: Any]
        XCTAssertEqual(try csv("fed-dfast-capital")["fed-2026-severely-adverse|CET1|MIN"]!,
                       (fedCapital["cet1_ratio"] as! [Double]).prefix(9).min()!, accuracy: 1e-15)
        // BoE impairment: the cumulative charge is the capital path's credit losses.
        let boeCapital = scenario("boe-2025-bcst")["capital"] as! [String: Any]
        let losses = (boeCapital["credit_losses"] as! [Double]).reduce(0, +)
        XCTAssertEqual(try csv("boe-impairment")["boe-2025-bcst|TOTAL|CUM"]!, losses, accuracy: losses * 1e-12)
        // BoE low point and RBI GNPA.
        let boe = try csv("boe-capital")
        XCTAssertEqual(boe["boe-2025-bcst|CET1|LOW"]!,
                       (scenario("boe-2025-bcst")["capital"] as! [String: Any])["min_cet1_ratio"] as! Double, accuracy: 1e-15)
        let rbi = try csv("rbi-fsr")
        let gnpa = (scenario("rbi-2025-severe")["provisions"] as! [String: Any])["gross_npa_ratio"] as! [Double]
        XCTAssertEqual(rbi["rbi-2025-severe|GNPA|FY2027"]!, gnpa.last!, accuracy: 1e-15)

        // The CLI: list, show with the run's results, and the source of a cell.
        let list = try CommandRunner.run(["templates", "list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        for id in Self.templates { XCTAssertTrue(list.stdout.contains(id), id) }
        let show = try CommandRunner.run(["templates", "show", "eu-cr6", "--results", path("out/results.json"), "--block", "Total"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("rTOTAL cj"), show.stdout)
        XCTAssertTrue(show.stdout.contains("fact(rwa)"), "each cell names its source")
        XCTAssertTrue(show.stdout.contains("0 failed"), show.stdout)
        let runID = (results["run"] as! [String: Any])["id"] as! String
        let byRun = try CommandRunner.run(["templates", "show", "rbi-fsr", "--run", runID, "--store", path("store.sqlite")])
        XCTAssertEqual(byRun.status, 0, byRun.stderr)
        let unknown = try CommandRunner.run(["templates", "show", "no-such-template"])
        XCTAssertEqual(unknown.status, 2, "a usage error")
        XCTAssertTrue(unknown.stderr.contains("known: "), unknown.stderr)
    }
}

extension RegulatoryTemplatesCLITests {
    /// A bank's own copy of the templates with its mapping: SME lending reported under "Other
    /// loans" rather than C&I. The run reads the copy (an input of the run), and a broken copy
    /// stops the run with exit 2 naming the file and line, writing nothing.
    func testABanksOwnMappingAndABrokenTemplate() throws {
        let sample = try CommandRunner.run(["portfolio", "sample", "--exposures", "2000", "--seed", "5", "--out", path("bank.csv"),
                                            "--quiet"])
        XCTAssertEqual(sample.status, 0, sample.stderr)
        let bundled = TestSupport.repositoryRoot.appendingPathComponent("templates/regulatory")
        try FileManager.default.copyItem(at: bundled, to: work.appendingPathComponent("mine"))
        let file = path("mine/fry14a-summary.yaml")
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "params: {classes: [corporate, sme]}", with: "params: {classes: [corporate]}")
            .replacingOccurrences(of: "params: {classes: [sovereign, bank]}", with: "params: {classes: [sovereign, bank, sme]}")
        XCTAssertNotEqual(edited, original)
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        func run(_ out: String, _ extra: [String]) throws -> CommandResult {
            try CommandRunner.run(["run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                                   "--scenario", "fed-2026-severely-adverse", "--paths", "200", "--quiet",
                                   "--store", path("store.sqlite"), "--out", path(out)] + extra)
        }
        let standard = try run("standard", [])
        XCTAssertEqual(standard.status, 0, standard.stderr)
        let mine = try run("mine-out", ["--regulatory-templates", path("mine")])
        XCTAssertEqual(mine.status, 0, mine.stderr)
        func cells(_ out: String) throws -> [String: Double] {
            let text = try String(contentsOfFile: path("\(out)/templates/fry14a-summary.csv"), encoding: .utf8)
            var values: [String: Double] = [:]
            for line in TemplateCSVReader.parse(text).dropFirst() where line[9] == "value" || line[9] == "formula" {
                values[line[3] + "|" + line[5]] = Double(line[7])
            }
            return values
        }
        let a = try cells("standard"), b = try cells("mine-out")
        XCTAssertEqual(a["LL|9Q"]!, b["LL|9Q"]!, accuracy: a["LL|9Q"]! * 1e-12, "the total does not depend on the mapping")
        XCTAssertLessThan(b["LL3|9Q"]!, a["LL3|9Q"]!, "C&I without SME")
        XCTAssertEqual(a["LL3|9Q"]! + a["LL7|9Q"]!, b["LL3|9Q"]! + b["LL7|9Q"]!, accuracy: a["LL|9Q"]! * 1e-12)
        let manifest = try String(contentsOfFile: path("mine-out/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains(path("mine/fry14a-summary.yaml")), "the bank's copy is an input of the run")

        try (edited.replacingOccurrences(of: "value: \"sum(take(", with: "value: \"total(take(")).write(
            toFile: file, atomically: true, encoding: .utf8)
        let broken = try run("broken", ["--regulatory-templates", path("mine")])
        XCTAssertEqual(broken.status, 2, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("fry14a-summary.yaml:"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("unknown function 'total'"), broken.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("broken")), "nothing written")
    }
}

/// RFC 4180 fields of the templates' CSV.
enum TemplateCSVReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var it = Array(text)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { field.append("\""); it.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        if !row.isEmpty || !field.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
