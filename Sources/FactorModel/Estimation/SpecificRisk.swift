import RiskMath

/// Specific (idiosyncratic) variances Δ (METHODOLOGY §5):
///
/// 1. σ̂²_n = Σ_t w_t u²_nt / Σ_{t: u_nt given} w_t, exponential weights w (half-life),
///    specific returns taken to have mean 0;
/// 2. Bayesian shrinkage of σ̂_n toward the cap-weighted mean σ̄(s) of its size decile s
///    (Menchero, Orr & Wang, Barra USE4 methodology notes, 2011, eq. 5.6–5.8):
///
///        σ_n = v_n·σ̄(s) + (1 − v_n)·σ̂_n,   v_n = q·|σ̂_n − σ̄(s)| / (Δ(s) + q·|σ̂_n − σ̄(s)|),
///        Δ(s) = √(mean over the decile of (σ̂_n − σ̄(s))²)
///
///    with shrinkage parameter q (USE4: 0.1); q = 0 leaves σ̂ unchanged.
/// 3. An asset with fewer than `minimumObservations` specific returns gets σ̄(s) (flagged).
///
/// Deciles are by market cap (the last snapshot's), equal counts, smallest first; with
/// fewer than 10 assets there are as many groups as assets.
public enum SpecificRisk {
    public struct Estimate: Sendable, Equatable {
        /// Δ_n = σ_n², per period.
        public var variance: [Double]
        /// σ̂²_n before shrinkage (NaN when too few observations).
        public var rawVariance: [Double]
        /// Shrinkage weight v_n.
        public var shrinkageWeight: [Double]
        /// Size decile per asset, 0 = smallest.
        public var sizeDecile: [Int]
        /// Assets given their decile mean for lack of data.
        public var imputed: [Int]
    }

    public static func estimate(residuals: Matrix, marketCap: [Double], halfLife: Double?, shrinkage q: Double = 0.1,
                                minimumObservations: Int = 20) throws(FactorModelError) -> Estimate {
        let stage = "specific risk"
        let t = residuals.rows, n = residuals.columns
        guard marketCap.count == n, n > 0, t > 0 else {
            throw FactorModelError(stage: stage, message: "\(n) assets with \(marketCap.count) caps over \(t) dates")
        }
        guard q >= 0 else { throw FactorModelError(stage: stage, message: "shrinkage parameter must be ≥ 0, got \(q)") }
        let w = ExponentialWeights.weights(count: t, halfLife: halfLife)
        let u = residuals.elements
        var weighted = [Double](repeating: 0, count: n), weightSum = [Double](repeating: 0, count: n)
        var count = [Int](repeating: 0, count: n)
        for row in 0..<t {
            let wt = w[row]
            for i in 0..<n {
                let value = u[row * n + i]
                if value.isNaN { continue }
                weighted[i] += wt * value * value
                weightSum[i] += wt
                count[i] += 1
            }
        }
        let minimum = Swift.min(minimumObservations, t)
        let raw = (0..<n).map { count[$0] >= minimum && weightSum[$0] > 0 ? weighted[$0] / weightSum[$0] : .nan }
        let sigma = raw.map { $0.squareRoot() }

        let groups = Swift.min(10, n)
        let order = (0..<n).sorted { marketCap[$0] < marketCap[$1] || (marketCap[$0] == marketCap[$1] && $0 < $1) }
        var decile = [Int](repeating: 0, count: n)
        for (rank, i) in order.enumerated() { decile[i] = rank * groups / n }
        var capSum = [Double](repeating: 0, count: groups), capSigma = [Double](repeating: 0, count: groups)
        for i in 0..<n where !sigma[i].isNaN {
            capSum[decile[i]] += marketCap[i]
            capSigma[decile[i]] += marketCap[i] * sigma[i]
        }
        let prior = (0..<groups).map { capSum[$0] > 0 ? capSigma[$0] / capSum[$0] : Double.nan }
        var dispersionSum = [Double](repeating: 0, count: groups), members = [Int](repeating: 0, count: groups)
        for i in 0..<n where !sigma[i].isNaN {
            let d = sigma[i] - prior[decile[i]]
            dispersionSum[decile[i]] += d * d
            members[decile[i]] += 1
        }
        let dispersion = (0..<groups).map { members[$0] > 0 ? (dispersionSum[$0] / Double(members[$0])).squareRoot() : 0 }
        // A decile without any estimate borrows the cap-weighted mean over all assets.
        let allCap = capSum.reduce(0, +)
        let overall = allCap > 0 ? capSigma.reduce(0, +) / allCap : .nan
        guard overall.isFinite else {
            throw FactorModelError(stage: stage, message: "no asset has \(minimum) specific returns")
        }
        var variance = [Double](repeating: 0, count: n), shrinkageWeight = [Double](repeating: 0, count: n)
        var imputed: [Int] = []
        for i in 0..<n {
            let s = decile[i]
            let target = prior[s].isNaN ? overall : prior[s]
            if sigma[i].isNaN {
                variance[i] = target * target
                shrinkageWeight[i] = 1
                imputed.append(i)
                continue
            }
            let distance = q * abs(sigma[i] - target)
            let v = distance > 0 ? distance / (dispersion[s] + distance) : 0
            let shrunk = v * target + (1 - v) * sigma[i]
            variance[i] = shrunk * shrunk
            shrinkageWeight[i] = v
        }
        return Estimate(variance: variance, rawVariance: raw, shrinkageWeight: shrinkageWeight, sizeDecile: decile, imputed: imputed)
    }
}
