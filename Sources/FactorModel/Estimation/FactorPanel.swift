import RiskMath

/// What the cross-sectional regression is estimated on: T dates of N asset returns, and
/// for each date the exposure snapshot in force (`snapshotOfDate[t]` indexes `snapshots`).
/// A NaN return means the asset has no return that date: it is left out of that date's
/// regression (weight 0) and its residual is NaN.
public struct FactorPanel: Sendable {
    public var dates: [String]
    /// T × N, row t = the cross-section of date t.
    public var returns: Matrix
    public var snapshots: [ExposureSnapshot]
    public var snapshotOfDate: [Int]

    public var factors: [Factor] { snapshots.first?.factors ?? [] }
    public var dateCount: Int { returns.rows }
    public var assetCount: Int { returns.columns }

    /// Throws unless the shapes agree, every snapshot has the same factors and N, and
    /// every date points at a snapshot.
    public init(dates: [String], returns: Matrix, snapshots: [ExposureSnapshot], snapshotOfDate: [Int]) throws(FactorModelError) {
        let stage = "factor panel"
        guard returns.rows == dates.count, snapshotOfDate.count == dates.count else {
            throw FactorModelError(stage: stage, message: "\(dates.count) dates, \(returns.rows) return rows, \(snapshotOfDate.count) snapshot indices")
        }
        guard let first = snapshots.first else { throw FactorModelError(stage: stage, message: "no exposure snapshot") }
        for (s, snapshot) in snapshots.enumerated() {
            guard snapshot.factors == first.factors, snapshot.assetCount == returns.columns else {
                throw FactorModelError(stage: stage, item: "snapshot \(s)",
                                       message: "factors or asset count differ from snapshot 0 / the returns (\(returns.columns) assets)")
            }
        }
        if let t = snapshotOfDate.firstIndex(where: { $0 < 0 || $0 >= snapshots.count }) {
            throw FactorModelError(stage: stage, item: dates[t], message: "snapshot index \(snapshotOfDate[t]) outside 0..<\(snapshots.count)")
        }
        if let k = returns.elements.firstIndex(where: { $0.isInfinite }) {
            throw FactorModelError(stage: stage, item: dates[k / returns.columns], message: "infinite return of asset \(k % returns.columns)")
        }
        self.dates = dates
        self.returns = returns
        self.snapshots = snapshots
        self.snapshotOfDate = snapshotOfDate
    }
}
