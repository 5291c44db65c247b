#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath

/// Consecutive uniforms of one `RandomStream` from a starting index, computed 64 at a
/// time with the SIMD batch fill (bit-identical to `stream.uniform(index)`), so a path
/// can draw as many as it needs, in order, from its own counter range. The buffer is
/// owned by the caller (one per worker block); no allocation per draw.
struct UniformSource {
    static let capacity = 64

    let buffer: UnsafeMutableBufferPointer<Double>
    var stream: RandomStream
    /// Stream index of the next fill.
    var nextFill: UInt64
    var position: Int

    /// A source over caller-owned storage of `capacity` doubles; call `reset` before use.
    init(buffer: UnsafeMutableBufferPointer<Double>) {
        precondition(buffer.count >= Self.capacity)
        self.buffer = buffer
        stream = RandomStream(seed: 0, stream: 0)
        nextFill = 0
        position = Self.capacity
    }

    /// Restarts at draw `index` of `stream`.
    @inline(__always)
    mutating func reset(stream: RandomStream, index: UInt64) {
        self.stream = stream
        nextFill = index
        position = Self.capacity
    }

    /// The next uniform in (0, 1).
    @inline(__always)
    mutating func next() -> Double {
        if position == Self.capacity { refill() }
        let u = buffer[position]
        position &+= 1
        return u
    }

    /// The next `min(count, what the buffer holds)` uniforms at once, consumed: the buffer, the
    /// first one's position in it, and how many (at least 1 for count ≥ 1).
    @inline(__always)
    mutating func take(upTo count: Int) -> (buffer: UnsafeMutableBufferPointer<Double>, first: Int, count: Int) {
        if position == Self.capacity { refill() }
        let first = position, n = min(Self.capacity &- first, count)
        position &+= n
        return (buffer, first, n)
    }

    @inline(never)
    mutating func refill() {
        stream.fillUniforms(startIndex: nextFill, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<Self.capacity]))
        nextFill &+= UInt64(Self.capacity)
        position = 0
    }

    /// A standard normal Φ⁻¹(u) of the next uniform.
    @inline(__always)
    mutating func nextNormal() -> Double { Normal.quantile(next()) }

    /// A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), "A simple method for generating
    /// gamma variables", ACM TOMS 26(3): for shape ≥ 1, d = shape − ⅓, c = 1/√(9d), repeat
    /// x ~ N(0, 1), v = (1 + c·x)³ until v > 0 and log u < x²/2 + d(1 − v + log v) (with
    /// the squeeze u < 1 − 0.0331·x⁴), giving d·v; for shape < 1, Gamma(shape + 1)·u^{1/shape}.
    /// Exact in distribution; the number of draws it consumes varies.
    mutating func nextGamma(shape: Double) -> Double {
        if shape < 1 {
            let boosted = nextGamma(shape: shape + 1)
            return boosted * pow(next(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextNormal()
            let base = 1 + c * x
            guard base > 0 else { continue }
            let v = base * base * base
            let u = next()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A χ²_ν draw: 2·Gamma(ν/2).
    mutating func nextChiSquare(degreesOfFreedom nu: Double) -> Double {
        2 * nextGamma(shape: nu / 2)
    }
}
