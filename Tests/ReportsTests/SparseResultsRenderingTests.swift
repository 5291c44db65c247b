import Foundation
import StressCore
import StressRun
import TestSupport
import XCTest
@testable import Reports

/// Issue #23 at the renderers: tables without rows, charts over them, sections
/// the inputs leave out and non-finite figures are left out or said to be "not
/// provided"; nothing traps (an empty table reached a formula span 0...(−1)).
final class SparseResultsRenderingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sparse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func sheetXML(_ path: String) throws -> String {
        try CommandRunner.run(executable: "/usr/bin/unzip", ["-p", path]).stdout
    }

    /// The first reproduction at the model level: no inflows and no NSFR,
    /// through every sheet and page of the audit pack.
    func testEveryPackRendersABalanceSheetWithoutInflowsOrNSFR() throws {
        let p = Fixtures.portfolio()
        var sheet = Fixtures.balanceSheet(totalEAD: p.totalEAD)
        sheet.liquidity?.inflows = [:]
        sheet.liquidity?.nsfrAvailable = [:]
        sheet.liquidity?.nsfrRequired = [:]
        let results = try Fixtures.run(portfolio: p, balanceSheet: sheet)
        for pack in Packs.ids {
            let template = try Packs.template(pack)
            let xlsx = directory.appendingPathComponent("\(pack).xlsx").path
            try WorkbookRenderer.render(results: results, portfolio: p, scenarios: Fixtures.scenarios, template: template,
                                        to: xlsx)
            if template.sheets.contains(where: { $0.section == .liquidity }) {
                let xml = try sheetXML(xlsx)
                XCTAssertTrue(xml.contains("Cash inflows (LCR40, before the 75% cap): not provided in the balance sheet"), pack)
                XCTAssertFalse(xml.contains("Available stable funding (NSF30)"), "\(pack): no NSFR table without an NSFR")
            }
            XCTAssertNotNil(try BoardPackRenderer.render(results: results, scenarios: Fixtures.scenarios, template: template,
                                                         to: directory.appendingPathComponent("\(pack).pdf").path), pack)
        }
    }

    /// The class at the renderer: an empty table with a SUM total and a chart, a
    /// formula over a row the table lacks, and non-finite numbers.
    func testEmptyTablesChartsAndNonFiniteFiguresRenderWithoutTrapping() throws {
        let empty = ReportTable(id: "empty", caption: "Nothing here", columns: [
            .text("Category", []), .numbers("Amount", .amount, []),
        ], summaryRows: [SummaryRow(label: "Total", [.formula(FormulaCell(.sum(.column(1)), equals: 0, kind: .amount,
                                                                          source: nil))])])
        let short = ReportTable(id: "short", columns: [
            .text("Name", ["a"]), .numbers("Value", .amount, [.infinity]),
        ], summaryRows: [SummaryRow(label: "Second row", [.formula(FormulaCell(.cell(.data(row: 1, column: 1)), equals: 5,
                                                                               kind: .amount, source: nil))]),
                         SummaryRow(label: "Ratio", [.formula(FormulaCell(.divide(.cell(.data(row: 0, column: 1)),
                                                                                  .constant(0)),
                                                                         equals: .nan, kind: .percent, source: nil))])])
        let chart = ChartSpec(kind: .column, title: "Empty", table: "empty", categories: .column(0),
                              series: [ChartSeries(name: .header(column: 1), values: .column(1))], valueKind: .amount)
        let outside = ChartSpec(kind: .line, title: "Past the rows", table: "short", categories: .column(0, rows: 0...3),
                                series: [ChartSeries(name: .rowLabel(row: 2), values: .column(1, rows: 0...3))],
                                valueKind: .amount)
        let document = ReportDocument(
            title: "Sparse", provenance: Provenance(runID: "run-x", asOf: "2025-12-31", engineVersion: "test", pack: "t",
                                                    seed: 1, currency: "EUR", inputs: []),
            sheets: [ReportSheet(name: "Sparse", title: "Sparse", blocks: [.table(empty), .table(short)],
                                 charts: [chart, outside], definedNames: [DefinedName("EmptyTotal", table: "empty",
                                                                                      cell: .summary(row: 0, column: 1))])])
        let path = directory.appendingPathComponent("sparse.xlsx").path
        let rendered = try XlsxRenderer.render(document, to: path)
        XCTAssertEqual(rendered.charts, 0, "no chart over an empty table or past a table's rows")
        XCTAssertTrue(rendered.cells.allSatisfy { $0.formula == nil }, "\(rendered.cells.map(\.formula))")
        let xml = try sheetXML(path)
        XCTAssertFalse(xml.lowercased().contains(">inf<") || xml.lowercased().contains(">nan<"), "no INF or NaN cell")
        XCTAssertTrue(try CommandRunner.run(executable: "/usr/bin/unzip", ["-t", path]).stdout.contains("No errors"))
    }

    /// Bounds whose span overflows a Double gave Int(∞) in the tick search.
    func testNiceScaleAcrossTheWholeDoubleRangeDoesNotTrap() {
        let s = NiceScale(minimum: -1e308, maximum: 1e308)
        XCTAssertTrue(s.ticks.allSatisfy(\.isFinite))
        XCTAssertLessThanOrEqual(s.lower, -1e308)
        XCTAssertGreaterThanOrEqual(s.upper, 1e308)
    }
}
