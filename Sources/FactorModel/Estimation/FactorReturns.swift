import RiskMath

/// The output of the cross-sectional regressions: one factor return per factor and date,
/// the specific (residual) returns, and fit diagnostics.
public struct FactorReturns: Sendable {
    public var factors: [Factor]
    public var dates: [String]
    /// T × K: f_t in row t (same units as the asset returns).
    public var values: Matrix
    /// T × N: u_t = r_t − X_t·f_t; NaN where the asset had no return.
    public var residuals: Matrix
    /// Per date, the weighted uncentred R² = 1 − Σ w_i u_i² / Σ w_i r_i² (w = √cap).
    public var rSquared: [Double]
    /// Per date, the number of assets with a return.
    public var observations: [Int]
    /// Per date, the dummy factors dropped because no asset carried them (their return is 0).
    public var droppedFactors: [[Int]]

    /// The history of factor returns as a labelled series.
    public func series(periodsPerYear: Double) throws(FactorModelError) -> FactorReturnSeries {
        try FactorReturnSeries(names: factors.map(\.name), labels: dates, returns: values, periodsPerYear: periodsPerYear)
    }
}
