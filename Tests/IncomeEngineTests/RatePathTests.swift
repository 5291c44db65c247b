import Foundation
@testable import IncomeEngine
import StressCore
import XCTest

/// Where each reference rate's path comes from (METHODOLOGY §8.1, "Rate paths").
final class RatePathTests: XCTestCase {
    static let jumpOff: [ReferenceRate: Double] = [.policyRate: 0.02, .shortRate: 0.021, .twoYear: 0.0225,
                                                   .fiveYear: 0.0245, .tenYear: 0.0275, .mortgageRate: 0.036]

    static func build(_ s: Scenario, scenarioJumpOff: [String: Double] = [:], currency: String = "EUR",
                      rules: IncomeRules? = nil) -> ScenarioRates.Paths {
        ScenarioRates.build(jumpOff: jumpOff, scenario: s, periodCount: s.periodCount, scenarioJumpOff: scenarioJumpOff,
                            rules: rules ?? IncomeRules.of(s.framework), currency: currency, scenarioFile: "s.yaml")
    }

    /// The bundled EBA scenarios have GDP and inflation only: every rate is held, and says so.
    func testNoRatesHoldsEveryRateAtJumpOffWithAWarning() {
        let s = Fixtures.scenario(.eba, variables: ["gdp_growth": [-0.023, -0.042, 0], "inflation": [0.05, 0.035, 0.019]])
        let p = Self.build(s)
        for (rate, r0) in Self.jumpOff {
            XCTAssertEqual(p.rates[rate]?.values, [r0, r0, r0])
            XCTAssertEqual(p.rates[rate]?.source, .heldAtJumpOff)
            XCTAssertTrue(p.rates[rate]!.isDefault)
        }
        XCTAssertEqual(p.findings.count, 1)
        XCTAssertEqual(p.findings.first?.severity, .warning)
        XCTAssertTrue(p.findings.first!.message.contains("held at their jump-off levels"), p.findings.first!.message)
        XCTAssertEqual(p.fundingSpread, [0, 0, 0])
    }

    /// The Fed's rates with their 2025Q4 levels: the scenario's moves apply to the bank's
    /// rates; the 2-year is interpolated between the 3-month and the 5-year; the policy
    /// rate follows the 3-month (flat below the first pillar).
    func testScenarioChangesFromItsJumpOff() {
        let s = Fixtures.scenario(.ccar, severity: .severelyAdverse, periods: 9, variables: [
            "treasury_3m": [0.025, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001],
            "treasury_5y": [0.024, 0.018, 0.014, 0.013, 0.013, 0.013, 0.013, 0.013, 0.013],
            "treasury_10y": [0.031, 0.027, 0.024, 0.023, 0.023, 0.023, 0.023, 0.023, 0.023],
            "mortgage_rate": [0.06, 0.059, 0.058, 0.057, 0.057, 0.057, 0.057, 0.057, 0.057],
        ])
        let x0 = ["treasury_3m": 0.037, "treasury_5y": 0.037, "treasury_10y": 0.041, "mortgage_rate": 0.062]
        let p = Self.build(s, scenarioJumpOff: x0)
        XCTAssertEqual(p.rates[.shortRate]!.values[0], 0.021 + (0.025 - 0.037), accuracy: 1e-15)
        XCTAssertEqual(p.rates[.shortRate]!.source, .scenario)
        XCTAssertEqual(p.rates[.shortRate]!.basis, .change)
        XCTAssertEqual(p.rates[.mortgageRate]!.values[1], 0.036 + (0.059 - 0.062), accuracy: 1e-15)
        let w = (2 - 0.25) / (5 - 0.25)
        XCTAssertEqual(p.rates[.twoYear]!.values[0], 0.0225 + (1 - w) * (0.025 - 0.037) + w * (0.024 - 0.037), accuracy: 1e-15)
        XCTAssertEqual(p.rates[.twoYear]!.variables, ["treasury_3m", "treasury_5y"])
        XCTAssertEqual(p.rates[.policyRate]!.values[0], 0.02 + (0.025 - 0.037), accuracy: 1e-15)
        XCTAssertEqual(p.rates[.policyRate]!.source, .interpolated)
        XCTAssertEqual(p.rates[.policyRate]!.variables, ["treasury_3m"])
        XCTAssertFalse(p.findings.contains { $0.severity == .warning }, "\(p.findings)")
        // The 3-month rate falls 3.6 pp from 2.1% in the second quarter: floored at −1%.
        XCTAssertEqual(p.rates[.shortRate]!.values[1], -0.01)
        XCTAssertEqual(p.rates[.shortRate]!.flooredPeriods, Array(1..<9))
    }

