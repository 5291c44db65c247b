/// Exposure classes of the portfolio file (INTERFACES.md). They choose the IRB
/// correlation function (CRE31) and the PD floor.
public enum AssetClass: String, Sendable, CaseIterable, Codable {
    case corporate
    case sovereign
    case bank
    /// Corporate SME: corporate correlation with the firm-size adjustment (CRE31.9).
    case sme
    case residentialMortgage = "residential_mortgage"
    /// Qualifying revolving retail (credit cards, overdrafts), CRE31.14.
    case qrre
    case otherRetail = "other_retail"
    /// Commercial real estate (income-producing), treated with the corporate formula.
    case cre

    public var isRetail: Bool {
        switch self {
        case .residentialMortgage, .qrre, .otherRetail: return true
        default: return false
        }
    }

    /// Accepted spellings, for error messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
