import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// The PDF board pack, read back with poppler: page count, embedded fonts,
/// metadata dated by the run, every key figure in the text exactly as the pack
/// rounds results.json, and byte-identical reruns.
final class BoardPackTests: WorkbookTestCase {
    func render(_ pack: String = "board", name: String = "board.pdf",
                results: RunResults? = nil) throws -> (String, RenderedPDF?) {
        let (fixture, _) = try ReportModelTests.fixture()
        let path = directory.appendingPathComponent(name).path
        let rendered = try BoardPackRenderer.render(
            results: results ?? fixture, scenarios: Fixtures.scenarios, template: try Packs.template(pack),
            outputs: [InputFile(role: "results", path: "results.json", sha256: String(repeating: "c", count: 64), bytes: 99)],
            to: path)
        return (path, rendered)
    }

    static func text(_ path: String) throws -> String {
        let (status, output) = try Tools.run("/usr/bin/pdftotext", ["-layout", path, "-"])
        guard status == 0 else { throw Tools.Failure(description: "pdftotext \(path): \(output)") }
        return output
    }

    /// Cover, summary, two pages per framework (4 in the fixture), provisions, waterfall,
    /// attribution, loss distribution, VaR, factor risk, fan, manifest (no calibration page:
    /// the fixture's scenarios have no published outcome).
    func testPagesAsTheTemplateListsThem() throws {
        let (path, rendered) = try render()
        let r = try XCTUnwrap(rendered)
        XCTAssertEqual(r.pages, 1 + 1 + 4 + 4 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1, "\(r.titles)")
        XCTAssertTrue(r.titles.contains("Provisions: stages, coverage and impairment"), "\(r.titles)")
        XCTAssertEqual(r.titles.first, "Cover")
        XCTAssertEqual(r.titles.last, "Appendix: run manifest")
        let info = try Tools.run("/usr/bin/pdfinfo", [path]).output
        XCTAssertTrue(info.contains("Pages:           \(r.pages)"), info)
        XCTAssertTrue(info.contains("Author:          Fixture Bank AG"), info)
        XCTAssertTrue(info.contains("Title:           Stress test results for the board — run-20251231-fixture"), info)
        XCTAssertTrue(info.contains("Dec 31 00:00:00 2025"), "creation date is the as-of date: \(info)")
        XCTAssertTrue(info.contains("841.89 x 595.276 pts") || info.contains("842 x 595"), "A4 landscape: \(info)")
        let text = try Self.text(path)
        for k in 1...r.pages { XCTAssertTrue(text.contains("Page \(k) of \(r.pages)"), "page number \(k)") }
    }

    func testFontsAreEmbedded() throws {
        let (path, _) = try render()
        let fonts = try Tools.run("/usr/bin/pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for line in fonts {
            // name type encoding emb sub uni object ID: "emb" is the fourth field from the end of the flags.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertGreaterThanOrEqual(fields.count, 7, String(line))
            XCTAssertEqual(fields[fields.count - 5], "yes", "font not embedded: \(line)")
        }
    }

