import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// The .xlsx package itself (unzip): native charts, frozen panes, filters,
/// defined names, document properties dated by the run, byte-identical reruns.
final class WorkbookPackageTests: WorkbookTestCase {
    func render(_ pack: String, to name: String? = nil) throws -> (URL, RenderedWorkbook) {
        let (results, _) = try ReportModelTests.fixture()
        let url = directory.appendingPathComponent(name ?? "\(pack).xlsx")
        let rendered = try WorkbookRenderer.render(results: results, portfolio: Fixtures.portfolio(),
                                                   scenarios: Fixtures.scenarios, template: try Packs.template(pack),
                                                   to: url.path)
        return (url, rendered)
    }

    /// One chart part per chart the template asks for and the results can draw:
    /// quarterly = 1 summary + 4 scenarios × (losses by segment, CET1, LCR) + VaR + factor risk.
    func testChartsInThePackage() throws {
        let expected = ["quarterly-submission": 13 + 2, "board": 5, "audit": 1 + 4 * 4 + 3 + 2]
        for pack in Packs.ids {
            let (url, rendered) = try render(pack)
            let charts = try Tools.zipEntries(url.path).filter { $0.hasPrefix("xl/charts/chart") && $0.hasSuffix(".xml") }
            XCTAssertEqual(charts.count, expected[pack], "\(pack): \(charts)")
            XCTAssertEqual(rendered.charts, charts.count, pack)
        }
    }

    func testRerunIsByteIdentical() throws {
        let (a, _) = try render("audit", to: "a.xlsx")
        let (b, _) = try render("audit", to: "b.xlsx")
        let first = try Data(contentsOf: a), second = try Data(contentsOf: b)
        XCTAssertGreaterThan(first.count, 10_000)
        XCTAssertEqual(first, second, "the same run must give the same bytes")
    }

    /// Dated by the run's as-of date, never the clock; the run id as a custom property.
    func testDocumentPropertiesCarryTheRun() throws {
        let (url, _) = try render("board")
        let core = try Tools.zipMember(url.path, "docProps/core.xml")
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-12-31T00:00:00Z</dcterms:created>"), core)
        XCTAssertTrue(core.contains("<dc:title>Stress test results for the board</dc:title>"), core)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        XCTAssertFalse(year != 2025 && core.contains("\(year)-"), "the clock leaked into the properties: \(core)")
        let custom = try Tools.zipMember(url.path, "docProps/custom.xml")
        XCTAssertTrue(custom.contains("run-20251231-fixture"), custom)
    }

    func testPanesFiltersAndNames() throws {
        let (url, rendered) = try render("quarterly-submission")
        let sheetIndex = try XCTUnwrap(rendered.sheets.firstIndex(of: "Summary")) + 1
        let summary = try Tools.zipMember(url.path, "xl/worksheets/sheet\(sheetIndex).xml")
        XCTAssertTrue(summary.contains("state=\"frozen\""), "frozen header pane")
        XCTAssertTrue(summary.contains("<autoFilter ref=\"A4:N8\""), summary.prefix(2_000).description)
        let workbook = try Tools.zipMember(url.path, "xl/workbook.xml")
        XCTAssertTrue(workbook.contains("<definedName name=\"MinCET1Ratio_eba_test_adverse\">'Capital EBA'!$D$"), workbook)
        XCTAssertTrue(workbook.contains("<definedName name=\"TotalEAD\">"), workbook)
        XCTAssertTrue(workbook.contains("_xlnm._FilterDatabase"), "the autofilter's hidden name")
        XCTAssertEqual(rendered.definedNames["RunID"], "='Cover'!$B$6", "title, subtitle, blank, description, blank, fields")
    }

    /// Totals are formulas over the rows shown, with the results figure cached.
    func testTotalsAreFormulasWithCachedFigures() throws {
        let (url, rendered) = try render("quarterly-submission")
        let index = try XCTUnwrap(rendered.sheets.firstIndex(of: "Credit EBA")) + 1
        let xml = try Tools.zipMember(url.path, "xl/worksheets/sheet\(index).xml")
        let totals = rendered.cells.filter { $0.sheet == "Credit EBA" && $0.formula?.hasPrefix("=SUM(") == true }
        XCTAssertGreaterThan(totals.count, 10)
        for cell in totals.prefix(5) {
            guard case let .number(x) = cell.value else { XCTFail("\(cell)"); continue }
            let formula = String(cell.formula!.dropFirst())
            XCTAssertTrue(xml.contains("<c r=\"\(cell.address)\""), cell.address)
            XCTAssertTrue(xml.contains("<f>\(formula)</f><v>"), formula)
            XCTAssertNotEqual(x, 0)
        }
    }

    /// The exposure list: every row, in a constant-memory sheet, totals on top.
    func testExposureSheetListsEveryExposure() throws {
        let (url, rendered) = try render("quarterly-submission")
        let index = try XCTUnwrap(rendered.sheets.firstIndex(of: "Exposures")) + 1
        let xml = try Tools.zipMember(url.path, "xl/worksheets/sheet\(index).xml")
        // Title, subtitle, blank, three total rows, the header: data from row 8 to 2,007.
        XCTAssertTrue(xml.contains("<row r=\"8\""), "first exposure row")
        XCTAssertTrue(xml.contains("<is><t>EXP0000001</t></is>"), "first exposure")
        XCTAssertTrue(xml.contains("<is><t>EXP0002000</t></is>"), "last exposure, an inline string (constant memory)")
        XCTAssertTrue(xml.contains("<autoFilter ref=\"A7:"), "filter on the header")
        let count = try XCTUnwrap(rendered.cells.first { $0.sheet == "Exposures" && $0.formula?.hasPrefix("=COUNT(") == true })
        XCTAssertEqual(count.formula, "=COUNT(I8:I2007)", "EAD is column I: id, segment, asset class, sector, country, currency, PD, LGD, EAD")
    }
}
