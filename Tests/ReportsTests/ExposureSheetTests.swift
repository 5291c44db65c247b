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
        let template = ReportTemplate(id: "t", title: "T", sheets: [.init(section: .exposures, maxRows: .max)])
        let document = ReportBuilder.document(results: results, portfolio: p, template: template)
        XCTAssertEqual(document.sheets.map(\.name), ["Exposures", "Exposures 2"])
        let tables = document.sheets.map { $0.tables[0] }
        XCTAssertEqual(tables.map(\.rowCount), [1_000_000, 3])
        XCTAssertEqual(tables.map(\.window), [0..<1_000_000, 1_000_000..<1_000_003])
        XCTAssertEqual(tables.map(\.summaryRows.count), [0, 0], "partial lists carry no portfolio totals")
    }

    /// A book longer than the row limit lists its largest exposures by EAD, largest first
    /// and ties in file order, with a note saying so and no portfolio totals (which would
    /// not add up over the rows shown); within the limit, every row and the totals.
    func testRowLimitListsTheLargestExposures() throws {
        let n = 1_000
        var p = Portfolio()
        p.ids = (0..<n).map { "E\($0)" }
        p.pd = (0..<n).map { 0.001 * Double($0 % 7 + 1) }
        p.lgd = Array(repeating: 0.45, count: n)
        p.ead = (0..<n).map { Double(($0 * 37) % 101) }
        p.assetClass = Array(repeating: .corporate, count: n)
        p.segment = CategoricalColumn((0..<n).map { $0 % 2 == 0 ? "retail" : "corporate" })
        let results = RunResults(run: RunInfo(id: "run-x", asOf: "2025-12-31", seed: 1, pack: "t", inputs: []),
                                 portfolio: PortfolioSummary(p), balanceSheet: nil, scenarios: [],
                                 dataQuality: DataQuality(findings: []))
        let limited = ReportBuilder.document(results: results, portfolio: p, template: ReportTemplate(
            id: "t", title: "T", sheets: [.init(section: .exposures, maxRows: 25)]))
        XCTAssertEqual(limited.sheets.map(\.name), ["Exposures"])
        let table = limited.sheets[0].tables[0]
        XCTAssertEqual(table.rowCount, 25)
        XCTAssertTrue(table.summaryRows.isEmpty)
        let expected = p.ead.indices.sorted { p.ead[$0] != p.ead[$1] ? p.ead[$0] > p.ead[$1] : $0 < $1 }.prefix(25)
        guard case let .texts(ids)? = table.columns.first?.values else { return XCTFail("ids column") }
        XCTAssertEqual(ids, expected.map { "E\($0)" })
        let eads = expected.map { p.ead[$0] }
        XCTAssertEqual(eads.first, 100)
        XCTAssertEqual(eads, eads.sorted(by: >))
        let segment = try XCTUnwrap(table.columns.first { $0.header == "Segment" })
        guard case let .categories(codes, levels) = segment.values else { return XCTFail("segment column") }
        XCTAssertEqual(codes.map { levels[Int($0)] }, expected.map { $0 % 2 == 0 ? "retail" : "corporate" },
                       "every column follows the same rows")
        let notes = limited.sheets[0].blocks.compactMap { block -> String? in
            if case let .note(text) = block { return text } else { return nil }
        }
        let share = eads.reduce(0, +) / p.ead.reduce(0, +)
        XCTAssertTrue(notes.contains { $0.hasPrefix("The 25 largest exposures by EAD of 1,000, largest first "
                                                    + "(\(String(format: "%.1f", 100 * share))% of total EAD)") },
                      "\(notes)")
        XCTAssertGreaterThan(share, 0.04, "25 of 1,000 rows, the largest: more than their 2.5% head count")

        let whole = ReportBuilder.document(results: results, portfolio: p, template: ReportTemplate(
            id: "t", title: "T", sheets: [.init(section: .exposures)]))
        XCTAssertEqual(whole.sheets[0].tables[0].rowCount, n, "1,000 rows are within the default limit")
        XCTAssertEqual(whole.sheets[0].tables[0].summaryRows.count, 3)
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
