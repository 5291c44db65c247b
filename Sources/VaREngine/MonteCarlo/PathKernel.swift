#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath

/// Receives each default of a path (its position in the plan's bucket order); the
/// simulator is generic over it so the plain pass compiles to a loop with no recording.
protocol DefaultRecorder {
    mutating func record(_ position: Int)
}

/// Records nothing.
struct NoRecording: DefaultRecorder {
    @inline(__always) mutating func record(_ position: Int) {}
}

/// Adds each default's loss to its level in every allocation dimension (in dimension order):
/// per plan position, `packed` holds each dimension's level as one byte (dimension d in bits
/// 8d ..< 8d + 8, added to `offsets[d]`), so a default reads 4 bytes of codes where 16 missed
/// the cache at a million obligors; `wide` holds the flat level indices (position·4 + d) when
/// a dimension has more than 256 levels. `values` is the path's loss per flat level.
struct LevelRecording: DefaultRecorder {
    let packed: UnsafeMutableBufferPointer<UInt32>?
    let wide: UnsafeMutableBufferPointer<Int32>
    let offsets: (Int, Int, Int, Int)
    let dimensions: Int
    let lossAmount: UnsafeMutableBufferPointer<Double>
    let values: UnsafeMutableBufferPointer<Double>

    init(codes: AllocationCodes, dimensions: Int, lossAmount: UnsafeMutableBufferPointer<Double>,
         values: UnsafeMutableBufferPointer<Double>) {
        precondition(dimensions == 1 || dimensions == 4, "LevelRecording: the segment, or all four dimensions")
        packed = codes.packed
        wide = codes.wide
        offsets = codes.offsets
        self.dimensions = dimensions
        self.lossAmount = lossAmount
        self.values = values
    }

    @inline(__always) mutating func record(_ position: Int) {
        let amount = lossAmount[position]
        if let packed {
            let levels = Int(packed[position])
            values[offsets.0 &+ levels & 0xff] += amount
            guard dimensions == 4 else { return }
            values[offsets.1 &+ (levels &>> 8) & 0xff] += amount
            values[offsets.2 &+ (levels &>> 16) & 0xff] += amount
            values[offsets.3 &+ (levels &>> 24) & 0xff] += amount
            return
        }
        let base = position &* 4
        for d in 0..<dimensions { values[Int(wide[base &+ d])] += amount }
    }
}

/// Per-worker scratch memory of the simulator, allocated once per block of paths.
struct PathWorkspace {
    let factors: UnsafeMutableBufferPointer<Double>
    let groupFactor: UnsafeMutableBufferPointer<Double>
    let storage: UnsafeMutableBufferPointer<Double>
    var idiosyncratic: UniformSource
    var mixing: UniformSource
    /// A batch of a sparse bucket's candidates: position, thinning draw V·p̄, and the
    /// position's threshold, slope and loss, gathered in a loop of independent loads.
    let candidate: UnsafeMutableBufferPointer<Int>
    let candidateDraw: UnsafeMutableBufferPointer<Double>
    let candidateThreshold: UnsafeMutableBufferPointer<Double>
    let candidateSlope: UnsafeMutableBufferPointer<Double>
    let candidateLoss: UnsafeMutableBufferPointer<Double>
    static let batch = 64

    init(factorCount: Int, groupCount: Int) {
        factors = .allocate(capacity: max(factorCount, 1))
        groupFactor = .allocate(capacity: max(groupCount, 1))
        candidate = .allocate(capacity: Self.batch)
        candidateDraw = .allocate(capacity: Self.batch)
        candidateThreshold = .allocate(capacity: Self.batch)
        candidateSlope = .allocate(capacity: Self.batch)
        candidateLoss = .allocate(capacity: Self.batch)
        storage = .allocate(capacity: 2 * UniformSource.capacity)
        idiosyncratic = UniformSource(buffer: UnsafeMutableBufferPointer(rebasing: storage[0..<UniformSource.capacity]))
        mixing = UniformSource(buffer: UnsafeMutableBufferPointer(rebasing: storage[UniformSource.capacity...]))
    }

    func deallocate() {
        candidate.deallocate()
        for buffer in [candidateDraw, candidateThreshold, candidateSlope, candidateLoss] { buffer.deallocate() }
        factors.deallocate()
        groupFactor.deallocate()
        storage.deallocate()
    }
}

