@testable import FactorModel
import Foundation
import RiskMath
import TestSupport
import XCTest

/// Recovery of the true factor returns and covariance on a synthetic panel generated from
/// a known factor structure, with tolerances from the sampling error.
final class CrossSectionalRegressionTests: XCTestCase {
    static let configuration = SyntheticFactorPanel.Configuration(
        assets: 400, dates: 300, industries: 6, countries: 3, styles: 4, snapshotInterval: 50, seed: 7)

    nonisolated(unsafe) static var cached: (SyntheticFactorPanel, FactorReturns)?

    func panelAndFit() throws -> (SyntheticFactorPanel, FactorReturns) {
        if let cached = Self.cached { return cached }
        let synthetic = try SyntheticFactorPanel.generate(Self.configuration)
        let fit = try CrossSectionalRegression.estimate(synthetic.panel)
        Self.cached = (synthetic, fit)
        return (synthetic, fit)
    }

    /// The estimation error of date t, e_t = ĝ_t − g_t on the free factors, is exactly
    /// N(0, V) with V = M⁻¹ZᵀWΔWZM⁻¹, M = ZᵀWZ, Z = X·R, W = diag(√cap) (computed here
    /// with the test's own restriction). So Σ_t e_tᵀV⁻¹e_t ~ χ² with T·K' degrees of
    /// freedom: mean T·K', SD √(2T·K'); the test allows 5 SD.
    func testRecoversTrueFactorReturnsWithinSamplingError() throws {
        let (synthetic, fit) = try panelAndFit()
        let panel = synthetic.panel
        let kinds = panel.factors.map(\.kind.rawValue)
        var chiSquare = 0.0, degrees = 0
        var largest = 0.0
        for (s, snapshot) in panel.snapshots.enumerated() {
            let x = snapshot.exposures, caps = snapshot.marketCap
            let capByFactor = try x.transpose * caps
            let (r, free) = referenceRestriction(kinds: kinds, capByFactor: capByFactor)
            let z = try x * r
            let m = free.count
            var wz = z, w2dz = z
            for i in 0..<x.rows {
                let w = caps[i].squareRoot()
                for a in 0..<m {
                    wz[i, a] *= w
                    w2dz[i, a] *= w * w * synthetic.trueSpecificVariance[i]
                }
            }
            let normal = try z.transpose * wz
            let meat = try z.transpose * w2dz
            let inverse = try inverted(normal)
            let v = try (inverse * meat) * inverse
            let vInverse = try inverted(symmetric(v))
            for t in 0..<panel.dateCount where panel.snapshotOfDate[t] == s {
                let e = free.map { fit.values[t, $0] - synthetic.trueFactorReturns[t, $0] }
                let ve = try vInverse * e
                chiSquare += zip(e, ve).reduce(0) { $0 + $1.0 * $1.1 }
                degrees += m
                for a in 0..<m { largest = max(largest, abs(e[a]) / v[a, a].squareRoot()) }
            }
        }
        let bound = 5 * (2 * Double(degrees)).squareRoot()
        XCTAssertLessThan(abs(chiSquare - Double(degrees)), bound, "χ² = \(chiSquare) on \(degrees) degrees of freedom")
        XCTAssertLessThan(largest, 6, "largest standardised error")
    }

    /// The estimated factor returns satisfy the cap-weighted constraints Σ_j c_j f_j = 0
    /// for the industry block and for the country block, on every date.
    func testIndustryAndCountryConstraintsHold() throws {
        let (synthetic, fit) = try panelAndFit()
        let panel = synthetic.panel
        for t in stride(from: 0, to: panel.dateCount, by: 7) {
            let snapshot = panel.snapshots[panel.snapshotOfDate[t]]
            for kind in [FactorKind.industry, .country] {
                var sum = 0.0, scale = 0.0
                for (j, factor) in panel.factors.enumerated() where factor.kind == kind {
                    var c = 0.0
                    for i in 0..<snapshot.assetCount where snapshot.exposures[i, j] == 1 { c += snapshot.marketCap[i] }
                    sum += c * fit.values[t, j]
                    scale += abs(c * fit.values[t, j])
                }
                XCTAssertLessThan(abs(sum), 1e-12 * scale, "\(kind) constraint on date \(t)")
            }
        }
    }

    /// F̂ (equal weights, mean 0) against the true population covariance, within 5
    /// sampling SDs √((F_jk² + F_jj F_kk)/T) plus the estimation noise V̄; and against the
    /// sample covariance of the true factor returns, where only the much smaller
    /// cross terms with the estimation error remain.
    func testRecoversTrueCovarianceWithinSamplingError() throws {
        let (synthetic, fit) = try panelAndFit()
        let t = Double(synthetic.panel.dateCount), k = synthetic.panel.factors.count
        let estimate = try FactorCovarianceEstimator.estimate(
            fit.values, options: FactorCovarianceOptions(eigenvalueFloor: 1e-12, demean: false))
        let truth = synthetic.trueCovariance
        let trueSample = try (synthetic.trueFactorReturns.transpose * synthetic.trueFactorReturns)
        var errors = fit.values.elements
        for i in errors.indices { errors[i] -= synthetic.trueFactorReturns.elements[i] }
        let e = try Matrix(rows: fit.values.rows, columns: k, elements: errors)
        let noise = try e.transpose * e
        for a in 0..<k {
            for b in 0..<k {
                let f = truth[a, b], faa = truth[a, a], fbb = truth[b, b]
                let vaa = noise[a, a] / t, vbb = noise[b, b] / t
                let sampling = 5 * ((f * f + faa * fbb) / t).squareRoot()
                XCTAssertLessThan(abs(estimate.covariance[a, b] - f - noise[a, b] / t), sampling,
                                  "F[\(a), \(b)] vs population")
                let cross = 5 * ((faa * vbb + fbb * vaa + 2 * vaa * vbb) / t).squareRoot()
                XCTAssertLessThan(abs(estimate.covariance[a, b] - noise[a, b] / t - trueSample[a, b] / t), cross + 1e-15,
                                  "F[\(a), \(b)] vs sample of the true returns")
            }
        }
    }

