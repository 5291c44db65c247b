import Foundation
import RiskMath

/// Maximum-likelihood logistic regression by iteratively reweighted least squares: each
/// step solves the normal equations (XᵀWX)·Δ = Xᵀ(y − p) by Cholesky (LAPACK `dposv`)
/// until no coefficient moves by more than 1e-10 (Newton–Raphson; quadratic convergence).
/// Standard errors are the square roots of diag((XᵀWX)⁻¹) at the optimum, as statsmodels'
/// `Logit` reports them; Wald z = β / SE with two-sided normal p-values.
public struct LogisticFit: Sendable, Equatable {
    /// Intercept first, then one per column of the design.
    public var coefficients: [Double]
    public var standardErrors: [Double]
    public var zValues: [Double]
    public var pValues: [Double]
    public var logLikelihood: Double
    /// Log-likelihood of the intercept-only model (McFadden's pseudo-R² = 1 − LL / LL₀).
    public var nullLogLikelihood: Double
    public var iterations: Int

    public var pseudoRSquared: Double { 1 - logLikelihood / nullLogLikelihood }
    /// Akaike: 2k − 2 LL.
    public var aic: Double { 2 * Double(coefficients.count) - 2 * logLikelihood }
}

public enum LogisticRegression {
    /// Fits y on the columns (each one value per observation) plus an intercept.
    /// Perfect or quasi-complete separation (fitted probabilities reaching 0 or 1, so the
    /// likelihood has no maximum) is an error naming the column that drives it.
    public static func fit(columns: [[Double]], names: [String], outcomes: [UInt8],
                           maximumIterations: Int = 100) throws(PDModelError) -> LogisticFit {
        let n = outcomes.count, k = columns.count + 1
        guard columns.allSatisfy({ $0.count == n }) else { throw PDModelError("every column needs one value per observation") }
        let events = outcomes.reduce(0) { $0 + Int($1) }
        guard events > 0, events < n else {
            throw PDModelError("the outcome needs both defaults and non-defaults (\(events) of \(n))")
        }
        guard n > k else { throw PDModelError("\(n) observations cannot fit \(k) coefficients") }
        func x(_ i: Int, _ j: Int) -> Double { j == 0 ? 1 : columns[j - 1][i] }

        /// The score Xᵀ(y − p), the information XᵀWX (symmetric, full) and the log-likelihood at β.
        func evaluate(_ beta: [Double]) -> (gradient: [Double], information: [Double], logLikelihood: Double) {
            var gradient = [Double](repeating: 0, count: k)
            var info = [Double](repeating: 0, count: k * k)
            var row = [Double](repeating: 0, count: k)
            var loglik = 0.0
            for i in 0..<n {
                var eta = 0.0
                for j in 0..<k { row[j] = x(i, j); eta += row[j] * beta[j] }
                let p = 1 / (1 + exp(-eta))
                // log(1 + e^η) computed without overflow.
                loglik += Double(outcomes[i]) * eta - (eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta)))
                let w = p * (1 - p)
                let residual = Double(outcomes[i]) - p
                for a in 0..<k {
                    gradient[a] += row[a] * residual
                    let wa = w * row[a]
                    for b in 0...a { info[a * k + b] += wa * row[b] }
                }
            }
            for a in 0..<k { for b in 0..<a { info[b * k + a] = info[a * k + b] } }
            return (gradient, info, loglik)
        }

        let rate = Double(events) / Double(n)
        var beta = [Double](repeating: 0, count: k)
        beta[0] = log(rate / (1 - rate))
        var iterations = 0
        while true {
            iterations += 1
            let (gradient, info, _) = evaluate(beta)
            do {
                let step = try Matrix(rows: k, columns: k, elements: info).solvePositiveDefinite(gradient)
                for j in 0..<k { beta[j] += step[j] }
                let largest = step.map(abs).max() ?? 0
                if beta.contains(where: { abs($0) > 50 }) || !largest.isFinite {
                    throw separation(beta, names)
                }
                if largest < 1e-10 * max(1, beta.map(abs).max() ?? 1) { break }
            } catch let error as PDModelError {
                throw error
            } catch {
                throw PDModelError("the characteristics are collinear or separate the outcome: \(error)")
            }
            if iterations >= maximumIterations {
                throw PDModelError("no convergence in \(maximumIterations) iterations; likely separation")
            }
        }
        // The information and likelihood at the converged coefficients, for the standard errors.
        let (_, info, loglik) = evaluate(beta)
        let covariance: [[Double]]
        do {
            let information = try Matrix(rows: k, columns: k, elements: info)
            covariance = try (0..<k).map { j -> [Double] in
                var unit = [Double](repeating: 0, count: k)
                unit[j] = 1
                return try information.solvePositiveDefinite(unit)
            }
        } catch {
            throw PDModelError("the information matrix is singular at the optimum: \(error)")
        }
        let se = (0..<k).map { sqrt(covariance[$0][$0]) }
        let z = zip(beta, se).map { $0 / $1 }
        let p = z.map { 2 * Normal.complementaryCDF(abs($0)) }
        let nullLL = Double(events) * log(rate) + Double(n - events) * log(1 - rate)
        return LogisticFit(coefficients: beta, standardErrors: se, zValues: z, pValues: p, logLikelihood: loglik,
                           nullLogLikelihood: nullLL, iterations: iterations)
    }

    static func separation(_ beta: [Double], _ names: [String]) -> PDModelError {
        let j = (1..<beta.count).max { abs(beta[$0]) < abs(beta[$1]) } ?? 0
        return PDModelError("the coefficient diverges (|β| > 50): the characteristic separates defaults from "
                            + "non-defaults perfectly, so the likelihood has no maximum; drop or rebin it",
                            characteristic: j > 0 && j - 1 < names.count ? names[j - 1] : nil)
    }

    /// Variance inflation factors: 1 / (1 − R²) of each column regressed on the others
    /// (with an intercept), which is the diagonal of the inverse correlation matrix of the
    /// columns. One pass builds the k × k correlation matrix, then k Cholesky solves (LAPACK
    /// `dposv`) read its inverse's diagonal: O(n·k²) instead of k least-squares fits over n
    /// rows. Above 5–10 a coefficient's standard error is inflated by collinearity.
    public static func varianceInflation(columns: [[Double]]) -> [Double] {
        let k = columns.count
        guard k > 1, let n = columns.first?.count, n > 1 else { return [Double](repeating: 1, count: k) }
        let means = columns.map { $0.reduce(0, +) / Double(n) }
        var cross = [Double](repeating: 0, count: k * k)
        var row = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for j in 0..<k { row[j] = columns[j][i] - means[j] }
            for a in 0..<k { for b in 0...a { cross[a * k + b] += row[a] * row[b] } }
        }
        let scale = (0..<k).map { sqrt(cross[$0 * k + $0]) }
        guard scale.allSatisfy({ $0 > 0 }) else { return [Double](repeating: .infinity, count: k) }
        var correlation = [Double](repeating: 0, count: k * k)
        for a in 0..<k {
            for b in 0...a {
                let r = cross[a * k + b] / (scale[a] * scale[b])
                correlation[a * k + b] = r
                correlation[b * k + a] = r
            }
        }
        guard let matrix = try? Matrix(rows: k, columns: k, elements: correlation) else {
            return [Double](repeating: .infinity, count: k)
        }
        return (0..<k).map { j in
            var unit = [Double](repeating: 0, count: k)
            unit[j] = 1
            guard let solved = try? matrix.solvePositiveDefinite(unit), solved[j] >= 1 else { return .infinity }
            return solved[j]
        }
    }
}
