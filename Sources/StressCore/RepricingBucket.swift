/// A time bucket of the interest-rate repricing ladder: the 19 buckets of the BCBS
/// standardised framework for interest rate risk in the banking book (BCBS d368, April 2016,
/// Basel Framework SRP31; the same ladder in EBA/GL/2018/02 Annex III), with the midpoint
/// at which a bucket's cash flows are slotted for the economic value of equity.
///
/// A position's repricing profile gives, per bucket, the fraction of its amount that
/// reprices (or matures) in the bucket. Within a bucket the repricing dates are taken as
/// spread evenly over the bucket (the NII projection) or concentrated at its midpoint
/// (ΔEVE, as d368's standardised framework slots them).
public struct RepricingBucket: Sendable, Equatable {
    /// The key used in the balance sheet file (`1m`, `2y`, `over_20y`): the bucket's upper
    /// bound, or `overnight` and `over_20y` for the first and last.
    public var label: String
    /// Lower and upper bound in years; the last bucket's upper bound is infinity.
    public var lower: Double
    public var upper: Double
    /// Where its cash flows are slotted, in years (d368: the bucket's midpoint; 1 day for
    /// overnight; 25 years for over 20 years).
    public var midpoint: Double

    public init(label: String, lower: Double, upper: Double, midpoint: Double) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.midpoint = midpoint
    }

    /// The 19 standard buckets in order: overnight, O/N–1M, 1–3M, 3–6M, 6–9M, 9M–1Y,
    /// 1–1.5Y, 1.5–2Y, 2–3Y, then yearly to 10Y, 10–15Y, 15–20Y and over 20Y.
    public static let standard: [RepricingBucket] = {
        let month = 1.0 / 12
        // (label, lower, upper, midpoint): d368's midpoints as published (0.0028, 0.0417 and
        // 0.1667 are rounded; the rest are the averages of the bounds).
        let rows: [(String, Double, Double, Double)] = [
            ("overnight", 0, 1.0 / 365, 0.0028), ("1m", 1.0 / 365, month, 0.0417), ("3m", month, 0.25, 0.1667),
            ("6m", 0.25, 0.5, 0.375), ("9m", 0.5, 0.75, 0.625), ("1y", 0.75, 1, 0.875), ("1.5y", 1, 1.5, 1.25),
            ("2y", 1.5, 2, 1.75), ("3y", 2, 3, 2.5), ("4y", 3, 4, 3.5), ("5y", 4, 5, 4.5), ("6y", 5, 6, 5.5),
            ("7y", 6, 7, 6.5), ("8y", 7, 8, 7.5), ("9y", 8, 9, 8.5), ("10y", 9, 10, 9.5), ("15y", 10, 15, 12.5),
            ("20y", 15, 20, 17.5), ("over_20y", 20, .infinity, 25),
        ]
        return rows.map { RepricingBucket(label: $0.0, lower: $0.1, upper: $0.2, midpoint: $0.3) }
    }()

    public static var labels: [String] { standard.map(\.label) }

    /// The index of a bucket label in `standard`, nil for an unknown label.
    public static func index(of label: String) -> Int? { standard.firstIndex { $0.label == label } }
}
