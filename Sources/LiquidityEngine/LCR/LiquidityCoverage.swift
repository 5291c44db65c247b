import StressCore

extension LiquidityEngine {
    /// The Liquidity Coverage Ratio of the balance sheet's positions (METHODOLOGY §4):
    ///
    ///     HQLA  = caps(Σ_c amount_c·(1 − haircut_c) by level)          (LCR30, HQLAStock)
    ///     out   = Σ_c balance_c·run-off_c                              (LCR40)
    ///     in    = Σ_c balance_c·inflow rate_c
    ///     NCO   = out − min(in, 75%·out)                               (LCR40.1)
    ///     LCR   = HQLA / NCO
    ///
    /// Sums run over categories in name order, so the result does not depend on
    /// dictionary order. Throws for a category the rate table does not define, a
    /// negative or non-finite balance, and zero net cash outflows.
    public static func liquidityCoverage(_ positions: BalanceSheet.Liquidity,
                                         rates: LiquidityRates = .basel) throws(LiquidityError) -> LCRResult {
        try liquidityCoverage(positions, rates: rates, shock: .none)
    }

    /// The LCR under a liquidity shock: every deposit category's run-off rate r
    /// becomes min(max(r + deposit run-off, 0), 1), and every HQLA category's
    /// market value is multiplied by (1 − HQLA haircut) before its regulatory
    /// haircut, so the caps see the stressed amounts. `.none` gives the unstressed LCR.
    public static func liquidityCoverage(_ positions: BalanceSheet.Liquidity, rates: LiquidityRates,
                                         shock: LiquidityShock) throws(LiquidityError) -> LCRResult {
        try rates.validate()
        try LiquidityStress.check(shock, key: "shock", input: .scenario)
        let hqlaPositions = try PositionCheck.check(positions.hqla, against: rates.hqla, section: .hqla)
        let outflowPositions = try PositionCheck.check(positions.outflows, against: rates.outflows, section: .outflows)
        let inflowPositions = try PositionCheck.check(positions.inflows, against: rates.inflows, section: .inflows)

        // MARK: HQLA by level, then the caps
        let marketValueFactor = 1 - shock.hqlaHaircut
        var hqlaByCategory: [String: Double] = [:]
        var byLevel: [HQLALevel: Double] = [.level1: 0, .level2a: 0, .level2b: 0]
        for (name, amount, rate) in hqlaPositions {
            let value = amount * marketValueFactor * (1 - rate.haircut)
            hqlaByCategory[name] = value
            byLevel[rate.level, default: 0] += value
        }
        let stock = HQLAStock(level1: byLevel[.level1] ?? 0, level2A: byLevel[.level2a] ?? 0,
                              level2B: byLevel[.level2b] ?? 0, caps: rates.caps)

        // MARK: Outflows and inflows
        var outflowsByCategory: [String: Double] = [:]
        var totalOutflows = 0.0
        for (name, balance, rate) in outflowPositions {
            let runOff = rate.isDeposit ? min(max(rate.runOff + shock.depositRunoff, 0), 1) : rate.runOff
            let outflow = balance * runOff
            outflowsByCategory[name] = outflow
            totalOutflows += outflow
        }
        var inflowsByCategory: [String: Double] = [:]
        var totalInflows = 0.0
        for (name, balance, rate) in inflowPositions {
            let inflow = balance * rate.rate
            inflowsByCategory[name] = inflow
            totalInflows += inflow
        }
        let recognisedInflows = min(totalInflows, rates.caps.inflows.rate * totalOutflows)
        let netCashOutflows = totalOutflows - recognisedInflows
        guard netCashOutflows > 0 else { throw .zeroNetCashOutflows }

        return LCRResult(hqlaByCategory: hqlaByCategory, stock: stock, outflowsByCategory: outflowsByCategory,
                         totalOutflows: totalOutflows, inflowsByCategory: inflowsByCategory,
                         totalInflows: totalInflows, recognisedInflows: recognisedInflows,
                         netCashOutflows: netCashOutflows)
    }
}
