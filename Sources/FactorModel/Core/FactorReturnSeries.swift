import RiskMath

/// A history of factor (or index) returns: T periods × K named series, oldest first.
///
/// Units are the caller's (the Fama-French builder passes decimal returns per month);
/// `periodsPerYear` (12 monthly, 252 daily) is what annualises a covariance.
public struct FactorReturnSeries: Sendable, Equatable {
    public var names: [String]
    /// Period labels, oldest first (e.g. `1926-07`).
    public var labels: [String]
    /// T × K, row t = period t.
    public var returns: Matrix
    public var periodsPerYear: Double

    /// Throws unless `returns` is labels.count × names.count, finite, and periodsPerYear > 0.
    public init(names: [String], labels: [String], returns: Matrix, periodsPerYear: Double) throws(FactorModelError) {
        guard returns.rows == labels.count, returns.columns == names.count else {
            throw FactorModelError(stage: "factor return series",
                                   message: "returns are \(returns.rows)×\(returns.columns), expected \(labels.count) periods × \(names.count) series")
        }
        guard periodsPerYear > 0 else {
            throw FactorModelError(stage: "factor return series", message: "periodsPerYear must be positive, got \(periodsPerYear)")
        }
        if let k = returns.elements.firstIndex(where: { !$0.isFinite }) {
            throw FactorModelError(stage: "factor return series", item: labels[k / max(1, names.count)],
                                   message: "non-finite return in \(names[k % max(1, names.count)])")
        }
        self.names = names
        self.labels = labels
        self.returns = returns
        self.periodsPerYear = periodsPerYear
    }

    /// Series `name` as an array, or nil.
    public func series(_ name: String) -> [Double]? {
        names.firstIndex(of: name).map { returns.column($0) }
    }

    /// The last `count` periods (all when count ≥ T).
    public func suffix(_ count: Int) -> FactorReturnSeries {
        let keep = Swift.min(Swift.max(count, 0), labels.count)
        let start = labels.count - keep
        let k = names.count
        var copy = self
        copy.labels = Array(labels[start...])
        copy.returns = makeMatrix(rows: keep, columns: k, Array(returns.elements[(start * k)...]))
        return copy
    }
}
