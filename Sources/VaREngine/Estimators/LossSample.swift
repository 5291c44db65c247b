import RiskMath

/// A Monte Carlo loss sample, optionally with importance-sampling likelihood ratios, and
/// its VaR and ES estimators with standard errors (METHODOLOGY §6).
///
/// - Plain sampling (no weights): VaR_q is numpy's linear interpolation at (n − 1)·q of
///   the sorted losses (`VaREstimators.quantile`), ES_q the mean of the losses ≥ VaR_q —
///   exactly the seed's `copula.credit_var` / `expected_shortfall`.
/// - Weighted (importance sampling, weights w_p = likelihood ratios): the tail estimators
///   of Glasserman & Li (2005). With the losses sorted ascending, the tail mass above index
///   k is T_k = (1/n)·Σ_{j≥k} w_j (unbiased; not divided by Σw, whose variance under a
///   large shift is huge); VaR_q = L_(k*) with k* the largest k such that T_k ≥ 1 − q;
///   ES_q = Σ_{L ≥ VaR} w·L / Σ_{L ≥ VaR} w. With unit weights this VaR is the order
///   statistic ⌊n·q⌋ + 1 rather than the interpolated one.
///
/// Standard errors (one standard deviation; they treat the paths as independent, so
/// with antithetic pairs they are approximate):
/// - VaR: the tail probability's error se_p = sd(w·1{L ≥ VaR})/√n (√(q(1 − q)/n) when
///   plain) mapped through the estimator's own quantile function,
///   (VaR_{q+se_p} − VaR_{q−se_p})/2 — the distribution-free order-statistic interval.
/// - ES: the ratio estimator's linearisation, sd(w·1{L ≥ VaR}·(L − ES))/(√n·p̂) with
///   p̂ = (1/n)·Σ_{L ≥ VaR} w (it ignores the error of VaR itself, second order).
public struct LossSample: Sendable {
    /// Losses in ascending order.
    public let sortedLosses: [Double]
    /// Likelihood ratios in the order of `sortedLosses`; nil when plain.
    public let sortedWeights: [Double]?

    /// A sample from losses in path order and, for importance sampling, their likelihood
    /// ratios (same length, positive). Sorting is deterministic, so equal inputs give
    /// equal estimates to the bit.
    public init(losses: [Double], weights: [Double]? = nil) {
        guard let weights else {
            sortedLosses = losses.sorted()
            sortedWeights = nil
            return
        }
        precondition(weights.count == losses.count, "LossSample: weights and losses differ in length")
        var pairs = zip(losses, weights).map { WeightedLoss(loss: $0, weight: $1) }
        pairs.sort { $0.loss < $1.loss }
        sortedLosses = pairs.map(\.loss)
        sortedWeights = pairs.map(\.weight)
    }

    public var count: Int { sortedLosses.count }
    public var isWeighted: Bool { sortedWeights != nil }

    // MARK: - Estimators

    /// VaR at `confidence` (see the type's notes). NaN for an empty sample.
    public func valueAtRisk(confidence: Double) -> Double {
        guard let sortedWeights else { return VaREstimators.quantile(sorted: sortedLosses, confidence: confidence) }
        guard count > 0 else { return .nan }
        let target = (1 - confidence) * Double(count)
        var tail = 0.0
        var k = count - 1
        while k >= 0 {
            tail += sortedWeights[k]
            if tail >= target { return sortedLosses[k] }
            k -= 1
        }
        return sortedLosses[0]
    }

    /// ES at `confidence`: the (weighted) mean of the losses ≥ VaR.
    public func expectedShortfall(confidence: Double) -> Double {
        let threshold = valueAtRisk(confidence: confidence)
        guard let sortedWeights else { return VaREstimators.tailMean(sorted: sortedLosses, threshold: threshold) }
        let start = firstIndex(atLeast: threshold)
        guard start < count else { return threshold }
        var mass = 0.0, sum = 0.0
        for j in start..<count {
            mass += sortedWeights[j]
            sum += sortedWeights[j] * sortedLosses[j]
        }
        return sum / mass
    }

    /// Standard error of `valueAtRisk(confidence:)`.
    public func valueAtRiskStandardError(confidence: Double) -> Double {
        guard count > 1 else { return .nan }
        let n = Double(count)
        let threshold = valueAtRisk(confidence: confidence)
        let probabilityError: Double
        if let sortedWeights {
            let start = firstIndex(atLeast: threshold)
            var mean = 0.0, square = 0.0
            for j in start..<count {
                let y = sortedWeights[j]
                mean += y
                square += y * y
            }
            mean /= n
            probabilityError = (max(square / n - mean * mean, 0) / n).squareRoot()
        } else {
            probabilityError = (confidence * (1 - confidence) / n).squareRoot()
        }
        let upper = valueAtRisk(confidence: min(confidence + probabilityError, 1))
        let lower = valueAtRisk(confidence: max(confidence - probabilityError, 0))
        return (upper - lower) / 2
    }

    /// Standard error of `expectedShortfall(confidence:)`.
    public func expectedShortfallStandardError(confidence: Double) -> Double {
        guard count > 1 else { return .nan }
        let n = Double(count)
        let threshold = valueAtRisk(confidence: confidence)
        let es = expectedShortfall(confidence: confidence)
        let start = firstIndex(atLeast: threshold)
        var mass = 0.0, sum = 0.0, square = 0.0
        for j in start..<count {
            let w = sortedWeights?[j] ?? 1
            let r = w * (sortedLosses[j] - es)
            mass += w
            sum += r
            square += r * r
        }
        let tailProbability = mass / n
        guard tailProbability > 0 else { return .nan }
        let mean = sum / n
        return (max(square / n - mean * mean, 0) / n).squareRoot() / tailProbability
    }

    /// First index whose loss is ≥ `threshold` (count when none).
    func firstIndex(atLeast threshold: Double) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if sortedLosses[mid] < threshold { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// A loss and its likelihood ratio, sorted together.
struct WeightedLoss {
    var loss: Double
    var weight: Double
}
