#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath

/// Statistical tests of a VaR model's exceptions (days whose loss exceeded the VaR
/// forecast), on an exception indicator sequence I_1 … I_n.
public enum CoverageTests {
    /// A likelihood-ratio test statistic and its asymptotic χ² p-value.
    public struct Outcome: Sendable, Equatable, Codable {
        public var statistic: Double
        public var degreesOfFreedom: Int
        public var pValue: Double
        /// The p-value is below 5%: the model is rejected at the 95% level.
        public var rejectedAt95: Bool

        enum CodingKeys: String, CodingKey {
            case statistic, degreesOfFreedom = "degrees_of_freedom", pValue = "p_value", rejectedAt95 = "rejected_at_95"
        }

        init(statistic: Double, degreesOfFreedom: Int) {
            self.statistic = statistic
            self.degreesOfFreedom = degreesOfFreedom
            pValue = CoverageTests.chiSquareSurvival(statistic, degreesOfFreedom: degreesOfFreedom)
            rejectedAt95 = pValue < 0.05
        }
    }

    /// Kupiec (1995) proportion-of-failures test of unconditional coverage: with x
    /// exceptions in n days and expected rate p = 1 − q,
    ///
    ///     LR_pof = −2·[(n − x)·ln(1 − p) + x·ln p − (n − x)·ln(1 − x/n) − x·ln(x/n)] ~ χ²₁
    ///
    /// (0·ln 0 = 0). "Techniques for verifying the accuracy of risk measurement models",
    /// Journal of Derivatives 3(2).
    public static func kupiec(exceptions x: Int, observations n: Int, expectedRate p: Double) -> Outcome {
        let nx = Double(n - x), xd = Double(x)
        let observed = n > 0 ? xd / Double(n) : 0
        let null = xLogY(nx, 1 - p) + xLogY(xd, p)
        let alternative = xLogY(nx, 1 - observed) + xLogY(xd, observed)
        return Outcome(statistic: max(-2 * (null - alternative), 0), degreesOfFreedom: 1)
    }

    /// Transition counts n_ij of the exception sequence: days with I_{t−1} = i and I_t = j.
    public struct Transitions: Sendable, Equatable, Codable {
        public var n00 = 0, n01 = 0, n10 = 0, n11 = 0
        public init(_ exceptions: [Bool]) {
            for t in exceptions.indices.dropFirst() {
                switch (exceptions[t - 1], exceptions[t]) {
                case (false, false): n00 += 1
                case (false, true): n01 += 1
                case (true, false): n10 += 1
                case (true, true): n11 += 1
                }
            }
        }
    }

    /// Christoffersen (1998) independence test against first-order Markov dependence of
    /// exceptions: π₀₁ = n01/(n00 + n01), π₁₁ = n11/(n10 + n11), π = (n01 + n11)/Σn,
    ///
    ///     LR_ind = −2·[ln L(π) − ln L(π₀₁, π₁₁)] ~ χ²₁,
    ///     L(π) = (1 − π)^{n00+n10}·π^{n01+n11},
    ///     L(π₀₁, π₁₁) = (1 − π₀₁)^{n00}·π₀₁^{n01}·(1 − π₁₁)^{n10}·π₁₁^{n11}.
    ///
    /// "Evaluating interval forecasts", International Economic Review 39(4).
    public static func christoffersen(_ t: Transitions) -> Outcome {
        let n00 = Double(t.n00), n01 = Double(t.n01), n10 = Double(t.n10), n11 = Double(t.n11)
        let total = n00 + n01 + n10 + n11
        guard total > 0 else { return Outcome(statistic: 0, degreesOfFreedom: 1) }
        let pi = (n01 + n11) / total
        let pi01 = n00 + n01 > 0 ? n01 / (n00 + n01) : 0
        let pi11 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0
        let restricted = xLogY(n00 + n10, 1 - pi) + xLogY(n01 + n11, pi)
        let unrestricted = xLogY(n00, 1 - pi01) + xLogY(n01, pi01) + xLogY(n10, 1 - pi11) + xLogY(n11, pi11)
        return Outcome(statistic: max(-2 * (restricted - unrestricted), 0), degreesOfFreedom: 1)
    }

    /// Christoffersen's conditional coverage: LR_cc = LR_pof + LR_ind ~ χ²₂.
    public static func conditionalCoverage(kupiec: Outcome, independence: Outcome) -> Outcome {
        Outcome(statistic: kupiec.statistic + independence.statistic, degreesOfFreedom: 2)
    }

    /// P(χ²_k > x) for k = 1 (2·Φ(−√x)) or 2 (e^{−x/2}).
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom k: Int) -> Double {
        precondition(k == 1 || k == 2, "chiSquareSurvival: 1 or 2 degrees of freedom")
        guard x > 0 else { return 1 }
        return k == 1 ? 2 * Normal.cdf(-x.squareRoot()) : exp(-x / 2)
    }

    /// x·ln y with 0·ln 0 = 0.
    static func xLogY(_ x: Double, _ y: Double) -> Double { x == 0 ? 0 : x * log(y) }
}
