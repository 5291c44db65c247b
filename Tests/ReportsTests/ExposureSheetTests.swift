import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// The exposure list beyond one sheet: Excel holds 1,048,576 rows, so a longer
/// portfolio continues on further sheets of a million rows each; the columns are
/// borrowed from the portfolio, not copied, and each sheet shows its window.
final class ExposureSheetTests: WorkbookTestCase {
    func testLongPortfolioContinuesOnFurtherSheets() throws {
        let n = 1_000_003
        var p = Portfolio()
        p.ids = (0..<n).map { "E\($0)" }
        p.pd = Array(repeating: 0.01, count: n)
        p.lgd = Array(repeating: 0.45, count: n)
        p.ead = Array(repeating: 100, count: n)
        p.assetClass = Array(repeating: .corporate, count: n)
        let results = RunResults(run: RunInfo(id: "run-x", asOf: "2025-12-31", seed: 1, pack: "t", inputs: []),
                                 portfolio: PortfolioSummary(p), balanceSheet: nil, scenarios: [],
                                 dataQuality: DataQuality(findings: []))
        let template = ReportTemplate(id: "t", title: "T", sheets: [.init(section: .exposures)])
        let document = ReportBuilder.document(results: results, portfolio: p, template: template)
        XCTAssertEqual(document.sheets.map(\.name), ["Exposures", "Exposures 2"])
        let tables = document.sheets.map { $0.tables[0] }
        XCTAssertEqual(tables.map(\.rowCount), [1_000_000, 3])
        XCTAssertEqual(tables.map(\.window), [0..<1_000_000, 1_000_000..<1_000_003])
        XCTAssertEqual(tables.map(\.summaryRows.count), [0, 0], "partial lists carry no portfolio totals")
    }

    /// A window of a table is written as its own rows, numbered from the header.
    func testWindowedTableWritesItsRowsOnly() throws {
        let table = ReportTable(id: "w", columns: [
            .text("Id", ["a", "b", "c", "d", "e"]),
            .numbers("EAD", .amount, [1, 2, 3, 4, 5]),
        ], window: 3..<5)
        let document = ReportDocument(
            title: "W", provenance: Provenance(runID: "r", asOf: "2025-12-31", engineVersion: "0", pack: "p", seed: 0,
                                               currency: "", inputs: []),
            sheets: [ReportSheet(name: "W", title: "W", blocks: [.table(table)])])
        let url = directory.appendingPathComponent("w.xlsx")
        try XlsxRenderer.render(document, to: url.path)
        let xml = try Tools.zipMember(url.path, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<is><t>d</t></is>") && xml.contains("<is><t>e</t></is>"), xml)
        XCTAssertFalse(xml.contains("<is><t>c</t></is>"), "rows outside the window are not written")
        XCTAssertTrue(xml.contains("<dimension ref=\"A1:B5\"/>"), "title, blank, header, two rows")
    }
}
