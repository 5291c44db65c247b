import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// Every pack opened by LibreOffice headless (a second implementation of the
/// format): it reads the file without repair, recalculates every formula, and
/// each recalculated total equals its figure in results.json to 1e-9 relative;
/// each self-check reads "pass". LibreOffice is required: scripts/bootstrap
/// installs libreoffice-calc-nogui, so its absence is a failure, not a skip.
final class LibreOfficeRecalculationTests: WorkbookTestCase {
    func testEveryPackRecalculatesToTheResultsFigures() throws {
        guard let soffice = Tools.soffice else {
            XCTFail("LibreOffice (soffice) is not installed; run scripts/bootstrap (libreoffice-calc-nogui)")
            return
        }
        let (results, _) = try ReportModelTests.fixture()
        let resultsData = try Fixtures.resultsJSON(results)
        try resultsData.write(to: directory.appendingPathComponent("results.json"))
        let json = try ResultsDocument(Data(contentsOf: directory.appendingPathComponent("results.json")))
        for pack in Packs.ids {
            let work = directory.appendingPathComponent(pack)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let url = work.appendingPathComponent("\(pack).xlsx")
            let rendered = try WorkbookRenderer.render(results: results, portfolio: Fixtures.portfolio(),
                                                       scenarios: Fixtures.scenarios, template: try Packs.template(pack),
                                                       to: url.path)
            let sheets = try LibreOffice.sheetsAsCSV(url, soffice: soffice, work: work)
            XCTAssertEqual(Set(sheets.keys), Set(rendered.sheets), "\(pack): LibreOffice read every sheet")

            var numbers = 0, texts = 0
            for cell in rendered.cells where cell.formula != nil {
                let where_ = "\(pack) '\(cell.sheet)'!\(cell.address) \(cell.formula!)"
                guard let rows = sheets[cell.sheet], cell.row < rows.count, cell.column < rows[cell.row].count else {
                    XCTFail("\(where_): not in LibreOffice's CSV"); continue
                }
                let shown = rows[cell.row][cell.column]
                switch cell.value {
                case let .number(cached):
                    guard let recalculated = Self.number(shown) else { XCTFail("\(where_): '\(shown)' is not a number"); continue }
                    let expected = cell.source.flatMap { json.number(at: $0) } ?? cached
                    if let source = cell.source { XCTAssertNotNil(json.number(at: source), "\(where_): \(source)") }
                    XCTAssertLessThanOrEqual(TestSupport.relativeError(recalculated, expected), 1e-9,
                                             "\(where_) = \(recalculated), results.json \(cell.source?.description ?? "-") = \(expected)")
                    numbers += 1
                case let .text(cached):
                    XCTAssertEqual(shown, cached, where_)
                    texts += 1
                }
            }
            XCTAssertGreaterThanOrEqual(numbers, pack == "board" ? 8 : 100, pack)
            if pack == "audit" { XCTAssertGreaterThanOrEqual(texts, 15, "self-check results") }
        }
    }

    /// A CSV field as LibreOffice writes a number: plain, or a percentage
    /// ("14.07%", full precision) for cells with a percent format.
    static func number(_ field: String) -> Double? {
        if field.hasSuffix("%") { return Double(field.dropLast()).map { $0 / 100 } }
        return Double(field)
    }
}