/// One Monte Carlo path of the copula, computed from its own Philox counters only
/// (METHODOLOGY §6–7), so any path can be computed — or recomputed — alone, on any thread.
///
/// Random number layout under the run's seed (the Philox key), for path p:
/// - systematic factors: ξ_k = sign·Φ⁻¹(uniform k of stream p′), k < K, where p′ = p and
///   sign = +1, except with antithetic variates: p′ = p with bit 0 cleared and sign = −1
///   for odd p (so paths 2m and 2m + 1 use ξ and −ξ); under importance sampling, unit m
///   (the path, or the antithetic pair) is *shifted*, ξ_k += μ_k, when
///   ⌊(m + 1)·α⌋ > ⌊m·α⌋ — exactly ⌊n·α⌋ of the first n units, evenly spread — and every
///   path carries the likelihood ratio of the defensive mixture (1 − α)·N(0, I) + α·N(μ, I)
///   (Hesterberg 1995; the balance heuristic, unbiased for this deterministic allocation):
///   w = 1/((1 − α) + α·exp(μ·ξ − |μ|²/2)) ≤ 1/(1 − α), or exp(−μ·ξ + |μ|²/2) when α = 1;
/// - Student-t mixing W ~ χ²_ν: Marsaglia–Tsang from stream p′, uniforms from index 2²⁰ on
///   (shared by an antithetic pair);
/// - idiosyncratic draws: stream p, uniforms from index 2³² on, consumed in bucket order.
///
/// Conditional on the factors, defaults are independent Bernoulli(p_i) with
/// p_i = Φ(σ·a_i − b_i·y_g) (`CopulaPlan`). Each bucket draws them exactly:
/// - sparse (bound p̄ ≤ 0.1): candidates by geometric skips — the gap to the next
///   candidate is ⌊log U / log(1 − p̄)⌋, so each obligor is a candidate with probability p̄
///   independently — and a candidate defaults when V·p̄ < p_i (thinning: probability
///   p̄·p_i/p̄ = p_i);
/// - dense (p̄ > 0.1): one U per obligor, default when U < p_i;
/// in both, the comparison with p_i is settled by the bucket's bounds p_B ≤ p_i ≤ p̄ when it
/// can be (same outcome, no Φ), so Φ is evaluated only between the bounds, and there
/// mostly read off a table that brackets it (`PhiBracket`, the same outcome again).
/// This equals drawing every ε_i and testing A_i < threshold in distribution, at a cost
/// proportional to buckets + expected candidates per path rather than to obligors.
struct PathKernel: @unchecked Sendable {
    let plan: CopulaPlan
    let seed: UInt64
    let factorCount: Int
    let groupCount: Int
    /// G × K unit directions (independent-factor coordinates).
    let directions: [Double]
    /// Importance-sampling mean μ (zeros without).
    let shift: [Double]
    let halfShiftSquared: Double
    /// Share α of units drawn from the shifted distribution (0 without importance sampling).
    let shiftFraction: Double
    let antithetic: Bool
    /// ν for the Student-t copula, nil for Gaussian.
    let degreesOfFreedom: Double?

    static let mixingIndex: UInt64 = 1 << 20
    static let idiosyncraticIndex: UInt64 = 1 << 32
    static let denseBound = 0.1

    /// Φ(x) = ½·erfc(−x/√2) (libm's erfc, within a few ulps; faster than `Normal.cdf`,
    /// whose 1e-14 accuracy in the far tail the comparisons here do not need).
    @inline(__always)
    static func phi(_ x: Double) -> Double { 0.5 * erfc(-x * 0.707_106_781_186_547_524_4) }

    /// log w = −log((1 − α) + α·e^x) with x = μ·ξ − |μ|²/2, evaluated without overflow;
    /// 0 when α = 0.
    @inline(__always)
    static func logLikelihoodRatio(exponent x: Double, fraction alpha: Double) -> Double {
        if alpha <= 0 { return 0 }
        if alpha >= 1 { return -x }
        let a = log1p(-alpha), b = log(alpha) + x
        let high = max(a, b), low = min(a, b)
        return -(high + log1p(exp(low - high)))
    }

