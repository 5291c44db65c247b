import Foundation
import StressCore

/// A risk-free zero curve: rates (fractions) at tenors (years), linear in between and flat
/// beyond the first and last pillar.
public struct YieldCurve: Sendable, Equatable, Codable {
    public var tenors: [Double]
    public var rates: [Double]

    public init(tenors: [Double], rates: [Double]) {
        precondition(!tenors.isEmpty && tenors.count == rates.count, "YieldCurve: one rate per tenor, at least one")
        let order = tenors.indices.sorted { tenors[$0] < tenors[$1] }
        self.tenors = order.map { tenors[$0] }
        self.rates = order.map { rates[$0] }
    }

    /// A flat curve.
    public static func flat(_ rate: Double) -> YieldCurve { YieldCurve(tenors: [0], rates: [rate]) }

    /// The banking book's jump-off risk-free rates as pillars (policy rate at 0, 3-month at
    /// 0.25, 2-, 5- and 10-year); nil when it has none of them.
    public static func jumpOff(_ rates: [ReferenceRate: Double]) -> YieldCurve? {
        let pillars = ReferenceRate.allCases.filter { $0.isRiskFree && rates[$0] != nil }
        guard !pillars.isEmpty else { return nil }
        // Two pillars at one tenor cannot occur: the risk-free rates have distinct tenors.
        return YieldCurve(tenors: pillars.map(\.tenor), rates: pillars.map { rates[$0]! })
    }

    public func rate(at t: Double) -> Double {
        if t <= tenors[0] { return rates[0] }
        if t >= tenors[tenors.count - 1] { return rates[rates.count - 1] }
        let i = tenors.firstIndex { $0 >= t }!
        let w = (t - tenors[i - 1]) / (tenors[i] - tenors[i - 1])
        return (1 - w) * rates[i - 1] + w * rates[i]
    }

    enum CodingKeys: String, CodingKey { case tenors, rates }
}

/// How rates become discount factors.
public enum Compounding: String, Sendable, Codable {
    /// DF = e^(−R·t): BCBS d368's standardised framework.
    case continuous
    /// DF = (1 + R)^(−t): creditriskengine's `irrbb.eve`.
    case annual

    public func discountFactor(rate: Double, tenor t: Double) -> Double {
        switch self {
        case .continuous: return exp(-rate * t)
        case .annual: return pow(1 + rate, -t)
        }
    }
}
