/// Decides u < Φ(x) for the path kernel's default tests mostly without evaluating Φ, and
/// always with the answer `u < PathKernel.phi(x)` gives. Φ is increasing, so on a grid
/// x_k = −8.5 + k/64 it brackets Φ(x) between the table's Φ(x_k) and Φ(x_k+1); a uniform
/// clear of that bracket (with a relative margin of 1e-12, far above erfc's few ulps and the
/// rounding of k) has its answer, and only one within it, about φ(x)/64 ≤ 0.6% of them,
/// pays for erfc. The table holds `PathKernel.phi` itself, so the same function decides.
enum PhiBracket {
    static let lower = -8.5
    static let stepsPerUnit = 64.0
    static let intervals = 17 * 64
    static let margin = 1e-12

    /// Φ(x_k) for k = 0…intervals, allocated once and never freed.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<Double> = {
        let values = UnsafeMutablePointer<Double>.allocate(capacity: intervals + 1)
        for k in 0...intervals { values[k] = PathKernel.phi(lower + Double(k) / stepsPerUnit) }
        return values
    }()

    /// u < Φ(x), as `u < PathKernel.phi(x)` decides it.
    @inline(__always)
    static func isBelow(_ u: Double, _ x: Double, table: UnsafeMutablePointer<Double>) -> Bool {
        let t = (x - lower) * stepsPerUnit
        if t >= 0, t < Double(intervals) {
            let k = Int(t)
            if u < table[k] * (1 - margin) { return true }
            if u >= table[k &+ 1] * (1 + margin) { return false }
        }
        return u < PathKernel.phi(x)
    }
}
