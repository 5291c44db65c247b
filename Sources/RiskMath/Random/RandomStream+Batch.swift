extension RandomStream {
    // MARK: - Batch fills

    /// Writes `uniform(startIndex + i)` to `buffer[i]` for every i (indices modulo 2⁶⁴).
    ///
    /// Bit-identical to the scalar calls; eight Philox blocks (sixteen draws) are computed
    /// per step with SIMD lanes. No allocation.
    public func fillUniforms(startIndex: UInt64, into buffer: UnsafeMutableBufferPointer<Double>) {
        guard var output = buffer.baseAddress else { return }
        var remaining = buffer.count
        var index = startIndex
        if remaining > 0, index & 1 == 1 {  // start in the second half of a block
            output.pointee = uniform(index)
            output += 1
            index &+= 1
            remaining -= 1
        }
        var blockIndex = index &>> 1
        let streamLow = UInt32(truncatingIfNeeded: stream)
        let streamHigh = UInt32(truncatingIfNeeded: stream &>> 32)
        let laneOffsets = Philox4x32.Lanes(0, 1, 2, 3, 4, 5, 6, 7)
        let low32 = Philox4x32.Lanes(repeating: 0xFFFF_FFFF)
        // Block numbers are index >> 1 < 2⁶³; past the last block, indices wrap to 0.
        let blockMask = Philox4x32.Lanes(repeating: UInt64.max &>> 1)
        while remaining >= 16 {
            let counters = (Philox4x32.Lanes(repeating: blockIndex) &+ laneOffsets) & blockMask
            let words = Philox4x32.blocks(
                word0: counters & low32, word1: counters &>> 32,
                word2: streamLow, word3: streamHigh, key: key)
            let firstHalves = Self.openUnits(low: words.0, high: words.1)
            let secondHalves = Self.openUnits(low: words.2, high: words.3)
            for lane in 0..<8 {
                output[2 &* lane] = firstHalves[lane]
                output[2 &* lane &+ 1] = secondHalves[lane]
            }
            output += 16
            remaining -= 16
            blockIndex = (blockIndex &+ 8) & (UInt64.max &>> 1)
        }
        index = blockIndex &<< 1
        while remaining > 0 {
            output.pointee = uniform(index)
            output += 1
            index &+= 1
            remaining -= 1
        }
    }

    /// Writes `normal(startIndex + i)` to `buffer[i]` for every i: the uniforms of
    /// `fillUniforms`, then Φ⁻¹ in place. Bit-identical to the scalar calls. No allocation.
    public func fillNormals(startIndex: UInt64, into buffer: UnsafeMutableBufferPointer<Double>) {
        fillUniforms(startIndex: startIndex, into: buffer)
        for i in buffer.indices {
            buffer[i] = Normal.quantile(buffer[i])
        }
    }

    // MARK: - Lane conversion

    /// `openUnit(low:high:)` on eight lanes, each below 2³². Exact, hence equal to the scalar
    /// form: with w = high·2³² + low, the top 52 bits become a double in [1, 2) by their
    /// bit pattern (minus 1, exact), and bit 11 of w adds 2⁻⁵³.
    @inlinable
    static func openUnits(low: Philox4x32.Lanes, high: Philox4x32.Lanes) -> SIMD8<Double> {
        let word = (high &<< 32) | low
        let oneToTwo = unsafeBitCast((word &>> 12) | 0x3FF0_0000_0000_0000, to: SIMD8<Double>.self)
        // (0 − bit) & pattern(2⁻⁵³): the pattern of 2⁻⁵³ when bit 11 is set, else +0.
        let lastBit = (word &>> 11) & 1
        let halfStep = unsafeBitCast((0 &- lastBit) & 0x3CA0_0000_0000_0000, to: SIMD8<Double>.self)
        let unit = (oneToTwo - 1) + halfStep
        return unit.replacing(with: 0x1p-54, where: unit .== 0)
    }
}
