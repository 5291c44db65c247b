import RiskMath

/// The obligors of a copula run laid out for the simulator: grouped by factor group,
/// sorted by default threshold and cut into *buckets* whose conditional default
/// probabilities share a cheap upper bound (structure of arrays, allocated once, read-only
/// while paths run).
///
/// Per obligor, with R² = ρ_i, r = √ρ_i, s = √(1 − ρ_i) and c_i = Φ⁻¹(PD_i) (Gaussian) or
/// t_ν⁻¹(PD_i) (Student-t): a_i = c_i/s and b_i = r/s, so that conditional on the group's
/// factor Y = y and the t copula's scale σ = √(W/ν) (σ = 1 when Gaussian)
///
///     P(default_i | y, σ) = Φ(σ·a_i − b_i·y).
///
/// A bucket B holds obligors with a_i ≤ a_B and b_i ∈ [b_B⁻, b_B⁺]; then
/// σ·a_i − b_i·y ≤ σ·a_B − (y ≥ 0 ? b_B⁻ : b_B⁺)·y, so p̄_B = Φ(that bound) ≥ every p_i.
/// Buckets are contiguous runs of the a-sorted obligors of a group chosen by dynamic
/// programming to minimise a cost model per path (one unit per bucket visit, one per
/// expected candidate n_B·E[p̄_B]; see `bucketBoundaries`), using
/// E_y[Φ(a − b·y)] = Φ((a − b·μ_g)/√(1 + b²)) for y ~ N(μ_g, 1) with μ_g the
/// importance-sampling shift along the group, mixed with the unshifted rate in the
/// proportions of the sampling mixture. The bucketing changes only the speed, never the
/// distribution of the losses.
///
/// Obligors with PD ≥ 1 default on every path (their losses are added as a constant);
/// obligors with PD ≤ 0, LGD·EAD = 0 are left out (they never lose anything).
final class CopulaPlan: @unchecked Sendable {
    let obligorCount: Int
    /// Obligors in bucket order: scaled threshold a_i, slope b_i, loss LGD_i·EAD_i, and
    /// the portfolio row they came from.
    let threshold: UnsafeMutableBufferPointer<Double>
    let slope: UnsafeMutableBufferPointer<Double>
    let lossAmount: UnsafeMutableBufferPointer<Double>
    let row: UnsafeMutableBufferPointer<Int32>

    let bucketCount: Int
    /// Bucket b spans obligors bucketStart[b] ..< bucketStart[b + 1].
    let bucketStart: UnsafeMutableBufferPointer<Int>
    let bucketGroup: UnsafeMutableBufferPointer<Int>
    let bucketThreshold: UnsafeMutableBufferPointer<Double>
    /// The smallest a_i of the bucket (for a lower bound of its conditional PDs).
    let bucketThresholdLow: UnsafeMutableBufferPointer<Double>
    let bucketSlopeLow: UnsafeMutableBufferPointer<Double>
    let bucketSlopeHigh: UnsafeMutableBufferPointer<Double>

    /// Portfolio rows that default on every path, and their summed loss (row order).
    let certainRows: [Int]
    let certainLoss: Double


