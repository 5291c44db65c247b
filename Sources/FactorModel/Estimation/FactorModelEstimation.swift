import RiskMath

/// The whole fit of METHODOLOGY §5 on a panel: factor returns by constrained WLS, the
/// factor covariance, and specific variances.
public enum FactorModelEstimation {
    public struct Options: Sendable, Equatable {
        public var covariance: FactorCovarianceOptions
        /// Half-life of the specific-variance weights (nil: equal weights).
        public var specificHalfLife: Double?
        /// Bayesian shrinkage parameter q.
        public var specificShrinkage: Double
        /// Periods per year, to annualise F and Δ (1: keep per-period units).
        public var periodsPerYear: Double
        public var threads: Int

        public init(covariance: FactorCovarianceOptions = .daily, specificHalfLife: Double? = 84,
                    specificShrinkage: Double = 0.1, periodsPerYear: Double = 252, threads: Int = 1) {
            self.covariance = covariance
            self.specificHalfLife = specificHalfLife
            self.specificShrinkage = specificShrinkage
            self.periodsPerYear = periodsPerYear
            self.threads = threads
        }
    }

    public struct Fit: Sendable {
        public var factorReturns: FactorReturns
        public var covariance: FactorCovarianceEstimate
        public var specificRisk: SpecificRisk.Estimate
        /// Annualised specific variances Δ (per-period × periodsPerYear).
        public var specificVariance: [Double]
        /// The risk model: factors and annualised F.
        public var model: FactorRiskModel
        /// The last snapshot's exposures, for risk reports on the panel's assets.
        public var exposures: ExposureSnapshot
    }

    public static func fit(_ panel: FactorPanel, options: Options = Options()) throws(FactorModelError) -> Fit {
        let returns = try CrossSectionalRegression.estimate(panel, threads: options.threads)
        let covariance = try FactorCovarianceEstimator.estimate(returns.values, options: options.covariance,
                                                                periodsPerYear: options.periodsPerYear)
        let last = panel.snapshots[panel.snapshotOfDate.last ?? 0]
        let specific = try SpecificRisk.estimate(residuals: returns.residuals, marketCap: last.marketCap,
                                                 halfLife: options.specificHalfLife, shrinkage: options.specificShrinkage)
        let model = try FactorRiskModel(
            factors: panel.factors, covariance: covariance.covariance,
            provenance: FactorRiskModel.Provenance(
                estimation: "cross-sectional WLS (√cap weights, cap-weighted industry/country constraints) on \(panel.dateCount) dates × \(panel.assetCount) assets; covariance \(describe(options.covariance)); annualised × \(options.periodsPerYear)",
                realData: [], assumptions: []))
        return Fit(factorReturns: returns, covariance: covariance, specificRisk: specific,
                   specificVariance: specific.variance.map { $0 * options.periodsPerYear }, model: model, exposures: last)
    }

    static func describe(_ o: FactorCovarianceOptions) -> String {
        func h(_ x: Double?) -> String { x.map { "\($0)" } ?? "equal weights" }
        let shrink: String
        switch o.shrinkage {
        case .none: shrink = "no shrinkage"
        case .ledoitWolf: shrink = "Ledoit-Wolf shrinkage of correlations"
        case let .fixed(s): shrink = "correlation shrinkage \(s)"
        }
        return "volatility half-life \(h(o.volatilityHalfLife)), correlation half-life \(h(o.correlationHalfLife)), Newey-West lags \(o.neweyWestLags), \(shrink), eigenvalue floor \(o.eigenvalueFloor)"
    }
}

/// The factor covariance estimate (see `FactorCovarianceEstimator`).
public typealias FactorCovarianceEstimate = FactorCovarianceEstimator.Estimate
