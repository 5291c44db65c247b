import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// Properties that must hold for any book (METHODOLOGY §8): the sign of the NII response to
/// a parallel shock follows the repricing gap; the EBA cap holds in every adverse period.
final class IncomePropertyTests: XCTestCase {
    /// Floating assets against fixed funding: asset-sensitive.
    static func assetSensitive(_ rng: inout Fixtures.Random) -> BankingBook {
        BankingBook(referenceRates: [.shortRate: rng.uniform(0.005, 0.04), .tenYear: rng.uniform(0.01, 0.05)], positions: [
            Fixtures.position("Loans", .corporateLoans, amount: rng.uniform(500, 1_500), reference: .shortRate,
                              margin: 0.015, customerRate: 0.03, bucket: rng.pick(["overnight", "1m", "3m", "6m"])),
            Fixtures.position("Bonds", .bondsIssued, amount: rng.uniform(300, 900), reference: .tenYear, margin: 0.005,
                              customerRate: 0.025, bucket: rng.pick(["7y", "10y", "over_20y"])),
        ])
    }

    /// Fixed mortgages against deposits paying the policy rate in full: liability-sensitive.
    static func liabilitySensitive(_ rng: inout Fixtures.Random) -> BankingBook {
        BankingBook(referenceRates: [.policyRate: rng.uniform(0.005, 0.04), .tenYear: rng.uniform(0.01, 0.05)], positions: [
            Fixtures.position("Mortgages", .mortgages, amount: rng.uniform(500, 1_500), reference: .tenYear, margin: 0.01,
                              customerRate: 0.03, bucket: rng.pick(["5y", "10y", "15y"])),
            Fixtures.position("Funding", .wholesaleFunding, amount: rng.uniform(300, 900), reference: .policyRate,
                              margin: 0.001, customerRate: 0.02, bucket: rng.pick(["overnight", "1m", "3m"])),
        ])
    }

    func testParallelUpRaisesAnAssetSensitiveBooksNIIAndLowersALiabilitySensitiveOnes() {
        var rng = Fixtures.Random(state: 5)
        for trial in 0..<50 {
            let shift = rng.uniform(0.005, 0.03)
            let up = Fixtures.scenario(severity: .baseline, variables: ["policy_rate_change": [shift, shift, shift]])
            let flat = Fixtures.scenario(severity: .baseline, variables: ["policy_rate_change": [0, 0, 0]])
            let a = Self.assetSensitive(&rng), l = Self.liabilitySensitive(&rng)
            let aUp = Fixtures.project(a, up), aFlat = Fixtures.project(a, flat)
            let lUp = Fixtures.project(l, up), lFlat = Fixtures.project(l, flat)
            for t in 0..<3 {
                XCTAssertGreaterThan(aUp.netInterestIncome[t], aFlat.netInterestIncome[t], "trial \(trial) period \(t)")
                XCTAssertLessThan(lUp.netInterestIncome[t], lFlat.netInterestIncome[t], "trial \(trial) period \(t)")
            }
            // The same signs in the IRRBB ΔNII under the d368 parallel shock.
            XCTAssertGreaterThan(IRRBB.measure(.init(bankingBook: a, currency: "EUR", tier1: 100)).result(.parallelUp).deltaNII, 0)
            XCTAssertLessThan(IRRBB.measure(.init(bankingBook: l, currency: "EUR", tier1: 100)).result(.parallelUp).deltaNII, 0)
        }
    }

    /// NII ≤ jump-off NII × period length in every period of every EBA adverse scenario,
    /// whatever the book and the rate path; the baseline is not capped.
    func testEBACapHoldsInEveryAdversePeriod() {
        var rng = Fixtures.Random(state: 2025)
        var bound = 0
        for trial in 0..<60 {
            let book = Fixtures.randomBook(&rng, priced: trial % 2 == 1)
            let path = (0..<3).map { _ in rng.uniform(-0.01, 0.06) }
            let variables: [String: [Double]] = trial % 3 == 0 ? ["policy_rate_change": path.map { $0 - 0.02 }]
                : ["short_rate": path, "long_rate": path.map { $0 + rng.uniform(-0.01, 0.02) }]
            let adverse = Fixtures.project(book, Fixtures.scenario(severity: .adverse, variables: variables))
            for t in 0..<3 {
                XCTAssertLessThanOrEqual(adverse.netInterestIncome[t], adverse.niiCap.limit[t], "trial \(trial) period \(t)")
                XCTAssertEqual(adverse.netInterestIncome[t], min(adverse.netInterestIncomeBeforeCap[t], adverse.niiCap.limit[t]))
                if adverse.niiCap.applied[t] { bound += 1 }
            }
            let baseline = Fixtures.project(book, Fixtures.scenario(severity: .baseline, variables: variables))
            XCTAssertEqual(baseline.netInterestIncome, baseline.netInterestIncomeBeforeCap)
        }
        XCTAssertGreaterThan(bound, 10, "the cap binds in some periods")
    }

    /// A higher deposit beta costs more when rates rise.
    func testHigherDepositBetaLowersNIIWhenRatesRise() {
        func nii(beta: Double) -> Double {
            let book = BankingBook(referenceRates: [.policyRate: 0.02], positions: [
                Fixtures.position("Savings", .retailDeposits, amount: 1_000, reference: .policyRate, margin: -0.015,
                                  customerRate: 0.005, bucket: "overnight", passThrough: beta,
                                  nonMaturity: .init(coreShare: 0.6, behaviouralMaturity: 3, category: .retailNonTransactional)),
            ])
            return Fixtures.project(book, Fixtures.scenario(severity: .baseline, variables: ["policy_rate": [0.04, 0.04, 0.04]]))
                .netInterestIncome.reduce(0, +)
        }
        XCTAssertGreaterThan(nii(beta: 0.2), nii(beta: 0.5))
        XCTAssertGreaterThan(nii(beta: 0.5), nii(beta: 0.9))
    }
}
