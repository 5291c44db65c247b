/// An addressable stream of random draws: draw `index` of stream `stream` under `seed` is
/// a pure function of those three numbers (Philox4x32-10), so a run gives the same figures
/// on any number of threads and however its paths are split into blocks (METHODOLOGY §6, §7).
///
/// Layout, fixed because stored results depend on it:
/// - key = (seed mod 2³², seed >> 32);
/// - draw `index` lives in block b = index >> 1, half h = index & 1; the block is
///   Philox4x32-10 of the counter (b mod 2³², b >> 32, stream mod 2³², stream >> 32);
/// - half 0 uses words 0 (low) and 1 (high), half 1 uses words 2 (low) and 3 (high) of the
///   block, as the 64-bit integer w = high·2³² + low;
/// - `uniform(index)` = k·2⁻⁵³ with k = w >> 11 (the top 53 bits), except that k = 0
///   (probability 2⁻⁵³) gives 2⁻⁵⁴, so every draw lies in the open interval (0, 1): the
///   smallest is 2⁻⁵⁴, the largest 1 − 2⁻⁵³; the conversion is exact;
/// - `normal(index)` = Φ⁻¹(uniform(index)) by inversion (`Normal.quantile`), so normals are
///   monotone in their uniforms, lie in [−8.30, 8.21], and the antithetic map
///   k ↦ 2⁵³ − k (k ≥ 1) negates the normal exactly.
///
/// Indices are taken modulo 2⁶⁴. Distinct streams under one seed, and distinct seeds,
/// give statistically independent sequences (Philox is a keyed bijection of the counter).
@frozen
public struct RandomStream: Sendable, Equatable {
    /// The run's seed; it is the Philox key.
    public let seed: UInt64
    /// The stream number; it fills counter words 2 and 3.
    public let stream: UInt64

    /// A stream; cheap to create (no state beyond the two numbers).
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        self.seed = seed
        self.stream = stream
    }

    // MARK: - Layout

    /// The Philox key (seed mod 2³², seed >> 32).
    @inlinable
    public var key: SIMD2<UInt32> {
        SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The raw Philox block `blockIndex` of this stream (draws 2·blockIndex and 2·blockIndex + 1).
    @inlinable
    public func block(_ blockIndex: UInt64) -> SIMD4<UInt32> {
        let counter = SIMD4(
            UInt32(truncatingIfNeeded: blockIndex), UInt32(truncatingIfNeeded: blockIndex >> 32),
            UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32))
        return Philox4x32.block(counter: counter, key: key)
    }

    // MARK: - Draws

    /// Uniform draw `index` in the open interval (0, 1), from 53 bits (see the type's notes).
    @inlinable
    public func uniform(_ index: UInt64) -> Double {
        let words = block(index >> 1)
        if index & 1 == 0 {
            return Self.openUnit(low: words[0], high: words[1])
        }
        return Self.openUnit(low: words[2], high: words[3])
    }

    /// Standard normal draw `index`: Φ⁻¹(uniform(index)) (Wichura AS 241, see `Normal.quantile`).
    @inlinable
    public func normal(_ index: UInt64) -> Double {
        Normal.quantile(uniform(index))
    }

    /// k·2⁻⁵³ for k the top 53 bits of high·2³² + low, with k = 0 mapped to 2⁻⁵⁴. Exact.
    @inlinable
    static func openUnit(low: UInt32, high: UInt32) -> Double {
        let k = ((UInt64(high) &<< 32) | UInt64(low)) &>> 11
        return Swift.max(Double(Int64(bitPattern: k)) * 0x1p-53, 0x1p-54)
    }
}
