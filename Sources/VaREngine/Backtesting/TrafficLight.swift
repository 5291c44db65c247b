#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Basel traffic light for VaR backtesting (BCBS, "Supervisory framework for the use
/// of backtesting in conjunction with the internal models approach to market risk
/// capital requirements", January 1996; MAR99): with x exceptions in n days at coverage
/// q, the zone follows the binomial(n, 1 − q) probability of at most x exceptions —
/// green below 95%, red from 99.99%, yellow between. For 250 days at 99% this is the
/// table 0–4 green, 5–9 yellow, 10 or more red, with the plus factors of MAR99.
public enum TrafficLight: String, Sendable, Codable, CaseIterable {
    case green, yellow, red

    /// The zone of `exceptions` in `observations` days at `confidence`.
    public static func zone(exceptions: Int, observations: Int, confidence: Double) -> TrafficLight {
        let cumulative = binomialCDF(exceptions, trials: observations, probability: 1 - confidence)
        if cumulative < 0.95 { return .green }
        if cumulative < 0.9999 { return .yellow }
        return .red
    }

    /// The plus factor added to the multiplier 3 (MAR99.8, Table 2), defined for 250
    /// observations at 99%: 0 in the green zone, 0.40, 0.50, 0.65, 0.75, 0.85 for 5–9
    /// exceptions, 1 in the red zone; nil for other samples.
    public static func plusFactor(exceptions: Int, observations: Int, confidence: Double) -> Double? {
        guard observations == 250, confidence == 0.99 else { return nil }
        switch exceptions {
        case ..<5: return 0
        case 5: return 0.40
        case 6: return 0.50
        case 7: return 0.65
        case 8: return 0.75
        case 9: return 0.85
        default: return 1
        }
    }

    /// P(X ≤ x) for X ~ Binomial(n, p), summed from the pmf in log space.
    public static func binomialCDF(_ x: Int, trials n: Int, probability p: Double) -> Double {
        if x < 0 { return 0 }
        if x >= n { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        var sum = 0.0
        var logPmf = Double(n) * log1p(-p)  // k = 0
        let ratio = log(p) - log1p(-p)
        for k in 0...x {
            if k > 0 { logPmf += log(Double(n - k + 1)) - log(Double(k)) + ratio }
            sum += exp(logPmf)
        }
        return min(sum, 1)
    }
}
