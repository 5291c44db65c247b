/// The simulated one-year loss distribution in equal-width bins, for the board
/// pack's distribution chart (METHODOLOGY §6): bin k covers
/// [lower + k·width, lower + (k + 1)·width), probabilities are the paths' share
/// (likelihood-ratio weighted and self-normalised under importance sampling, so
/// the body is not distorted by the shifted paths), and `above` is the mass past
/// the last bin. The range runs from 0 to 1.25 × the highest-level ES, so EL, VaR
/// and ES all fall inside it with some tail beyond.
public struct LossHistogram: Sendable, Codable, Equatable {
    public var lower: Double
    public var binWidth: Double
    public var probabilities: [Double]
    public var above: Double

    enum CodingKeys: String, CodingKey {
        case lower, binWidth = "bin_width", probabilities, above
    }

    public init(lower: Double, binWidth: Double, probabilities: [Double], above: Double) {
        self.lower = lower
        self.binWidth = binWidth
        self.probabilities = probabilities
        self.above = above
    }

    /// Bins `sample` over [0, upper): weights sum in path-sorted order, so equal
    /// samples give equal bytes.
    public init(sample: LossSample, upper: Double, bins: Int = 60) {
        precondition(bins > 0, "LossHistogram: bins must be positive")
        var top = upper > 0 && upper.isFinite ? upper : max(sample.sortedLosses.last ?? 1, 1)
        // A range too narrow to split (losses of subnormal size) or not finite: one unit,
        // so the width is a positive finite number and the bin index below never traps.
        if !top.isFinite || !(top / Double(bins) > 0) { top = 1 }
        lower = 0
        binWidth = top / Double(bins)
        var mass = [Double](repeating: 0, count: bins)
        var beyond = 0.0, total = 0.0
        for (j, loss) in sample.sortedLosses.enumerated() {
            let w = sample.sortedWeights?[j] ?? 1
            total += w
            let x = (max(loss, 0) / binWidth).rounded(.down)
            // Compared as a Double first: Int(x) of a NaN or huge x would trap.
            if x < Double(bins) { mass[Int(x)] += w } else { beyond += w }
        }
        let scale = total > 0 ? 1 / total : 0
        probabilities = mass.map { $0 * scale }
        above = beyond * scale
    }
}
