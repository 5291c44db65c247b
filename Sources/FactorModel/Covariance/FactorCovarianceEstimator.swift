import RiskMath

/// The factor covariance F of METHODOLOGY §5:
///
/// 1. volatilities σ_k from the Newey-West covariance (`NeweyWest`) under weights with the
///    volatility half-life;
/// 2. correlations ρ_jk from the Newey-West covariance under weights with the correlation
///    half-life;
/// 3. optionally ρ ← (1 − s)·ρ + s·I, with s the Ledoit-Wolf intensity of the standardised
///    lag-0 sample under the correlation weights (`LedoitWolf`) or a fixed s;
/// 4. F = diag(σ)·ρ·diag(σ)·periodsPerYear (annualised);
/// 5. repaired to positive definite (eigenvalue floor, diagonal kept) and checked by
///    Cholesky (`PositiveDefiniteRepair`).
///
/// A factor with zero variance in the sample (e.g. a dummy never populated) gets zero
/// correlations; the repair then gives it the floor variance.
public enum FactorCovarianceEstimator {
    public struct Estimate: Sendable, Equatable {
        /// K × K, annualised, positive definite.
        public var covariance: Matrix
        /// √F_kk (annualised), before the repair.
        public var volatility: [Double]
        /// The correlation matrix used (after shrinkage, before the repair).
        public var correlation: Matrix
        public var shrinkageIntensity: Double
        public var clippedEigenvalues: Int
        public var minimumEigenvalueBeforeRepair: Double
        /// Kish effective observations of the volatility and correlation weights.
        public var effectiveObservations: (volatility: Double, correlation: Double)
        public var observations: Int

        public static func == (a: Estimate, b: Estimate) -> Bool {
            a.covariance == b.covariance && a.volatility == b.volatility && a.correlation == b.correlation
                && a.shrinkageIntensity == b.shrinkageIntensity && a.clippedEigenvalues == b.clippedEigenvalues
                && a.observations == b.observations
        }
    }

    /// - Parameters:
    ///   - returns: T × K factor returns, oldest first.
    ///   - periodsPerYear: annualisation (12 monthly, 252 daily; 1 keeps the period unit).
    public static func estimate(_ returns: Matrix, options: FactorCovarianceOptions,
                                periodsPerYear: Double = 1) throws(FactorModelError) -> Estimate {
        try options.validate()
        let stage = "factor covariance"
        var data = returns
        if let window = options.window, window < returns.rows {
            let k = returns.columns
            data = makeMatrix(rows: window, columns: k, Array(returns.elements[((returns.rows - window) * k)...]))
        }
        let t = data.rows, k = data.columns
        guard t >= 2, k >= 1 else { throw FactorModelError(stage: stage, message: "needs at least 2 periods and 1 factor, got \(t)×\(k)") }
        if let e = data.elements.firstIndex(where: { !$0.isFinite }) {
            throw FactorModelError(stage: stage, item: "period \(e / k)", message: "non-finite factor return")
        }
        let volatilityWeights = ExponentialWeights.weights(count: t, halfLife: options.volatilityHalfLife)
        let correlationWeights = ExponentialWeights.weights(count: t, halfLife: options.correlationHalfLife)

        let volatilityCentred = try NeweyWest.centred(data, weights: volatilityWeights, demean: options.demean)
        let volatilityCovariance = try NeweyWest.covariance(volatilityCentred, weights: volatilityWeights, lags: options.neweyWestLags)
        let volatility = (0..<k).map { Swift.max(volatilityCovariance[$0, $0], 0).squareRoot() }

        let correlationCentred = volatilityWeights == correlationWeights ? volatilityCentred
            : try NeweyWest.centred(data, weights: correlationWeights, demean: options.demean)
        let correlationCovariance = volatilityWeights == correlationWeights ? volatilityCovariance
            : try NeweyWest.covariance(correlationCentred, weights: correlationWeights, lags: options.neweyWestLags)
        var correlation = correlationMatrix(correlationCovariance)

        var intensity = 0.0
        switch options.shrinkage {
        case .none: break
        case let .fixed(s): intensity = s
        case .ledoitWolf:
            // Standardise by the lag-0 weighted SD, then the Ledoit-Wolf intensity.
            let lag0 = try NeweyWest.autocovariance(correlationCentred, weights: correlationWeights, lag: 0)
            let sd = (0..<k).map { lag0[$0, $0] > 0 ? lag0[$0, $0].squareRoot() : 0 }
            var z = correlationCentred.elements
            for row in 0..<t {
                for j in 0..<k { z[row * k + j] = sd[j] > 0 ? z[row * k + j] / sd[j] : 0 }
            }
            intensity = try LedoitWolf.shrink(makeMatrix(rows: t, columns: k, z), weights: correlationWeights).intensity
        }
        if intensity > 0 {
            var e = correlation.elements
            for i in 0..<k {
                for j in 0..<k where i != j { e[i * k + j] *= 1 - intensity }
            }
            correlation = makeMatrix(rows: k, columns: k, e)
        }
        var covariance = correlation.elements
        for i in 0..<k {
            for j in 0..<k { covariance[i * k + j] *= volatility[i] * volatility[j] * periodsPerYear }
        }
        let repair = try PositiveDefiniteRepair.repair(makeMatrix(rows: k, columns: k, covariance),
                                                       relativeFloor: options.eigenvalueFloor)
        return Estimate(covariance: repair.matrix, volatility: volatility.map { $0 * periodsPerYear.squareRoot() },
                        correlation: correlation, shrinkageIntensity: intensity,
                        clippedEigenvalues: repair.clippedEigenvalues,
                        minimumEigenvalueBeforeRepair: repair.minimumEigenvalueBefore,
                        effectiveObservations: (ExponentialWeights.effectiveCount(volatilityWeights),
                                                ExponentialWeights.effectiveCount(correlationWeights)),
                        observations: t)
    }

    /// ρ_ij = C_ij/√(C_ii C_jj), 1 on the diagonal, 0 against a zero-variance factor.
    static func correlationMatrix(_ c: Matrix) -> Matrix {
        let k = c.rows
        let e = c.elements
        var rho = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                if i == j { rho[i * k + j] = 1; continue }
                let d = e[i * k + i] * e[j * k + j]
                rho[i * k + j] = d > 0 ? e[i * k + j] / d.squareRoot() : 0
            }
        }
        return makeMatrix(rows: k, columns: k, rho)
    }
}
