import XCTest
import StressCore
@testable import VaREngine

/// The run simulates `performingCreditRiskBook()`, the performing book without the columns a
/// credit portfolio model does not read. The credit VaR must come out the same bits as on
/// `performing()` with every column: if the VaR ever reads one of the dropped columns, this
/// test sees it.
final class CreditRiskBookTests: XCTestCase {
    private func fullBook(_ n: Int) -> Portfolio {
        var p = PortfolioFixtures.mixed(n)
        p.stage = (0..<n).map { $0 % 17 == 0 ? 3 : ($0 % 5 == 0 ? 2 : 1) }
        p.defaultFlag = (0..<n).map { $0 % 23 == 0 ? 1 : 0 }
        p.maturity = (0..<n).map { 1 + Double($0 % 5) }
        p.turnoverEURm = (0..<n).map { Double($0 % 60) }
        p.collateralValue = (0..<n).map { $0 % 3 == 0 ? 50 : .nan }
        p.provision = (0..<n).map { Double($0 % 7) }
        p.eir = Array(repeating: 0.05, count: n)
        p.rating = CategoricalColumn((0..<n).map { ["AA", "BBB", "B"][$0 % 3] })
        return p
    }

    func testTheLeanBookGivesTheFullBooksVaR() throws {
        let book = fullBook(600)
        let full = book.performing(), lean = book.performingCreditRiskBook()
        XCTAssertEqual(lean.ids, full.ids)
        XCTAssertLessThan(lean.count, book.count, "the fixture has defaulted rows")
        XCTAssertNil(lean.stage)
        XCTAssertNil(lean.maturity)
        XCTAssertEqual(lean.turnoverEURm, full.turnoverEURm)
        XCTAssertEqual(lean.segment, full.segment)
        var configuration = VaRConfiguration(paths: 3_000, seed: 5, confidenceLevels: [0.99, 0.999])
        configuration.importanceSampling = .automatic
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try CreditVaR.run(portfolio: full, configuration: configuration, threads: 2)
        let b = try CreditVaR.run(portfolio: lean, configuration: configuration, threads: 2)
        XCTAssertEqual(try encoder.encode(b), try encoder.encode(a))
    }
}
