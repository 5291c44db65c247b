@testable import FactorModel
import Foundation
import RiskMath
import TestSupport
import XCTest

final class CovarianceTests: XCTestCase {
    // MARK: - Exponential weights

    func testExponentialWeightsHalveEveryHalfLife() {
        let w = ExponentialWeights.weights(count: 100, halfLife: 10)
        XCTAssertEqual(w.reduce(0, +), 1, accuracy: 1e-14)
        XCTAssertEqual(w[89] / w[99], 0.5, accuracy: 1e-14)
        XCTAssertEqual(w[79] / w[99], 0.25, accuracy: 1e-14)
        XCTAssertEqual(ExponentialWeights.weights(count: 4, halfLife: nil), [0.25, 0.25, 0.25, 0.25])
        XCTAssertEqual(ExponentialWeights.effectiveCount([0.25, 0.25, 0.25, 0.25]), 4, accuracy: 1e-12)
    }

    // MARK: - Newey-West, by hand

    /// x = (1, −1, 1, −1), y = (1, 1, −1, −1), equal weights ¼, mean 0:
    /// Γ₀ = I; Γ₁ = ¼·Σ_{t=1}^{3} (x_t, y_t)(x_{t−1}, y_{t−1})ᵀ = ¼·[[−3, 1], [1, 1]];
    /// lag 1: C = Γ₀ + ½(Γ₁ + Γ₁ᵀ) = [[0.25, 0.25], [0.25, 1.25]];
    /// lag 2: Γ₂ = ¼·[[2, 0], [0, −2]], C = Γ₀ + ⅔(Γ₁ + Γ₁ᵀ) + ⅓(Γ₂ + Γ₂ᵀ)
    ///        = [[1 − 1 + 1/3, 1/3], [1/3, 1 + 1/3 − 1/3]] = [[1/3, 1/3], [1/3, 1]].
    func testNeweyWestHandComputed() throws {
        let x = matrix([[1, 1], [-1, 1], [1, -1], [-1, -1]])
        let w = [0.25, 0.25, 0.25, 0.25]
        assertMatrixClose(try NeweyWest.autocovariance(x, weights: w, lag: 1), matrix([[-0.75, 0.25], [0.25, 0.25]]),
                          tolerance: 1e-15, "Γ₁")
        assertMatrixClose(try NeweyWest.covariance(x, weights: w, lags: 0), .identity(2), tolerance: 1e-15, "lag 0")
        assertMatrixClose(try NeweyWest.covariance(x, weights: w, lags: 1), matrix([[0.25, 0.25], [0.25, 1.25]]),
                          tolerance: 1e-15, "lag 1")
        assertMatrixClose(try NeweyWest.covariance(x, weights: w, lags: 2), matrix([[1.0 / 3, 1.0 / 3], [1.0 / 3, 1]]),
                          tolerance: 1e-15, "lag 2")
    }

    /// With weights (0.1, 0.2, 0.3, 0.4) on the same data: Γ₁ = Σ_{t≥1} w_t x_t x_{t−1}ᵀ
    /// = 0.2·[[−1, −1], [1, 1]] + 0.3·[[−1, 1], [1, −1]] + 0.4·[[−1, 1], [−1, 1]]
    /// = [[−0.9, 0.5], [0.1, 0.3]].
    func testNeweyWestWeightedHandComputed() throws {
        let x = matrix([[1, 1], [-1, 1], [1, -1], [-1, -1]])
        assertMatrixClose(try NeweyWest.autocovariance(x, weights: [0.1, 0.2, 0.3, 0.4], lag: 1),
                          matrix([[-0.9, 0.5], [0.1, 0.3]]), tolerance: 1e-15, "weighted Γ₁")
    }

    // MARK: - Ledoit-Wolf

