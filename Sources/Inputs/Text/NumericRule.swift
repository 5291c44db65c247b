/// Ranges of numeric inputs, with the wording used in error messages. Values
/// outside the range are errors, not findings: a PD of 1.5 or a negative EAD is a
/// broken input, and no engine default could stand in for it.
enum NumericRule {
    /// [0, 1]: PD.
    case probability
    /// [0, 1]: LGD, CCF, amortisation, rates and ratios.
    case fraction
    /// [0, 1): a PD floor (a floor of 1 would default every exposure).
    case floor
    /// [0, 1e18]: EAD and other amounts.
    case amount
    /// [1, 1e18]: amounts that are divided by (CET1, leverage exposure, RWA); below one
    /// currency unit a ratio over them would overflow.
    case positiveAmount
    /// [-1e18, 1e18]: amounts that may be negative (PPNR, net interest income).
    case signedAmount
    /// [-100, 100]: a macro-financial path value as a fraction (-0.021 = -2.1%).
    case scenarioValue
    /// [-1e6, 1e6]: a satellite model parameter (a sensitivity, β, μ, σ).
    /// (0, 100]: a ratio that is not an amount (a loan-to-value bound).
    case positiveRatio
    /// > 0: maturity in years.
    case positiveYears
    /// [-1, 1]: a parallel interest-rate shock as a fraction (0.02 = 200 bp).
    case rateShock
    /// [0, 100]: percentage points (2 = +2 pp).
    case percentagePoints
    case modelParameter
    /// [-100, 100]: years that may be negative (a duration gap).
    case signedYears
    /// [0, 100]: a percentage (10 = 10%).
    case percent

    /// The largest amount in any currency: far above any bank's balance sheet (in
    /// yen, rupees or rupiah too), and small enough that sums, squares and ratios of
    /// amounts stay finite; 1e308 would reach the results as infinity (issue #23).
    static let largestAmount = 1e18

    func accepts(_ value: Double) -> Bool {
        switch self {
        case .probability, .fraction: return value >= 0 && value <= 1
        case .floor: return value >= 0 && value < 1
        case .amount: return value >= 0 && value <= Self.largestAmount
        case .positiveAmount: return value >= 1 && value <= Self.largestAmount
        case .signedAmount: return abs(value) <= Self.largestAmount
        case .scenarioValue: return abs(value) <= 100
        case .modelParameter: return abs(value) <= 1e6
        case .signedYears: return abs(value) <= 100
        case .positiveRatio: return value > 0 && value <= 100
        case .positiveYears: return value > 0
        case .rateShock: return value >= -1 && value <= 1
        case .percentagePoints, .percent: return value >= 0 && value <= 100
        }
    }

    /// What was expected of `value`: the bound it broke.
    func expectation(for value: Double) -> String {
        switch self {
        case .amount, .positiveAmount:
            if value > Self.largestAmount { return "expected an amount ≤ 1e18 (in currency units)" }
            if self == .positiveAmount, value > 0 { return "expected an amount of at least 1 (in currency units)" }
            return expectation
        default: return expectation
        }
    }

    /// "expected a probability in [0, 1]" and the like.
    var expectation: String {
        switch self {
        case .probability: return "expected a probability in [0, 1]"
        case .fraction: return "expected a fraction in [0, 1]"
        case .floor: return "expected a floor in [0, 1)"
        case .amount: return "expected an amount ≥ 0"
        case .positiveAmount: return "expected an amount > 0"
        case .positiveRatio: return "expected a ratio > 0 and at most 100"
        case .signedAmount: return "expected an amount between -1e18 and 1e18 (in currency units)"
        case .scenarioValue: return "expected a fraction between -100 and 100 (-0.021 is -2.1%)"
        case .modelParameter: return "expected a model parameter between -1e6 and 1e6"
        case .signedYears: return "expected years between -100 and 100"
        case .positiveYears: return "expected a maturity in years > 0"
        case .rateShock: return "expected a rate shock as a fraction in [-1, 1] (0.02 = 200 bp)"
        case .percentagePoints: return "expected percentage points in [0, 100] (2 = +2 pp)"
        case .percent: return "expected a percentage in [0, 100] (10 = 10%)"
        }
    }
}
