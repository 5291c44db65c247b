extension Philox4x32 {
    // MARK: - Eight blocks at once

    /// Eight 32-bit words, one per block, each held in a 64-bit lane so that the round's
    /// 32 × 32 → 64-bit products are single vector multiplies (x86 `pmuludq`).
    @usableFromInline typealias Lanes = SIMD8<UInt64>

    /// Philox4x32-10 of eight counters sharing words 2 and 3 (the stream) and the key,
    /// in structure-of-arrays form: lane j of the result's word w is word w of
    /// `block(counter: (word0[j], word1[j], word2, word3), key: key)`. Every input lane
    /// must be below 2³²; every output lane is. Same arithmetic as `block(counter:key:)`,
    /// which the batch-versus-scalar tests check bit for bit.
    @inlinable
    static func blocks(
        word0: Lanes, word1: Lanes, word2: UInt32, word3: UInt32, key: SIMD2<UInt32>
    ) -> (Lanes, Lanes, Lanes, Lanes) {
        let low32 = Lanes(repeating: 0xFFFF_FFFF)
        let m0 = Lanes(repeating: UInt64(multiplier0))
        let m1 = Lanes(repeating: UInt64(multiplier1))
        var c0 = word0, c1 = word1
        var c2 = Lanes(repeating: UInt64(word2)), c3 = Lanes(repeating: UInt64(word3))
        var k0 = key[0], k1 = key[1]
        for round in 0..<rounds {
            if round > 0 {
                k0 &+= weyl0
                k1 &+= weyl1
            }
            let product0 = (c0 & low32) &* m0
            let product1 = (c2 & low32) &* m1
            let next0 = (product1 &>> 32) ^ c1 ^ Lanes(repeating: UInt64(k0))
            let next2 = (product0 &>> 32) ^ c3 ^ Lanes(repeating: UInt64(k1))
            c1 = product1 & low32
            c3 = product0 & low32
            c0 = next0
            c2 = next2
        }
        return (c0, c1, c2, c3)
    }
}
