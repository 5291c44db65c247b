import RiskMath
import StressCore

/// The bank's credit portfolio through the factor model: where the risk sits by factor,
/// segment, sector, country and asset class (METHODOLOGY §5).
///
/// The mapping is `CreditExposureMap` (market + sector + country loadings scaled to the
/// Basel asset correlation, specific variance 1 − ρ, holdings by `weighting`), the
/// covariance the model's (real market variance, assumed sector/country structure: see
/// `CreditFactorModel`). Then, with x = Xᵀh:
///
///     σ² = xᵀFx + Σ h_i²(1 − ρ_i),   MCR_i = (s_i·d_gᵀFx + (1 − ρ_i)·h_i)/σ,
///
/// components h_i·MCR_i summed by group (they add up to σ), factor contributions
/// x_k(Fx)_k/σ. Cost O(N + G·K + K²).
public enum PortfolioFactorRisk {
    public struct Options: Sendable {
        public var weighting: CreditHoldingWeighting
        /// Active risk against this portfolio (scaled to the same total holding), if given.
        public var benchmark: (name: String, portfolio: Portfolio)?

        public init(weighting: CreditHoldingWeighting = .lossSensitivity, benchmark: (name: String, portfolio: Portfolio)? = nil) {
            self.weighting = weighting
            self.benchmark = benchmark
        }
    }

    public static func report(portfolio: Portfolio, model: FactorRiskModel,
                              options: Options = Options()) throws(FactorModelError) -> FactorRiskReport {
        var base = model
        if let benchmark = options.benchmark?.portfolio {
            // One factor set for both, so the active exposures line up.
            let (_, sectors) = CreditExposureMap.levels(benchmark.sector, count: benchmark.count)
            let (_, countries) = CreditExposureMap.levels(benchmark.country, count: benchmark.count)
            base = try CreditFactorModel.extended(base, sectors: sectors, countries: countries)
        }
        let map = try CreditExposureMap.make(portfolio: portfolio, model: base, weighting: options.weighting)
        let m = map.model
        let names = m.factors.map(\.name)
        let x = map.portfolioExposures()
        let fx = try linearAlgebra("factor risk report") { () throws(LinearAlgebraError) in try m.covariance * x }
        let systematicVariance = Swift.max(zip(x, fx).reduce(0) { $0 + $1.0 * $1.1 }, 0)
        let specificVariance = map.specificVariance()
        let sigma = (systematicVariance + specificVariance).squareRoot()
        let inverse = sigma > 0 ? 1 / sigma : 0

        // Components per exposure, summed straight into the group tables.
        let groupMarginal = map.groupFactors.map { fx[$0.market] + fx[$0.sector] + fx[$0.country] }
        let segment = Table(portfolio.segment, count: portfolio.count)
        let sector = Table(portfolio.sector, count: portfolio.count)
        let country = Table(portfolio.country, count: portfolio.count)
        let classes = AssetClass.allCases
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        var assetClassSums = [(Double, Double)](repeating: (0, 0), count: classes.count)
        var assetClassPresent = [Bool](repeating: false, count: classes.count)
        var segmentSums = segment.zeros, sectorSums = sector.zeros, countrySums = country.zeros
        for i in 0..<portfolio.count {
            let h = map.holdings[i]
            let component = h * (map.scale[i] * groupMarginal[map.groupOfExposure[i]] + (1 - map.assetCorrelation[i]) * h) * inverse
            segment.add(i, h, component, &segmentSums)
            sector.add(i, h, component, &sectorSums)
            country.add(i, h, component, &countrySums)
            let c = classIndex[portfolio.assetClass[i]]!
            assetClassSums[c].0 += h
            assetClassSums[c].1 += component
            assetClassPresent[c] = true
        }
        func contribution(_ sums: (Double, Double)) -> FactorRiskReport.Contribution {
            FactorRiskReport.Contribution(holding: sums.0, component: sums.1, marginal: sums.0 != 0 ? sums.1 / sums.0 : 0,
                                          share: sigma > 0 ? sums.1 / sigma : 0)
        }
        var factors: [String: Double] = [:], exposures: [String: Double] = [:], marginal: [String: Double] = [:]
        var volatility: [String: Double] = [:]
        let vols = m.volatility
        for k in names.indices where x[k] != 0 {
            factors[names[k]] = x[k] * fx[k] * inverse
            exposures[names[k]] = x[k]
            marginal[names[k]] = fx[k] * inverse
            volatility[names[k]] = vols[k]
        }
        var active: FactorRiskReport.ActiveRisk?
        if let benchmark = options.benchmark {
            active = try activeRisk(map: map, benchmark: benchmark, model: m)
        }
        return FactorRiskReport(
            measure: measure(options.weighting), weighting: options.weighting,
            total: sigma, systematic: systematicVariance.squareRoot(), specific: specificVariance.squareRoot(),
            systematicShare: sigma > 0 ? systematicVariance / (sigma * sigma) : 0,
            factors: factors, specificContribution: specificVariance * inverse,
            factorExposures: exposures, factorMarginal: marginal, factorVolatility: volatility,
            bySegment: segment.result(segmentSums, contribution), bySector: sector.result(sectorSums, contribution),
            byCountry: country.result(countrySums, contribution), byAssetClass: Dictionary(uniqueKeysWithValues: classes.indices.filter { assetClassPresent[$0] }
                .map { (classes[$0].rawValue, contribution(assetClassSums[$0])) }),
            active: active,
            model: FactorRiskReport.ModelSummary(factorCount: m.factorCount, units: m.units, estimation: m.provenance.estimation,
                                                 realData: m.provenance.realData, assumptions: m.provenance.assumptions),
            findings: map.findings)
    }

