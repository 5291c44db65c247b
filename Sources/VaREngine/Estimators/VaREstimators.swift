import RiskMath

/// VaR and expected-shortfall estimators on a loss sample and their parametric
/// counterparts, with the conventions of the seed library `creditriskengine.portfolio.var`
/// (METHODOLOGY §6; Tests/Golden/README.md, quirks 25–26). Losses are positive numbers.
public enum VaREstimators {
    // MARK: - Empirical quantiles

    /// Historical-simulation VaR: the `confidence` quantile of the losses with numpy's
    /// `percentile` arithmetic — q = (100·confidence)/100, linear interpolation at
    /// position (n − 1)·q of the sorted sample (Hyndman & Fan definition 7).
    /// - Throws: `VaRError` for an empty sample or a confidence outside (0, 1).
    public static func historicalSimulationVaR(_ losses: [Double], confidence: Double = 0.999) throws(VaRError) -> Double {
        try check(losses, name: "loss_distribution")
        try checkConfidence(confidence)
        return quantile(sorted: losses.sorted(), confidence: confidence)
    }

    /// Expected shortfall: the mean of the losses ≥ VaR (VaR itself included), VaR from
    /// `historicalSimulationVaR`. Never empty (the maximum is ≥ VaR).
    /// - Throws: as `historicalSimulationVaR`.
    public static func expectedShortfall(_ losses: [Double], confidence: Double = 0.999) throws(VaRError) -> Double {
        try check(losses, name: "loss_distribution")
        try checkConfidence(confidence)
        let sorted = losses.sorted()
        return tailMean(sorted: sorted, threshold: quantile(sorted: sorted, confidence: confidence))
    }

    /// Incremental VaR = VaR(portfolio with the exposure) − VaR(portfolio), both by
    /// historical simulation on loss samples of the same scenarios.
    public static func incrementalVaR(portfolioLosses: [Double], portfolioWithExposureLosses: [Double],
                                      confidence: Double = 0.999) throws(VaRError) -> Double {
        try check(portfolioLosses, name: "portfolio_losses")
        try check(portfolioWithExposureLosses, name: "portfolio_with_exposure_losses")
        let before = try historicalSimulationVaR(portfolioLosses, confidence: confidence)
        let after = try historicalSimulationVaR(portfolioWithExposureLosses, confidence: confidence)
        return after - before
    }

    /// Monte Carlo credit VaR (`copula.credit_var`): the same quantile as
    /// `historicalSimulationVaR`, without validation (NaN for an empty sample).
    public static func creditVaR(_ losses: [Double], confidence: Double = 0.999) -> Double {
        quantile(sorted: losses.sorted(), confidence: confidence)
    }

    /// Monte Carlo expected shortfall (`copula.expected_shortfall`): mean of the losses ≥
    /// `creditVaR`, without validation.
    public static func creditExpectedShortfall(_ losses: [Double], confidence: Double = 0.999) -> Double {
        let sorted = losses.sorted()
        return tailMean(sorted: sorted, threshold: quantile(sorted: sorted, confidence: confidence))
    }

    // MARK: - Parametric

    /// Parametric credit VaR under a normal loss distribution: EL + Φ⁻¹(q)·σ (BCBS 128).
    /// - Throws: `VaRError` for q outside (0, 1) or σ < 0.
    public static func parametricVaR(expectedLoss: Double, lossStandardDeviation: Double,
                                     confidence: Double = 0.999) throws(VaRError) -> Double {
        try checkConfidence(confidence)
        try checkStandardDeviation(lossStandardDeviation)
        return expectedLoss + Normal.quantile(confidence) * lossStandardDeviation
    }

    /// Cornish-Fisher VaR: EL + z_cf·σ with z = Φ⁻¹(q), skewness S and *excess* kurtosis K:
    /// z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36 (Cornish & Fisher 1937).
    /// The expansion is not monotone in q for large |S|, |K|; no correction is applied.
    public static func cornishFisherVaR(expectedLoss: Double, lossStandardDeviation: Double, skewness: Double,
                                        excessKurtosis: Double, confidence: Double = 0.999) throws(VaRError) -> Double {
        try checkConfidence(confidence)
        try checkStandardDeviation(lossStandardDeviation)
        let z = Normal.quantile(confidence)
        let z2 = z * z, z3 = z2 * z
        let adjusted = z + (z2 - 1) * skewness / 6 + (z3 - 3 * z) * excessKurtosis / 24
            - (2 * z3 - 5 * z) * (skewness * skewness) / 36
        return expectedLoss + adjusted * lossStandardDeviation
    }