    /// x = (2, 0, −2, 0), y = (1, 1, −1, −1): S = [[2, 1], [1, 1]], μ = 1.5,
    /// δ = ‖S − μI‖²/2 = (0.25 + 1 + 1 + 0.25)/2 = 1.25; each ‖x_t x_tᵀ − S‖² = 6, so
    /// β = (1/16)·24/2 = 0.75; s = 0.75/1.25 = 0.6; Σ̂ = 0.4·S + 0.9·I = [[1.7, 0.4], [0.4, 1.3]]
    /// (scikit-learn's ledoit_wolf gives the same).
    func testLedoitWolfHandComputed() throws {
        let r = try LedoitWolf.shrink(matrix([[2, 1], [0, 1], [-2, -1], [0, -1]]))
        XCTAssertEqual(r.intensity, 0.6, accuracy: 1e-15)
        XCTAssertEqual(r.target, 1.5, accuracy: 1e-15)
        assertMatrixClose(r.shrunk, matrix([[1.7, 0.4], [0.4, 1.3]]), tolerance: 1e-15, "shrunk")
    }

    func testLedoitWolfMatchesScikitLearn() throws {
        let golden = try FactorGolden.json("ledoit_wolf.json")
        for c in golden["cases"] as! [[String: Any]] {
            let rows = c["rows"] as! Int, columns = c["columns"] as! Int
            let x = try Matrix(rows: rows, columns: columns, elements: c.doubles("observations")!)
            let r = try LedoitWolf.shrink(x)
            let expected = c.object("expected")!
            Golden.assertClose(r.intensity, expected.double("intensity")!, relative: 1e-12, "\(c["name"]!) intensity")
            Golden.assertClose(r.shrunk.elements, expected.doubles("shrunk")!, relative: 1e-12, scale: 1e-3, "\(c["name"]!) shrunk")
        }
    }

    // MARK: - Positive-definite repair

    func testRepairMakesIndefiniteMatrixPositiveDefinite() throws {
        // A "correlation" matrix with eigenvalues −0.8, 1.9, 1.9: not PSD.
        let bad = matrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        XCTAssertThrowsError(try bad.cholesky())
        let r = try PositiveDefiniteRepair.repair(bad, relativeFloor: 1e-4)
        XCTAssertEqual(r.clippedEigenvalues, 1)
        XCTAssertLessThan(r.minimumEigenvalueBefore, -0.5)
        XCTAssertNoThrow(try r.matrix.cholesky())
        XCTAssertGreaterThan(try r.matrix.symmetricEigendecomposition().eigenvalues[0], 0)
        for i in 0..<3 { XCTAssertEqual(r.matrix[i, i], 1, accuracy: 1e-12, "diagonal kept") }
        // Without keeping the diagonal, the smallest eigenvalue is the floor.
        let plain = try PositiveDefiniteRepair.repair(bad, relativeFloor: 1e-4, preserveDiagonal: false)
        let lambdas = try plain.matrix.symmetricEigendecomposition().eigenvalues
        XCTAssertEqual(lambdas[0], 1e-4 * lambdas[2], accuracy: 1e-12)
    }

    func testRepairLeavesPositiveDefiniteMatrixUnchanged() throws {
        let good = matrix([[4, 2, 0.5], [2, 3, 0.2], [0.5, 0.2, 1]])
        let r = try PositiveDefiniteRepair.repair(good)
        XCTAssertEqual(r.clippedEigenvalues, 0)
        XCTAssertEqual(r.matrix, good)
    }

    // MARK: - The estimator

