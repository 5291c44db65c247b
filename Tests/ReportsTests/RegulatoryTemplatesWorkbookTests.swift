import CapitalEngine
import Foundation
import Inputs
import ProvisionsEngine
import RegulatoryTemplates
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// The templates workbook (`<pack>-templates.xlsx`) and CSVs from every bundled supervisory
/// template, filled from the fixture bank's results with its jump-off facts: LibreOffice opens
/// the workbook and recalculates each formula to the value StressPack cached, the bytes do not
/// change between renderings, and the CSV lists every cell.
final class RegulatoryTemplatesWorkbookTests: WorkbookTestCase {
    static let templatesDirectory = TestSupport.repositoryRoot.appendingPathComponent("templates/regulatory").path
    nonisolated(unsafe) static var cached: [FilledTemplate]?

    /// The fixture results with the facts the CLI adds (EBA capital rules, the bundled
    /// standardised table), every template filled from them.
    static func filled() throws -> [FilledTemplate] {
        if let cached { return cached }
        var (results, _) = try ReportModelTests.fixture()
        let p = Fixtures.portfolio()
        let root = TestSupport.repositoryRoot
        let rules = try FrameworkFile.load(path: root.appendingPathComponent("frameworks/eba.yaml").path).capital!
        let table = StandardisedRiskWeights(try StandardisedTableFile.load(
            path: root.appendingPathComponent("tables/\(rules.standardisedTable!).yaml").path))
        let provisioning = ProvisioningRules.defaults(for: .eba)
        let setup = ProvisionSetup(book: ProvisionBook(portfolio: p, rules: provisioning, pdFloor: 0.0003, asOf: Fixtures.asOf),
                                   rules: provisioning, portfolio: p)
        results.regulatoryFacts = RegulatoryFactsBuilder.build(.init(
            framework: .eba, rules: rules, portfolio: p, irb: try PortfolioRWA(portfolio: p, options: RWAOptions(threads: 2)),
            standardised: try StandardisedExposureWeights(portfolio: p, table: table), provisions: setup,
            frequency: .annual, pdFloor: 0.0003, threads: 2))
        let tree = try ResultValue.decode(Fixtures.resultsJSON(results))
        let made = try RegulatoryTemplateFile.loadAll(directory: templatesDirectory).map { TemplateFiller.fill($0, results: tree) }
        cached = made
        return made
    }

    static let heading = RegulatoryTemplatesWorkbook.Heading(runID: "run-20251231-fixture", asOf: Fixtures.asOf,
                                                             engineVersion: "test", pack: "quarterly-submission",
                                                             currency: "EUR")

    func testEveryTemplateFillsAndItsRulesPass() throws {
        let filled = try Self.filled()
        XCTAssertEqual(filled.count, 14, "every bundled template")
        // The fixture's balance sheet has no banking book, so no income projection: the income
        // templates' cells are unavailable (and say why), and their rules cannot be evaluated.
        let needIncome: Set<String> = ["eba-nii", "eba-pl"]
        for t in filled {
            let id = t.definition.id
            XCTAssertFalse(t.blocks.isEmpty, "\(id) has blocks for the fixture's scenarios")
            if needIncome.contains(id) {
                XCTAssertFalse(t.unavailableCells.isEmpty, id)
                for cell in t.unavailableCells {
                    XCTAssertTrue(cell.reason.contains("/income") || cell.reason.contains("has no value"), "\(id): \(cell)")
                }
            } else {
                XCTAssertTrue(t.unavailableCells.isEmpty, "\(id): \(t.unavailableCells.prefix(3))")
            }
            // The checks against the capital engine's RWA need the run's framework rules (the
            // fixture's scenarios run point-in-time); the CLI tests cover them end to end.
            let failed = t.failedChecks.filter { !$0.id.hasPrefix("total-equals-") && !(needIncome.contains(id) && $0.error != nil) }
            XCTAssertTrue(failed.isEmpty, "\(id): \(failed.prefix(3))")
            XCTAssertFalse(t.checks.isEmpty, "\(id) runs validation rules")
        }
    }

