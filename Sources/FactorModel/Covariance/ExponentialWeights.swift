/// Exponential observation weights, oldest first:
///
///     w_t ∝ 2^(−(T − 1 − t)/h),   t = 0 … T − 1,   Σ w_t = 1,
///
/// so the newest observation has the largest weight and one `h` periods older has half
/// of it. A nil (or infinite) half-life gives equal weights 1/T.
public enum ExponentialWeights {
    public static func weights(count: Int, halfLife: Double?) -> [Double] {
        guard count > 0 else { return [] }
        guard let h = halfLife, h.isFinite else {
            return [Double](repeating: 1 / Double(count), count: count)
        }
        precondition(h > 0, "ExponentialWeights: half-life must be positive, got \(h)")
        let decay = power(2, -1 / h)
        var w = [Double](repeating: 0, count: count)
        var value = 1.0
        for t in stride(from: count - 1, through: 0, by: -1) {
            w[t] = value
            value *= decay
        }
        let sum = w.reduce(0, +)
        return w.map { $0 / sum }
    }

    /// Kish's effective number of observations (Σw)²/Σw².
    public static func effectiveCount(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +)
        let squares = weights.reduce(0) { $0 + $1 * $1 }
        return squares > 0 ? sum * sum / squares : 0
    }
}