    /// Builds the plan. `thresholds[i]` is c_i (±∞ allowed: −∞ never defaults, +∞ always),
    /// `groupMean[g]` the mean of group g's factor under importance sampling (0 without).
    init(thresholds: [Double], rho: [Double], loss: [Double], group: [Int], groupMean: [Double], shiftFraction: Double) {
        let n = thresholds.count
        var certain: [Int] = []
        var certainSum = 0.0
        var members = [[Int]](repeating: [], count: groupMean.count)
        var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
        for i in 0..<n {
            guard loss[i] != 0, thresholds[i] > -.infinity else { continue }
            if thresholds[i] == .infinity {
                certain.append(i)
                certainSum += loss[i]
                continue
            }
            let s = (1 - rho[i]).squareRoot()
            a[i] = thresholds[i] / s
            b[i] = rho[i].squareRoot() / s
            members[group[i]].append(i)
        }
        certainRows = certain
        certainLoss = certainSum

        var order: [Int] = [], starts: [Int] = [], groups: [Int] = []
        var bucketA: [Double] = [], bucketAMin: [Double] = [], bucketLow: [Double] = [], bucketHigh: [Double] = []
        for (g, list) in members.enumerated() where !list.isEmpty {
            let sorted = list.sorted { a[$0] != a[$1] ? a[$0] < a[$1] : $0 < $1 }
            let cuts = Self.bucketBoundaries(a: sorted.map { a[$0] }, b: sorted.map { b[$0] }, mean: groupMean[g],
                                             shiftFraction: shiftFraction)
            var start = 0
            for end in cuts {
                let members = sorted[start..<end]
                starts.append(order.count)
                groups.append(g)
                bucketA.append(a[sorted[end - 1]])
                bucketAMin.append(a[sorted[start]])
                bucketLow.append(members.map { b[$0] }.min()!)
                bucketHigh.append(members.map { b[$0] }.max()!)
                order += members
                start = end
            }
        }
        obligorCount = order.count
        bucketCount = groups.count
        threshold = .allocate(capacity: max(order.count, 1))
        slope = .allocate(capacity: max(order.count, 1))
        lossAmount = .allocate(capacity: max(order.count, 1))
        row = .allocate(capacity: max(order.count, 1))
        for (k, i) in order.enumerated() {
            threshold[k] = a[i]; slope[k] = b[i]; lossAmount[k] = loss[i]; row[k] = Int32(i)
        }
        bucketStart = .allocate(capacity: bucketCount + 1)
        bucketGroup = .allocate(capacity: max(bucketCount, 1))
        bucketThreshold = .allocate(capacity: max(bucketCount, 1))
        bucketThresholdLow = .allocate(capacity: max(bucketCount, 1))
        bucketSlopeLow = .allocate(capacity: max(bucketCount, 1))
        bucketSlopeHigh = .allocate(capacity: max(bucketCount, 1))
        for k in 0..<bucketCount {
            bucketStart[k] = starts[k]; bucketGroup[k] = groups[k]; bucketThreshold[k] = bucketA[k]; bucketThresholdLow[k] = bucketAMin[k]
            bucketSlopeLow[k] = bucketLow[k]; bucketSlopeHigh[k] = bucketHigh[k]
        }
        bucketStart[bucketCount] = order.count
    }

    /// Cost of visiting a bucket, in units of one candidate's cost (both are about one Φ,
    /// one log and one or two uniforms).
    static let bucketCost = 1.0
    /// Obligors of a group are first cut into at most this many equal runs ("atoms").
    static let maximumAtoms = 512

    /// Ends (exclusive) of the buckets of one group whose obligors are sorted by a: the
    /// partition into runs of atoms with the least modelled cost per path,
    ///
    ///     Σ_B [bucketCost + n_B·E[p̄_B]],  E[p̄_B] = (1 − α)·Φ(a_B/√(1 + b_B⁺²)) + α·Φ((a_B − b_B⁺·μ)/√(1 + b_B⁺²)),
    ///
    /// found by dynamic programming over contiguous runs (O(atoms²)).
    static func bucketBoundaries(a: [Double], b: [Double], mean mu: Double, shiftFraction: Double) -> [Int] {
        let n = a.count
        let atomSize = (n + maximumAtoms - 1) / maximumAtoms
        let atomEnds = stride(from: atomSize, to: n, by: atomSize).map { $0 } + [n]
        let atoms = atomEnds.count
        var atomHigh = [Double](repeating: -.infinity, count: atoms)
        var begin = 0
        for (k, end) in atomEnds.enumerated() {
            for i in begin..<end { atomHigh[k] = max(atomHigh[k], b[i]) }
            begin = end
        }
        func rate(_ aMax: Double, _ bHigh: Double) -> Double {
            let spread = (1 + bHigh * bHigh).squareRoot()
            return (1 - shiftFraction) * Normal.cdf(aMax / spread)
                + shiftFraction * Normal.cdf((aMax - bHigh * mu) / spread)
        }
        // best[k]: least cost of the first k atoms; from[k]: where its last bucket starts.
        var best = [Double](repeating: .infinity, count: atoms + 1)
        var from = [Int](repeating: 0, count: atoms + 1)
        best[0] = 0
        for last in 0..<atoms {
            let end = atomEnds[last]
            let aMax = a[end - 1]
            var high = -Double.infinity
            for first in stride(from: last, through: 0, by: -1) {
                high = max(high, atomHigh[first])
                let size = Double(end - (first == 0 ? 0 : atomEnds[first - 1]))
                let cost = best[first] + bucketCost + size * rate(aMax, high)
                if cost < best[last + 1] {
                    best[last + 1] = cost
                    from[last + 1] = first
                }
            }
        }
        var ends: [Int] = []
        var k = atoms
        while k > 0 {
            ends.append(atomEnds[k - 1])
            k = from[k]
        }
        return ends.reversed()
    }

    deinit {
        for buffer in [threshold, slope, lossAmount] { buffer.deallocate() }
        row.deallocate()
        for buffer in [bucketThreshold, bucketThresholdLow, bucketSlopeLow, bucketSlopeHigh] { buffer.deallocate() }
        bucketStart.deallocate()
        bucketGroup.deallocate()
    }
}
