/// The columns of the portfolio file (INTERFACES.md, "Portfolio file"). Header names
/// match case-insensitively after trimming spaces; other columns are ignored.
enum PortfolioColumn: String, CaseIterable {
    case id, pd, lgd, ead
    case segment
    case assetClass = "asset_class"
    case maturity
    case turnoverEURm = "turnover_eur_m"
    case drawn, undrawn, ccf
    case collateralValue = "collateral_value"
    case sector, country, rating, currency
    case amortisation

    static let required: [PortfolioColumn] = [.id, .pd, .lgd, .ead]

    /// Optional numeric columns, each kept as `[Double]?` in the portfolio with `.nan`
    /// for a blank cell.
    static let optionalNumbers: [PortfolioColumn] = [
        .maturity, .turnoverEURm, .drawn, .undrawn, .ccf, .collateralValue, .amortisation,
    ]

    /// Free-text columns stored as categorical columns.
    static let categories: [PortfolioColumn] = [.sector, .country, .rating, .currency]

    /// The range a numeric column must lie in; nil for text columns.
    var rule: NumericRule? {
        switch self {
        case .pd: return .probability
        case .lgd, .ccf, .amortisation: return .fraction
        case .ead, .turnoverEURm, .drawn, .undrawn, .collateralValue: return .amount
        case .maturity: return .positiveYears
        default: return nil
        }
    }
}
