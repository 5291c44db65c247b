import LiquidityEngine
import StressCore

/// Two worked examples of the LCR under the Basel rates, worked by hand from
/// the Level 2 caps (LCR30.46–30.47, the Annex 1 adjustment formula) and the
/// 75% inflow cap (LCR40.1), one with each cap binding:
///
/// A: Level 1 100, Level 2A 60 (85% → 51), Level 2B 40 (50% → 20). The 40% cap
///    binds: HQLA = 100 + 2/3·100 = 500/3. Outflows: stable retail 1,000 × 5%,
///    less stable 500 × 10%, corporate non-operational 200 × 40%, financial
///    100 × 100% = 280; inflows from financials 250, capped at 75%·280 = 210;
///    net cash outflows 70; LCR = (500/3)/70 = 50/21.
/// B: Level 1 100, Level 2B 100 (→ 50). The 15% cap binds: HQLA = 100/0.85 =
///    2000/17; outflows stable retail 1,000 × 5% = 50, no inflows; LCR = 40/17.
enum LCRChecks {
    static let exampleA = BalanceSheet.Liquidity(
        hqla: ["level1": 100, "level2a": 60, "level2b": 40],
        outflows: ["retail_stable": 1_000, "retail_less_stable": 500, "corporate_non_operational": 200, "financial": 100],
        inflows: ["financial": 250])
    static let exampleB = BalanceSheet.Liquidity(
        hqla: ["level1": 100, "level2b": 100],
        outflows: ["retail_stable": 1_000])

    static let source = "Worked by hand: LCR30.46–30.47 (Level 2 caps), LCR40.1 (75% inflow cap), Basel run-off rates"

    static var all: [ReferenceCheck] {
        [
            check("A: stock of HQLA, 40% Level 2 cap binding (= 500/3)", exampleA, 500.0 / 3, .number(decimals: 6)) { $0.hqla },
            check("A: net cash outflows, 75% inflow cap binding (= 280 − 210)", exampleA, 70, .number(decimals: 6)) { $0.netCashOutflows },
            check("A: LCR (= 50/21)", exampleA, 50.0 / 21, .percent(decimals: 4)) { $0.lcr },
            check("B: stock of HQLA, 15% Level 2B cap binding (= 2000/17)", exampleB, 2000.0 / 17, .number(decimals: 6)) { $0.hqla },
            check("B: LCR (= 40/17)", exampleB, 40.0 / 17, .percent(decimals: 4)) { $0.lcr },
        ]
    }

    static func check(_ name: String, _ positions: BalanceSheet.Liquidity, _ expected: Double, _ kind: ValueKind,
                      _ figure: @escaping @Sendable (LCRResult) -> Double) -> ReferenceCheck {
        ReferenceCheck(name: name, function: "LiquidityEngine.liquidityCoverage (rate table basel)", reference: source,
                       expected: expected, tolerance: 1e-12 * max(1, abs(expected)), kind: kind) {
            figure(try LiquidityEngine.liquidityCoverage(positions, rates: .basel))
        }
    }
}