    /// Each scenario's minimum CET1 ratio, cumulative loss and minimum LCR, and the
    /// VaR and ES, appear in the text as the pack rounds them (percent to 2 and 1
    /// decimals, amounts in bn to 2 decimals and in m or k to 1).
    func testKeyFiguresAppearAsResultsJSONRoundsThem() throws {
        let (path, _) = try render()
        let text = try Self.text(path)
        let (_, json) = try ReportModelTests.fixture()
        let scenarios = try XCTUnwrap(json.value(at: ResultPointer(["scenarios"])) as? [[String: Any]])
        var checked = 0
        for s in scenarios {
            let id = s["id"] as! String
            XCTAssertTrue(text.contains(id), id)
            if let capital = s["capital"] as? [String: Any] {
                let figure = Self.percent(capital["min_cet1_ratio"] as! Double, decimals: 2)
                XCTAssertTrue(text.contains(figure), "\(id) min CET1 \(figure)")
                checked += 1
            }
            if let credit = s["credit"] as? [String: Any] {
                let figure = Self.amount(credit["cumulative_el"] as! Double)
                XCTAssertTrue(text.contains(figure), "\(id) cumulative EL \(figure)")
                checked += 1
            }
            if let liquidity = s["liquidity"] as? [String: Any] {
                let figure = Self.percent(liquidity["min_lcr"] as! Double, decimals: 1)
                XCTAssertTrue(text.contains(figure), "\(id) min LCR \(figure)")
                checked += 1
            }
        }
        let creditVaR = try XCTUnwrap(json.value(at: ResultPointer(["var"])) as? [String: Any])
        for key in ["var", "es", "expected_loss"] {
            let figure = Self.amount(creditVaR[key] as! Double)
            XCTAssertTrue(text.contains(figure), "\(key) \(figure)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4 * 2 + 3 + 3)
        XCTAssertTrue(text.contains("run-20251231-fixture"))
        XCTAssertTrue(text.contains(String(repeating: "c", count: 64)), "the manifest appendix shows full SHA-256")
    }

    /// The summary's payout cap is the tightest `max_payout_ratio` of the periods in the
    /// combined buffer, and every other breached capital test is named with its minimum.
    func testPayoutRestrictionsAndOtherTestsFromResultsJSON() throws {
        // A thin capital base (CET1 7.3% of RWA against a 7% trigger), so scenarios fall into the buffer.
        var thin = Fixtures.balanceSheet(totalEAD: Fixtures.portfolio().totalEAD)
        thin.capital.cet1 = (0.073 * thin.capital.rwa!).rounded()
        let results = try Fixtures.run(balanceSheet: thin)
        let json = try ResultsDocument(Fixtures.resultsJSON(results))
        let (path, _) = try render(name: "thin.pdf", results: results)
        let text = try Self.text(path)
        let scenarios = try XCTUnwrap(json.value(at: ResultPointer(["scenarios"])) as? [[String: Any]])
        var restricted = 0, breached = 0
        for s in scenarios {
            guard let capital = s["capital"] as? [String: Any] else { continue }
            let buffer = (capital["mda"] as! [[String: Any]]).filter {
                ($0["constraint"] as! [String: Any])["zone"] as! String != "above_buffer"
            }
            if let tightest = buffer.min(by: {
                (($0["constraint"] as! [String: Any])["max_payout_ratio"] as! Double)
                    < (($1["constraint"] as! [String: Any])["max_payout_ratio"] as! Double)
            }) {
                let payout = (tightest["constraint"] as! [String: Any])["max_payout_ratio"] as! Double
                let figure = "≤ \(Self.percent(payout, decimals: 0)) (\(tightest["period"] as! String))"
                XCTAssertTrue(text.contains(figure), "\(s["id"]!): \(figure)")
                restricted += 1
            }
            for test in capital["tests"] as! [[String: Any]] where test["breach"] as! Bool
                && test["measure"] as! String != "cet1_ratio" {
                XCTAssertTrue(text.contains(Self.percent(test["minimum"] as! Double, decimals: 2)), "\(s["id"]!) \(test["name"]!)")
                breached += 1
            }
        }
        XCTAssertGreaterThan(restricted, 0, "the thin bank must reach the buffer somewhere")
        XCTAssertGreaterThan(breached, 0, "and breach a test besides the CET1 hurdle")
        // The reading wraps over lines: compare with the whitespace collapsed.
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("distributions are restricted (MDA)"), words)
    }

    func testRerunIsByteIdentical() throws {
        let (a, _) = try render(name: "a.pdf")
        let (b, _) = try render(name: "b.pdf")
        let first = try Data(contentsOf: URL(fileURLWithPath: a)), second = try Data(contentsOf: URL(fileURLWithPath: b))
        XCTAssertGreaterThan(first.count, 20_000)
        XCTAssertEqual(first, second)
    }

    /// A run without VaR, factor risk or liquidity leaves those pages out; a
    /// template without pages writes no PDF.
    func testPagesWithoutResultsAreLeftOut() throws {
        let (fixture, _) = try ReportModelTests.fixture()
        var results = fixture
        results.creditVaR = nil
        results.factorRisk = nil
        let (_, rendered) = try render(name: "lean.pdf", results: results)
        let titles = try XCTUnwrap(rendered).titles
        XCTAssertFalse(titles.contains { $0.contains("VaR") || $0.contains("distribution") || $0.contains("Factor") }, "\(titles)")

        var template = try Packs.template("board")
        template.pages = []
        let path = directory.appendingPathComponent("none.pdf").path
        XCTAssertNil(try BoardPackRenderer.render(results: fixture, scenarios: Fixtures.scenarios, template: template, to: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    // MARK: - The pack's rounding, written out independently of the renderer

    /// 0.09871 → "9.87%".
    static func percent(_ x: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f%%", x * 100).replacingOccurrences(of: "-", with: "−")
    }

    /// 1_787_272_504 → "1.79bn", 214_822_130 → "214.8m", 21_000_000 → "21.0m".
    static func amount(_ x: Double) -> String {
        let units: [(Double, String, Int)] = [(1e9, "bn", 2), (1e6, "m", 1), (1e3, "k", 1)]
        let sign = x < 0 ? "−" : ""
        let a = abs(x)
        for (scale, unit, decimals) in units where a >= scale {
            return sign + String(format: "%.\(decimals)f", a / scale) + unit
        }
        return sign + String(format: "%.0f", a)
    }
}