    /// The path's loss and log likelihood ratio; `recorder` sees each default.
    @inline(__always)
    func simulate<R: DefaultRecorder>(path: Int, workspace: inout PathWorkspace, recorder: inout R) -> (loss: Double, logWeight: Double) {
        let odd = path & 1 == 1
        let source = antithetic ? path & ~1 : path
        let sign: Double = antithetic && odd ? -1 : 1
        let systematic = RandomStream(seed: seed, stream: UInt64(source))
        let factors = workspace.factors
        let unit = Double(antithetic ? path >> 1 : path)
        let shifted = shiftFraction > 0 && ((unit + 1) * shiftFraction).rounded(.down) > (unit * shiftFraction).rounded(.down)
        var exponent = -halfShiftSquared  // μ·ξ − |μ|²/2
        for k in 0..<factorCount {
            let xi = sign * systematic.normal(UInt64(k)) + (shifted ? shift[k] : 0)
            factors[k] = xi
            exponent += shift[k] * xi
        }
        let logWeight = Self.logLikelihoodRatio(exponent: exponent, fraction: shiftFraction)
        var scale = 1.0
        if let nu = degreesOfFreedom {
            workspace.mixing.reset(stream: systematic, index: Self.mixingIndex)
            scale = (workspace.mixing.nextChiSquare(degreesOfFreedom: nu) / nu).squareRoot()
        }
        let groupFactor = workspace.groupFactor
        directions.withUnsafeBufferPointer { u in
            for g in 0..<groupCount {
                var y = 0.0
                for k in 0..<factorCount { y += u[g &* factorCount &+ k] * factors[k] }
                groupFactor[g] = y
            }
        }
        workspace.idiosyncratic.reset(stream: RandomStream(seed: seed, stream: UInt64(path)), index: Self.idiosyncraticIndex)

        let plan = self.plan
        let threshold = plan.threshold, slope = plan.slope, lossAmount = plan.lossAmount
        let bucketStart = plan.bucketStart, bucketGroup = plan.bucketGroup
        let bucketThreshold = plan.bucketThreshold, bucketThresholdLow = plan.bucketThresholdLow
        let slopeLow = plan.bucketSlopeLow, slopeHigh = plan.bucketSlopeHigh
        let phiTable = PhiBracket.table
        var loss = plan.certainLoss
        for b in 0..<plan.bucketCount {
            let y = groupFactor[bucketGroup[b]]
            let positive = y >= 0
            let bound = scale * bucketThreshold[b] - (positive ? slopeLow[b] : slopeHigh[b]) * y
            let pBar = Self.phi(bound)
            guard pBar > 0 else { continue }
            let start = bucketStart[b], end = bucketStart[b &+ 1]
            // A lower bound of the bucket's p_i: a uniform below it means default, no Φ needed.
            let lowArgument = scale * bucketThresholdLow[b] - (positive ? slopeHigh[b] : slopeLow[b]) * y
            if pBar > Self.denseBound {
                let pLow = Self.phi(lowArgument)
                // One uniform per obligor, in order. The uniforms below p̄ are found a buffer at a
                // time as a bit mask (no branch per obligor), then tested in ascending order.
                var j = start
                while j < end {
                    let (buffer, first, n) = workspace.idiosyncratic.take(upTo: end &- j)
                    var candidates: UInt64 = 0
                    for t in 0..<n { candidates |= (buffer[first &+ t] < pBar ? 1 : 0) &<< UInt64(t) }
                    while candidates != 0 {
                        let t = candidates.trailingZeroBitCount
                        candidates &= candidates &- 1
                        let u = buffer[first &+ t], k = j &+ t
                        if u < pLow || PhiBracket.isBelow(u, scale * threshold[k] - slope[k] * y, table: phiTable) {
                            loss += lossAmount[k]
                            recorder.record(k)
                        }
                    }
                    j &+= n
                }
            } else {
                let inverseLogSurvival = 1 / log1p(-pBar)
                var pLow = -1.0  // computed at the first candidate
                var j = start &- 1
                // Candidates a batch at a time: draw them (the same uniforms in the same order),
                // gather their terms in a loop of independent loads, then test them in order.
                // Tested one by one, each candidate's cache misses waited behind the branch on
                // the last one's: at a million obligors the kernel stalled on memory.
                let candidate = workspace.candidate, draw = workspace.candidateDraw
                let candidateThreshold = workspace.candidateThreshold, candidateSlope = workspace.candidateSlope
                let candidateLoss = workspace.candidateLoss
                var exhausted = false
                while !exhausted {
                    var n = 0
                    while n < PathWorkspace.batch {
                        let gap = log(workspace.idiosyncratic.next()) * inverseLogSurvival
                        if gap >= Double(end &- j &- 1) { exhausted = true; break }
                        j = j &+ Int(gap) &+ 1
                        if pLow < 0 { pLow = Self.phi(lowArgument) }
                        candidate[n] = j
                        draw[n] = workspace.idiosyncratic.next() * pBar
                        n &+= 1
                    }
                    for c in 0..<n {
                        let k = candidate[c]
                        candidateThreshold[c] = threshold[k]
                        candidateSlope[c] = slope[k]
                        candidateLoss[c] = lossAmount[k]
                    }
                    // The defaults overwrite the front of `candidate`, in order, for the recorder.
                    var defaults = 0
                    for c in 0..<n {
                        let v = draw[c]
                        if v < pLow
                            || PhiBracket.isBelow(v, scale * candidateThreshold[c] - candidateSlope[c] * y, table: phiTable) {
                            loss += candidateLoss[c]
                            candidate[defaults] = candidate[c]
                            defaults &+= 1
                        }
                    }
                    for c in 0..<defaults { recorder.record(candidate[c]) }
                }
            }
        }
        return (loss, logWeight)
    }
}
