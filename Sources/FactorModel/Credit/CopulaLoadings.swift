import RiskMath
import StressCore

/// The factor model's correlation structure in the form a multi-factor Gaussian copula
/// uses (METHODOLOGY §6 last bullet: "the multi-factor copula's loadings come from the
/// factor model's correlation structure"):
///
///     A_i = Σ_k w_ik·ξ_k + √(1 − Σ_k w_ik²)·ε_i,   ξ ~ N(0, I_K),   w_i = √ρ_i·u_g,
///     u_g = Lᵀ d_g / √(d_gᵀ F d_g),   F = L Lᵀ (Cholesky),
///
/// for exposure i of group g (sector × country) with dummies d_g on the named factors
/// [market, sectors, countries]. Then Σ_k w_ik² = ρ_i and Cov(A_i, A_j) = X_i F X_jᵀ, the
/// factor model's asset-value covariance, so VaR and the factor report share one
/// correlation structure.
///
/// For the VaR engine's `MultiFactorSpecification` the same structure is
/// `multiFactorShares` (global, sector, country shares of systematic variance) with
/// `factorCorrelation` (the named factors' correlation in the order [market, sectors in
/// portfolio level order, countries in portfolio level order]) — equivalent when, as in
/// `CreditFactorStructure`, all sector factors have one volatility, all country factors
/// another, and both are uncorrelated with the market.
public struct CopulaLoadings: Sendable, Equatable {
    /// [market, sector:…, country:…] in portfolio level order.
    public var factorNames: [String]
    /// G × K row-major unit directions u_g in the independent coordinates ξ.
    public var directions: [Double]
    /// G × K row-major loadings d_g/√v_g on the named (correlated) factors.
    public var namedLoadings: [Double]
    public var groupOfExposure: [Int]
    /// `<sector> / <country>`.
    public var groupNames: [String]
    /// ρ_i per exposure (Basel asset correlation).
    public var assetCorrelation: [Double]
    /// Correlation matrix of the named factors, K × K, in `factorNames` order.
    public var factorCorrelation: [[Double]]
    /// (global, sector, country) shares of systematic variance, when every group has the
    /// same split (see the type's notes); nil otherwise.
    public var multiFactorShares: (global: Double, sector: Double, country: Double)?

    public var factorCount: Int { factorNames.count }

    /// w_i = √ρ_i·u_g.
    public func loadings(ofExposure i: Int) -> [Double] {
        let g = groupOfExposure[i], r = assetCorrelation[i].squareRoot()
        return (0..<factorCount).map { r * directions[g * factorCount + $0] }
    }

    public static func == (a: CopulaLoadings, b: CopulaLoadings) -> Bool {
        a.factorNames == b.factorNames && a.directions == b.directions && a.namedLoadings == b.namedLoadings
            && a.groupOfExposure == b.groupOfExposure && a.groupNames == b.groupNames
            && a.assetCorrelation == b.assetCorrelation && a.factorCorrelation == b.factorCorrelation
            && a.multiFactorShares?.global == b.multiFactorShares?.global
            && a.multiFactorShares?.sector == b.multiFactorShares?.sector
            && a.multiFactorShares?.country == b.multiFactorShares?.country
    }

    /// The loadings of `portfolio` under the credit `model` (extended with the portfolio's
    /// sectors and countries as `PortfolioFactorRisk` does). Uses dpotrf and one dgemm.
    public static func make(portfolio: Portfolio, model: FactorRiskModel) throws(FactorModelError) -> CopulaLoadings {
        let map = try CreditExposureMap.make(portfolio: portfolio, model: model)
        let m = map.model
        // The named factors in VaR order: market, the portfolio's sectors, its countries.
        let order = [m.index(of: Factor.market.name)!] + map.sectorLevels.map { m.index(of: Factor.sector($0).name)! }
            + map.countryLevels.map { m.index(of: Factor.country($0).name)! }
        let k = order.count, full = m.factorCount
        let fe = m.covariance.elements
        var sub = [Double](repeating: 0, count: k * k)
        for a in 0..<k { for b in 0..<k { sub[a * k + b] = fe[order[a] * full + order[b]] } }
        let f = makeMatrix(rows: k, columns: k, sub)
        let lower = try linearAlgebra("copula loadings") { () throws(LinearAlgebraError) in try f.cholesky() }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let g = map.groupNames.count
        var dummies = [Double](repeating: 0, count: g * k)
        for (group, d) in map.groupFactors.enumerated() {
            let scale = 1 / map.groupVariance[group].squareRoot()
            for j in [d.market, d.sector, d.country] { dummies[group * k + position[j]!] += scale }
        }
        let named = makeMatrix(rows: g, columns: k, dummies)
        // Rows u_gᵀ = (d_g/√v_g)ᵀ L.
        let directions = try linearAlgebra("copula loadings") { () throws(LinearAlgebraError) in try named * lower }
        let correlation = FactorCovarianceEstimator.correlationMatrix(f)

        var shares: (Double, Double, Double)?
        if let s = m.creditStructure {
            let market = sub[0]
            var uncorrelated = true
            for j in 1..<k where sub[j] != 0 { uncorrelated = false }
            if uncorrelated {
                let total = market + s.sectorVolatility * s.sectorVolatility + s.countryVolatility * s.countryVolatility
                shares = (market / total, s.sectorVolatility * s.sectorVolatility / total,
                          s.countryVolatility * s.countryVolatility / total)
            }
        }
        return CopulaLoadings(factorNames: order.map { m.factors[$0].name }, directions: directions.elements,
                              namedLoadings: dummies, groupOfExposure: map.groupOfExposure, groupNames: map.groupNames,
                              assetCorrelation: map.assetCorrelation,
                              factorCorrelation: (0..<k).map { correlation.row($0) },
                              multiFactorShares: shares.map { (global: $0.0, sector: $0.1, country: $0.2) })
    }
}
