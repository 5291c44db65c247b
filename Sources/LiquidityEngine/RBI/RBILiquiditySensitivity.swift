/// The RBI liquidity sensitivity of the seed (METHODOLOGY §2.4; creditriskengine
/// 0.31.0 `RBIStressTest.liquidity_sensitivity`): a deposit run-off, given as a
/// percentage as the RBI publishes it, adds to the 30-day net cash outflows.
///
///     outflow = (run-off / 100)·deposits
///     LCR     = HQLA / (NCO + outflow)          (the seed reports 100·LCR, in percent)
///     breach  = 100·LCR < 100
///
/// Ratios are fractions here, as everywhere in the engines.
public struct RBILiquiditySensitivity: Sendable, Equatable, Codable {
    /// The run-off as published: 10 = 10% of deposits.
    public var depositRunoffPercent: Double
    public var depositOutflow: Double
    /// HQLA / NCO before the run-off.
    public var baselineLCR: Double
    /// HQLA / (NCO + outflow).
    public var stressedLCR: Double
    public var breach: Bool

    enum CodingKeys: String, CodingKey {
        case depositRunoffPercent = "deposit_runoff_percent", depositOutflow = "deposit_outflow"
        case baselineLCR = "baseline_lcr", stressedLCR = "stressed_lcr", breach
    }
}

extension LiquidityEngine {
    /// The seed's RBI liquidity sensitivity for one run-off percentage. `hqla` and
    /// `netCashOutflows` are the jump-off LCR's stock of HQLA and net cash outflows;
    /// `deposits` is the balance sheet's `rbi.deposits`. `index` is the run-off's
    /// position in the scenario's `sensitivities.deposit_runoff`, for messages.
    public static func rbiLiquiditySensitivity(runoffPercent: Double, hqla: Double, deposits: Double,
                                               netCashOutflows: Double,
                                               index: Int = 0) throws(LiquidityError) -> RBILiquiditySensitivity {
        guard runoffPercent.isFinite, runoffPercent >= 0, runoffPercent <= 100 else {
            throw .invalidRunOffPercent(index: index, runoffPercent)
        }
        guard deposits.isFinite, deposits >= 0 else {
            throw LiquidityError(input: .balanceSheet, key: "rbi.deposits",
                                 message: "expected an amount ≥ 0, found \(LiquidityError.text(deposits))")
        }
        guard hqla.isFinite, hqla >= 0 else {
            throw LiquidityError(input: .balanceSheet, key: "liquidity.hqla",
                                 message: "expected a stock of HQLA ≥ 0, found \(LiquidityError.text(hqla))")
        }
        guard netCashOutflows.isFinite, netCashOutflows > 0 else { throw .zeroNetCashOutflows }
        let outflow = runoffPercent / 100 * deposits
        let stressed = hqla / (netCashOutflows + outflow)
        return RBILiquiditySensitivity(depositRunoffPercent: runoffPercent, depositOutflow: outflow,
                                       baselineLCR: hqla / netCashOutflows, stressedLCR: stressed,
                                       breach: stressed * 100 < 100)
    }
}
