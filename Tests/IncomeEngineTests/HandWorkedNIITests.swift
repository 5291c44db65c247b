import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// Books small enough to work on paper; every expected figure below is written out as the
/// arithmetic a reader can redo (METHODOLOGY §8.1).
final class HandWorkedNIITests: XCTestCase {
    /// A floating loan resetting monthly against a bond that never reprices in the horizon.
    static let book = BankingBook(
        referenceRates: [.shortRate: 0.02, .fiveYear: 0.025],
        positions: [
            Fixtures.position("Loan", .corporateLoans, amount: 1_000, reference: .shortRate, margin: 0.01,
                              customerRate: 0.03, bucket: "overnight"),
            Fixtures.position("Bond", .bondsIssued, amount: 800, reference: .fiveYear, margin: 0,
                              customerRate: 0.02, bucket: "over_20y"),
        ])

    func testFloatingLoanAgainstFixedBond() {
        let s = Fixtures.scenario(severity: .baseline, variables: ["short_rate": [0.03, 0.04, 0.04]])
        let r = Fixtures.project(Self.book, s)
        // Loan: month 0 at the jump-off 3%, then the 3-month rate + 1% (4% in year 1, 5% after).
        let loan = [1_000 * (0.03 + 11 * 0.04) / 12, 50, 50]
        assertClose(r.interestIncome, loan)
        assertClose(r.interestExpense, [16, 16, 16]) // 800 × 2%
        assertClose(r.netInterestIncome, [loan[0] - 16, 34, 34])
        XCTAssertEqual(r.runRateNetInterestIncome, 1_000 * 0.03 - 800 * 0.02, accuracy: 1e-12)
        XCTAssertFalse(r.niiCap.applies, "baseline: no cap")
    }

    /// The same book under an EBA adverse scenario: NII may not exceed the jump-off 14 a year.
    func testEBACapBindsInTheAdverseScenario() {
        let s = Fixtures.scenario(severity: .adverse, variables: ["short_rate": [0.03, 0.04, 0.04]])
        let r = Fixtures.project(Self.book, s)
        XCTAssertTrue(r.niiCap.applies)
        assertClose(r.netInterestIncomeBeforeCap, [1_000 * (0.03 + 11 * 0.04) / 12 - 16, 34, 34])
        assertClose(r.netInterestIncome, [14, 14, 14])
        XCTAssertEqual(r.niiCap.applied, [true, true, true])
        assertClose(r.niiCap.adjustment, zip(r.netInterestIncome, r.netInterestIncomeBeforeCap).map { $0 - $1 })
    }

    /// A three-month pass-through lag: month m takes the reference rate of month m − 3.
    func testLag() {
        var book = Self.book
        book.positions[0].lagMonths = 3
        let r = Fixtures.project(book, Fixtures.scenario(severity: .baseline, variables: ["short_rate": [0.03, 0.04, 0.04]]))
        // Year 1: months 0–2 at 3% (jump-off), 3–11 at 4%; year 2: months 12–14 at 4%, 15–23 at 5%.
        assertClose(r.interestIncome, [1_000 * (3 * 0.03 + 9 * 0.04) / 12, 1_000 * (3 * 0.04 + 9 * 0.05) / 12, 50])
    }

    /// A non-maturity deposit: β = 0.5 on the whole balance, floored at zero.
    func testAdministeredDepositWithBetaAndFloor() {
        let book = BankingBook(referenceRates: [.policyRate: 0.02], positions: [
            Fixtures.position("Savings", .retailDeposits, amount: 500, reference: .policyRate, margin: -0.015,
                              customerRate: 0.005, bucket: "overnight", passThrough: 0.5, floor: 0,
                              nonMaturity: .init(coreShare: 0.7, behaviouralMaturity: 3, category: .retailNonTransactional)),
        ])
        let r = Fixtures.project(book, Fixtures.scenario(severity: .baseline, variables: ["policy_rate": [0, 0.01, 0.03]]))
        // 0.5% + 0.5 × (0% − 2%) = −0.5% → 0; 0.5% + 0.5 × (1% − 2%) = 0; 0.5% + 0.5 × (3% − 2%) = 1%.
        assertClose(r.interestExpense, [0, 0, 500 * 0.01])
    }

