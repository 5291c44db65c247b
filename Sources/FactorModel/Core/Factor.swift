/// What a factor stands for; decides how the cross-sectional regression constrains it.
public enum FactorKind: String, Sendable, Codable, CaseIterable {
    /// The intercept: every asset has exposure 1.
    case market
    /// An industry (sector) dummy: exposure 1 for the assets of the industry, else 0.
    case industry
    /// A country dummy.
    case country
    /// A style z-score (size, value, momentum, volatility, leverage, …).
    case style
}

/// One factor of a model: its name and kind. Names are unique within a model; the credit
/// mapping uses `market`, `sector:<name>` and `country:<name>`.
public struct Factor: Sendable, Hashable, Codable {
    public var name: String
    public var kind: FactorKind

    public init(name: String, kind: FactorKind) {
        self.name = name
        self.kind = kind
    }

    /// `market`.
    public static let market = Factor(name: "market", kind: .market)

    /// `sector:<name>`, the credit model's industry dummy.
    public static func sector(_ name: String) -> Factor { Factor(name: "sector:\(name)", kind: .industry) }

    /// `country:<name>`.
    public static func country(_ name: String) -> Factor { Factor(name: "country:\(name)", kind: .country) }
}
