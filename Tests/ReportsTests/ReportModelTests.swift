import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// The report model built from a real run: every figure it shows traces to
/// results.json, sections follow the template, names are legal.
final class ReportModelTests: XCTestCase {
    nonisolated(unsafe) static var cached: (RunResults, ResultsDocument)?

    static func fixture() throws -> (RunResults, ResultsDocument) {
        if let cached { return cached }
        let results = try Fixtures.run()
        let made = (results, try ResultsDocument(Fixtures.resultsJSON(results)))
        cached = made
        return made
    }

    func document(_ pack: String, results: RunResults? = nil) throws -> ReportDocument {
        let (fixture, _) = try Self.fixture()
        return ReportBuilder.document(results: results ?? fixture, portfolio: Fixtures.portfolio(),
                                      scenarios: Fixtures.scenarios, template: try Packs.template(pack))
    }

    /// Every formula's cached value and every field marked with a source equal the
    /// results.json figure at that pointer.
    func testEveryShownFigureIsItsResultsFigure() throws {
        let (_, json) = try Self.fixture()
        for pack in Packs.ids {
            let document = try document(pack)
            var checked = 0
            for sheet in document.sheets {
                for (where_, source, value) in Self.figures(sheet) {
                    guard let expected = json.value(at: source) else {
                        XCTFail("\(pack) \(sheet.name) \(where_): \(source) is not in results.json"); continue
                    }
                    switch (value, expected) {
                    case let (.number(x), e as NSNumber):
                        XCTAssertLessThanOrEqual(TestSupport.relativeError(x, e.doubleValue), 1e-12,
                                                 "\(pack) \(sheet.name) \(where_) \(source): \(x) vs \(e)")
                    case let (.text(s), e as String):
                        XCTAssertTrue(e.hasSuffix(s) || s.hasSuffix(e) || s.contains(e), "\(pack) \(sheet.name) \(where_): \(s) vs \(e)")
                    default:
                        XCTFail("\(pack) \(sheet.name) \(where_) \(source): \(value) vs \(expected)")
                    }
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, pack == "board" ? 10 : 100, pack)
        }
    }

    func testSheetNamesAreLegalAndUnique() throws {
        for pack in Packs.ids {
            let names = try document(pack).sheets.map(\.name)
            XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "\(pack): \(names)")
            for name in names {
                XCTAssertLessThanOrEqual(name.count, 31, name)
                XCTAssertFalse(name.contains { "[]:*?/\\".contains($0) }, name)
            }
        }
    }

    func testPacksFollowTheirTemplates() throws {
        let quarterly = try document("quarterly-submission").sheets.map(\.name)
        XCTAssertEqual(quarterly.first, "Cover")
        for expected in ["Summary", "Portfolio", "Paths EBA", "Credit EBA", "Credit CCAR", "Capital BoE", "Liquidity RBI",
                         "Reverse stress", "Attribution EBA", "Sensitivities RBI", "Data quality", "Exposures"] {
            XCTAssertTrue(quarterly.contains(expected), "\(expected) missing from \(quarterly)")
        }
        XCTAssertFalse(quarterly.contains("Attribution RBI"), "RBI severity-table scenarios have no attribution")
        XCTAssertFalse(quarterly.contains("Sensitivities EBA"), "RBI sensitivities only for RBI scenarios")

        XCTAssertEqual(try document("board").sheets.map(\.name), ["Cover", "Summary", "Capital", "Reverse stress"])

        let audit = try document("audit").sheets.map(\.name)
        XCTAssertEqual(audit.last, "Self-check")
        for expected in ["Inputs", "Parameters", "Data quality", "Manifest", "Exposures"] {
            XCTAssertTrue(audit.contains(expected), "\(expected) missing from \(audit)")
        }
    }

