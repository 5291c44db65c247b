/// Empirical quantiles of a sample.
@frozen
public enum Quantile {
    /// The q-quantile of an ascending-sorted sample by linear interpolation between order
    /// statistics at position h = (n − 1)·q (0-based): x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
    ///
    /// Hyndman & Fan (1996) definition 7; numpy's default `numpy.quantile(a, q)`
    /// (method "linear"), which the seed uses for VaR (METHODOLOGY §6). The arithmetic
    /// follows numpy's `_lerp` step by step — a + d·t for t < ½, b − d·(1 − t) for t ≥ ½,
    /// d = b − a — so results match numpy to the last bit (checked against numpy values
    /// in `QuantileTests`).
    ///
    /// `sorted` must be in ascending order (not checked: sorting is the caller's O(n log n)).
    /// Returns NaN for an empty sample or q outside [0, 1] (numpy raises instead) and
    /// propagates NaN elements as interpolation does.
    @inlinable
    public static func linear(sorted: [Double], q: Double) -> Double {
        sorted.withUnsafeBufferPointer { linear(sorted: $0, q: q) }
    }

    /// `linear(sorted:q:)` over a buffer, for samples that live in unsafe storage.
    @inlinable
    public static func linear(sorted: UnsafeBufferPointer<Double>, q: Double) -> Double {
        let n = sorted.count
        guard n > 0, q >= 0, q <= 1 else { return .nan }
        let position = Double(n - 1) * q
        if position >= Double(n - 1) { return sorted[n - 1] }
        let below = position.rounded(.down)
        let weight = position - below
        let lower = sorted[Int(below)]
        let upper = sorted[Int(below) + 1]
        let difference = upper - lower
        return weight >= 0.5 ? upper - difference * (1 - weight) : lower + difference * weight
    }
}
