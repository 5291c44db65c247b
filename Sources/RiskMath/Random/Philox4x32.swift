/// The Philox4x32-10 counter-based random bijection.
///
/// J. K. Salmon, M. A. Moraes, R. O. Dror and D. E. Shaw, "Parallel random numbers: as
/// easy as 1, 2, 3", SC '11 (2011), and their Random123 library (`philox.h`). A block is a
/// pure function of a 128-bit counter and a 64-bit key, so any draw can be computed
/// directly from its address, in any order, on any thread.
///
/// One round, on counter words (c₀, c₁, c₂, c₃) and key words (k₀, k₁), with
/// (hi, lo) the upper and lower 32 bits of a 32 × 32 → 64-bit product:
///
///     (h₀, l₀) = M₀·c₀,  (h₁, l₁) = M₁·c₂
///     (c₀, c₁, c₂, c₃) ← (h₁ ⊕ c₁ ⊕ k₀, l₁, h₀ ⊕ c₃ ⊕ k₁, l₀)
///
/// with M₀ = 0xD2511F53 and M₁ = 0xCD9E8D57; between rounds the key is bumped by the
/// Weyl constants (k₀, k₁) += (0x9E3779B9, 0xBB67AE85) mod 2³². Ten rounds.
/// Verified against Random123's `kat_vectors` (the three `philox4x32 10` lines) in
/// `Philox4x32Tests`.
@frozen
public struct Philox4x32: Sendable, Equatable {
    /// The 64-bit key as two 32-bit words (k₀, k₁).
    public var key: SIMD2<UInt32>

    /// A generator with a fixed key.
    @inlinable
    public init(key: SIMD2<UInt32>) {
        self.key = key
    }

    /// The block for `counter` under this generator's key.
    @inlinable
    public func block(counter: SIMD4<UInt32>) -> SIMD4<UInt32> {
        Self.block(counter: counter, key: key)
    }

    // MARK: - Constants

    /// Round multiplier M₀ applied to counter word 0.
    @inlinable public static var multiplier0: UInt32 { 0xD251_1F53 }
    /// Round multiplier M₁ applied to counter word 2.
    @inlinable public static var multiplier1: UInt32 { 0xCD9E_8D57 }
    /// Weyl key increment for k₀ (golden ratio, 2³²·(√5 − 1)/2).
    @inlinable public static var weyl0: UInt32 { 0x9E37_79B9 }
    /// Weyl key increment for k₁ (2³²·(√3 − 1)).
    @inlinable public static var weyl1: UInt32 { 0xBB67_AE85 }
    /// Number of rounds.
    @inlinable public static var rounds: Int { 10 }

    // MARK: - The bijection

    /// Philox4x32-10 of `counter` under `key` (Random123 `philox4x32(ctr, key)`).
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3]
        var k0 = key[0], k1 = key[1]
        for round in 0..<rounds {
            if round > 0 {
                k0 &+= weyl0
                k1 &+= weyl1
            }
            let product0 = UInt64(multiplier0) &* UInt64(c0)
            let product1 = UInt64(multiplier1) &* UInt64(c2)
            let next0 = UInt32(truncatingIfNeeded: product1 &>> 32) ^ c1 ^ k0
            let next2 = UInt32(truncatingIfNeeded: product0 &>> 32) ^ c3 ^ k1
            c1 = UInt32(truncatingIfNeeded: product1)
            c3 = UInt32(truncatingIfNeeded: product0)
            c0 = next0
            c2 = next2
        }
        return SIMD4(c0, c1, c2, c3)
    }
}