    /// A section whose results are absent gives no sheet: a run without liquidity,
    /// VaR or factor risk has no such sheet.
    func testSectionsWithoutResultsGiveNoSheet() throws {
        let (fixture, _) = try Self.fixture()
        var results = fixture
        for i in results.scenarios.indices { results.scenarios[i].liquidity = nil }
        results.creditVaR = nil
        results.factorRisk = nil
        let names = try document("audit", results: results).sheets.map(\.name)
        XCTAssertFalse(names.contains { $0.hasPrefix("Liquidity") }, "\(names)")
        XCTAssertFalse(names.contains { $0.lowercased().contains("var") || $0.lowercased().contains("factor") }, "\(names)")
    }

    func testSplitPerScenarioAndFrameworkFilter() throws {
        let (results, _) = try Self.fixture()
        let template = ReportTemplate(id: "t", title: "T", sheets: [
            .init(section: .capital, split: .scenario, charts: [.cet1VersusHurdle]),
            .init(section: .creditLosses, split: .framework, frameworks: [.ccar]),
        ])
        let document = ReportBuilder.document(results: results, portfolio: nil, template: template)
        XCTAssertEqual(document.sheets.map(\.name),
                       ["Capital eba-test-adverse", "Capital boe-test", "Capital ccar-test", "Capital rbi-test-severe",
                        "Credit CCAR"])
        XCTAssertEqual(document.sheets.prefix(4).map(\.charts.count), [1, 1, 1, 1])
    }

    func testDefinedNamesAreLegalAndUnique() throws {
        for pack in Packs.ids {
            let document = try document(pack)
            var names = document.sheets.flatMap(\.definedNames).map(\.name)
            for sheet in document.sheets {
                for case let .fields(fields) in sheet.blocks { names += fields.compactMap(\.definedName) }
            }
            XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "\(pack): \(names)")
            for name in names {
                XCTAssertNotNil(name.range(of: "^[A-Za-z][A-Za-z0-9_]*$", options: .regularExpression), name)
                XCTAssertNil(name.range(of: "^[A-Za-z]{1,3}[0-9]+$", options: .regularExpression), "\(name) reads as a cell")
            }
            if pack != "board" { XCTAssertTrue(names.contains("MinCET1Ratio_eba_test_adverse"), "\(names)") }
            XCTAssertTrue(names.contains("RunID"))
        }
    }

    func testSelfCheckPassesEveryReferencePoint() throws {
        let sheet = try XCTUnwrap(try document("audit").sheets.last)
        var results: [String] = []
        for table in sheet.tables {
            for column in table.columns {
                if case let .formulas(cells) = column.values {
                    results += cells.map { if case let .text(s) = $0.cached { return s } else { return "?" } }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(results.count, 15)
        XCTAssertEqual(results.filter { $0 != "pass" }, [], "\(results)")
    }

    // MARK: - Walking the model

    /// (where, pointer, value) of every cell that claims a results.json figure.
    static func figures(_ sheet: ReportSheet) -> [(String, ResultPointer, FormulaCell.CachedValue)] {
        var found: [(String, ResultPointer, FormulaCell.CachedValue)] = []
        for block in sheet.blocks {
            switch block {
            case let .fields(fields):
                for f in fields {
                    guard let source = f.source else { continue }
                    switch f.value {
                    case let .number(x, _): found.append((f.label, source, .number(x)))
                    case let .text(s), let .date(s): found.append((f.label, source, .text(s)))
                    case .blank: break
                    }
                }
            case let .table(table):
                for (r, row) in table.summaryRows.enumerated() {
                    for case let .formula(f) in row.cells {
                        if let source = f.source { found.append(("\(table.id) summary \(r)", source, f.cached)) }
                    }
                }
                for column in table.columns {
                    if case let .formulas(cells) = column.values {
                        for f in cells { if let source = f.source { found.append(("\(table.id) \(column.header)", source, f.cached)) } }
                    }
                }
            default: break
            }
        }
        return found
    }
}
