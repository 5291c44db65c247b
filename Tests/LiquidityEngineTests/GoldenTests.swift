import Foundation
import LiquidityEngine
import StressCore
import XCTest

/// Golden vectors from creditriskengine 0.31.0 (`liquidity.lcr`, `liquidity.nsfr`,
/// `RBIStressTest.liquidity_sensitivity`); see Golden/README.md for how they were made.
/// Agreement to 1e-10 relative on every unrounded figure.
final class GoldenTests: XCTestCase {
    struct Document: Decodable {
        var lcr: [LCRCase]
        var nsfr: [NSFRCase]
        var nsfrLibraryFactors: Factors
        var rbiLiquiditySensitivity: [RBICase]
    }

    struct LCRCase: Decodable {
        struct Inputs: Decodable {
            var level1, level2aPreHaircut, level2bPreHaircut, totalOutflows, totalInflows: Double
        }
        struct Binds: Decodable { var level2bCap, level2Cap, inflowCap: Bool }
        struct Stock: Decodable { var level1, level2a, level2b, totalHqla, capAdjustment: Double }
        struct Expected: Decodable {
            var stockOfHqla: Stock
            var netCashOutflows, hqla, lcr, hqlaOverNetCashOutflows: Double
            var isCompliant: Bool
        }
        var name: String
        var inputs: Inputs
        var binds: Binds
        var expected: Expected
    }

    struct NSFRCase: Decodable {
        struct Expected: Decodable {
            var availableStableFunding, requiredStableFunding, nsfr, asfOverRsf: Double
            var isCompliant: Bool
        }
        var name: String
        var asfAmounts: [String: Double]
        var rsfAmounts: [String: Double]
        var expected: Expected
    }

    struct Factors: Decodable { var asf, rsf: [String: Double] }

    struct RBICase: Decodable {
        struct Inputs: Decodable { var depositOutflowPct, hqla, totalDeposits, netCashOutflows30D: Double }
        struct Expected: Decodable {
            var depositOutflowAmount, baselineLcrPct, stressedLcrPct: Double
            var lcrBreach: Bool
        }
        var name: String
        var inputs: Inputs
        var expected: Expected
    }

