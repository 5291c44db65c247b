import IncomeEngine
import StressCore
@testable import StressRun
import XCTest

/// A banking book in a currency other than the scenario's: driven by the scenario's rates
/// for that currency when it publishes them (the Bank of England's Euribor swaps), else
/// held at jump-off with a warning.
final class IncomeStageCurrencyTests: XCTestCase {
    static let book = BankingBook(referenceRates: [.shortRate: 0.03, .tenYear: 0.025], positions: [
        BankingBook.Position(name: "Loan", product: .corporateLoans, amount: 1_000, rateType: .floating,
                             referenceRate: .shortRate, margin: 0.02, customerRate: 0.05,
                             repricing: BankingBook.Position.profile(["overnight": 1]), passThrough: 1, floor: nil,
                             lagMonths: 0, nonMaturity: nil, prepaymentRate: 0),
    ])

    static func balanceSheet(_ currency: String) -> BalanceSheet {
        BalanceSheet(asOf: "2024-12-31", currency: currency,
                     capital: .init(cet1: 100, rwa: 1_000, otherRWA: 0, leverageExposure: 2_000),
                     income: .init(ppnr: [10, 10], taxRate: 0.25), bankingBook: book)
    }

    static let boe = Scenario(
        id: "boe", framework: .boe, name: "boe", severity: .adverse, frequency: .annual, periods: ["2025", "2026"],
        source: "t", variables: [
            .init(name: "bank_rate", values: [0.07, 0.06]), .init(name: "eur_long_rate", values: [0.02, 0.015]),
            .init(name: "eur_short_rate", values: [0.01, 0.005]), .init(name: "short_rate", values: [0.065, 0.06]),
        ])
    static let jumpOff = ["bank_rate": 0.0485, "short_rate": 0.045, "eur_short_rate": 0.03, "eur_long_rate": 0.025]

    private func run(_ currency: String, _ scenario: Scenario) throws -> IncomeResult {
        try XCTUnwrap(IncomeStage.run(scenario: scenario, balanceSheet: Self.balanceSheet(currency), provisions: nil,
                                      periods: 2, rateJumpOff: Self.jumpOff, scenarioFile: "s.yaml",
                                      balanceSheetFile: "b.yaml"))
    }

    func testAEuroBookFollowsTheScenariosEuroRates() throws {
        let r = try run("EUR", Self.boe)
        let short = try XCTUnwrap(r.ratePaths.first { $0.rate == .shortRate })
        XCTAssertEqual(short.source, .scenario)
        // The bank's 3% moves by the scenario's Euribor move from its 3% jump-off: -2 and -2.5 points.
        XCTAssertEqual(short.values[0], 0.01, accuracy: 1e-12)
        XCTAssertEqual(short.values[1], 0.005, accuracy: 1e-12)
        XCTAssertFalse(r.findings.contains { $0.message.contains("held at jump-off in this scenario") })
    }

    func testABookWithoutItsCurrencysRatesIsHeldWithAWarning() throws {
        let r = try run("USD", Self.boe)
        XCTAssertTrue(r.ratePaths.allSatisfy(\.isDefault), "\(r.ratePaths.map(\.source))")
        XCTAssertTrue(r.findings.contains { $0.severity == .warning && $0.message.contains("bank_rate, short_rate") })
    }

    func testAHomeCurrencyBookIgnoresTheForeignRates() throws {
        let r = try run("GBP", Self.boe)
        let short = try XCTUnwrap(r.ratePaths.first { $0.rate == .shortRate })
        XCTAssertEqual(short.values[0], 0.03 + (0.065 - 0.045), accuracy: 1e-12)
    }
}
