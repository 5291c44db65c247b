import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// ΔEVE, ΔNII, the outlier tests and the duration gap on books worked on paper (METHODOLOGY §8.3).
final class IRRBBTests: XCTestCase {
    static let eur = ShockSizes.of(currency: "EUR")!

    func testShockSizesOfTheD368Table() {
        XCTAssertEqual(ShockSizes.of(currency: "EUR").map { [$0.parallel, $0.short, $0.long] }, [0.02, 0.025, 0.01])
        XCTAssertEqual(ShockSizes.of(currency: "GBP").map { [$0.parallel, $0.short, $0.long] }, [0.025, 0.03, 0.015])
        XCTAssertEqual(ShockSizes.of(currency: "USD").map { [$0.parallel, $0.short, $0.long] }, [0.02, 0.03, 0.015])
        XCTAssertEqual(ShockSizes.of(currency: "INR").map { [$0.parallel, $0.short, $0.long] }, [0.04, 0.05, 0.03])
        XCTAssertNil(ShockSizes.of(currency: "XXX"))
    }

    func testShockShapes() {
        let s = Self.eur
        XCTAssertEqual(InterestRateShock.shortUp.change(tenor: 0, sizes: s), 0.025)
        XCTAssertEqual(InterestRateShock.shortUp.change(tenor: 4, sizes: s), 0.025 * exp(-1), accuracy: 1e-16)
        XCTAssertEqual(InterestRateShock.steepener.change(tenor: 0, sizes: s), -0.65 * 0.025, accuracy: 1e-16)
        XCTAssertEqual(InterestRateShock.flattener.change(tenor: 0, sizes: s), 0.8 * 0.025, accuracy: 1e-16)
        // At long tenors the long-rate leg dominates: steepener → +0.9 L, flattener → −0.6 L.
        XCTAssertEqual(InterestRateShock.steepener.change(tenor: 200, sizes: s), 0.9 * 0.01, accuracy: 1e-15)
        XCTAssertEqual(InterestRateShock.flattener.change(tenor: 200, sizes: s), -0.6 * 0.01, accuracy: 1e-15)
        XCTAssertEqual(InterestRateShock.lowerBound(tenor: 0), -0.01)
        XCTAssertEqual(InterestRateShock.lowerBound(tenor: 10), -0.005, accuracy: 1e-17)
        XCTAssertEqual(InterestRateShock.lowerBound(tenor: 25), 0)
    }

