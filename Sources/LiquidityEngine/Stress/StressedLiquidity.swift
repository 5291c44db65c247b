import StressCore

/// One period of a scenario's stressed liquidity.
public struct StressedLiquidityPeriod: Sendable, Equatable, Codable {
    public var period: String
    public var shock: LiquidityShock
    /// Stock of HQLA after the stress haircut, the regulatory haircuts and the caps.
    public var hqla: Double
    /// Net cash outflows at the stressed run-off rates.
    public var netCashOutflows: Double
    public var lcr: Double
    /// First day cumulative net outflows exceed the HQLA (capped, see `LiquidityStress`).
    public var survivalDays: Int
    /// LCR below 100%.
    public var breach: Bool

    enum CodingKeys: String, CodingKey {
        case period, shock, hqla, netCashOutflows = "net_cash_outflows", lcr
        case survivalDays = "survival_days", breach
    }
}

/// The LCR path of a scenario: one stressed LCR per period, its minimum, whether it
/// breaches 100%, and the survival horizon.
public struct StressedLiquidity: Sendable, Equatable {
    public var periods: [StressedLiquidityPeriod]
    public var depositRunoffSource: LiquidityStress.ShockSource
    public var hqlaHaircutSource: LiquidityStress.ShockSource
    public var survivalCapDays: Int

    /// The lowest LCR and its period (the first, on ties).
    public var minimum: StressedLiquidityPeriod {
        periods.dropFirst().reduce(periods[0]) { $1.lcr < $0.lcr ? $1 : $0 }
    }
    /// Any period below 100%.
    public var breach: Bool { periods.contains { $0.breach } }
    /// The shortest survival horizon over the periods.
    public var minimumSurvivalDays: Int { periods.map(\.survivalDays).min() ?? survivalCapDays }
}

extension LiquidityEngine {
    /// The stressed LCR of every period of `scenario` (METHODOLOGY §4): period t's
    /// shock (`LiquidityStress.shocks`) applied to the jump-off positions by
    /// `liquidityCoverage(_:rates:shock:)`, and the survival horizon of that period's
    /// stressed HQLA and net cash outflows. Periods are independent: the balance
    /// sheet is not rolled forward, and shocks are not cumulated. A zero shock gives
    /// the unstressed LCR in every period.
    ///
    /// `periods` limits the projection to the first periods of the scenario (CCAR
    /// files may carry 13 published quarters of which 9 are projected); the default
    /// is all of them.
    public static func stressedLiquidity(_ positions: BalanceSheet.Liquidity, scenario: Scenario,
                                         rates: LiquidityRates = .basel,
                                         periods: Int? = nil) throws(LiquidityError) -> StressedLiquidity {
        try rates.validate()
        let count = periods ?? scenario.periodCount
        guard count >= 1, count <= scenario.periodCount else {
            throw LiquidityError(input: .scenario, key: "periods",
                                 message: "expected 1 to \(scenario.periodCount) periods to project, found \(count)")
        }
        let (shocks, runoffSource, haircutSource) = try LiquidityStress.shocks(for: scenario, periods: count,
                                                                              parameters: rates.stress)
        var result: [StressedLiquidityPeriod] = []
        for (t, shock) in shocks.enumerated() {
            let lcr = try liquidityCoverage(positions, rates: rates, shock: shock)
            let days = LiquidityStress.survivalDays(hqla: lcr.hqla, netCashOutflows: lcr.netCashOutflows,
                                                    decay: rates.stress.dailyOutflowDecay,
                                                    capDays: rates.stress.survivalCapDays)
            result.append(StressedLiquidityPeriod(period: scenario.periods[t], shock: shock, hqla: lcr.hqla,
                                                  netCashOutflows: lcr.netCashOutflows, lcr: lcr.lcr,
                                                  survivalDays: days, breach: !lcr.meetsMinimum))
        }
        return StressedLiquidity(periods: result, depositRunoffSource: runoffSource,
                                 hqlaHaircutSource: haircutSource, survivalCapDays: rates.stress.survivalCapDays)
    }
}
