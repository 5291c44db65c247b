/// Summary statistics of a simulated loss sample, as the seed's
/// `copula.loss_distribution_stats`: population standard deviation (ddof 0), scipy's
/// biased skewness m₃/m₂^{3/2} and excess kurtosis m₄/m₂² − 3 (central moments
/// m_k = mean((x − mean)^k), two-pass), VaR 99.9% / 99.5% and ES 99.9% with the
/// `VaREstimators.creditVaR` conventions, and percentages of total EAD (0 when total EAD
/// ≤ 0; the seed writes the integer 0).
public struct LossDistributionStatistics: Sendable, Equatable, Codable {
    public var meanLoss: Double
    public var standardDeviation: Double
    public var var999: Double
    public var var995: Double
    public var expectedShortfall999: Double
    /// Mean loss in percent of total EAD.
    public var meanLossPercent: Double
    /// VaR 99.9% in percent of total EAD.
    public var var999Percent: Double
    public var skewness: Double
    public var excessKurtosis: Double

    enum CodingKeys: String, CodingKey {
        case meanLoss = "mean_loss", standardDeviation = "std_loss", var999 = "var_999", var995 = "var_995"
        case expectedShortfall999 = "es_999", meanLossPercent = "mean_loss_pct", var999Percent = "var_999_pct"
        case skewness, excessKurtosis = "kurtosis"
    }

    /// Statistics of `losses` (non-empty) relative to `totalEAD`.
    public init(losses: [Double], totalEAD: Double) {
        let moments = CentralMoments(losses)
        let sorted = losses.sorted()
        meanLoss = moments.mean
        standardDeviation = moments.m2.squareRoot()
        var999 = VaREstimators.quantile(sorted: sorted, confidence: 0.999)
        var995 = VaREstimators.quantile(sorted: sorted, confidence: 0.995)
        expectedShortfall999 = VaREstimators.tailMean(sorted: sorted, threshold: var999)
        meanLossPercent = totalEAD > 0 ? meanLoss / totalEAD * 100 : 0
        var999Percent = totalEAD > 0 ? var999 / totalEAD * 100 : 0
        skewness = moments.skewness
        excessKurtosis = moments.excessKurtosis
    }
}

/// Mean and central moments m₂, m₃, m₄ of a sample (divisor n), in two passes over the
/// values in order, optionally with importance weights: then each sum Σ w·(…) is divided
/// by n (unbiased for likelihood ratios, whose own sum is noisy), not by Σ w.
/// A sample with m₂ ≤ (ε·mean)² counts as constant: skewness and kurtosis are NaN, as in
/// scipy.
public struct CentralMoments: Sendable, Equatable {
    public var mean: Double
    public var m2: Double
    public var m3: Double
    public var m4: Double

    public init(_ values: [Double]) {
        self.init(count: values.count, value: { values[$0] }, weight: nil)
    }

    /// Weighted moments Σ w·(x − mean)^k / n with mean = Σ w·x / n, summed in index order.
    public init(count: Int, value: (Int) -> Double, weight: ((Int) -> Double)?) {
        var total = 0.0
        for i in 0..<count { total += (weight?(i) ?? 1) * value(i) }
        let weightSum = Double(count)
        let mean = total / weightSum
        var s2 = 0.0, s3 = 0.0, s4 = 0.0
        for i in 0..<count {
            let w = weight?(i) ?? 1
            let d = value(i) - mean
            let d2 = d * d
            s2 += w * d2
            s3 += w * d2 * d
            s4 += w * d2 * d2
        }
        self.mean = mean
        m2 = s2 / weightSum
        m3 = s3 / weightSum
        m4 = s4 / weightSum
    }

    /// m₂ ≤ (ε·mean)²: numerically constant (scipy's test).
    var isConstant: Bool {
        let tolerance = Double.ulpOfOne * mean
        return m2 <= tolerance * tolerance
    }

    /// Biased skewness m₃/m₂^{3/2}; NaN for a constant sample.
    public var skewness: Double { isConstant ? .nan : m3 / (m2 * m2.squareRoot()) }

    /// Excess kurtosis m₄/m₂² − 3; NaN for a constant sample.
    public var excessKurtosis: Double { isConstant ? .nan : m4 / (m2 * m2) - 3 }
}