    /// The lower bound: −1% unless the jump-off rate is already lower.
    func testLowerBound() {
        let s = Fixtures.scenario(.eba, variables: ["policy_rate_change": [-0.01, -0.04, -0.05]])
        let p = Self.build(s)
        XCTAssertEqual(p.rates[.policyRate]!.values, [0.01, -0.01, -0.01])
        XCTAssertEqual(p.rates[.policyRate]!.flooredPeriods, [1, 2])
        XCTAssertEqual(p.rates[.policyRate]!.source, .parallelChange)
        XCTAssertTrue(p.findings.contains { $0.message.contains("floored at -1.0%") }, "\(p.findings)")
        let low = ScenarioRates.build(jumpOff: [.policyRate: -0.02], scenario: s, periodCount: 3, scenarioJumpOff: [:],
                                      rules: .of(.eba), currency: "EUR", scenarioFile: "s")
        XCTAssertEqual(low.rates[.policyRate]!.values, [-0.02, -0.02, -0.02], "a jump-off of −2% is its own bound")
    }

    /// Levels without the scenario's jump-off are the bank's rates; a foreign currency's
    /// levels are flagged.
    func testLevelsOfAnotherCurrencyAreFlagged() {
        let s = Fixtures.scenario(.boe, periods: 5, variables: ["bank_rate": [0.071, 0.073, 0.058, 0.044, 0.032]])
        let p = Self.build(s)
        XCTAssertEqual(p.rates[.policyRate]!.values, [0.071, 0.073, 0.058, 0.044, 0.032])
        XCTAssertEqual(p.rates[.policyRate]!.basis, .level)
        XCTAssertTrue(p.findings.contains { $0.severity == .warning && $0.message.contains("GBP rate levels") }, "\(p.findings)")
        let gbp = Self.build(s, currency: "GBP")
        XCTAssertFalse(gbp.findings.contains { $0.message.contains("rate levels") })
    }

    /// Funding spreads: the seed's `sovereign_spread_change` as given; a level with its
    /// jump-off as a change; a level without one is not used.
    func testFundingSpread() {
        let seed = Self.build(Fixtures.scenario(.eba, variables: ["sovereign_spread_change": [0.05, 0.03, 0.01]]))
        XCTAssertEqual(seed.fundingSpread, [0.05, 0.03, 0.01])
        XCTAssertEqual(seed.fundingSpreadVariable, "sovereign_spread_change")
        let boe = Fixtures.scenario(.boe, periods: 5, variables: ["corporate_spread": [0.0407, 0.0444, 0.035575, 0.0267, 0.01785]])
        let known = Self.build(boe, scenarioJumpOff: ["corporate_spread": 0.0101])
        XCTAssertEqual(known.fundingSpread[0], 0.0407 - 0.0101, accuracy: 1e-15)
        let unknown = Self.build(boe)
        XCTAssertEqual(unknown.fundingSpread, [0, 0, 0, 0, 0])
        XCTAssertNil(unknown.fundingSpreadVariable)
        XCTAssertTrue(unknown.findings.contains { $0.message.contains("no jump-off level for corporate_spread") })
    }

    /// The spread reaches repricing market funding in full, deposits not at all, asset
    /// margins not at all (EBA).
    func testSpreadPassThroughByProduct() {
        let book = BankingBook(referenceRates: [.policyRate: 0.02], positions: [
            Fixtures.position("Loan", .corporateLoans, amount: 1_000, reference: .policyRate, margin: 0.01,
                              customerRate: 0.03, bucket: "overnight"),
            Fixtures.position("Bonds", .bondsIssued, amount: 500, reference: .policyRate, margin: 0.005,
                              customerRate: 0.025, bucket: "overnight"),
            Fixtures.position("Term", .termDeposits, amount: 400, reference: .policyRate, margin: -0.005,
                              customerRate: 0.015, bucket: "overnight"),
        ])
        let s = Fixtures.scenario(.eba, severity: .baseline, variables: ["sovereign_spread_change": [0.012, 0.012, 0.012]])
        let r = Fixtures.project(book, s)
        XCTAssertEqual(r.positions[0].interest[1], 30, accuracy: 1e-9, "asset margin unchanged")
        XCTAssertEqual(r.positions[1].interest[1], 500 * (0.025 + 0.012), accuracy: 1e-9, "funding spread passed in full")
        XCTAssertEqual(r.positions[2].interest[1], 400 * 0.015, accuracy: 1e-9, "deposits: no spread")
    }
}
