import RiskMath

/// The file `stresspack factors fit` writes and `factors show` reads (JSON, snake_case):
///
///     {format, engine_version, style_model: {model, options, sample, shrinkage_intensity,
///      clipped_eigenvalues, effective_observations}, credit_model, garch: [GARCHSummary],
///      attribution?: {series, attribution}, inputs: [{path, sha256}]}
///
/// `style_model` is the Fama-French three-factor covariance (real data); `credit_model`
/// the market factor the credit report uses, with its assumed sector/country structure.
public struct FactorModelDocument: Sendable, Codable, Equatable {
    public static let formatName = "stresspack-factor-model/1"

    public var format: String
    public var engineVersion: String
    public var styleModel: StyleModel
    public var creditModel: FactorRiskModel
    public var garch: [GARCHSummary]
    public var attribution: Attribution?
    public var inputs: [Input]

    public struct StyleModel: Sendable, Codable, Equatable {
        public var model: FactorRiskModel
        public var options: FactorCovarianceOptions
        public var sample: String
        public var shrinkageIntensity: Double
        public var clippedEigenvalues: Int
        public var effectiveObservations: Double

        enum CodingKeys: String, CodingKey {
            case model, options, sample, shrinkageIntensity = "shrinkage_intensity"
            case clippedEigenvalues = "clipped_eigenvalues", effectiveObservations = "effective_observations"
        }

        public init(model: FactorRiskModel, options: FactorCovarianceOptions, sample: String, estimate: FactorCovarianceEstimate) {
            self.model = model
            self.options = options
            self.sample = sample
            shrinkageIntensity = estimate.shrinkageIntensity
            clippedEigenvalues = estimate.clippedEigenvalues
            effectiveObservations = estimate.effectiveObservations.correlation
        }
    }

    /// A GARCH(1,1) fit in the series' own units (percent returns) and annualised.
    public struct GARCHSummary: Sendable, Codable, Equatable {
        public var series: String
        public var units: String
        public var sample: String
        public var periodsPerYear: Double
        public var fit: GARCH11Fit
        /// √(periodsPerYear·σ²_{T+1})/100: next period's volatility, annualised, decimal.
        public var nextPeriodAnnualVolatility: Double
        /// √(periodsPerYear·ω/(1 − α − β))/100.
        public var longRunAnnualVolatility: Double

        enum CodingKeys: String, CodingKey {
            case series, units, sample, periodsPerYear = "periods_per_year", fit
            case nextPeriodAnnualVolatility = "next_period_annual_volatility"
            case longRunAnnualVolatility = "long_run_annual_volatility"
        }

        public init(series: String, units: String, sample: String, periodsPerYear: Double, fit: GARCH11Fit) {
            self.series = series
            self.units = units
            self.sample = sample
            self.periodsPerYear = periodsPerYear
            self.fit = fit
            nextPeriodAnnualVolatility = (periodsPerYear * (fit.varianceForecast(horizon: 1).first ?? .nan)).squareRoot() / 100
            longRunAnnualVolatility = (periodsPerYear * fit.parameters.longRunVariance).squareRoot() / 100
        }
    }

    public struct Attribution: Sendable, Codable, Equatable {
        public var series: String
        public var attribution: TimeSeriesAttribution
    }

    public struct Input: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, engineVersion = "engine_version", styleModel = "style_model", creditModel = "credit_model"
        case garch, attribution, inputs
    }

    public init(engineVersion: String, styleModel: StyleModel, creditModel: FactorRiskModel, garch: [GARCHSummary],
                attribution: Attribution?, inputs: [Input]) {
        format = Self.formatName
        self.engineVersion = engineVersion
        self.styleModel = styleModel
        self.creditModel = creditModel
        self.garch = garch
        self.attribution = attribution
        self.inputs = inputs
    }
}

extension FactorModelDocument.Attribution {
    public init(series: String, fit: TimeSeriesAttribution) {
        self.series = series
        attribution = fit
    }
}
