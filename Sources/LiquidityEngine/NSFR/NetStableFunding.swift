import StressCore

extension LiquidityEngine {
    /// The Net Stable Funding Ratio (METHODOLOGY §4, Basel Framework NSF30):
    ///
    ///     ASF  = Σ_c carrying value_c·ASF factor_c     (liabilities and capital)
    ///     RSF  = Σ_c carrying value_c·RSF factor_c     (assets and off-balance-sheet items)
    ///     NSFR = ASF / RSF
    ///
    /// Sums run in category name order. Throws for a category the rate table does
    /// not define, a negative or non-finite amount, and zero required stable funding.
    /// The seed (creditriskengine 0.31.0) gives cash and central bank reserves the
    /// 5% of Level 1 securities; Basel gives them 0% (`cash_and_reserves`, d295 ¶36).
    public static func netStableFunding(_ positions: BalanceSheet.Liquidity,
                                        rates: LiquidityRates = .basel) throws(LiquidityError) -> NSFRResult {
        try rates.validate()
        let available = try PositionCheck.check(positions.nsfrAvailable, against: rates.availableStableFunding,
                                                section: .availableStableFunding)
        let required = try PositionCheck.check(positions.nsfrRequired, against: rates.requiredStableFunding,
                                               section: .requiredStableFunding)
        var availableByCategory: [String: Double] = [:]
        var asf = 0.0
        for (name, amount, factor) in available {
            let weighted = amount * factor.rate
            availableByCategory[name] = weighted
            asf += weighted
        }
        var requiredByCategory: [String: Double] = [:]
        var rsf = 0.0
        for (name, amount, factor) in required {
            let weighted = amount * factor.rate
            requiredByCategory[name] = weighted
            rsf += weighted
        }
        guard rsf > 0 else { throw .zeroRequiredStableFunding }
        return NSFRResult(availableByCategory: availableByCategory, requiredByCategory: requiredByCategory,
                          availableStableFunding: asf, requiredStableFunding: rsf)
    }
}
