import XCTest
import StressCore
@testable import Inputs

/// `banking_book:` and `non_interest:` (INTERFACES.md, "Balance sheet file"): every key
/// arrives unchanged, defaults are derived as documented, and a balance sheet without them
/// loads as before. Malformed cases are in Corpus/balance_sheet/bb-*.yaml.
final class BalanceSheetBankingBookTests: XCTestCase {
    func testEveryKeyLoads() throws {
        let loaded = try BalanceSheetFile.load(path: Corpus.path("valid/balance-sheet-banking-book.yaml"))
        XCTAssertEqual(loaded.findings, [])
        let book = try XCTUnwrap(loaded.balanceSheet.bankingBook)
        XCTAssertEqual(book.reportedNetInterestIncome, 4_100_000_000)
        XCTAssertEqual(book.referenceRates, [.policyRate: 0.02, .shortRate: 0.0205, .twoYear: 0.0225, .fiveYear: 0.0245,
                                             .tenYear: 0.0275, .mortgageRate: 0.036, .primeRate: -0.001])
        XCTAssertEqual(book.positions.map(\.name), ["Retail mortgages", "Corporate loans", "Sight and savings deposits",
                                                    "Operating accounts"])

        let mortgages = book.positions[0]
        XCTAssertEqual(mortgages, BankingBook.Position(
            name: "Retail mortgages", product: .mortgages, amount: 100_000_000_000, rateType: .fixed, referenceRate: .tenYear,
            margin: 0.0105, customerRate: 0.024,
            repricing: BankingBook.Position.profile(["1y": 0.1, "2y": 0.1, "5y": 0.3, "10y": 0.4, "over_20y": 0.1]),
            prepaymentRate: 0.05))

        let loans = book.positions[1]
        XCTAssertEqual(loans.customerRate, 0.0205 + 0.017, "customer rate = reference + margin when not given")
        XCTAssertEqual(loans.rateType, .floating)
        XCTAssertEqual(loans.floor, 0)
        XCTAssertEqual(loans.cap, 0.12)
        XCTAssertEqual(loans.passThrough, 1, "pass-through defaults to 1")
        XCTAssertEqual(loans.lagMonths, 0)

        let savings = book.positions[2]
        XCTAssertEqual(savings.margin, 0.0025 - 0.02, "margin = customer rate − reference when not given")
        XCTAssertEqual(savings.passThrough, 0.3)
        XCTAssertEqual(savings.lagMonths, 3)
        let nm = BankingBook.NonMaturity(coreShare: 0.7, behaviouralMaturity: 4.5, category: .retailNonTransactional)
        XCTAssertEqual(savings.nonMaturity, nm)
        XCTAssertEqual(savings.repricing, nm.repricingProfile, "the behavioural profile when none is given")

        let accounts = book.positions[3]
        XCTAssertEqual(accounts.nonMaturity?.category, .wholesale, "corporate deposits default to wholesale")
        XCTAssertEqual(accounts.repricing, BankingBook.Position.profile(["overnight": 0.5, "1y": 0.5]))
        XCTAssertEqual(accounts.customerRate, 0.02 - 0.014)

        let lines = try XCTUnwrap(loaded.balanceSheet.nonInterest)
        XCTAssertEqual(lines, NonInterestLines(
            feeIncome: .init(annual: 1_500_000_000, sensitivities: [
                .init(variable: "gdp_growth", sensitivity: 1.5, neutral: 0.013),
                .init(variable: "equity_index", sensitivity: 0.2)]),
            tradingIncome: .init(annual: -50_000_000, sensitivities: [.init(variable: "vix", sensitivity: -0.8)]),
            otherIncome: .init(annual: 100_000_000),
            operatingExpenses: .init(annual: 3_200_000_000, sensitivities: [
                .init(variable: "inflation", sensitivity: 0.9, neutral: 0.02)], cumulative: true),
            operationalRiskLosses: .init(annual: 80_000_000)))
        XCTAssertEqual(loaded.balanceSheet.income.ppnr, [], "no fixed PPNR list")
    }

    /// The example in docs/INTERFACES.md ("Balance sheet file") loads, so the contract cannot rot.
    func testTheInterfacesExampleLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let markdown = try String(contentsOf: root.appendingPathComponent("docs/INTERFACES.md"), encoding: .utf8)
        let start = try XCTUnwrap(markdown.range(of: "\nbanking_book:"))
        let end = try XCTUnwrap(markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex))
        let yaml = "as_of: 2025-12-31\ncurrency: EUR\ncapital: {cet1: 1, leverage_exposure: 2}"
            + String(markdown[start.lowerBound..<end.lowerBound]) + "\n"
        let sheet = try BalanceSheetFile.parse(text: yaml, file: "INTERFACES.md").balanceSheet
        XCTAssertEqual(sheet.bankingBook?.positions.count, 2)
        XCTAssertEqual(sheet.bankingBook?.positions[1].cap, 0.05)
        XCTAssertEqual(sheet.nonInterest?.operatingExpenses?.cumulative, true)
        XCTAssertEqual(sheet.nonInterest?.tradingIncome?.sensitivities.count, 2)
    }

    func testSectionsAreOptional() throws {
        let sheet = try BalanceSheetFile.parse(text: """
            as_of: 2025-12-31
            currency: USD
            capital: {cet1: 1_000, leverage_exposure: 20_000}
            """, file: "minimal.yaml").balanceSheet
        XCTAssertNil(sheet.bankingBook)
        XCTAssertNil(sheet.nonInterest)
    }

    /// The repricing fractions may be off 1 by rounding to six decimals (1e-5), not more.
    func testProfileSumTolerance() throws {
        func load(_ profile: String) throws -> BalanceSheet {
            try BalanceSheetFile.parse(text: """
                as_of: 2025-12-31
                currency: EUR
                capital: {cet1: 1, leverage_exposure: 2}
                banking_book:
                  reference_rates: {policy_rate: 0.02}
                  positions:
                    - {name: A, product: securities, amount: 1, rate_type: fixed, reference_rate: policy_rate,
                       margin: 0, repricing: \(profile)}
                """, file: "p.yaml").balanceSheet
        }
        XCTAssertNoThrow(try load("{1y: 0.333333, 2y: 0.333333, 3y: 0.333333}"))
        XCTAssertThrowsError(try load("{1y: 0.33, 2y: 0.33, 3y: 0.33}")) { error in
            XCTAssertEqual(String(describing: error),
                           "p.yaml:8:30: banking_book.positions[0].repricing: the fractions sum to 0.99; expected 1 "
                           + "(every part of the amount reprices in some bucket)")
        }
    }
}
