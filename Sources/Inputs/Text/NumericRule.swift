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
    /// ≥ 0: EAD and other amounts.
    case amount
    /// > 0: amounts that are divided by (CET1, leverage exposure, RWA).
    case positiveAmount
    /// > 0: maturity in years.
    case positiveYears
    /// [-1, 1]: a parallel interest-rate shock as a fraction (0.02 = 200 bp).
    case rateShock
    /// [0, 100]: percentage points (2 = +2 pp).
    case percentagePoints
    /// [0, 100]: a percentage (10 = 10%).
    case percent

    func accepts(_ value: Double) -> Bool {
        switch self {
        case .probability, .fraction: return value >= 0 && value <= 1
        case .floor: return value >= 0 && value < 1
        case .amount: return value >= 0
        case .positiveAmount, .positiveYears: return value > 0
        case .rateShock: return value >= -1 && value <= 1
        case .percentagePoints, .percent: return value >= 0 && value <= 100
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
        case .positiveYears: return "expected a maturity in years > 0"
        case .rateShock: return "expected a rate shock as a fraction in [-1, 1] (0.02 = 200 bp)"
        case .percentagePoints: return "expected percentage points in [0, 100] (2 = +2 pp)"
        case .percent: return "expected a percentage in [0, 100] (10 = 10%)"
        }
    }
}
