/// How the factor covariance is estimated (METHODOLOGY §5). Half-lives and lags are in
/// periods of the return series (months for Fama-French, days for a daily panel).
public struct FactorCovarianceOptions: Sendable, Equatable, Codable {
    /// Half-life of the weights for the factor volatilities; nil = equal weights.
    public var volatilityHalfLife: Double?
    /// Half-life of the weights for the factor correlations; nil = equal weights.
    public var correlationHalfLife: Double?
    /// Newey-West lags L (0 = none), applied to both.
    public var neweyWestLags: Int
    /// Shrinkage of the correlation matrix toward the identity.
    public var shrinkage: Shrinkage
    /// Eigenvalue floor ε relative to the largest eigenvalue for the PD repair.
    public var eigenvalueFloor: Double
    /// Subtract the weighted mean before the cross products (false: mean taken as 0).
    public var demean: Bool
    /// Keep only the last `window` periods (nil: all).
    public var window: Int?

    public enum Shrinkage: Sendable, Equatable, Codable {
        case none
        /// The Ledoit-Wolf intensity from the data (`LedoitWolf`).
        case ledoitWolf
        /// A fixed intensity s ∈ [0, 1].
        case fixed(Double)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let s = try? container.decode(Double.self) {
                self = .fixed(s)
                return
            }
            switch try container.decode(String.self) {
            case "none": self = .none
            case "ledoit_wolf": self = .ledoitWolf
            case let other:
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "shrinkage must be none, ledoit_wolf or a number, got \(other)")
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .none: try container.encode("none")
            case .ledoitWolf: try container.encode("ledoit_wolf")
            case let .fixed(s): try container.encode(s)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case volatilityHalfLife = "volatility_half_life", correlationHalfLife = "correlation_half_life"
        case neweyWestLags = "newey_west_lags", shrinkage, eigenvalueFloor = "eigenvalue_floor", demean, window
    }

    public init(volatilityHalfLife: Double? = nil, correlationHalfLife: Double? = nil, neweyWestLags: Int = 0,
                shrinkage: Shrinkage = .none, eigenvalueFloor: Double = 1e-8, demean: Bool = true, window: Int? = nil) {
        self.volatilityHalfLife = volatilityHalfLife
        self.correlationHalfLife = correlationHalfLife
        self.neweyWestLags = neweyWestLags
        self.shrinkage = shrinkage
        self.eigenvalueFloor = eigenvalueFloor
        self.demean = demean
        self.window = window
    }

    /// Monthly data (Fama-French): volatility half-life 36 months, correlation 72,
    /// 2 Newey-West lags, Ledoit-Wolf. Chosen as the monthly analogue of Barra USE4's
    /// daily settings (correlations slower than volatilities); an assumption, not a fit.
    public static let monthly = FactorCovarianceOptions(volatilityHalfLife: 36, correlationHalfLife: 72,
                                                        neweyWestLags: 2, shrinkage: .ledoitWolf)

    /// Daily panels: volatility half-life 84 days, correlation 504, 2 lags, Ledoit-Wolf
    /// (Barra USE4S-like).
    public static let daily = FactorCovarianceOptions(volatilityHalfLife: 84, correlationHalfLife: 504,
                                                      neweyWestLags: 2, shrinkage: .ledoitWolf)

    func validate() throws(FactorModelError) {
        let stage = "factor covariance options"
        for (name, h) in [("volatility half-life", volatilityHalfLife), ("correlation half-life", correlationHalfLife)] {
            if let h, !(h > 0) { throw FactorModelError(stage: stage, message: "\(name) must be positive, got \(h)") }
        }
        guard neweyWestLags >= 0 else { throw FactorModelError(stage: stage, message: "Newey-West lags must be ≥ 0") }
        if case let .fixed(s) = shrinkage, !(s >= 0 && s <= 1) {
            throw FactorModelError(stage: stage, message: "shrinkage intensity must be in [0, 1], got \(s)")
        }
        guard eigenvalueFloor > 0, eigenvalueFloor < 1 else {
            throw FactorModelError(stage: stage, message: "eigenvalue floor must be in (0, 1), got \(eigenvalueFloor)")
        }
        if let window, window < 2 { throw FactorModelError(stage: stage, message: "window must be at least 2 periods") }
    }
}