    static func measure(_ w: CreditHoldingWeighting) -> String {
        switch w {
        case .lossSensitivity:
            return "first-order (delta-normal) standard deviation of credit loss from one-year asset-value moves, currency; holdings EAD·LGD·φ(Φ⁻¹(PD))"
        case .ead:
            return "standard deviation of the EAD-weighted sum of obligor asset values (unit variance each), currency"
        case .expectedLoss:
            return "standard deviation of the expected-loss-weighted sum of obligor asset values (unit variance each), currency"
        }
    }

    /// x_a = x_p − κ·x_b, specific variance Σ_p h²(1 − ρ) + κ²·Σ_b h²(1 − ρ) (distinct
    /// obligors, independent specific parts), κ = Σh_p/Σh_b.
    static func activeRisk(map: CreditExposureMap, benchmark: (name: String, portfolio: Portfolio),
                           model: FactorRiskModel) throws(FactorModelError) -> FactorRiskReport.ActiveRisk {
        let benchmarkMap = try CreditExposureMap.make(portfolio: benchmark.portfolio, model: model, weighting: map.weighting)
        guard benchmarkMap.model.factors == model.factors else {
            throw FactorModelError(stage: "active risk", message: "the benchmark needs factors the model lacks")
        }
        let total = map.holdings.reduce(0, +), benchmarkTotal = benchmarkMap.holdings.reduce(0, +)
        let kappa = benchmarkTotal > 0 ? total / benchmarkTotal : 0
        let xp = map.portfolioExposures(), xb = benchmarkMap.portfolioExposures()
        let x = zip(xp, xb).map { $0 - kappa * $1 }
        let fx = try linearAlgebra("active risk") { () throws(LinearAlgebraError) in try model.covariance * x }
        let systematicVariance = Swift.max(zip(x, fx).reduce(0) { $0 + $1.0 * $1.1 }, 0)
        let specificVariance = map.specificVariance() + kappa * kappa * benchmarkMap.specificVariance()
        let sigma = (systematicVariance + specificVariance).squareRoot()
        let inverse = sigma > 0 ? 1 / sigma : 0
        var factors: [String: Double] = [:]
        for (k, f) in model.factors.enumerated() where x[k] != 0 { factors[f.name] = x[k] * fx[k] * inverse }
        return FactorRiskReport.ActiveRisk(benchmark: benchmark.name, benchmarkScale: kappa, total: sigma,
                                           systematic: systematicVariance.squareRoot(), specific: specificVariance.squareRoot(),
                                           factors: factors, specificContribution: specificVariance * inverse)
    }

    /// Sums by the levels of a categorical column (absent column: one level `(none)`).
    struct Table {
        let codes: [Int]
        let names: [String]

        init(_ column: CategoricalColumn, count n: Int) {
            (codes, names) = CreditExposureMap.levels(column, count: n)
        }

        var zeros: [(Double, Double)] { [(Double, Double)](repeating: (0, 0), count: names.count) }

        func add(_ i: Int, _ holding: Double, _ component: Double, _ sums: inout [(Double, Double)]) {
            sums[codes[i]].0 += holding
            sums[codes[i]].1 += component
        }

        func result(_ sums: [(Double, Double)], _ make: ((Double, Double)) -> FactorRiskReport.Contribution)
            -> [String: FactorRiskReport.Contribution] {
            var out: [String: FactorRiskReport.Contribution] = [:]
            for (k, name) in names.enumerated() { out[name] = make(sums[k]) }
            return out
        }
    }
}