    /// A date with missing returns is solved on its own; the result equals LAPACK dgels on
    /// the √w-scaled constrained design (the test's own restriction over the available
    /// assets), and a complete date likewise through the batched path.
    func testMatchesLeastSquaresOracleWithAndWithoutMissingReturns() throws {
        var configuration = Self.configuration
        configuration.dates = 40
        configuration.missingFraction = 0.05
        let synthetic = try SyntheticFactorPanel.generate(configuration)
        let fit = try CrossSectionalRegression.estimate(synthetic.panel)
        let complete = try CrossSectionalRegression.estimate(
            SyntheticFactorPanel.generate({ var c = configuration; c.missingFraction = 0; return c }()).panel)
        let completePanel = try SyntheticFactorPanel.generate({ var c = configuration; c.missingFraction = 0; return c }()).panel
        for (panel, result, t) in [(synthetic.panel, fit, 3), (synthetic.panel, fit, 37), (completePanel, complete, 11)] {
            let snapshot = panel.snapshots[panel.snapshotOfDate[t]]
            let r = panel.returns.row(t)
            let available = (0..<r.count).filter { !r[$0].isNaN }
            XCTAssertEqual(result.observations[t], available.count)
            var caps = [Double](repeating: 0, count: r.count)
            for i in available { caps[i] = snapshot.marketCap[i] }
            let (restriction, _) = referenceRestriction(kinds: panel.factors.map(\.kind.rawValue),
                                                        capByFactor: try snapshot.exposures.transpose * caps)
            let z = try snapshot.exposures * restriction
            var design: [[Double]] = [], response: [Double] = []
            for i in available {
                let root = pow(snapshot.marketCap[i], 0.25)  // √w with w = √cap
                design.append(z.row(i).map { $0 * root })
                response.append(r[i] * root)
            }
            let g = try matrix(design).leastSquares(response).coefficients
            let expected = try restriction * g
            Golden.assertClose(result.values.row(t), expected, relative: 1e-9, scale: 1e-4, "date \(t) vs dgels")
            for i in available {
                let fitted = zip(snapshot.exposures.row(i), expected).reduce(0) { $0 + $1.0 * $1.1 }
                XCTAssertEqual(result.residuals[t, i], r[i] - fitted, accuracy: 1e-12)
            }
            for i in 0..<r.count where r[i].isNaN { XCTAssertTrue(result.residuals[t, i].isNaN) }
        }
    }

    func testResultsDoNotDependOnThreadCount() throws {
        var configuration = Self.configuration
        configuration.dates = 60
        configuration.snapshotInterval = 10
        configuration.missingFraction = 0.01
        let panel = try SyntheticFactorPanel.generate(configuration).panel
        let one = try CrossSectionalRegression.estimate(panel, threads: 1)
        let two = try CrossSectionalRegression.estimate(panel, threads: 2)
        XCTAssertEqual(one.values, two.values)
        XCTAssertEqual(one.residuals.elements.map(\.bitPattern), two.residuals.elements.map(\.bitPattern))
    }

    func testSyntheticPanelIsDeterministic() throws {
        var configuration = Self.configuration
        configuration.dates = 20
        let a = try SyntheticFactorPanel.generate(configuration), b = try SyntheticFactorPanel.generate(configuration)
        XCTAssertEqual(a.panel.returns, b.panel.returns)
        XCTAssertEqual(a.trueFactorReturns, b.trueFactorReturns)
        configuration.seed += 1
        XCTAssertNotEqual(try SyntheticFactorPanel.generate(configuration).panel.returns, a.panel.returns)
    }

    /// Specific variances with q = 0 and equal weights recover the true Δ: each within 5
    /// sampling SDs (√(2/T) relative) after the regression's degrees-of-freedom loss.
    func testSpecificVariancesRecoverTruth() throws {
        let (synthetic, fit) = try panelAndFit()
        let estimate = try SpecificRisk.estimate(residuals: fit.residuals, marketCap: synthetic.panel.snapshots.last!.marketCap,
                                                 halfLife: nil, shrinkage: 0)
        let t = Double(synthetic.panel.dateCount)
        let ratios = zip(estimate.variance, synthetic.trueSpecificVariance).map { $0 / $1 }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        XCTAssertEqual(mean, 1, accuracy: 0.05, "mean σ̂²/Δ")
        let outside = ratios.filter { abs($0 - 1) > 5 * (2 / t).squareRoot() + 0.05 }.count
        XCTAssertEqual(outside, 0)
    }

    func inverted(_ m: Matrix) throws -> Matrix {
        let n = m.rows
        var out = Matrix(rows: n, columns: n)
        for a in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[a] = 1
            let column = try m.solvePositiveDefinite(unit)
            for b in 0..<n { out[b, a] = column[b] }
        }
        return out
    }

    func symmetric(_ m: Matrix) -> Matrix {
        var out = m
        for i in 0..<m.rows { for j in 0..<m.columns { out[i, j] = 0.5 * (m[i, j] + m[j, i]) } }
        return out
    }
}
