import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// Identities of the projection (METHODOLOGY §8.1–8.2): the lines add up, a flat rate path
/// reproduces the jump-off NII, the balance sheet stays constant.
final class IncomeIdentityTests: XCTestCase {
    static let lines = NonInterestLines(
        feeIncome: .init(annual: 300, sensitivities: [.init(variable: "gdp_growth", sensitivity: 2, neutral: 0.01)]),
        tradingIncome: .init(annual: 50, sensitivities: [.init(variable: "equity_index", sensitivity: 0.5),
                                                         .init(variable: "vix", sensitivity: -1, neutral: 0.2)]),
        otherIncome: .init(annual: -10),
        operatingExpenses: .init(annual: 400, sensitivities: [.init(variable: "inflation", sensitivity: 1, neutral: 0.02)],
                                 cumulative: true),
        operationalRiskLosses: .init(annual: 20, sensitivities: [.init(variable: "gdp_growth", sensitivity: -3)]))

    /// With every rate held and the book priced at its new-business rates (customer rate =
    /// reference + margin), NII equals the jump-off NII each period: annual and quarterly,
    /// whatever the repricing profiles, betas, lags and prepayment.
    func testFlatRatesReproduceTheJumpOffNII() {
        var rng = Fixtures.Random(state: 17)
        for trial in 0..<40 {
            let book = Fixtures.randomBook(&rng, priced: true)
            for framework in [Framework.eba, .ccar] {
                let s = Fixtures.scenario(framework, severity: .baseline, periods: framework == .ccar ? 9 : 3)
                let r = Fixtures.project(book, s)
                let expected = book.runRateNetInterestIncome * r.periodLength
                for (t, nii) in r.netInterestIncome.enumerated() {
                    XCTAssertEqual(nii, expected, accuracy: 1e-9 * abs(book.totalAssets), "trial \(trial) \(framework) period \(t)")
                }
                for p in r.positions {
                    let rate = book.positions.first { $0.name == p.name }!.customerRate
                    for x in p.averageRate { XCTAssertEqual(x, rate, accuracy: 1e-12, "\(p.name): the balance stays constant") }
                }
                XCTAssertTrue(r.usesDefaultRatePath, "no rates in the scenario: held at jump-off")
            }
        }
    }

    /// A back book below new-business rates reprices upwards even with rates held: NII then
    /// rises towards the book's new-business run-rate, and never overshoots it.
    func testBackBookRepricingWithFlatRates() {
        let book = BankingBook(referenceRates: [.tenYear: 0.03], positions: [
            Fixtures.position("Mortgages", .mortgages, amount: 1_000, reference: .tenYear, margin: 0.01,
                              customerRate: 0.02, bucket: "2y"),
        ])
        let r = Fixtures.project(book, Fixtures.scenario(severity: .baseline))
        XCTAssertEqual(r.interestIncome[0], 20, accuracy: 1e-9)
        XCTAssertLessThan(r.interestIncome[1], 40)
        XCTAssertEqual(r.interestIncome[2], 40, accuracy: 1e-9, "all repriced to 3% + 1% by the end of year 2")
    }

    /// PPNR = NII + fees + trading + other − costs; NII = income − expense = Σ products;
    /// NII = before cap + adjustment; per-product interest = Σ its positions.
    func testLinesAddUp() {
        var rng = Fixtures.Random(state: 99)
        for trial in 0..<30 {
            let book = Fixtures.randomBook(&rng, priced: trial % 2 == 0)
            let up = (0..<3).map { _ in rng.uniform(-0.02, 0.04) }
            let s = Fixtures.scenario(severity: trial % 3 == 0 ? .baseline : .adverse, variables: [
                "short_rate": up, "long_rate": up.map { $0 + 0.01 }, "gdp_growth": [-0.02, 0.01, 0.015],
                "equity_index": [-0.3, 0.1, 0.05], "vix": [0.4, 0.25, 0.2], "inflation": [0.05, 0.03, 0.02],
                "sovereign_spread_change": [0.01, 0.005, 0],
            ])
            let r = Fixtures.project(book, s, nonInterest: Self.lines)
            for t in 0..<3 {
                let scale = 1e-9 * book.totalAssets
                XCTAssertEqual(r.netInterestIncomeBeforeCap[t], r.interestIncome[t] - r.interestExpense[t], accuracy: scale)
                let byProduct = r.byProduct.reduce(0) { $0 + ($1.side == .asset ? 1 : -1) * $1.interest[t] }
                XCTAssertEqual(byProduct, r.netInterestIncomeBeforeCap[t], accuracy: scale)
                XCTAssertEqual(r.netInterestIncome[t], r.netInterestIncomeBeforeCap[t] + r.niiCap.adjustment[t], accuracy: scale)
                XCTAssertLessThanOrEqual(r.niiCap.adjustment[t], 0)
                XCTAssertEqual(r.nonInterestIncome[t], r.feeIncome[t] + r.tradingIncome[t] + r.otherIncome[t], accuracy: 1e-9)
                XCTAssertEqual(r.ppnr[t], r.netInterestIncome[t] + r.nonInterestIncome[t] - r.operatingExpenses[t],
                               accuracy: scale)
                for product in r.byProduct {
                    let sum = r.positions.filter { $0.product == product.product }.reduce(0) { $0 + $1.interest[t] }
                    XCTAssertEqual(product.interest[t], sum, accuracy: scale)
                }
            }
        }
    }

    func testResultEncodesWithSnakeCaseKeys() throws {
        let r = Fixtures.project(HandWorkedNIITests.book, Fixtures.scenario(variables: ["short_rate": [0.03, 0.03, 0.03]]),
                                 nonInterest: Self.lines)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        for key in ["\"net_interest_income\"", "\"nii_cap\"", "\"ppnr\"", "\"rate_paths\"", "\"operational_risk_losses\"",
                    "\"by_product\"", "\"interpolated\"", "\"cap_nii_at_jump_off\""] {
            XCTAssertTrue(json.contains(key), key)
        }
        var decoded = try JSONDecoder().decode(IncomeResult.self, from: JSONEncoder().encode(r))
        decoded.findings = r.findings
        XCTAssertEqual(decoded, r)
    }
}
