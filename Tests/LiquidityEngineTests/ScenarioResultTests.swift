import Foundation
import LiquidityEngine
import StressCore
import XCTest

final class ScenarioResultTests: XCTestCase {
    let balanceSheet = BalanceSheet(
        asOf: "2025-12-31", currency: "EUR", capital: .init(cet1: 1, leverageExposure: 10), income: .init(),
        liquidity: Fixtures.sampleBank,
        rbi: .init(npaRatio: 0.028, car: 0.179, netInterestIncome: 1, totalAdvances: 1, totalAssets: 1,
                   durationGap: 1.2, deposits: Fixtures.sampleBankDeposits))

    func testScenarioResultGathersTheFigures() throws {
        let scenario = Fixtures.scenario(severity: .adverse)
        let result = try LiquidityEngine.scenarioResult(balanceSheet: balanceSheet, scenario: scenario)
        let stressed = try LiquidityEngine.stressedLiquidity(Fixtures.sampleBank, scenario: scenario)
        XCTAssertEqual(result.lcr, stressed.periods.map(\.lcr))
        XCTAssertEqual(result.minLCR, stressed.minimum.lcr)
        XCTAssertEqual(result.minPeriod, "2026")
        XCTAssertEqual(result.survivalDays, stressed.minimumSurvivalDays)
        XCTAssertEqual(result.hurdle, 1)
        XCTAssertEqual(result.jumpOff, try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank))
        XCTAssertEqual(result.nsfr, try LiquidityEngine.netStableFunding(Fixtures.sampleBank).nsfr)
        XCTAssertEqual(result.nsfrBreach, false)
        XCTAssertEqual(result.rbiSensitivity, [])
        XCTAssertEqual(result.rateTable, "basel")
        XCTAssertEqual(result.findings(scenarioFile: "s.yaml", severity: .adverse).map(\.field),
                       ["variables.deposit_runoff", "variables.hqla_haircut"])
        XCTAssertEqual(result.findings(scenarioFile: "s.yaml", severity: .adverse).first?.message,
                       "not given; the liquidity stress uses the adverse default of 0.03 per period (rate table basel, stress.severity_defaults)")
    }

    func testRBISensitivitiesUseTheJumpOffLCR() throws {
        let scenario = Fixtures.scenario(severity: .moderate, periods: 1, framework: .rbi,
                                         sensitivities: RBISensitivities(depositRunoffs: [5, 10, 20]))
        let result = try LiquidityEngine.scenarioResult(balanceSheet: balanceSheet, scenario: scenario)
        XCTAssertEqual(result.rbiSensitivity.map(\.depositRunoffPercent), [5, 10, 20])
        let jumpOff = result.jumpOff
        for sensitivity in result.rbiSensitivity {
            let outflow = sensitivity.depositRunoffPercent / 100 * Fixtures.sampleBankDeposits
            XCTAssertEqual(sensitivity.stressedLCR, jumpOff.hqla / (jumpOff.netCashOutflows + outflow))
            XCTAssertEqual(sensitivity.baselineLCR, jumpOff.lcr)
        }
        XCTAssertEqual(result.rbiSensitivity.map(\.breach), [false, true, true])

        var noRBI = balanceSheet
        noRBI.rbi = nil
        XCTAssertEqual(liquidityError { try LiquidityEngine.scenarioResult(balanceSheet: noRBI, scenario: scenario) }?.key,
                       "rbi.deposits")
    }

    func testMissingSectionsAndNSFR() throws {
        var noLiquidity = balanceSheet
        noLiquidity.liquidity = nil
        XCTAssertEqual(liquidityError {
            try LiquidityEngine.scenarioResult(balanceSheet: noLiquidity, scenario: Fixtures.scenario())
        }?.description, "liquidity: the balance sheet has no liquidity section; the liquidity engine needs hqla, "
                       + "outflows and inflows (INTERFACES.md, balance sheet file)")
        var noNSFR = balanceSheet
        noNSFR.liquidity?.nsfrAvailable = [:]
        noNSFR.liquidity?.nsfrRequired = [:]
        let result = try LiquidityEngine.scenarioResult(balanceSheet: noNSFR, scenario: Fixtures.scenario())
        XCTAssertNil(result.nsfr)
        XCTAssertNil(result.nsfrDetail)
    }

    /// results.json keys are snake_case and the figures plain numbers.
    func testJSONKeys() throws {
        let result = try LiquidityEngine.scenarioResult(balanceSheet: balanceSheet, scenario: Fixtures.scenario())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(result)) as! [String: Any]
        XCTAssertEqual(Set(object.keys), [
            "lcr", "min_lcr", "min_period", "hurdle", "breach", "survival_days", "survival_days_by_period",
            "survival_cap_days", "hqla", "net_cash_outflows", "shocks", "jump_off", "nsfr", "nsfr_breach",
            "nsfr_detail", "rbi_sensitivity", "rate_table",
        ])
        let jumpOff = object["jump_off"] as! [String: Any]
        XCTAssertEqual(Set(jumpOff.keys), [
            "hqla_by_category", "hqla_stock", "outflows_by_category", "total_outflows", "inflows_by_category",
            "total_inflows", "recognised_inflows", "net_cash_outflows", "lcr", "level2b_cap_binds",
            "level2_cap_binds", "inflow_cap_binds", "meets_minimum",
        ])
        XCTAssertEqual(Set((jumpOff["hqla_stock"] as! [String: Any]).keys), [
            "level1", "level2a", "level2b", "level2b_cap_adjustment", "level2_cap_adjustment", "counted_level2a",
            "counted_level2b", "total",
        ])
        XCTAssertEqual(Set((object["shocks"] as! [String: Any]).keys),
                       ["deposit_runoff", "hqla_haircut", "deposit_runoff_source", "hqla_haircut_source"])
        XCTAssertEqual((object["shocks"] as! [String: Any])["deposit_runoff_source"] as? String, "severity_default")
        XCTAssertEqual(Set((object["nsfr_detail"] as! [String: Any]).keys), [
            "asf_by_category", "rsf_by_category", "available_stable_funding", "required_stable_funding", "nsfr",
            "meets_minimum",
        ])
        let decoded = try JSONDecoder().decode(ScenarioLiquidityResult.self, from: encoder.encode(result))
        XCTAssertEqual(decoded, result)
    }
}
