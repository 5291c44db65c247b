import RiskMath

/// Estimates the Vasicek satellite's credit-cycle index on history
/// (METHODOLOGY §2.1): the credit-cycle proxy (BAA − AAA spread) is turned
/// into an index Z = −(s − mean s)/sd s (wide spreads = bad times = Z < 0) and
/// regressed by OLS on the standardised drivers x̃_k = (x_k − μ_k)/σ_k:
///
///   Z_t = c + Σ_k β_k·x̃_k,t + ε_t
///
/// μ_k, σ_k (sample standard deviation) come from the same sample and are
/// stored with β so a scenario path is standardised exactly as the history
/// was. Standard errors are OLS (σ̂²(XᵀX)⁻¹); the residuals of macro
/// regressions are autocorrelated, so the Durbin–Watson statistic is reported
/// beside them as a warning sign, not hidden.
public enum SatelliteFit {
    public struct Driver: Sendable, Equatable {
        public var variable: String
        public var values: [Double]
        public init(variable: String, values: [Double]) {
            self.variable = variable
            self.values = values
        }
    }

    public struct Coefficient: Sendable, Equatable {
        public var variable: String
        public var beta: Double
        public var standardError: Double
        public var mean: Double
        public var standardDeviation: Double
        public var tStatistic: Double { beta / standardError }
    }

    public struct Result: Sendable, Equatable {
        public var observations: Int
        public var intercept: Double
        public var interceptStandardError: Double
        public var coefficients: [Coefficient]
        public var rSquared: Double
        public var adjustedRSquared: Double
        public var residualStandardError: Double
        public var durbinWatson: Double
        public var proxyMean: Double
        public var proxyStandardDeviation: Double

        /// The fitted parameters as a satellite.
        public var parameters: VasicekParameters {
            VasicekParameters(intercept: intercept, drivers: coefficients.map {
                .init(variable: $0.variable, beta: $0.beta, mean: $0.mean, standardDeviation: $0.standardDeviation)
            })
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case tooFewObservations(Int, needed: Int)
        case lengthMismatch(variable: String, count: Int, expected: Int)
        case constantSeries(String)
        case singular(String)

        public var description: String {
            switch self {
            case let .tooFewObservations(n, needed): return "\(n) observations; at least \(needed) are needed"
            case let .lengthMismatch(v, n, e): return "\(v) has \(n) values, the proxy \(e)"
            case let .constantSeries(v): return "\(v) does not vary over the sample"
            case let .singular(m): return "the regression cannot be solved: \(m)"
            }
        }
    }

    public static func fit(proxy: [Double], drivers: [Driver]) throws(Failure) -> Result {
        let n = proxy.count, k = drivers.count
        guard n >= k + 3 else { throw .tooFewObservations(n, needed: k + 3) }
        for d in drivers where d.values.count != n {
            throw .lengthMismatch(variable: d.variable, count: d.values.count, expected: n)
        }
        let (proxyMean, proxySD) = meanAndSD(proxy)
        guard proxySD > 0 else { throw .constantSeries("the proxy") }
        let z = proxy.map { -($0 - proxyMean) / proxySD }

        var design = [Double](repeating: 0, count: n * (k + 1))
        var moments: [(Double, Double)] = []
        for (j, d) in drivers.enumerated() {
            let (m, s) = meanAndSD(d.values)
            guard s > 0 else { throw .constantSeries(d.variable) }
            moments.append((m, s))
            for t in 0..<n { design[t * (k + 1) + j + 1] = (d.values[t] - m) / s }
        }
        for t in 0..<n { design[t * (k + 1)] = 1 }

        let x: Matrix
        let ls: LeastSquaresFit
        let covariance: Matrix
        do {
            x = try Matrix(rows: n, columns: k + 1, elements: design)
            ls = try x.leastSquares(z)
            let xtx = try Matrix.gemmProduct(x, x)
            var inverse = [Double](repeating: 0, count: (k + 1) * (k + 1))
            for c in 0...k {
                var e = [Double](repeating: 0, count: k + 1)
                e[c] = 1
                let column = try xtx.solvePositiveDefinite(e)
                for r in 0...k { inverse[r * (k + 1) + c] = column[r] }
            }
            covariance = try Matrix(rows: k + 1, columns: k + 1, elements: inverse)
        } catch {
            throw .singular(String(describing: error))
        }

        let beta = ls.coefficients
        var residuals = [Double](repeating: 0, count: n)
        for t in 0..<n {
            var fitted = 0.0
            for j in 0...k { fitted += design[t * (k + 1) + j] * beta[j] }
            residuals[t] = z[t] - fitted
        }
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let tss = z.reduce(0) { $0 + $1 * $1 } // z has mean 0
        let dof = Double(n - k - 1)
        let sigma2 = rss / dof
        var dwNumerator = 0.0
        for t in 1..<n { dwNumerator += (residuals[t] - residuals[t - 1]) * (residuals[t] - residuals[t - 1]) }
        let r2 = 1 - rss / tss
        return Result(
            observations: n, intercept: beta[0], interceptStandardError: (sigma2 * covariance[0, 0]).squareRoot(),
            coefficients: drivers.enumerated().map { j, d in
                Coefficient(variable: d.variable, beta: beta[j + 1],
                            standardError: (sigma2 * covariance[j + 1, j + 1]).squareRoot(),
                            mean: moments[j].0, standardDeviation: moments[j].1)
            },
            rSquared: r2, adjustedRSquared: 1 - (1 - r2) * Double(n - 1) / dof,
            residualStandardError: sigma2.squareRoot(), durbinWatson: dwNumerator / rss,
            proxyMean: proxyMean, proxyStandardDeviation: proxySD)
    }

    /// Mean and sample standard deviation (n − 1).
    static func meanAndSD(_ x: [Double]) -> (Double, Double) {
        let m = x.reduce(0, +) / Double(x.count)
        let v = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
        return (m, v.squareRoot())
    }
}

extension Matrix {
    /// XᵀX through dgemm.
    static func gemmProduct(_ x: Matrix, _ y: Matrix) throws(LinearAlgebraError) -> Matrix {
        var out = Matrix(rows: x.columns, columns: y.columns)
        try Matrix.gemm(alpha: 1, x, transposeA: true, y, transposeB: false, beta: 0, into: &out)
        return out
    }
}
