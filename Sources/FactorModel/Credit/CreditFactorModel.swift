import RiskMath

/// The assumed structure of the sector and country factors of the credit model. Nothing
/// here is estimated: the bundled market data (Fama-French, S&P 500, NASDAQ) have no
/// sector or country returns for the bank's NACE sectors and European countries.
///
/// Defaults: sector factor volatility 10% a year and country factor volatility 8% a year,
/// the order of magnitude of pure industry and country factor volatilities in global
/// equity factor models; sector factors uncorrelated with each other, country factors
/// likewise, and both uncorrelated with the market (the cap-weighted constraints make
/// pure industry/country factors nearly orthogonal to the market by construction). With
/// a market volatility near 15% this puts roughly 55–60% of an obligor's systematic
/// variance on the market, 25% on its sector and 15–20% on its country — close to the VaR
/// engine's standard multi-factor shares (0.5/0.3/0.2).
public struct CreditFactorStructure: Sendable, Equatable, Codable {
    /// Annual volatility of each sector factor (decimal).
    public var sectorVolatility: Double
    /// Annual volatility of each country factor (decimal).
    public var countryVolatility: Double
    /// Correlation between two different sector factors.
    public var sectorCorrelation: Double
    /// Correlation between two different country factors.
    public var countryCorrelation: Double

    enum CodingKeys: String, CodingKey {
        case sectorVolatility = "sector_volatility", countryVolatility = "country_volatility"
        case sectorCorrelation = "sector_correlation", countryCorrelation = "country_correlation"
    }

    public init(sectorVolatility: Double = 0.10, countryVolatility: Double = 0.08,
                sectorCorrelation: Double = 0, countryCorrelation: Double = 0) {
        self.sectorVolatility = sectorVolatility
        self.countryVolatility = countryVolatility
        self.sectorCorrelation = sectorCorrelation
        self.countryCorrelation = countryCorrelation
    }

    public static let standard = CreditFactorStructure()

    var assumptions: [String] {
        ["sector factors: annual volatility \(sectorVolatility), pairwise correlation \(sectorCorrelation), uncorrelated with the market and countries",
         "country factors: annual volatility \(countryVolatility), pairwise correlation \(countryCorrelation), uncorrelated with the market",
         "obligor loadings: market, sector and country dummies scaled so that the systematic share of asset-value variance is the Basel IRB asset correlation (CRE31)",
         "specific variance of an obligor's asset value: 1 − ρ"]
    }
}

/// Builds the credit factor model: a real market factor plus assumed sector and country
/// factors (`CreditFactorStructure`).
public enum CreditFactorModel {
    /// The market-factor model from a history of market returns (decimal, e.g. the
    /// Fama-French Mkt-RF column / 100): σ²_M by `FactorCovarianceEstimator` with `options`
    /// (default monthly: volatility half-life 36 months, 2 Newey-West lags), annualised.
    ///
    /// - Parameters:
    ///   - history: the factor return series (any number of columns).
    ///   - marketColumn: the column to use as the market factor.
    ///   - source: a description of the data for the provenance (file, sample).
    public static func marketModel(history: FactorReturnSeries, marketColumn: String,
                                   options: FactorCovarianceOptions = .monthly,
                                   structure: CreditFactorStructure = .standard,
                                   source: String) throws(FactorModelError) -> FactorRiskModel {
        guard let column = history.series(marketColumn) else {
            throw FactorModelError(stage: "credit factor model", item: marketColumn, message: "no such column in the factor history")
        }
        let estimate = try FactorCovarianceEstimator.estimate(
            makeMatrix(rows: column.count, columns: 1, column), options: options, periodsPerYear: history.periodsPerYear)
        return try FactorRiskModel(
            factors: [.market], covariance: estimate.covariance,
            provenance: FactorRiskModel.Provenance(
                estimation: "market variance: \(FactorModelEstimation.describe(options)); annualised × \(history.periodsPerYear)",
                realData: ["\(source): \(marketColumn), \(history.labels.first ?? "")..\(history.labels.last ?? "") (\(history.labels.count) periods), annual volatility \(estimate.volatility[0])"],
                assumptions: structure.assumptions),
            creditStructure: structure)
    }

    /// `model` with a factor `sector:<name>` for every sector and `country:<name>` for every
    /// country it does not have yet, covariance by the model's `creditStructure`.
    public static func extended(_ model: FactorRiskModel, sectors: [String], countries: [String]) throws(FactorModelError) -> FactorRiskModel {
        let existing = Set(model.factors.map(\.name))
        let newSectors = unique(sectors).map(Factor.sector).filter { !existing.contains($0.name) }
        let newCountries = unique(countries).map(Factor.country).filter { !existing.contains($0.name) }
        if newSectors.isEmpty && newCountries.isEmpty { return model }
        guard let s = model.creditStructure else {
            throw FactorModelError(stage: "credit factor model", message: "the model has no credit structure for its missing sector/country factors")
        }
        let m = newSectors.count + newCountries.count
        var e = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for j in 0..<m {
                let iSector = i < newSectors.count, jSector = j < newSectors.count
                if i == j {
                    e[i * m + j] = iSector ? s.sectorVolatility * s.sectorVolatility : s.countryVolatility * s.countryVolatility
                } else if iSector && jSector {
                    e[i * m + j] = s.sectorCorrelation * s.sectorVolatility * s.sectorVolatility
                } else if !iSector && !jSector {
                    e[i * m + j] = s.countryCorrelation * s.countryVolatility * s.countryVolatility
                }
            }
        }
        // Factors the model already has: the same pairwise correlations within each block.
        let k = model.factorCount
        var cross = [Double](repeating: 0, count: k * m)
        for (i, factor) in model.factors.enumerated() {
            for j in 0..<m {
                if factor.kind == .industry && j < newSectors.count {
                    cross[i * m + j] = s.sectorCorrelation * s.sectorVolatility * s.sectorVolatility
                } else if factor.kind == .country && j >= newSectors.count {
                    cross[i * m + j] = s.countryCorrelation * s.countryVolatility * s.countryVolatility
                }
            }
        }
        return try model.appending(newSectors + newCountries, crossCovariance: makeMatrix(rows: k, columns: m, cross),
                                   covariance: makeMatrix(rows: m, columns: m, e))
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
