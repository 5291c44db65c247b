/// Reverse stress tests (METHODOLOGY §2.5): the severity at which a loss
/// target is reached or capital breaches its floor, by bisection as the seed.
public enum ReverseStress {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case targetOutOfRange(target: Double, low: Double, high: Double, lowMultiplier: Double, highMultiplier: Double)
        case alreadyBreached(ratio: Double, floor: Double)
        case neverBreached(ratio: Double, floor: Double, multiplier: Double)

        public var description: String {
            switch self {
            case let .targetOutOfRange(t, lo, hi, ml, mh):
                return "target EL \(t) is outside the achievable range [\(lo), \(hi)] for multipliers [\(ml), \(mh)]"
            case let .alreadyBreached(r, f):
                return "the CET1 ratio \(r) is already below the floor \(f) without stress"
            case let .neverBreached(r, f, m):
                return "the CET1 ratio \(r) stays above the floor \(f) even at multiplier \(m)"
            }
        }
    }

    public struct MultiplierResult: Sendable, Equatable, Codable {
        public var multiplier: Double
        public var stressedEL: Double
        /// CET1 ratio at the multiplier (capital breach only).
        public var cet1Ratio: Double?
        public var iterations: Int
        enum CodingKeys: String, CodingKey {
            case multiplier, stressedEL = "stressed_el", cet1Ratio = "cet1_ratio", iterations
        }
    }

    /// Σ min(PD·m, 1)·LGD·EAD.
    public static func expectedLoss(pd: [Double], lgd: [Double], ead: [Double], multiplier m: Double) -> Double {
        var total = 0.0
        for i in pd.indices { total += min(pd[i] * m, 1) * lgd[i] * ead[i] }
        return total
    }

    /// The PD multiplier m in [low, high] with EL(m) = target, to an absolute
    /// tolerance on EL (seed: 0.001, at most 1,000 bisections).
    public static func multiplierForTargetEL(pd: [Double], lgd: [Double], ead: [Double], target: Double,
                                             range: ClosedRange<Double> = 1...10,
                                             tolerance: Double = 0.001) throws(Failure) -> MultiplierResult {
        var low = range.lowerBound, high = range.upperBound
        let elLow = expectedLoss(pd: pd, lgd: lgd, ead: ead, multiplier: low)
        let elHigh = expectedLoss(pd: pd, lgd: lgd, ead: ead, multiplier: high)
        guard target >= elLow && target <= elHigh else {
            throw .targetOutOfRange(target: target, low: elLow, high: elHigh, lowMultiplier: low, highMultiplier: high)
        }
        var mid = (low + high) / 2
        var iterations = 0
        for n in 1...1_000 {
            iterations = n
            mid = (low + high) / 2
            let el = expectedLoss(pd: pd, lgd: lgd, ead: ead, multiplier: mid)
            if abs(el - target) < tolerance { break }
            if el < target { low = mid } else { high = mid }
        }
        return MultiplierResult(multiplier: mid, stressedEL: expectedLoss(pd: pd, lgd: lgd, ead: ead, multiplier: mid),
                                cet1Ratio: nil, iterations: iterations)
    }

    /// The PD multiplier in [1, 10] at which (CET1 − EL(m)) / RWA(m) reaches the
    /// floor (seed tolerance 1e-4 on the ratio). `rwa` gives RWA at the stressed
    /// PDs: fixed (the seed's default Σ EAD) or the IRB formula (capital engine).
    public static func capitalBreachMultiplier(pd: [Double], lgd: [Double], ead: [Double], cet1: Double,
                                               floor: Double = 0.045,
                                               rwa: (_ multiplier: Double) -> Double) throws(Failure) -> MultiplierResult {
        func ratio(_ m: Double) -> (ratio: Double, el: Double) {
            let el = expectedLoss(pd: pd, lgd: lgd, ead: ead, multiplier: m)
            let r = rwa(m)
            return (r <= 0 ? 0 : (cet1 - el) / r, el)
        }
        let atOne = ratio(1).ratio
        guard atOne >= floor else { throw .alreadyBreached(ratio: atOne, floor: floor) }
        let atTen = ratio(10).ratio
        guard atTen < floor else { throw .neverBreached(ratio: atTen, floor: floor, multiplier: 10) }
        var low = 1.0, high = 10.0, mid = 5.5
        var iterations = 0
        for n in 1...1_000 {
            iterations = n
            mid = (low + high) / 2
            let r = ratio(mid).ratio
            if abs(r - floor) < 0.0001 { break }
            if r > floor { low = mid } else { high = mid }
        }
        let final = ratio(mid)
        return MultiplierResult(multiplier: mid, stressedEL: final.el, cet1Ratio: final.ratio, iterations: iterations)
    }

    /// The severity factor k in [0, kMax] at which `breaches(k)` first holds,
    /// by bisection to `tolerance` on k, for a monotone severity (scaling the
    /// scenario's deviations from neutral by k). Nil when even kMax does not breach.
    public static func severityScaling(kMax: Double = 5, tolerance: Double = 1e-4,
                                       breaches: (Double) -> Bool) -> Double? {
        if breaches(0) { return 0 }
        guard breaches(kMax) else { return nil }
        var low = 0.0, high = kMax
        while high - low > tolerance {
            let mid = (low + high) / 2
            if breaches(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// The factor `severityScaling` returns, found in fewer evaluations. Bisection on
    /// [0, kMax] only ever evaluates the grid kMax·j/2ⁿ (n the halvings to reach
    /// `tolerance`), and for a monotone severity it returns the first grid point that
    /// breaches. (For a breach that is not monotone in k, both return a breaching grid
    /// point whose predecessor does not breach, not necessarily the same one.) This search
    /// finds that same grid point, guided by the breach margin (CET1 ratio − hurdle,
    /// negative when breached): it aims at the root estimated through the newest margin and
    /// the two others nearest zero (`rootEstimate`: a parabola, else a secant), on the far
    /// side so the bracket closes by crossing, with halving when that twice fails to halve
    /// the bracket. Monotonicity also spares evaluating kMax once anything below it
    /// breaches. `evaluate(k)` gives (breached, margin); `atZero` is the k = 0 outcome when
    /// the caller has it; `guides` are margins known near a k (the scenario as published at
    /// k = 1), used only to aim, never as outcomes.
    ///
    /// `surrogate` is a cheap estimate of the margin (the book subsampled). The same search
    /// on it predicts the grid point, which is evaluated first; from each outcome the next
    /// probe aims at the root along the surrogate's slope (then the secant of two outcomes
    /// some cells apart), so a good prediction costs two evaluations: the point and its
    /// predecessor. A poor one only costs more: after four such probes the search above goes
    /// on from what it learnt, and the outcomes, hence the answer, are always `evaluate`'s.
    public static func severityScalingOnGrid(kMax: Double = 5, tolerance: Double = 1e-4,
                                             atZero: (breached: Bool, margin: Double)? = nil,
                                             guides: [(k: Double, margin: Double)] = [],
                                             surrogate: ((Double) -> Double)? = nil,
                                             evaluate: (Double) -> (breached: Bool, margin: Double)) -> Double? {
        var steps = 0, width = kMax
        while width > tolerance { width /= 2; steps += 1 }
        let cells = 1 << steps
        // j·kMax/2ⁿ is exact for a kMax of few significant bits (5 here), so each k is bit for
        // bit the midpoint bisection would form.
        func k(_ j: Int) -> Double { Double(j) * kMax / Double(cells) }
        let zero = atZero ?? evaluate(0)
        if zero.breached { return 0 }
        // Cells lo and below do not breach; hi breaches once `hiBreached` (else it is kMax, untried).
        var lo = 0, hi = cells, hiBreached = false
        var points = [MarginPoint(x: 0, margin: zero.margin)]
        points += guides.map { MarginPoint(x: $0.k / kMax * Double(cells), margin: $0.margin) }
        var newest: MarginPoint?
        var slowSteps = 0
        /// Evaluates cell j and narrows the bracket; false when kMax itself does not breach.
        func probe(_ j: Int) -> Bool {
            let outcome = evaluate(k(j))
            if outcome.breached {
                hi = j
                hiBreached = true
            } else {
                if j == cells { return false }
                lo = j
            }
            let point = MarginPoint(x: Double(j), margin: outcome.margin)
            points.append(point)
            newest = point
            return true
        }
        if let surrogate {
            let zero = surrogate(0)
            let predicted = severityScalingOnGrid(kMax: kMax, tolerance: tolerance, atZero: (zero < 0, zero),
                                                  guides: guides.map { ($0.k, surrogate($0.k)) }) { x in
                let margin = surrogate(x)
                return (margin < 0, margin)
            }
            // No breach predicted: kMax first, as without an estimate.
            let p = predicted.map { min(max(Int(($0 / kMax * Double(cells)).rounded()), 1), cells) } ?? cells
            // The surrogate's margin per cell at its root (its last bracket, both evaluated).
            var slope = p < cells ? surrogate(k(p)) - surrogate(k(p - 1)) : .nan
            var target = p
            var previous: MarginPoint?
            for _ in 0..<4 {
                guard probe(target) else { return nil }
                if hiBreached && hi - lo <= 1 { break }
                // Two outcomes some cells apart measure the slope better than the surrogate does.
                if let a = previous, let b = newest, abs(b.x - a.x) >= 2, case let secant = (b.margin - a.margin) / (b.x - a.x),
                   secant.isFinite, secant < 0 {
                    slope = secant
                }
                previous = newest
                // The surrogate's error at a probe is nearly its error a few cells away: the
                // root lies along its slope from the newest outcome. Margins below zero from the
                // first cell past that root; the next probe is that cell, or the one before it
                // when that cell is already known to breach, so the bracket closes.
                let m = newest!.margin
                var next = hiBreached ? hi - 1 : lo + 1
                if slope < 0, m.isFinite, case let x = newest!.x - m / slope, x.isFinite,
                   x > Double(lo) - 1, x < Double(hi) {
                    next = Int(x.rounded(.down)) + 1
                    if hiBreached && next >= hi { next = hi - 1 }
                }
                target = min(max(next, lo + 1), hiBreached ? hi - 1 : cells)
            }
        }
        while !(hiBreached && hi - lo <= 1) {
            let width = hi - lo
            // Without an estimate (one point, flat or non-finite margins) try kMax first: a
            // scenario that never breaches then costs one evaluation.
            var j = width <= 1 || (slowSteps < 2 && !hiBreached) ? hi : (lo + hi) / 2
            if width > 1, slowSteps < 2, let (x, nearestMargin) = rootEstimate(points, newest: newest, bracket: lo, hi + 1) {
                let cell = nearestMargin >= 0 ? x.rounded(.up) : x.rounded(.down)
                // A root beyond the bracket (or behind it: a margin that grows with k) sends
                // the search to kMax while nothing has breached yet.
                let outside = cell >= Double(hi) || cell <= Double(lo)
                j = !hiBreached && outside ? hi : Int(min(max(cell, Double(lo + 1)), Double(hi - 1)))
            }
            let bisected = slowSteps >= 2
            guard probe(j) else { return nil }  // kMax itself does not breach
            slowSteps = bisected || 2 * (hi - lo) <= width ? 0 : slowSteps + 1
        }
        return k(hi)
    }

    struct MarginPoint {
        var x: Double
        var margin: Double
    }

    /// The root of the margin in grid cells, and the margin nearest zero among the points it
    /// used: through the newest evaluation and the two other points nearest zero, the root of
    /// the parabola through them (Muller's step) that lies strictly between `low` and `high`,
    /// nearest the point nearest zero; else a secant through the newest and the other point
    /// nearest zero (before any evaluation, the two nearest zero). The newest point always
    /// takes part, so an overshoot corrects the next aim at once, and the parabola follows
    /// the curvature of losses that accelerate with severity, where a secant creeps.
    static func rootEstimate(_ points: [MarginPoint], newest: MarginPoint?, bracket low: Int, _ high: Int) -> (x: Double, nearestMargin: Double)? {
        let finite = points.filter { $0.margin.isFinite }.sorted { abs($0.margin) < abs($1.margin) }
        func secant(_ a: MarginPoint, _ b: MarginPoint) -> (x: Double, nearestMargin: Double)? {
            guard a.margin != b.margin else { return nil }
            let x = a.x - a.margin * (b.x - a.x) / (b.margin - a.margin)
            return x.isFinite ? (x, abs(a.margin) <= abs(b.margin) ? a.margin : b.margin) : nil
        }
        guard let newest, newest.margin.isFinite else {
            return finite.count >= 2 ? secant(finite[0], finite[1]) : nil
        }
        var used = [newest]
        for p in finite where !used.contains(where: { $0.x == p.x }) {
            used.append(p)
            if used.count == 3 { break }
        }
        guard used.count >= 2 else { return nil }
        if used.count == 3, let x = parabolaRoot(used, within: Double(low), Double(high)) {
            return (x, used.map(\.margin).min { abs($0) < abs($1) }!)
        }
        return secant(newest, used[1])
    }

    /// The root strictly inside (low, high) of the parabola through three points of distinct
    /// x, nearest the point of smallest |margin|; nil when it has none there.
    static func parabolaRoot(_ p: [MarginPoint], within low: Double, _ high: Double) -> Double? {
        // Centred on the point nearest zero, so the constant term is that margin, not a
        // difference of large terms.
        let centre = p.min { abs($0.margin) < abs($1.margin) }!
        let others = p.filter { $0.x != centre.x }
        let (u, v) = (others[0], others[1])
        let du = (u.margin - centre.margin) / (u.x - centre.x)
        let dv = (v.margin - centre.margin) / (v.x - centre.x)
        // margin ≈ c + b·t + a·t², t = x − centre.x
        let a = (du - dv) / (u.x - v.x)
        let b = du - a * (u.x - centre.x)
        let c = centre.margin
        var roots: [Double] = []
        if a == 0 {
            if b != 0 { roots = [-c / b] }
        } else {
            let discriminant = b * b - 4 * a * c
            guard discriminant >= 0 else { return nil }
            let q = -0.5 * (b + (b < 0 ? -discriminant.squareRoot() : discriminant.squareRoot()))
            roots = [q / a]
            if q != 0 { roots.append(c / q) }
        }
        return roots.map { $0 + centre.x }
            .filter { $0.isFinite && $0 > low && $0 < high }
            .min { abs($0 - centre.x) < abs($1 - centre.x) }
    }
}