    func testLibreOfficeRecalculatesEveryFormulaToItsCachedValue() throws {
        guard let soffice = Tools.soffice else {
            XCTFail("LibreOffice (soffice) is not installed; run scripts/bootstrap (libreoffice-calc-nogui)")
            return
        }
        let filled = try Self.filled()
        let url = directory.appendingPathComponent("templates.xlsx")
        let rendered = try RegulatoryTemplatesWorkbook.render(filled, heading: Self.heading, to: url.path)
        XCTAssertEqual(rendered.sheets, filled.map(\.definition.sheet))
        let sheets = try LibreOffice.sheetsAsCSV(url, soffice: soffice, work: directory)
        // LibreOffice's CSV files are named by sheet with characters a file name cannot hold replaced.
        XCTAssertEqual(sheets.count, rendered.sheets.count, "LibreOffice read every sheet: \(sheets.keys.sorted())")
        var checked = 0
        for f in rendered.formulas {
            let key = sheets[f.sheet] != nil ? f.sheet : f.sheet.replacingOccurrences(of: "&", with: "_")
            guard let rows = sheets[key] else { XCTFail("no sheet \(f.sheet) in \(sheets.keys.sorted())"); continue }
            let (r, c) = Self.position(f.cell)
            guard r < rows.count, c < rows[r].count else { XCTFail("\(f.sheet)!\(f.cell) not in LibreOffice's CSV"); continue }
            guard let value = LibreOfficeRecalculationTests.number(rows[r][c]) else {
                XCTFail("\(f.sheet)!\(f.cell) \(f.formula): '\(rows[r][c])' is not a number"); continue
            }
            XCTAssertLessThanOrEqual(TestSupport.relativeError(value, f.value), 1e-9,
                                     "\(f.sheet)!\(f.cell) \(f.formula) = \(value), cached \(f.value)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 500, "formulas recalculated")
    }

    func testRenderingIsByteIdentical() throws {
        let filled = try Self.filled()
        let a = directory.appendingPathComponent("a.xlsx"), b = directory.appendingPathComponent("b.xlsx")
        try RegulatoryTemplatesWorkbook.render(filled, heading: Self.heading, to: a.path)
        try RegulatoryTemplatesWorkbook.render(filled, heading: Self.heading, to: b.path)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }

    /// One CSV line per cell, with the regulator's codes; not-produced cells carry their reason.
    func testCSVListsEveryCellWithItsSource() throws {
        for t in try Self.filled() {
            let text = TemplateCSV.render(t, currency: "EUR")
            let lines = CSV.parse(text)
            let cells = t.blocks.reduce(0) { $0 + $1.rows.count * $1.columns.count }
            XCTAssertEqual(lines.count, cells + 1, t.definition.id)
            XCTAssertEqual(lines.first, TemplateCSV.header)
            for line in lines.dropFirst() {
                XCTAssertEqual(line.count, TemplateCSV.header.count, "\(t.definition.id): \(line)")
                let status = line[9], value = line[7], source = line[10]
                switch status {
                case "value", "formula": XCTAssertNotNil(Double(value), "\(t.definition.id) \(line)")
                case "not_produced", "unavailable": XCTAssertTrue(value.isEmpty && !source.isEmpty, "\(t.definition.id) \(line)")
                default: XCTFail("\(t.definition.id): status \(status) in \(line)")
                }
            }
        }
    }

    /// "AB12" → (row 11, column 27), 0-based.
    static func position(_ a1: String) -> (Int, Int) {
        var column = 0, digits = ""
        for ch in a1 {
            if ch.isLetter { column = column * 26 + Int(ch.asciiValue! - 64) } else { digits.append(ch) }
        }
        return (Int(digits)! - 1, column - 1)
    }
}
