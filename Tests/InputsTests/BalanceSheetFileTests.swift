import XCTest
import StressCore
@testable import Inputs

final class BalanceSheetFileTests: XCTestCase {
    /// The valid corpus balance sheet uses every key; each value must arrive unchanged.
    func testValidBalanceSheetLoadsEveryKey() throws {
        let loaded = try BalanceSheetFile.load(path: Corpus.path("valid/balance-sheet.yaml"))
        let expected = BalanceSheet(
            asOf: "2024-02-29", currency: "EUR",
            capital: .init(cet1: 12_000_000_000, at1: 1_500_000_000, tier2: 2_000_000_000,
                           rwa: 95_000_000_000, otherRWA: 15_000_000_000, leverageExposure: 300_000_000_000,
                           systemicReferencePoint: 0.01, countercyclicalBuffer: 0.0075, systemicBuffer: 0.015),
            income: .init(ppnr: [1_200_000_000, 1_150_000_000, -100_000_000], taxRate: 0.25,
                          distributions: [0, 0, 0], otherLosses: [50_000_000, 25_000_000, 0]),
            liquidity: .init(
                hqla: ["level1": 40_000_000_000, "level2a": 5_000_000_000, "level2b": 1_000_000_000],
                outflows: ["retail_stable": 60_000_000_000, "retail_less_stable": 20_000_000_000,
                           "operational": 10_000_000_000, "corporate_non_operational": 15_000_000_000,
                           "financial": 8_000_000_000, "committed_facilities": 12_000_000_000],
                inflows: ["performing_loans": 6_000_000_000],
                nsfrAvailable: ["regulatory_capital": 15_500_000_000, "stable_retail_deposits": 60_000_000_000],
                nsfrRequired: ["residential_mortgages": 80_000_000_000]),
            rbi: .init(npaRatio: 0.028, car: 0.165, netInterestIncome: 3_000_000_000,
                       totalAdvances: 80_000_000_000, totalAssets: 150_000_000_000,
                       durationGap: -1.2, deposits: 110_000_000_000))
        XCTAssertEqual(loaded.balanceSheet, expected)
        XCTAssertEqual(loaded.findings, [])
    }

    func testOptionalBlocksDefault() throws {
        let loaded = try BalanceSheetFile.parse(text: """
            as_of: "2025-12-31"
            currency: USD
            capital: {cet1: 1_000, leverage_exposure: 20_000}
            """, file: "minimal.yaml")
        let sheet = loaded.balanceSheet
        XCTAssertEqual(sheet.asOf, "2025-12-31")
        XCTAssertEqual(sheet.capital, BalanceSheet.Capital(cet1: 1_000, leverageExposure: 20_000))
        XCTAssertEqual(sheet.income, BalanceSheet.Income())
        XCTAssertNil(sheet.liquidity)
        XCTAssertNil(sheet.rbi)
        XCTAssertNil(sheet.capital.rwa)
    }

    /// Writers emit `hqla:` with nothing under it for an empty category list. The
    /// NSFR's two sides are the exception: it divides one by the other (issue #23).
    func testEmptyLiquidityMapsAreAccepted() throws {
        let loaded = try BalanceSheetFile.parse(text: """
            as_of: 2025-12-31
            currency: GBP
            capital: {cet1: 1, leverage_exposure: 2}
            liquidity:
              hqla:
              outflows:
                retail_stable: 5
              inflows: {}
              nsfr:
                asf: {regulatory_capital: 2}
                rsf: {loans: 3}
            """, file: "l.yaml")
        XCTAssertEqual(loaded.balanceSheet.liquidity, BalanceSheet.Liquidity(outflows: ["retail_stable": 5],
                                                                             nsfrAvailable: ["regulatory_capital": 2],
                                                                             nsfrRequired: ["loans": 3]))
        XCTAssertThrowsError(try BalanceSheetFile.parse(text: """
            as_of: 2025-12-31
            currency: GBP
            capital: {cet1: 1, leverage_exposure: 2}
            liquidity:
              outflows: {retail_stable: 5}
              nsfr:
                asf:
                rsf: {loans: 3}
            """, file: "l.yaml")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("l.yaml:7:9: liquidity.nsfr.asf: no categories"), "\(error)")
        }
    }

    func testDatesMustExist() {
        for (date, valid) in [("2024-02-29", true), ("2000-02-29", true), ("2023-02-29", false),
                              ("2025-04-31", false), ("2025-13-01", false), ("2025-00-10", false), ("2025-12-00", false)] {
            let text = "as_of: \(date)\ncurrency: EUR\ncapital: {cet1: 1, leverage_exposure: 1}\n"
            if valid {
                XCTAssertNoThrow(try BalanceSheetFile.parse(text: text, file: "d.yaml"), date)
            } else {
                XCTAssertThrowsError(try BalanceSheetFile.parse(text: text, file: "d.yaml"), date) { error in
                    XCTAssertEqual(String(describing: error), "d.yaml:1:8: as_of: '\(date)' is not a real date")
                }
            }
        }
    }
}
