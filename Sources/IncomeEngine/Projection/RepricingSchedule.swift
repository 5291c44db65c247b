import StressCore

/// When a tranche of a position first reprices, in whole months after it is written: h(j)
/// is the share repricing at the start of month j (j ≥ 1), H(j) = Σ_{i≤j} h(i).
///
/// A bucket (lo, hi] of the profile is spread evenly over its months: month j takes the
/// share of the bucket inside ((j − 1)/12, j/12]. The overnight and O/N–1M buckets therefore
/// reprice at the start of month 1: rates reset monthly on the grid. Repricing beyond the
/// horizon (and the over-20-year bucket) never enters, so H stays below 1 for long positions.
///
/// The same schedule serves the jump-off stock (its residual repricing dates, the profile)
/// and every tranche of new business that replaces a repriced one (like for like: new
/// business takes the position's own profile, METHODOLOGY §8.1).
struct RepricingSchedule {
    /// h[0] = 0; h[j] for j = 1...months.
    let h: [Double]
    /// H[j] = h[0] + ... + h[j].
    let cumulative: [Double]

    init(profile: [Double], months: Int) {
        var h = [Double](repeating: 0, count: months + 1)
        for (bucket, share) in zip(RepricingBucket.standard, profile) where share > 0 && bucket.upper.isFinite {
            if bucket.label == "overnight" {
                if months >= 1 { h[1] += share }
                continue
            }
            let lo = Self.months(bucket.lower), hi = Self.months(bucket.upper)
            var j = max(1, Int(lo.rounded(.down)) + 1)
            while j <= months, Double(j - 1) < hi {
                let overlap = min(hi, Double(j)) - max(lo, Double(j - 1))
                if overlap > 0 { h[j] += share * overlap / (hi - lo) }
                j += 1
            }
        }
        var cumulative = h
        for j in 1..<cumulative.count { cumulative[j] += cumulative[j - 1] }
        self.h = h
        self.cumulative = cumulative
    }

    /// Years → months, snapped to a whole month within 1e-9 (bucket bounds are whole months
    /// except the overnight bound).
    static func months(_ years: Double) -> Double {
        let m = years * 12
        return abs(m - m.rounded()) < 1e-9 ? m.rounded() : m
    }
}
