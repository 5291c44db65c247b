import Foundation
import RiskMath

/// The statistics a PD model's annual validation reports (ECB instructions for reporting
/// validation results, 2019; BCBS WP14): discrimination with its uncertainty, calibration
/// per grade and overall, stability against the development sample, and concentration.
public enum ValidationStatistics {
    /// AUC with DeLong's (1988) standard error: the structural components of each default
    /// and non-default from mid-ranks (O(n log n)), Var = S₁₀/n_d + S₀₁/n_g.
    public struct AUCEstimate: Sendable, Equatable, Codable {
        public var auc: Double
        public var standardError: Double
        public var lower: Double
        public var upper: Double
        public var gini: Double { 2 * auc - 1 }
        enum CodingKeys: String, CodingKey { case auc, standardError = "standard_error", lower, upper }
    }

    public static func delong(scores: [Double], defaults: [UInt8], confidence: Double = 0.95) -> AUCEstimate {
        let all = midRanks(scores)
        let badIndex = scores.indices.filter { defaults[$0] == 1 }, goodIndex = scores.indices.filter { defaults[$0] == 0 }
        let badRanks = midRanks(badIndex.map { scores[$0] }), goodRanks = midRanks(goodIndex.map { scores[$0] })
        let nb = Double(badIndex.count), ng = Double(goodIndex.count)
        // V₁₀ of a default: the share of non-defaults it outranks (ties one half); V₀₁ of a
        // non-default: the share of defaults that outrank it.
        let v10 = badIndex.indices.map { (all[badIndex[$0]] - badRanks[$0]) / ng }
        let v01 = goodIndex.indices.map { 1 - (all[goodIndex[$0]] - goodRanks[$0]) / nb }
        let auc = v10.reduce(0, +) / nb
        func variance(_ v: [Double], _ mean: Double) -> Double {
            v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(v.count - 1, 1))
        }
        let se = sqrt(variance(v10, auc) / nb + variance(v01, auc) / ng)
        let z = Normal.quantile(0.5 + confidence / 2)
        return AUCEstimate(auc: auc, standardError: se, lower: max(0, auc - z * se), upper: min(1, auc + z * se))
    }

    /// Points of the ROC curve (false-positive rate, true-positive rate) and of the CAP
    /// curve (share of loans, share of defaults captured), taking loans from the riskiest
    /// score down; tied scores enter together. At most `points` + 1 points each, from (0, 0)
    /// to (1, 1), thinned evenly for plotting.
    public struct Curves: Sendable, Codable {
        public var roc: [[Double]]
        public var cap: [[Double]]
    }

    public static func curves(scores: [Double], defaults: [UInt8], points: Int = 100) -> Curves {
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        let bads = Double(defaults.reduce(0) { $0 + Int($1) }), goods = Double(defaults.count) - bads
        var roc: [[Double]] = [[0, 0]], cap: [[Double]] = [[0, 0]]
        var tp = 0.0, fp = 0.0, i = 0
        let step = max(1, order.count / points)
        var next = step
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { if defaults[order[k]] == 1 { tp += 1 } else { fp += 1 } }
            i = j + 1
            if i >= next || i == order.count {
                roc.append([fp / goods, tp / bads])
                cap.append([Double(i) / Double(order.count), tp / bads])
                next = i + step
            }
        }
        return Curves(roc: roc, cap: cap)
    }

    /// Mid-ranks (1-based; ties share the mean of their ranks).
    static func midRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && x[order[j + 1]] == x[order[i]] { j += 1 }
            let r = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = r }
            i = j + 1
        }
        return ranks
    }

    /// One grade's calibration: its loans, defaults and mean PD against the observed rate.
    public struct GradeTest: Sendable, Equatable, Codable {
        public var grade: String
        public var loans: Int
        public var defaults: Int
        /// The mean PD the model gave the grade's loans.
        public var pd: Double
        public var observedRate: Double
        /// Exact one-sided binomial p-value, P(X ≥ defaults) for X ~ Bin(loans, pd): small when
        /// the PD underestimates.
        public var binomialPValue: Double
        /// Jeffreys test (ECB instructions, 2.5.3.1): the Beta(D + ½, N − D + ½) distribution
        /// function at the PD; small when the PD underestimates.
        public var jeffreysPValue: Double
        /// The 95% Jeffreys interval of the default rate.
        public var jeffreysLower: Double
        public var jeffreysUpper: Double

        enum CodingKeys: String, CodingKey {
            case grade, loans, defaults, pd, observedRate = "observed_rate", binomialPValue = "binomial_p_value",
                 jeffreysPValue = "jeffreys_p_value", jeffreysLower = "jeffreys_lower", jeffreysUpper = "jeffreys_upper"
        }
    }

    public static func gradeTest(grade: String, loans: Int, defaults: Int, pd: Double) -> GradeTest {
        let a = Double(defaults) + 0.5, b = Double(loans - defaults) + 0.5
        return GradeTest(grade: grade, loans: loans, defaults: defaults, pd: pd,
                         observedRate: loans > 0 ? Double(defaults) / Double(loans) : 0,
                         binomialPValue: binomialUpperTail(defaults, loans, pd),
                         jeffreysPValue: IncompleteBeta.regularized(a: a, b: b, x: pd, complement: 1 - pd),
                         jeffreysLower: IncompleteBeta.inverse(0.025, a: a, b: b),
                         jeffreysUpper: IncompleteBeta.inverse(0.975, a: a, b: b))
    }

    /// P(X ≥ d) for X ~ Binomial(n, p): I_p(d, n − d + 1); 1 for d = 0.
    static func binomialUpperTail(_ d: Int, _ n: Int, _ p: Double) -> Double {
        d <= 0 ? 1 : d > n ? 0 : IncompleteBeta.regularized(a: Double(d), b: Double(n - d + 1), x: p, complement: 1 - p)
    }

    /// Hosmer–Lemeshow over groups: Σ (O − N·p̄)² / (N·p̄·(1 − p̄)), χ² with groups − 2 degrees.
    public static func hosmerLemeshow(defaults: [Int], loans: [Int], meanPD: [Double]) -> (statistic: Double, degrees: Int, pValue: Double) {
        var statistic = 0.0
        for i in defaults.indices {
            let expected = Double(loans[i]) * meanPD[i], variance = expected * (1 - meanPD[i])
            if variance > 0 { statistic += (Double(defaults[i]) - expected) * (Double(defaults[i]) - expected) / variance }
        }
        let degrees = max(defaults.count - 2, 1)
        return (statistic, degrees, IncompleteGamma.chiSquaredSurvival(statistic, degrees: Double(degrees)))
    }

    /// Spiegelhalter's z: the Brier sum against its expectation under calibration, two-sided.
    public static func spiegelhalter(pd: [Double], defaults: [UInt8]) -> (z: Double, pValue: Double) {
        var brier = 0.0, expected = 0.0, variance = 0.0
        for (p, y) in zip(pd, defaults) {
            let e = p - Double(y)
            brier += e * e
            expected += p * (1 - p)
            variance += (1 - 2 * p) * (1 - 2 * p) * p * (1 - p)
        }
        guard variance > 0 else { return (0, 1) }
        let z = (brier - expected) / sqrt(variance)
        return (z, 2 * Normal.complementaryCDF(abs(z)))
    }

    /// The mean squared difference of PD and outcome.
    public static func brier(pd: [Double], defaults: [UInt8]) -> Double {
        zip(pd, defaults).reduce(0) { $0 + ($1.0 - Double($1.1)) * ($1.0 - Double($1.1)) } / Double(max(pd.count, 1))
    }

    /// Population stability index of two distributions over the same bins:
    /// Σ (a − e)·ln(a / e) on shares, a share of 0 taken as 1e-10 (as creditriskengine does).
    public static func psi(expected: [Int], actual: [Int]) -> Double {
        let te = Double(expected.reduce(0, +)), ta = Double(actual.reduce(0, +))
        var sum = 0.0
        for (e, a) in zip(expected, actual) {
            let pe = max(Double(e) / te, 1e-10), pa = max(Double(a) / ta, 1e-10)
            sum += (pa - pe) * log(pa / pe)
        }
        return sum
    }

    /// Herfindahl–Hirschman index of shares: Σ sᵢ² (1/k for k equal grades, 1 for one).
    public static func herfindahl(counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        return counts.reduce(0) { $0 + (Double($1) / total) * (Double($1) / total) }
    }
}
