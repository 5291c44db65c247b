import Foundation
import TestSupport
import XCTest

/// The dashboard in a real browser: headless Chromium (Debian's package) loads the pages
/// from a running server; the tests read the DOM it built and keep screenshots at laptop
/// and phone widths beside the work folder for a person to look at.
final class DashboardBrowserTests: XCTestCase {
    nonisolated(unsafe) static var fixture: ServerFixture!
    nonisolated(unsafe) static var server: ServerProcess!

    override class func setUp() {
        super.setUp()
        do {
            fixture = try ServerFixture.make("serve-browser")
            server = try fixture.start()
        } catch {
            XCTFail("setting up the server: \(error)")
        }
    }

    override class func tearDown() {
        server?.stop()
        if let work = fixture?.work { try? FileManager.default.removeItem(at: work) }
        super.tearDown()
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM after Chromium loaded the page (and its images).
    private func dom(_ path: String) throws -> String {
        let browser = try XCTUnwrap(Self.chromium, "chromium is not installed (scripts/bootstrap installs it)")
        let r = try CommandRunner.run(executable: browser, Self.flags + ["--dump-dom", Self.server.baseURL + path])
        XCTAssertEqual(r.status, 0, r.stderr.suffix(1500).description)
        return r.stdout
    }

    private func screenshot(_ path: String, width: Int, name: String) throws -> URL {
        let browser = try XCTUnwrap(Self.chromium)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stresspack-dashboard-\(name).png")
        try? FileManager.default.removeItem(at: file)
        let r = try CommandRunner.run(executable: browser, Self.flags + ["--window-size=\(width),2400", "--screenshot=\(file.path)",
                                                                          Self.server.baseURL + path])
        XCTAssertEqual(r.status, 0, r.stderr.suffix(1500).description)
        return file
    }

    /// Root in CI needs --no-sandbox; a fresh profile per call keeps runs independent.
    static var flags: [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
         "--user-data-dir=" + FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)").path,
         "--virtual-time-budget=5000"]
    }

    private func results(_ run: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture.work.appendingPathComponent("\(run)/results.json"))) as! [String: Any]
    }

    /// As the board pack prints a ratio: a percentage to two decimals.
    private func ratio(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    func testRunPageShowsTheRunsFiguresAsResultsJSONRoundsThem() throws {
        let html = try dom("/runs/1")
        XCTAssertTrue(html.contains("<h1>Run <span class=\"id\">"), String(html.prefix(2000)))
        let scenarios = try results("runA")["scenarios"] as! [[String: Any]]
        for s in scenarios {
            let id = s["id"] as! String
            let capital = s["capital"] as! [String: Any]
            let cell = "\(ratio(exact(capital["min_cet1_ratio"])!)) (\(capital["min_period"] as! String))"
            // The scenario's row: its header cell, then its minimum CET1 with the period.
            let row = html.components(separatedBy: "<tr>").first { $0.contains("<th scope=\"row\">\(id)</th>") }
            XCTAssertNotNil(row, "no row for \(id)")
            XCTAssertTrue(row?.contains(cell) ?? false, "\(id): expected \(cell) in \(row ?? "")")
        }
        // The headline tile is the lowest of them.
        let lowest = scenarios.map { exact(($0["capital"] as! [String: Any])["min_cet1_ratio"])! }.min()!
        XCTAssertTrue(html.contains("Lowest CET1 ratio"))
        XCTAssertTrue(html.contains(ratio(lowest)))
        // The charts: SVG from the same drawing code as the PDF, each with alternative text, each loaded.
        let images = html.components(separatedBy: "<img ").dropFirst()
        XCTAssertGreaterThan(images.count, 3)
        for img in images {
            XCTAssertTrue(img.contains("alt=\"Chart: "), String(img.prefix(200)))
            let src = img.components(separatedBy: "src=\"")[1].prefix { $0 != "\"" }
            let svg = try Self.server.request("GET", String(src))
            XCTAssertEqual(svg.status, 200, String(src))
            XCTAssertEqual(svg.headers["content-type"], "image/svg+xml")
            XCTAssertTrue(svg.text.contains("<svg"), String(src))
        }
        // Downloads: every output of the manifest, linked by name.
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixture.work.appendingPathComponent("runA/manifest.json"))) as! [String: Any]
        for output in manifest["outputs"] as! [[String: Any]] {
            XCTAssertTrue(html.contains("href=\"/api/v1/runs/1/files/\(output["path"] as! String)\""), output["path"] as! String)
        }
        // Accessible structure: one h1, table headers with scope, a language.
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1)
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<th scope=\"col\">Minimum CET1</th>"))

        let laptop = try screenshot("/runs/1", width: 1280, name: "run-laptop")
        let phone = try screenshot("/runs/1", width: 390, name: "run-phone")
        for file in [laptop, phone] {
            let png = try Data(contentsOf: file)
            XCTAssertEqual(png.prefix(4), Data([0x89, 0x50, 0x4E, 0x47]), file.path)
        }
    }

    func testRunsListAndDiffPages() throws {
        let list = try dom("/")
        XCTAssertTrue(list.contains("href=\"/runs/1\""))
        XCTAssertTrue(list.contains("href=\"/runs/2\""))
        let scenarios = try results("runB")["scenarios"] as! [[String: Any]]
        let lowest = scenarios.map { (exact(($0["capital"] as! [String: Any])["min_cet1_ratio"])!, $0["id"] as! String) }
            .min { $0.0 < $1.0 }!
        XCTAssertTrue(list.contains("\(ratio(lowest.0)) (\(lowest.1))"), "runs list lacks the lowest minimum CET1")

        let diff = try dom("/diff?a=1&b=2")
        XCTAssertTrue(diff.contains("figures differ"))
        let a = try results("runA")["var"] as! [String: Any], b = try results("runB")["var"] as! [String: Any]
        XCTAssertNotEqual(exact(a["es"]), exact(b["es"]))
        XCTAssertTrue(diff.contains("<td>Credit VaR</td>"), String(diff.prefix(3000)))
        _ = try screenshot("/diff?a=1&b=2", width: 390, name: "diff-phone")

        let missing = try Self.server.request("GET", "/runs/404")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("There is no run"))
    }
}
