import LiquidityEngine
import StressCore
import XCTest

/// The Level 2B and Level 2 caps (LCR30; BCBS d238 Annex 1) against figures worked
/// by hand, and the identities the capped stock must satisfy.
final class HQLACapTests: XCTestCase {
    let caps = LiquidityRates.basel.caps

    /// Qualifying RMBS take 25% (d238 ¶54(a)), other Level 2B 50%; the seed has no RMBS.
    /// L1 100, RMBS 40 → 30, other 2B 20 → 10: L2B 40 > 15/85·100 = 17.647…, so
    /// a₁₅ = 40 − 300/17 and HQLA = 100/0.85 with Level 2B exactly 15% of it.
    func testRMBSHaircutAndLevel2BCapByHand() throws {
        let positions = BalanceSheet.Liquidity(hqla: ["level1": 100, "level2b_rmbs": 40, "level2b": 20],
                                               outflows: ["financial": 50])
        let result = try LiquidityEngine.liquidityCoverage(positions)
        XCTAssertEqual(result.hqlaByCategory, ["level1": 100, "level2b_rmbs": 30, "level2b": 10])
        assertClose(result.stock.level2B, 40)
        assertClose(result.stock.level2BCapAdjustment, 40 - 300.0 / 17)
        XCTAssertEqual(result.stock.level2CapAdjustment, 0)
        assertClose(result.hqla, 100 / 0.85)
        assertClose(result.stock.countedLevel2B / result.hqla, 0.15)
        assertClose(result.lcr, 100 / 0.85 / 50)
        XCTAssertTrue(result.level2BCapBinds)
        XCTAssertFalse(result.level2CapBinds)
    }

    /// The 15/60 term: L1 100, L2A 60 → 51, L2B 100 → 50. a₁₅ = max(50 − 15/85·151,
    /// 50 − 25, 0) = 25; a₄₀ = 51 + 25 − 200/3 = 28/3; HQLA = 500/3 = L1/0.6, Level 2 at 40%.
    func testLevel2BCapByLevel1TermWithTheLevel2Cap() {
        let stock = HQLAStock(level1: 100, level2A: 51, level2B: 50, caps: caps)
        assertClose(stock.level2BCapAdjustment, 25)
        assertClose(stock.level2CapAdjustment, 28.0 / 3)
        assertClose(stock.total, 500.0 / 3)
        assertClose(stock.countedLevel2B, 25 - 28.0 / 3)
        assertClose(stock.countedLevel2A, 51)
        assertClose((stock.countedLevel2A + stock.countedLevel2B) / stock.total, 0.40)
    }

    func testNoCapBindsKeepsEveryAmount() {
        let stock = HQLAStock(level1: 100, level2A: 30, level2B: 10, caps: caps)
        XCTAssertEqual(stock.level2BCapAdjustment, 0)
        XCTAssertEqual(stock.level2CapAdjustment, 0)
        XCTAssertEqual(stock.total, 140)
        XCTAssertFalse(stock.level2BCapBinds || stock.level2CapBinds)
    }

    func testLevel2OnlyStockCountsNothing() {
        let stock = HQLAStock(level1: 0, level2A: 80, level2B: 20, caps: caps)
        XCTAssertEqual(stock.total, 0)
        XCTAssertEqual(stock.countedLevel2A, 0)
        XCTAssertEqual(stock.countedLevel2B, 0)
    }

    /// On random stocks: the caps hold, the stock is the sum of what is counted, it
    /// never exceeds the uncapped amounts, and it grows with every level.
    func testCapIdentitiesOnRandomStocks() {
        var random = SplitMix64(seed: 20_251_231)
        for _ in 0..<5_000 {
            let l1 = random.uniform() * 100, l2a = random.uniform() * 150, l2b = random.uniform() * 150
            let stock = HQLAStock(level1: l1, level2A: l2a, level2B: l2b, caps: caps)
            let slack = 1e-12 * max(stock.total, 1)
            XCTAssertLessThanOrEqual(stock.countedLevel2B, 0.15 * stock.total + slack)
            XCTAssertLessThanOrEqual(stock.countedLevel2A + stock.countedLevel2B, 0.40 * stock.total + slack)
            XCTAssertGreaterThanOrEqual(stock.countedLevel2A, -slack)
            XCTAssertGreaterThanOrEqual(stock.countedLevel2B, -slack)
            XCTAssertEqual(stock.total, l1 + stock.countedLevel2A + stock.countedLevel2B, accuracy: slack)
            XCTAssertLessThanOrEqual(stock.total, l1 + l2a + l2b + slack)
            XCTAssertGreaterThanOrEqual(stock.total, l1 - slack)
            // The closed form: min(L1 + L2A + min(L2B, 15/85·(L1 + L2A), L1/4), L1/0.6).
            let closedForm = min(l1 + l2a + min(l2b, 15.0 / 85 * (l1 + l2a), l1 / 4), l1 / 0.6)
            XCTAssertEqual(stock.total, closedForm, accuracy: 1e-12 * max(closedForm, 1))
            for (dl1, dl2a, dl2b) in [(1.0, 0.0, 0.0), (0, 1, 0), (0, 0, 1)] {
                let more = HQLAStock(level1: l1 + dl1, level2A: l2a + dl2a, level2B: l2b + dl2b, caps: caps)
                XCTAssertGreaterThanOrEqual(more.total, stock.total - slack)
            }
        }
    }

    /// With caps c₂ and c₂B other than Basel's, the adjustment formula's ratios follow them.
    func testOtherCapsGeneraliseTheRatios() {
        var other = caps
        other.level2 = LiquidityFactor(0.5, source: "test")
        other.level2B = LiquidityFactor(0.2, source: "test")
        let stock = HQLAStock(level1: 100, level2A: 200, level2B: 0, caps: other)
        assertClose(stock.total, 200) // Level 2 at most 50%: L1/(1 − 0.5)
        let stock2B = HQLAStock(level1: 100, level2A: 0, level2B: 100, caps: other)
        assertClose(stock2B.total, 125) // Level 2B at most 20%: L1/(1 − 0.2)
    }
}

/// SplitMix64, a small deterministic generator for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
