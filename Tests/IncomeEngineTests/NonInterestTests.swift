import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// Fees, trading income, costs and operational-risk losses (METHODOLOGY §8.2).
final class NonInterestTests: XCTestCase {
    static let book = HandWorkedNIITests.book

    func testLevelAndCumulativeResponses() {
        let lines = NonInterestLines(
            feeIncome: .init(annual: 100, sensitivities: [.init(variable: "gdp_growth", sensitivity: 2, neutral: 0.01)]),
            tradingIncome: .init(annual: 40, sensitivities: [.init(variable: "equity_index", sensitivity: 0.5),
                                                             .init(variable: "vix", sensitivity: -1, neutral: 0.2)]),
            operatingExpenses: .init(annual: 200, sensitivities: [.init(variable: "inflation", sensitivity: 1, neutral: 0.02)],
                                     cumulative: true),
            operationalRiskLosses: .init(annual: 10, sensitivities: [.init(variable: "gdp_growth", sensitivity: -5)]))
        let s = Fixtures.scenario(severity: .baseline, variables: [
            "gdp_growth": [-0.04, 0.0, 0.02], "equity_index": [-0.4, 0.1, 0.05], "vix": [0.45, 0.25, 0.2],
            "inflation": [0.06, 0.04, 0.02], "short_rate": [0.02, 0.02, 0.02]])
        let r = Fixtures.project(Self.book, s, nonInterest: lines, rules: IncomeRules())
        // Fees: 100 × (1 + 2 × (g − 1%)).
        assertClose(r.feeIncome, [100 * (1 + 2 * (-0.05)), 100 * (1 - 0.02), 100 * (1 + 0.02)], accuracy: 1e-12)
        // Trading: 40 × (1 + 0.5 × equity − (vix − 0.2)), floored at zero.
        assertClose(r.tradingIncome, [40 * (1 - 0.2 - 0.25), 40 * (1 + 0.05 - 0.05), 40 * (1 + 0.025)], accuracy: 1e-12)
        // Costs compound: 200 × 1.04, × 1.02, × 1.00.
        assertClose(r.operatingExpenses, [200 * 1.04, 200 * 1.04 * 1.02, 200 * 1.04 * 1.02], accuracy: 1e-12)
        assertClose(r.operationalRiskLosses, [10 * 1.2, 10, 10 * 0.9], accuracy: 1e-12)
        XCTAssertEqual(r.otherIncome, [0, 0, 0])
    }

    /// The EBA in an adverse scenario: fees capped at the jump-off, costs floored at it.
    func testEBAFeeCapAndCostFloor() {
        let lines = NonInterestLines(
            feeIncome: .init(annual: 100, sensitivities: [.init(variable: "gdp_growth", sensitivity: 2)]),
            operatingExpenses: .init(annual: 200, sensitivities: [.init(variable: "inflation", sensitivity: 1, neutral: 0.02)],
                                     cumulative: true))
        let variables = ["gdp_growth": [0.03, -0.04, 0.02], "inflation": [0.0, 0.01, 0.08], "short_rate": [0.02, 0.02, 0.02]]
        let adverse = Fixtures.project(Self.book, Fixtures.scenario(.eba, severity: .adverse, variables: variables),
                                       nonInterest: lines)
        assertClose(adverse.feeIncome, [100, 92, 100], accuracy: 1e-12)
        XCTAssertEqual(adverse.feeCapApplied, [true, false, true])
        // Costs would be 200 × 0.98, × 0.99, × 1.06: floored at 200 in the first two years.
        assertClose(adverse.operatingExpenses, [200, 200, 200 * 0.98 * 0.99 * 1.06], accuracy: 1e-12)
        XCTAssertEqual(adverse.expenseFloorApplied, [true, true, false])
        let baseline = Fixtures.project(Self.book, Fixtures.scenario(.eba, severity: .baseline, variables: variables),
                                        nonInterest: lines)
        assertClose(baseline.feeIncome, [106, 92, 104], accuracy: 1e-12, "no fee cap in the baseline")
        XCTAssertEqual(baseline.operatingExpenses[0], 200, "the cost floor holds in every scenario")
        let fed = Fixtures.project(Self.book, Fixtures.scenario(.boe, severity: .adverse, periods: 5, variables: [
            "gdp_growth": [0.03, -0.04, 0.02, 0, 0], "inflation": [0, 0.01, 0.05, 0.02, 0.02]]), nonInterest: lines)
        XCTAssertEqual(fed.feeIncome[0], 106, accuracy: 1e-12, "no EBA caps in the Bank of England's framework")
    }

    func testMissingVariablesAndSectionsAreReported() {
        let lines = NonInterestLines(feeIncome: .init(annual: 100, sensitivities: [.init(variable: "vix", sensitivity: -1,
                                                                                         neutral: 0.2)]))
        let r = Fixtures.project(Self.book, Fixtures.scenario(severity: .baseline), nonInterest: lines)
        assertClose(r.feeIncome, [100, 100, 100], accuracy: 1e-12, "a missing variable stays at its neutral value")
        XCTAssertTrue(r.findings.contains { $0.field == "variables.vix" && $0.severity == .info })
        let bare = Fixtures.project(Self.book, Fixtures.scenario(severity: .baseline))
        XCTAssertEqual(bare.ppnr, bare.netInterestIncome)
        XCTAssertTrue(bare.findings.contains { $0.field == "non_interest" })
    }

    func testQuarterlyLinesArePerQuarter() {
        let lines = NonInterestLines(feeIncome: .init(annual: 100),
                                     operatingExpenses: .init(annual: 80, sensitivities: [
                                         .init(variable: "inflation", sensitivity: 1, neutral: 0)], cumulative: true))
        let s = Fixtures.scenario(.ccar, severity: .baseline, periods: 9, variables: ["inflation": Array(repeating: 0.04, count: 9)])
        let r = Fixtures.project(Self.book, s, nonInterest: lines, currency: "USD")
        assertClose(r.feeIncome, Array(repeating: 25, count: 9), accuracy: 1e-12)
        // Annualised inflation: each quarter grows costs by 4% × 0.25.
        XCTAssertEqual(r.operatingExpenses[1], 20 * 1.01 * 1.01, accuracy: 1e-12)
    }
}

private func assertClose(_ a: [Double], _ e: [Double], accuracy: Double, _ message: String = "",
                         file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, e.count, message, file: file, line: line)
    for (x, y) in zip(a, e) { XCTAssertEqual(x, y, accuracy: accuracy, message, file: file, line: line) }
}
