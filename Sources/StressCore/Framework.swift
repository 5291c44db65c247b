/// The regulatory frameworks and their horizon rules (METHODOLOGY §2.4).
public enum Framework: String, Sendable, CaseIterable, Codable {
    /// EBA EU-wide stress test: ≥ 3 years, annual, CET1 depletion, no pass mark.
    case eba
    /// Bank of England ACS / bank capital stress test: ≥ 5 years, annual.
    case boe
    /// Federal Reserve CCAR / DFAST: 9 quarters.
    case ccar
    /// Reserve Bank of India macro stress test: 1–3 years, or single-factor shocks.
    case rbi

    public var frequency: Frequency { self == .ccar ? .quarterly : .annual }

    /// Smallest number of projection periods a scenario of this framework may have.
    public var minimumPeriods: Int {
        switch self {
        case .eba: return 3
        case .boe: return 5
        case .ccar: return 9
        case .rbi: return 1
        }
    }

    /// Largest number of projection periods, where the framework sets one.
    /// CCAR files may carry the Fed's full 13 published quarters; the first 9 are projected.
    public var maximumPeriods: Int? {
        switch self {
        case .rbi: return 3
        case .ccar: return 13
        default: return nil
        }
    }

    /// The rule as a sentence, for error messages.
    public var horizonRule: String {
        switch self {
        case .eba: return "EBA scenarios need at least 3 annual periods"
        case .boe: return "Bank of England scenarios need at least 5 annual periods"
        case .ccar: return "CCAR/DFAST scenarios need 9 quarterly periods (up to 13 as published)"
        case .rbi: return "RBI scenarios have 1 to 3 annual periods"
        }
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum Frequency: String, Sendable, CaseIterable, Codable {
    case annual, quarterly
}