    /// One zero-coupon asset of 1,000 at 4.5 years on a flat 3% curve, continuous compounding.
    func testDeltaEVEOfOneCashFlow() {
        let book = BankingBook(referenceRates: [.policyRate: 0.03], positions: [
            Fixtures.position("Bond", .securities, amount: 1_000, reference: .policyRate, margin: 0, customerRate: 0.03,
                              bucket: "5y"),
        ])
        let r = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 100,
                                    options: .init(interestCashFlows: .none)))
        XCTAssertEqual(r.economicValueOfEquity, 1_000 * exp(-0.03 * 4.5), accuracy: 1e-9)
        XCTAssertEqual(r.result(.parallelUp).deltaEVE, 1_000 * (exp(-0.05 * 4.5) - exp(-0.03 * 4.5)), accuracy: 1e-9)
        XCTAssertEqual(r.result(.parallelDown).deltaEVE, 1_000 * (exp(-0.01 * 4.5) - exp(-0.03 * 4.5)), accuracy: 1e-9)
        let su = 0.025 * exp(-4.5 / 4)
        XCTAssertEqual(r.result(.shortUp).deltaEVE, 1_000 * (exp(-(0.03 + su) * 4.5) - exp(-0.03 * 4.5)), accuracy: 1e-9)
        // The worst is parallel up: −(e^(−0.225) − e^(−0.135))·1,000 ≈ 74.4 of Tier 1 100.
        XCTAssertEqual(r.worstShock, .parallelUp)
        XCTAssertEqual(r.eveRatio, -r.result(.parallelUp).deltaEVE / 100, accuracy: 1e-12)
        XCTAssertTrue(r.eveOutlier)
    }

    /// Interest at the customer rate until repricing, slotted bucket by bucket.
    func testLadderWithInterestAndPrepayment() {
        let bond = Fixtures.position("Bond", .securities, amount: 1_000, reference: .policyRate, margin: 0,
                                     customerRate: 0.04, bucket: "5y")
        let flows = CashFlowLadder.flows(bond, interest: .customerRate)
        XCTAssertEqual(flows.reduce(0, +), 1_000 + 0.04 * 1_000 * 4.5, accuracy: 1e-9)
        XCTAssertEqual(flows[RepricingBucket.index(of: "5y")!], 1_000 + 0.04 * 1_000 * 0.5, accuracy: 1e-9)
        XCTAssertEqual(flows[RepricingBucket.index(of: "3y")!], 0.04 * 1_000 * 1, accuracy: 1e-9)

        let mortgage = Fixtures.position("M", .mortgages, amount: 1_000, reference: .tenYear, margin: 0,
                                         customerRate: 0.03, bucket: "2y", prepayment: 0.1)
        let principal = CashFlowLadder.flows(mortgage, interest: .none)
        XCTAssertEqual(principal.reduce(0, +), 1_000, accuracy: 1e-9, "principal is conserved")
        // In its own bucket (1.5–2y, midpoint 1.75): prepaid from 1.5 to 1.75, then the rest at 1.75.
        XCTAssertEqual(principal[RepricingBucket.index(of: "2y")!], 1_000 * pow(0.9, 1.5), accuracy: 1e-9)
        XCTAssertEqual(principal[RepricingBucket.index(of: "1.5y")!], 1_000 * (pow(0.9, 1) - pow(0.9, 1.5)), accuracy: 1e-9)
    }

    /// ΔNII for each of the six shocks on two positions, on paper: a loan on the 3-month rate
    /// resetting monthly (month 0 at the old rate, months 1–11 at the new) and funding on the
    /// policy rate repricing between 9 and 12 months (a third at the start of months 10, 11
    /// and 12: on average one month at the new rate within the year).
    ///   ΔNII = 1,000 × 11/12 × ΔR(0.25) − 600 × 1/12 × ΔR(0)
    func testDeltaNIIForEachShockOnTwoPositions() {
        let book = BankingBook(referenceRates: [.shortRate: 0.03, .policyRate: 0.025], positions: [
            Fixtures.position("Loan", .corporateLoans, amount: 1_000, reference: .shortRate, margin: 0.01,
                              customerRate: 0.04, bucket: "overnight"),
            Fixtures.position("Funding", .wholesaleFunding, amount: 600, reference: .policyRate, margin: 0,
                              customerRate: 0.025, bucket: "1y"),
        ])
        let r = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 50))
        XCTAssertEqual(r.netInterestIncome, 1_000 * 0.04 - 600 * 0.025, accuracy: 1e-9)
        for shock in InterestRateShock.allCases {
            let short = shock.change(tenor: 0.25, sizes: Self.eur), policy = shock.change(tenor: 0, sizes: Self.eur)
            XCTAssertEqual(r.result(shock).deltaNII, 1_000 * 11 / 12 * short - 600 / 12 * policy, accuracy: 1e-9,
                           shock.rawValue)
            // The classic gap on the principal ladder: 1,000 at 0.0028 years, −600 at 0.875.
            let gap = shock.change(tenor: 0.0028, sizes: Self.eur) * 1_000 * (1 - 0.0028)
                - shock.change(tenor: 0.875, sizes: Self.eur) * 600 * (1 - 0.875)
            XCTAssertEqual(r.result(shock).deltaNIIRepricingGap, gap, accuracy: 1e-9, shock.rawValue)
        }
        // Asset-sensitive: rates up raise NII, rates down lower it; the decline is parallel down's.
        XCTAssertGreaterThan(r.result(.parallelUp).deltaNII, 0)
        XCTAssertEqual(r.niiDecline, -r.result(.parallelDown).deltaNII, accuracy: 1e-12)
        XCTAssertEqual(r.niiRatio, r.niiDecline / 50, accuracy: 1e-15)
    }

    /// The post-shock floor: a 0.5% rate shocked down 2% stops at −1% (overnight).
    func testPostShockFloorBindsOnDownShocks() {
        let book = BankingBook(referenceRates: [.policyRate: 0.005], positions: [
            Fixtures.position("Loan", .corporateLoans, amount: 1_000, reference: .policyRate, margin: 0.01,
                              customerRate: 0.015, bucket: "overnight"),
        ])
        let floored = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 50))
        XCTAssertEqual(floored.result(.parallelDown).deltaNII, 1_000 * 11 / 12 * (-0.015), accuracy: 1e-9)
        let free = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 50, options: .init(postShockFloor: false)))
        XCTAssertEqual(free.result(.parallelDown).deltaNII, 1_000 * 11 / 12 * (-0.02), accuracy: 1e-9)
    }

    /// RBI duration gap: assets 1,000 at 4.5 years, liabilities 800 at 0.875 years, flat 3%.
    func testDurationGap() {
        let book = BankingBook(referenceRates: [.policyRate: 0.03], positions: [
            Fixtures.position("Bond", .securities, amount: 1_000, reference: .policyRate, margin: 0, customerRate: 0.03,
                              bucket: "5y"),
            Fixtures.position("Deposits", .termDeposits, amount: 800, reference: .policyRate, margin: 0,
                              customerRate: 0.03, bucket: "1y"),
        ])
        let r = IRRBB.measure(.init(bankingBook: book, currency: "INR", tier1: 100))
        XCTAssertEqual(r.assetDuration, 4.5 / 1.03, accuracy: 1e-12)
        XCTAssertEqual(r.liabilityDuration, 0.875 / 1.03, accuracy: 1e-12)
        XCTAssertEqual(r.durationGap, 4.5 / 1.03 - 0.8 * 0.875 / 1.03, accuracy: 1e-12)
        XCTAssertEqual(r.shockSizes.parallel, 0.04, "INR: 400 bp")
    }

    func testNonMaturityDepositProfileAndCaps() {
        let nm = BankingBook.NonMaturity(coreShare: 0.8, behaviouralMaturity: 5, category: .retailNonTransactional)
        let profile = nm.repricingProfile
        XCTAssertEqual(profile.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(profile[0], 0.2, accuracy: 1e-12, "the non-core reprices overnight")
        XCTAssertEqual(profile[RepricingBucket.index(of: "15y")!], 0, "nothing beyond 2 × 5 years")
        // The average repricing time of the core is its behavioural maturity, to the slotting.
        let mean = zip(profile.dropFirst(), RepricingBucket.standard.dropFirst()).reduce(0) { $0 + $1.0 * $1.1.midpoint } / 0.8
        XCTAssertEqual(mean, 5, accuracy: 0.01)
        let book = BankingBook(referenceRates: [.policyRate: 0.02], positions: [
            BankingBook.Position(name: "Savings", product: .retailDeposits, amount: 100, rateType: .floating,
                                 referenceRate: .policyRate, margin: -0.015, customerRate: 0.005, repricing: profile,
                                 passThrough: 0.3, nonMaturity: nm),
        ])
        let r = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 10))
        XCTAssertTrue(r.findings.contains { $0.message.contains("exceed the BCBS d368 caps") }, "70% / 4.5 years")
    }

    func testOutlierTestPicksTheFirstLargestLoss() {
        let t = IRRBB.outlierTest(deltaEVE: [(.parallelUp, -10), (.parallelDown, 5), (.steepener, -10)], tier1: 50,
                                  deltaNII: -3)
        XCTAssertEqual(t.worstShock, .parallelUp)
        XCTAssertEqual(t.worstEVELoss, 10)
        XCTAssertEqual(t.eveRatio, 0.2)
        XCTAssertTrue(t.eveOutlier)
        XCTAssertEqual(t.niiRatio, 0.06)
        XCTAssertTrue(t.niiOutlier, "6% > 5%")
        let none = IRRBB.outlierTest(deltaEVE: [(.parallelUp, 1)], tier1: 50, deltaNII: 2)
        XCTAssertNil(none.worstShock)
        XCTAssertEqual(none.niiDecline, 0)
    }

    func testEncodesWithSnakeCaseKeys() throws {
        let book = HandWorkedNIITests.book
        let r = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: 50))
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        for key in ["\"delta_eve\"", "\"eve_outlier\"", "\"duration_gap\"", "\"shock_sizes\""] {
            XCTAssertTrue(json.contains(key), key)
        }
        XCTAssertEqual(try JSONDecoder().decode(IRRBBResult.self, from: JSONEncoder().encode(r)).shocks, r.shocks)
    }
}
