import Foundation
import XCTest
import StressCore
@testable import Inputs

/// The bundled scenarios' rate jump-offs (`ScenarioRateJumpOffs`) are the importer's
/// figures from the published files, and the Bank of England's gilt yields are annual
/// averages of the curves file.
final class ScenarioRateJumpOffTests: XCTestCase {
    func testTableIsTheImportersFigures() throws {
        let documents = try ScenarioImportSupport.documents()
        var withRates: [String] = []
        for document in documents where !document.rateJumpOff.isEmpty {
            withRates.append(document.scenario.id)
            XCTAssertEqual(ScenarioRateJumpOffs.bundled[document.scenario.id], document.rateJumpOff, document.scenario.id)
            for name in document.rateJumpOff.keys {
                XCTAssertNotNil(document.scenario.path(name), "\(document.scenario.id): \(name) is one of its variables")
            }
        }
        XCTAssertEqual(withRates, ["boe-2025-bcst", "fed-2026-baseline", "fed-2026-severely-adverse"])
        XCTAssertEqual(Set(ScenarioRateJumpOffs.bundled.keys), Set(withRates))
    }

    func testBoEGiltYieldsAreAnnualAverages() throws {
        let s = try ScenarioImportSupport.load("boe-2025-bcst").scenario
        let text = try String(contentsOfFile: ScenarioImportSupport.root + "/data/regulators/boe-2025-bcst-yields.csv",
                              encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        func value(_ quarter: String, _ column: String) -> Double {
            let row = rows.first { $0.first == quarter }!
            return Double(row[header.firstIndex(of: column)!])!
        }
        for (name, column) in [("short_rate", "uk_government_bond_yields_0.25y"), ("long_rate", "uk_government_bond_yields_10y")] {
            let path = try XCTUnwrap(s.path(name), name)
            XCTAssertEqual(path.count, 5)
            for (k, year) in (2025...2029).enumerated() {
                let mean = (1...4).map { value("\(year)Q\($0)", column) }.reduce(0, +) / 4 / 100
                XCTAssertEqual(path[k], mean, accuracy: 1e-12, "\(name) \(year)")
            }
            XCTAssertEqual(ScenarioRateJumpOffs.bundled["boe-2025-bcst"]?[name], value("2024Q4", column) / 100)
        }
    }
}
