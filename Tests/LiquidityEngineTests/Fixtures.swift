import Foundation
import LiquidityEngine
import StressCore
import TestSupport
import XCTest

/// Positions and scenarios shared by the liquidity tests.
enum Fixtures {
    /// The sample bank's liquidity section as `stresspack portfolio sample --exposures
    /// 20000 --seed 42` writes it (copied from the generated balance sheet YAML).
    static let sampleBank = BalanceSheet.Liquidity(
        hqla: ["level1": 568_167_021, "level2a": 138_885_272, "level2b": 50_503_735],
        outflows: ["committed_facilities_corporate": 428_943_914, "committed_facilities_retail": 22_706_202,
                   "corporate_non_operational": 441_907_683, "financial": 220_953_842,
                   "operational": 505_037_352, "retail_less_stable": 757_556_028,
                   "retail_stable": 2_083_279_078],
        inflows: ["financial": 126_259_338, "non_financial": 252_518_676],
        nsfrAvailable: ["corporate_deposits": 441_907_683, "financial_short_term": 220_953_842,
                        "long_term_wholesale": 1_262_593_381, "operational_deposits": 505_037_352,
                        "other_liabilities": 694_426_359, "regulatory_capital": 360_851_687,
                        "retail_less_stable_deposits": 757_556_028, "retail_stable_deposits": 2_083_279_078],
        nsfrRequired: ["corporate_loans": 2_140_767_864, "level1": 568_167_021, "level2a": 138_885_272,
                       "level2b": 50_503_735, "loans_to_financials": 320_391_195, "off_balance_sheet": 451_650_116,
                       "other_assets": 757_556_028, "residential_mortgages": 1_583_697_651, "retail_loans": 84_029_993])

    /// The sample bank's deposit base (`rbi.deposits`).
    static let sampleBankDeposits = 4_008_733_983.0

    /// A scenario with the given severity and, optionally, liquidity shock paths.
    static func scenario(severity: Severity = .adverse, periods: Int = 3, depositRunoff: [Double]? = nil,
                         hqlaHaircut: [Double]? = nil, framework: Framework = .eba,
                         sensitivities: RBISensitivities? = nil) -> Scenario {
        var variables = [ScenarioVariable(name: "gdp_growth", values: Array(repeating: -0.01, count: periods))]
        if let depositRunoff { variables.append(ScenarioVariable(name: "deposit_runoff", values: depositRunoff)) }
        if let hqlaHaircut { variables.append(ScenarioVariable(name: "hqla_haircut", values: hqlaHaircut)) }
        return Scenario(id: "test-\(severity.rawValue)", framework: framework, name: "test", severity: severity,
                        frequency: framework.frequency, periods: (1...periods).map { "\(2025 + $0)" },
                        source: "test", variables: variables, sensitivities: sensitivities)
    }

    /// Positions with HQLA by level before haircuts and outflows and inflows as totals
    /// after rates: both go through categories whose rate is 100%, as the seed takes totals.
    static func totals(level1: Double, level2a: Double, level2b: Double, outflows: Double,
                       inflows: Double) -> BalanceSheet.Liquidity {
        BalanceSheet.Liquidity(hqla: ["level1": level1, "level2a": level2a, "level2b": level2b],
                               outflows: ["financial": outflows],
                               inflows: inflows > 0 ? ["financial": inflows] : [:])
    }

    /// The file under Tests/LiquidityEngineTests/Golden.
    static func golden(_ name: String) -> URL {
        TestSupport.repositoryRoot.appendingPathComponent("Tests/LiquidityEngineTests/Golden/" + name)
    }
}

/// |actual − expected| ≤ tolerance·max(|expected|, scale).
func assertClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-10, scale: Double = 0,
                 _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    let bound = tolerance * max(abs(expected), scale)
    XCTAssertLessThanOrEqual(abs(actual - expected), bound,
                             "\(message()) actual \(actual), expected \(expected)", file: file, line: line)
}

/// The error a throwing call raised, as a `LiquidityError`.
func liquidityError<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> LiquidityError? {
    do {
        _ = try body()
        XCTFail("expected a LiquidityError", file: file, line: line)
        return nil
    } catch let error as LiquidityError {
        return error
    } catch {
        XCTFail("expected a LiquidityError, got \(error)", file: file, line: line)
        return nil
    }
}
