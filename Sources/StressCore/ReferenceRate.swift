/// The market rates a banking-book position can be priced from (`reference_rate:` in the
/// balance sheet file), each with the tenor at which it sits on the risk-free curve.
///
/// `policy_rate` is the central bank's rate (ECB deposit facility, Bank Rate, the Fed's or
/// the RBI's policy rate); `short_rate` the 3-month money-market rate (Euribor, SONIA, the
/// 3-month Treasury bill); `2y`, `5y` and `10y` the swap or government yields of those
/// maturities; `mortgage_rate` and `prime_rate` the administered lending rates the Federal
/// Reserve's scenarios publish. The first five form the risk-free curve the banking book is
/// discounted on (ΔEVE); the last two carry credit spreads and are not on it.
public enum ReferenceRate: String, Sendable, CaseIterable, Codable {
    case policyRate = "policy_rate"
    case shortRate = "short_rate"
    case twoYear = "2y"
    case fiveYear = "5y"
    case tenYear = "10y"
    case mortgageRate = "mortgage_rate"
    case primeRate = "prime_rate"

    /// Years. The mortgage rate sits at 10 years (it follows long yields, as the US 30-year
    /// fixed rate follows the 10-year Treasury); the prime rate at 0 (it follows the policy rate).
    public var tenor: Double {
        switch self {
        case .policyRate, .primeRate: return 0
        case .shortRate: return 0.25
        case .twoYear: return 2
        case .fiveYear: return 5
        case .tenYear, .mortgageRate: return 10
        }
    }

    /// On the risk-free curve (the five pillars of the base curve for ΔEVE).
    public var isRiskFree: Bool { self != .mortgageRate && self != .primeRate }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
