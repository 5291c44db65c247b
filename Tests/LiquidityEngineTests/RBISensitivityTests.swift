import LiquidityEngine
import StressCore
import XCTest

final class RBISensitivityTests: XCTestCase {
    /// outflow = (run-off/100)·deposits; LCR = HQLA/(NCO + outflow) (METHODOLOGY §2.4).
    func testFormulaByHand() throws {
        let result = try LiquidityEngine.rbiLiquiditySensitivity(runoffPercent: 10, hqla: 60, deposits: 110,
                                                                 netCashOutflows: 40)
        XCTAssertEqual(result.depositOutflow, 11)
        XCTAssertEqual(result.baselineLCR, 1.5)
        XCTAssertEqual(result.stressedLCR, 60.0 / 51)
        XCTAssertFalse(result.breach)
        let breach = try LiquidityEngine.rbiLiquiditySensitivity(runoffPercent: 20, hqla: 60, deposits: 110,
                                                                 netCashOutflows: 40)
        XCTAssertEqual(breach.stressedLCR, 60.0 / 62)
        XCTAssertTrue(breach.breach)
    }

    func testZeroRunoffReproducesTheBaseline() throws {
        let result = try LiquidityEngine.rbiLiquiditySensitivity(runoffPercent: 0, hqla: 60, deposits: 110,
                                                                 netCashOutflows: 40)
        XCTAssertEqual(result.stressedLCR, result.baselineLCR)
    }

    func testInputsAreChecked() {
        XCTAssertEqual(liquidityError {
            try LiquidityEngine.rbiLiquiditySensitivity(runoffPercent: 150, hqla: 1, deposits: 1, netCashOutflows: 1, index: 2)
        }?.description, "sensitivities.deposit_runoff[2]: expected a percentage in [0, 100] (10 = 10%), found 150")
        XCTAssertEqual(liquidityError {
            try LiquidityEngine.rbiLiquiditySensitivity(runoffPercent: 5, hqla: 1, deposits: 1, netCashOutflows: 0)
        }?.key, "liquidity.outflows")
    }
}
