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
    case stage
    case daysPastDue = "days_past_due"
    case defaultFlag = "default_flag"
    case originationPD = "origination_pd"
    case remainingTerm = "remaining_term"
    case maturityDate = "maturity_date"
    case eir, provision
    case writeOffPolicy = "write_off_policy"

    static let required: [PortfolioColumn] = [.id, .pd, .lgd, .ead]

    /// Optional numeric columns, each kept as `[Double]?` in the portfolio with `.nan`
    /// for a blank cell.
    static let optionalNumbers: [PortfolioColumn] = [
        .maturity, .turnoverEURm, .drawn, .undrawn, .ccf, .collateralValue, .amortisation,
        .daysPastDue, .originationPD, .remainingTerm, .eir, .provision, .writeOffPolicy,
    ]

    /// Free-text columns stored as categorical columns.
    static let categories: [PortfolioColumn] = [.sector, .country, .rating, .currency]

    /// The range a numeric column must lie in; nil for text columns.
    var rule: NumericRule? {
        switch self {
        case .pd, .originationPD: return .probability
        case .lgd, .ccf, .amortisation, .eir: return .fraction
        case .ead, .turnoverEURm, .drawn, .undrawn, .collateralValue, .daysPastDue, .remainingTerm, .provision: return .amount
        case .maturity, .writeOffPolicy: return .positiveYears
        default: return nil
        }
    }
}
