import Foundation
import LiquidityEngine
import StressCore
import XCTest

final class StressedLiquidityTests: XCTestCase {
    let positions = Fixtures.sampleBank

    func testZeroShockReproducesTheUnstressedLCR() throws {
        let base = try LiquidityEngine.liquidityCoverage(positions)
        let zero = try LiquidityEngine.liquidityCoverage(positions, rates: .basel, shock: .none)
        XCTAssertEqual(zero, base)
        let stressed = try LiquidityEngine.stressedLiquidity(
            positions, scenario: Fixtures.scenario(depositRunoff: [0, 0, 0], hqlaHaircut: [0, 0, 0]))
        for period in stressed.periods {
            XCTAssertEqual(period.lcr, base.lcr)
            XCTAssertEqual(period.hqla, base.hqla)
        }
        XCTAssertEqual(stressed.depositRunoffSource, .scenario)
        XCTAssertEqual(stressed.hqlaHaircutSource, .scenario)
    }

    /// d added to each deposit run-off rate: outflows grow by d × the deposits whose
    /// rate stays below 100% (financial deposits are at 100% already).
    func testDepositRunoffAddsToDepositRatesOnly() throws {
        let base = try LiquidityEngine.liquidityCoverage(positions)
        let shocked = try LiquidityEngine.liquidityCoverage(positions, rates: .basel,
                                                            shock: LiquidityShock(depositRunoff: 0.05, hqlaHaircut: 0))
        let deposits = 2_083_279_078 + 757_556_028 + 505_037_352 + 441_907_683.0
        assertClose(shocked.totalOutflows - base.totalOutflows, 0.05 * deposits)
        XCTAssertEqual(shocked.outflowsByCategory["financial"], base.outflowsByCategory["financial"])
        XCTAssertEqual(shocked.outflowsByCategory["committed_facilities_corporate"],
                       base.outflowsByCategory["committed_facilities_corporate"])
        XCTAssertEqual(shocked.hqla, base.hqla)
    }

    /// An HQLA haircut h scales every level, so the capped stock scales by (1 − h).
    func testHQLAHaircutScalesTheStock() throws {
        let base = try LiquidityEngine.liquidityCoverage(positions)
        let shocked = try LiquidityEngine.liquidityCoverage(positions, rates: .basel,
                                                            shock: LiquidityShock(depositRunoff: 0, hqlaHaircut: 0.1))
        assertClose(shocked.hqla, 0.9 * base.hqla)
        XCTAssertEqual(shocked.netCashOutflows, base.netCashOutflows)
    }

    func testLCRIsMonotoneInTheShocks() throws {
        var previous = Double.infinity
        for step in 0...20 {
            let d = Double(step) * 0.01
            let lcr = try LiquidityEngine.liquidityCoverage(positions, rates: .basel,
                                                            shock: LiquidityShock(depositRunoff: d, hqlaHaircut: d / 2)).lcr
            XCTAssertLessThan(lcr, previous, "step \(step)")
            previous = lcr
        }
        // A negative run-off add-on (deposit inflows in a benign scenario) raises the LCR; rates stay ≥ 0.
        let benign = try LiquidityEngine.liquidityCoverage(positions, rates: .basel,
                                                           shock: LiquidityShock(depositRunoff: -0.5, hqlaHaircut: 0))
        XCTAssertGreaterThan(benign.lcr, try LiquidityEngine.liquidityCoverage(positions).lcr)
        XCTAssertEqual(benign.outflowsByCategory["retail_stable"], 0)
    }

    /// Severity defaults apply when the scenario gives no liquidity variables, and the
    /// survival horizon does not lengthen as the severity rises.
    func testSurvivalHorizonIsNonIncreasingInSeverity() throws {
        let order: [Severity] = [.baseline, .mild, .adverse, .severelyAdverse]
        var previousDays = Int.max, previousLCR = Double.infinity
        for severity in order {
            let stressed = try LiquidityEngine.stressedLiquidity(positions, scenario: Fixtures.scenario(severity: severity))
            XCTAssertEqual(stressed.depositRunoffSource, .severityDefault)
            XCTAssertEqual(stressed.hqlaHaircutSource, .severityDefault)
            XCTAssertEqual(stressed.periods.map(\.shock),
                           Array(repeating: LiquidityRates.basel.stress.severityDefaults[severity]!, count: 3))
            XCTAssertLessThanOrEqual(stressed.minimumSurvivalDays, previousDays, severity.rawValue)
            XCTAssertLessThanOrEqual(stressed.minimum.lcr, previousLCR, severity.rawValue)
            previousDays = stressed.minimumSurvivalDays
            previousLCR = stressed.minimum.lcr
        }
        // And along a scenario path that worsens period by period.
        let path = try LiquidityEngine.stressedLiquidity(
            positions, scenario: Fixtures.scenario(periods: 5, depositRunoff: [0, 0.02, 0.04, 0.08, 0.16],
                                                   hqlaHaircut: [0, 0.01, 0.02, 0.04, 0.08]))
        for (a, b) in zip(path.periods, path.periods.dropFirst()) {
            XCTAssertGreaterThanOrEqual(a.survivalDays, b.survivalDays)
            XCTAssertGreaterThan(a.lcr, b.lcr)
        }
        XCTAssertEqual(path.minimum.period, "2030")
        XCTAssertTrue(path.breach)
        XCTAssertFalse(path.periods[0].breach)
    }