    /// A fixed mortgage repricing between 12 and 18 months: one sixth at the start of each of
    /// months 13 to 18, into new business at the 10-year rate + 1%.
    func testFixedTrancheRepricingInTheOneToOneAndAHalfYearBucket() {
        let book = BankingBook(referenceRates: [.tenYear: 0.03], positions: [
            Fixtures.position("Mortgages", .mortgages, amount: 1_200, reference: .tenYear, margin: 0.01,
                              customerRate: 0.025, bucket: "1.5y"),
        ])
        let r = Fixtures.project(book, Fixtures.scenario(severity: .baseline, variables: ["long_rate": [0.03, 0.05, 0.05]]))
        // Year 2, months 12–23: repriced shares 0, 1/6, …, 5/6, then 1 for six months
        // (Σ 8.5 months at 6%, 3.5 months at 2.5%), 100 a month of balance.
        assertClose(r.interestIncome, [1_200 * 0.025, 100 * (3.5 * 0.025 + 8.5 * 0.06), 1_200 * 0.06])
    }

    /// Prepayment at 12% a year on a position that never reprices otherwise: each month
    /// SMM = 1 − 0.88^(1/12) of the back book is replaced by new business at 5%.
    func testPrepaymentRepricesTheBackBook() {
        let book = BankingBook(referenceRates: [.tenYear: 0.04], positions: [
            Fixtures.position("Mortgages", .mortgages, amount: 1_200, reference: .tenYear, margin: 0.01,
                              customerRate: 0.02, bucket: "over_20y", prepayment: 0.12),
        ])
        let r = Fixtures.project(book, Fixtures.scenario(severity: .baseline, periods: 3))
        let q = pow(0.88, 1.0 / 12)
        func year(_ y: Int) -> Double {
            (12 * y..<12 * (y + 1)).reduce(0) { total, m in
                let back = pow(q, Double(m))
                return total + 1_200 * (back * 0.02 + (1 - back) * 0.05) / 12
            }
        }
        assertClose(r.interestIncome, [year(0), year(1), year(2)])
    }

    /// Stage 3 stops accruing: 10% then 20% of the loan's balance earns nothing.
    func testNonAccrualByProduct() {
        let s = Fixtures.scenario(severity: .baseline, variables: ["short_rate": [0.03, 0.04, 0.04]])
        let r = Fixtures.project(Self.book, s, nonAccrual: ["corporate_loans": [0.1, 0.2, 0.2]])
        assertClose(r.interestIncome, [0.9 * 1_000 * (0.03 + 11 * 0.04) / 12, 0.8 * 50, 0.8 * 50])
        assertClose(r.interestExpense, [16, 16, 16], "liabilities are still paid")
        XCTAssertEqual(r.positions[0].nonAccruingShare, [0.1, 0.2, 0.2])
    }

    /// A quarterly projection: a quarter's interest per period.
    func testQuarterlyPeriods() {
        let s = Fixtures.scenario(.ccar, severity: .baseline, periods: 9,
                                  variables: ["treasury_3m": [0.03, 0.03, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04]])
        let r = Fixtures.project(Self.book, s, currency: "USD")
        XCTAssertEqual(r.periodLength, 0.25)
        // Q1: month 0 at 3%, months 1–2 at 4%; Q2 at 4%; from Q3 at 5%.
        assertClose(Array(r.interestIncome.prefix(3)), [1_000 * (0.03 + 2 * 0.04) / 12, 10, 12.5])
        assertClose(r.interestExpense, Array(repeating: 4, count: 9))
    }

    // MARK: -

    private func assertClose(_ a: [Double], _ e: [Double], _ message: String = "", file: StaticString = #filePath,
                             line: UInt = #line) {
        XCTAssertEqual(a.count, e.count, message, file: file, line: line)
        for (x, y) in zip(a, e) { XCTAssertEqual(x, y, accuracy: 1e-9 * max(1, abs(y)), message, file: file, line: line) }
    }
}