    /// Separate half-lives: volatilities from the volatility weights, correlations from the
    /// correlation weights, each computed here directly from the definitions.
    func testSeparateHalfLivesFollowTheirDefinitions() throws {
        let t = 120
        let data = (0..<t).flatMap { i -> [Double] in
            let a = sin(Double(i) * 0.7) + 0.3 * cos(Double(i) * 1.9)
            let b = 0.5 * a + cos(Double(i) * 0.31) * (i > 60 ? 2 : 1)
            return [a, b]
        }
        let x = try Matrix(rows: t, columns: 2, elements: data)
        let options = FactorCovarianceOptions(volatilityHalfLife: 15, correlationHalfLife: 60)
        let e = try FactorCovarianceEstimator.estimate(x, options: options, periodsPerYear: 12)
        func moments(_ h: Double) -> (Double, Double, Double) {
            let w = ExponentialWeights.weights(count: t, halfLife: h)
            var ma = 0.0, mb = 0.0
            for i in 0..<t { ma += w[i] * data[2 * i]; mb += w[i] * data[2 * i + 1] }
            var saa = 0.0, sbb = 0.0, sab = 0.0
            for i in 0..<t {
                let da = data[2 * i] - ma, db = data[2 * i + 1] - mb
                saa += w[i] * da * da; sbb += w[i] * db * db; sab += w[i] * da * db
            }
            return (saa, sbb, sab)
        }
        let vol = moments(15), corr = moments(60)
        let rho = corr.2 / (corr.0 * corr.1).squareRoot()
        XCTAssertEqual(e.covariance[0, 0], 12 * vol.0, accuracy: 1e-13)
        XCTAssertEqual(e.covariance[1, 1], 12 * vol.1, accuracy: 1e-13)
        XCTAssertEqual(e.covariance[0, 1], 12 * rho * (vol.0 * vol.1).squareRoot(), accuracy: 1e-13)
        XCTAssertEqual(e.clippedEigenvalues, 0)
    }

    /// Fixed shrinkage scales the off-diagonal correlations by 1 − s, keeps variances.
    func testFixedShrinkageScalesCorrelations() throws {
        let x = matrix([[1, 2, 0], [2, 1, 1], [3, 5, -1], [0, 1, 2], [1, 0, 1], [4, 3, 0]])
        let plain = try FactorCovarianceEstimator.estimate(x, options: FactorCovarianceOptions())
        let shrunk = try FactorCovarianceEstimator.estimate(x, options: FactorCovarianceOptions(shrinkage: .fixed(0.25)))
        for i in 0..<3 {
            XCTAssertEqual(shrunk.covariance[i, i], plain.covariance[i, i], accuracy: 1e-14)
            for j in 0..<3 where j != i {
                XCTAssertEqual(shrunk.correlation[i, j], 0.75 * plain.correlation[i, j], accuracy: 1e-14)
            }
        }
    }

    /// More factors than periods: the sample covariance is singular; the estimate is
    /// repaired to positive definite.
    func testSingularSampleIsRepaired() throws {
        let x = matrix([[1, 2, 0, 1], [2, 1, 1, 0], [3, 5, -1, 2]])
        let e = try FactorCovarianceEstimator.estimate(x, options: FactorCovarianceOptions())
        XCTAssertGreaterThan(e.clippedEigenvalues, 0)
        XCTAssertNoThrow(try e.covariance.cholesky())
    }

    func testRejectsBadOptions() {
        let x = matrix([[1, 2], [2, 1], [3, 5]])
        XCTAssertThrowsError(try FactorCovarianceEstimator.estimate(x, options: .init(volatilityHalfLife: 0)))
        XCTAssertThrowsError(try FactorCovarianceEstimator.estimate(x, options: .init(neweyWestLags: -1)))
        XCTAssertThrowsError(try FactorCovarianceEstimator.estimate(x, options: .init(shrinkage: .fixed(1.5))))
    }

    func testOptionsRoundTripThroughJSON() throws {
        for options in [FactorCovarianceOptions.monthly, .daily, .init(shrinkage: .fixed(0.3)), .init()] {
            let data = try JSONEncoder().encode(options)
            XCTAssertEqual(try JSONDecoder().decode(FactorCovarianceOptions.self, from: data), options)
        }
        let text = String(decoding: try JSONEncoder().encode(FactorCovarianceOptions.monthly), as: UTF8.self)
        XCTAssertTrue(text.contains("\"shrinkage\":\"ledoit_wolf\""), text)
        XCTAssertTrue(text.contains("\"volatility_half_life\":36"), text)
    }
}