    static let document: Document = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try! Data(contentsOf: Fixtures.golden("liquidity.json"))
        return try! decoder.decode(Document.self, from: data)
    }()

    /// The seed's NSFR categories and ours: each pair has the same factor (checked below).
    static let asfCategory = [
        "capital": "regulatory_capital", "stable_deposits": "retail_stable_deposits",
        "less_stable_deposits": "retail_less_stable_deposits", "wholesale_nonfin_lt1y": "corporate_deposits",
        "other_lt1y": "other_liabilities",
    ]
    static let rsfCategory = [
        "cash_and_l1": "level1", "level_2a": "level2a", "level_2b": "level2b", "loans_lt1y": "loans_short_term",
        "residential_mortgage": "residential_mortgages", "other_loans_ge1y": "corporate_loans",
        "other_assets": "other_assets",
    ]

    // MARK: - LCR

    func testLCRCasesCoverEveryCap() {
        let cases = Self.document.lcr
        XCTAssertTrue(cases.contains { $0.binds.level2bCap && !$0.binds.level2Cap })
        XCTAssertTrue(cases.contains { $0.binds.level2Cap && !$0.binds.level2bCap })
        XCTAssertTrue(cases.contains { $0.binds.level2Cap && $0.binds.level2bCap })
        XCTAssertTrue(cases.contains { $0.binds.inflowCap })
        XCTAssertTrue(cases.contains { !$0.binds.level2Cap && !$0.binds.level2bCap && !$0.binds.inflowCap })
    }

    func testLCRMatchesTheSeed() throws {
        for golden in Self.document.lcr {
            let inputs = golden.inputs
            let positions = Fixtures.totals(level1: inputs.level1, level2a: inputs.level2aPreHaircut,
                                            level2b: inputs.level2bPreHaircut, outflows: inputs.totalOutflows,
                                            inflows: inputs.totalInflows)
            let result = try LiquidityEngine.liquidityCoverage(positions)
            let expected = golden.expected
            let name = golden.name
            assertClose(result.hqla, expected.hqla, name + " hqla")
            assertClose(result.hqla, expected.stockOfHqla.totalHqla, name + " total_hqla")
            assertClose(result.netCashOutflows, expected.netCashOutflows, name + " net cash outflows")
            assertClose(result.lcr, expected.hqlaOverNetCashOutflows, name + " lcr")
            // The seed rounds the ratio to 6 decimals.
            XCTAssertEqual((result.lcr * 1e6).rounded() / 1e6, expected.lcr, accuracy: 1e-12, name)
            XCTAssertEqual(result.meetsMinimum, expected.isCompliant, name)
            // Composition after the caps (the 40% adjustment out of Level 2B first) and the total adjustment.
            let scale = expected.stockOfHqla.totalHqla
            assertClose(result.stock.level1, expected.stockOfHqla.level1, scale: scale, name + " level1")
            assertClose(result.stock.countedLevel2A, expected.stockOfHqla.level2a, scale: scale, name + " level2a")
            assertClose(result.stock.countedLevel2B, expected.stockOfHqla.level2b, scale: scale, name + " level2b")
            assertClose(result.stock.level2BCapAdjustment + result.stock.level2CapAdjustment,
                        expected.stockOfHqla.capAdjustment, scale: scale, name + " cap adjustment")
            XCTAssertEqual(result.level2BCapBinds, golden.binds.level2bCap, name)
            XCTAssertEqual(result.level2CapBinds, golden.binds.level2Cap, name)
            XCTAssertEqual(result.inflowCapBinds, golden.binds.inflowCap, name)
        }
    }

    /// The seed reports an infinite, compliant LCR when outflows are zero; StressPack
    /// refuses the input instead (exit code 2).
    func testZeroOutflowsAreAnErrorWhereTheSeedReportsInfinity() {
        let error = liquidityError {
            try LiquidityEngine.liquidityCoverage(Fixtures.totals(level1: 10, level2a: 0, level2b: 0, outflows: 0, inflows: 0))
        }
        XCTAssertEqual(error?.description, "liquidity.outflows: net cash outflows are zero, and the LCR divides by them; "
                       + "expected at least one outflow category with a balance > 0 and a run-off rate > 0")
    }

    // MARK: - NSFR

    func testSeedFactorsEqualOursUnderTheMapping() {
        let factors = Self.document.nsfrLibraryFactors
        XCTAssertEqual(Set(factors.asf.keys), Set(Self.asfCategory.keys))
        XCTAssertEqual(Set(factors.rsf.keys), Set(Self.rsfCategory.keys))
        for (seed, factor) in factors.asf {
            XCTAssertEqual(LiquidityRates.basel.availableStableFunding[Self.asfCategory[seed]!]?.rate, factor, seed)
        }
        for (seed, factor) in factors.rsf {
            XCTAssertEqual(LiquidityRates.basel.requiredStableFunding[Self.rsfCategory[seed]!]?.rate, factor, seed)
        }
    }

    func testNSFRMatchesTheSeed() throws {
        for golden in Self.document.nsfr {
            // Two seed amounts may map to one of our categories: add them.
            var available: [String: Double] = [:], required: [String: Double] = [:]
            for (seed, amount) in golden.asfAmounts { available[Self.asfCategory[seed]!, default: 0] += amount }
            for (seed, amount) in golden.rsfAmounts { required[Self.rsfCategory[seed]!, default: 0] += amount }
            let result = try LiquidityEngine.netStableFunding(
                BalanceSheet.Liquidity(nsfrAvailable: available, nsfrRequired: required))
            assertClose(result.availableStableFunding, golden.expected.availableStableFunding, golden.name + " asf")
            assertClose(result.requiredStableFunding, golden.expected.requiredStableFunding, golden.name + " rsf")
            assertClose(result.nsfr, golden.expected.asfOverRsf, golden.name + " nsfr")
            XCTAssertEqual((result.nsfr * 1e6).rounded() / 1e6, golden.expected.nsfr, accuracy: 1e-12, golden.name)
            XCTAssertEqual(result.meetsMinimum, golden.expected.isCompliant, golden.name)
        }
    }

    // MARK: - RBI

    func testRBILiquiditySensitivityMatchesTheSeed() throws {
        for golden in Self.document.rbiLiquiditySensitivity {
            let inputs = golden.inputs
            let result = try LiquidityEngine.rbiLiquiditySensitivity(
                runoffPercent: inputs.depositOutflowPct, hqla: inputs.hqla, deposits: inputs.totalDeposits,
                netCashOutflows: inputs.netCashOutflows30D)
            assertClose(result.depositOutflow, golden.expected.depositOutflowAmount, scale: 1, golden.name)
            assertClose(100 * result.baselineLCR, golden.expected.baselineLcrPct, golden.name)
            assertClose(100 * result.stressedLCR, golden.expected.stressedLcrPct, golden.name)
            XCTAssertEqual(result.breach, golden.expected.lcrBreach, golden.name)
        }
    }
}