    /// Component VaR by Euler allocation (Tasche 2000): (VaR/σ_p)·σ_i·ρ_i, where ρ_i is the
    /// correlation of exposure i's loss with the portfolio loss. The components sum to VaR
    /// because Σ σ_i·ρ_i = Σ Cov(L_i, L)/σ_p = σ_p. All zero when σ_p < 1e-15.
    /// - Throws: `VaRError` when the two arrays differ in length.
    public static func componentVaR(portfolioVaR: Double, portfolioStandardDeviation: Double,
                                    exposureStandardDeviations: [Double],
                                    correlationsWithPortfolio: [Double]) throws(VaRError) -> [Double] {
        guard exposureStandardDeviations.count == correlationsWithPortfolio.count else {
            throw VaRError("exposure_stds and correlations_with_portfolio must have the same shape, got "
                           + "(\(exposureStandardDeviations.count),) and (\(correlationsWithPortfolio.count),).")
        }
        guard portfolioStandardDeviation >= 1e-15 else {
            return Array(repeating: 0, count: exposureStandardDeviations.count)
        }
        let scale = portfolioVaR / portfolioStandardDeviation
        return zip(exposureStandardDeviations, correlationsWithPortfolio).map { scale * $0 * $1 }
    }

    /// Marginal VaR of an exposure (Jorion 2007, ch. 7): VaR_p·(c_i/σ_p), with c_i the
    /// exposure's contribution to σ_p, Cov(L_i, L_p)/σ_p. Zero when σ_p < 1e-15.
    public static func marginalVaR(portfolioVaR: Double, portfolioStandardDeviation: Double,
                                   contributionToStandardDeviation: Double) -> Double {
        guard portfolioStandardDeviation >= 1e-15 else { return 0 }
        return portfolioVaR * (contributionToStandardDeviation / portfolioStandardDeviation)
    }

    // MARK: - Shared arithmetic

    /// numpy.percentile(sorted, 100·confidence): q = (100·c)/100 as numpy divides, then
    /// `Quantile.linear` (numpy's lerp). `sorted` ascending.
    @inlinable
    public static func quantile(sorted: UnsafeBufferPointer<Double>, confidence: Double) -> Double {
        Quantile.linear(sorted: sorted, q: (confidence * 100) / 100)
    }

    /// `quantile(sorted:confidence:)` on an array.
    @inlinable
    public static func quantile(sorted: [Double], confidence: Double) -> Double {
        sorted.withUnsafeBufferPointer { quantile(sorted: $0, confidence: confidence) }
    }

    /// Mean of the elements ≥ `threshold` of an ascending sample (they form its top),
    /// summed in ascending order; `threshold` if none is (the seed's fallback).
    public static func tailMean(sorted: [Double], threshold: Double) -> Double {
        var low = 0, high = sorted.count
        while low < high {  // first index with sorted[i] >= threshold
            let mid = (low + high) / 2
            if sorted[mid] < threshold { low = mid + 1 } else { high = mid }
        }
        guard low < sorted.count else { return threshold }
        var sum = 0.0
        for i in low..<sorted.count { sum += sorted[i] }
        return sum / Double(sorted.count - low)
    }

    static func check(_ losses: [Double], name: String) throws(VaRError) {
        guard !losses.isEmpty else { throw VaRError("\(name) must be non-empty.") }
    }

    static func checkConfidence(_ confidence: Double) throws(VaRError) {
        guard confidence > 0, confidence < 1 else { throw VaRError("confidence must be in (0, 1), got \(confidence)") }
    }

    static func checkStandardDeviation(_ sd: Double) throws(VaRError) {
        guard sd >= 0 else { throw VaRError("ul_std must be non-negative, got \(sd)") }
    }
}