    /// With the run-rate tail, an LCR ℓ ≥ 1 survives to day ⌊30ℓ⌋ + 1; below 100% the
    /// front-loaded profile decides within the 30 days.
    func testSurvivalHorizonByHand() {
        for lcr in [1.0, 1.25, 1.436, 2.0, 5.0] {
            let days = LiquidityStress.survivalDays(hqla: lcr * 1_000, netCashOutflows: 1_000, decay: 0.05, capDays: 365)
            XCTAssertEqual(days, Int((30 * lcr).rounded(.down)) + 1, "\(lcr)")
        }
        XCTAssertEqual(LiquidityStress.survivalDays(hqla: 20, netCashOutflows: 1, decay: 0.05, capDays: 365), 365)
        XCTAssertEqual(LiquidityStress.survivalDays(hqla: 0, netCashOutflows: 1, decay: 0.05, capDays: 365), 1)
        // Even outflows (λ = 0): half the 30-day outflow by day 15, so an LCR of 50% lasts to day 16.
        XCTAssertEqual(LiquidityStress.survivalDays(hqla: 500, netCashOutflows: 1_000, decay: 0, capDays: 365), 16)
        // Front-loaded (λ = 0.05): the same LCR fails sooner.
        let frontLoaded = LiquidityStress.survivalDays(hqla: 500, netCashOutflows: 1_000, decay: 0.05, capDays: 365)
        XCTAssertLessThan(frontLoaded, 16)
        let share = { (day: Int) in LiquidityStress.cumulativeOutflowShare(day: day, decay: 0.05) }
        XCTAssertEqual(frontLoaded, (1...30).first { share($0) > 0.5 })
        XCTAssertEqual(share(30), 1)
        XCTAssertEqual(share(0), 0)
        XCTAssertEqual(share(7), (1 - exp(-0.35)) / (1 - exp(-1.5)), accuracy: 1e-15)
        XCTAssertEqual(share(7), 0.38, accuracy: 0.005)
        XCTAssertEqual(share(45), 1.5)
        for day in 1...60 { XCTAssertGreaterThan(share(day), share(day - 1)) }
    }

    func testScenarioPathsAreUsedAndChecked() throws {
        let stressed = try LiquidityEngine.stressedLiquidity(
            positions, scenario: Fixtures.scenario(severity: .severe, depositRunoff: [0.01, 0.02, 0.03]))
        XCTAssertEqual(stressed.periods.map(\.shock.depositRunoff), [0.01, 0.02, 0.03])
        XCTAssertEqual(stressed.depositRunoffSource, .scenario)
        XCTAssertEqual(stressed.hqlaHaircutSource, .severityDefault)
        XCTAssertEqual(stressed.periods.map(\.shock.hqlaHaircut), [0.05, 0.05, 0.05])

        let tooLarge = liquidityError {
            try LiquidityEngine.stressedLiquidity(positions, scenario: Fixtures.scenario(depositRunoff: [0.01, 1.5, 0]))
        }
        XCTAssertEqual(tooLarge?.input, .scenario)
        XCTAssertEqual(tooLarge?.description, "variables.deposit_runoff[1]: expected an additional deposit run-off as a "
                       + "fraction in [-1, 1] (0.05 adds 5 points to every deposit run-off rate), found 1.5")
        let negativeHaircut = liquidityError {
            try LiquidityEngine.stressedLiquidity(positions, scenario: Fixtures.scenario(hqlaHaircut: [0, 0, -0.1]))
        }
        XCTAssertEqual(negativeHaircut?.description, "variables.hqla_haircut[2]: expected an additional HQLA haircut as a "
                       + "fraction in [0, 1] (0.05 = 5% of market value), found -0.1")
        let short = liquidityError {
            try LiquidityEngine.stressedLiquidity(positions, scenario: Fixtures.scenario(periods: 3, depositRunoff: [0.01]))
        }
        XCTAssertEqual(short?.description, "variables.deposit_runoff: expected one value per period (3), found 1")
    }

    /// CCAR files may carry 13 quarters of which 9 are projected.
    func testPeriodsLimitTheProjection() throws {
        let scenario = Fixtures.scenario(periods: 13, framework: .ccar)
        let nine = try LiquidityEngine.stressedLiquidity(positions, scenario: scenario, periods: 9)
        XCTAssertEqual(nine.periods.count, 9)
        XCTAssertEqual(liquidityError {
            try LiquidityEngine.stressedLiquidity(positions, scenario: scenario, periods: 14)
        }?.description, "periods: expected 1 to 13 periods to project, found 14")
    }
}
