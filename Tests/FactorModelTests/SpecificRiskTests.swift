@testable import FactorModel
import Foundation
import RiskMath
import TestSupport
import XCTest

final class SpecificRiskTests: XCTestCase {
    /// 20 assets in 10 size deciles of two; in decile 0 the raw volatilities are 0.1 (cap 1)
    /// and 0.3 (cap 3): σ̄ = (0.1 + 0.9)/4 = 0.25, Δ = √(((0.15)² + (0.05)²)/2) = √0.0125,
    /// with q = 0.1: v = 0.015/(√0.0125 + 0.015), σ = 0.1 + 0.15·v for the first asset,
    /// v' = 0.005/(√0.0125 + 0.005), σ' = 0.3 − 0.05·v' for the second.
    func testBayesianShrinkageHandComputed() throws {
        let n = 20, t = 20
        var sigma = [Double](repeating: 0, count: n), caps = [Double](repeating: 0, count: n)
        for j in 0..<10 {
            sigma[2 * j] = 0.1 + 0.01 * Double(j)
            sigma[2 * j + 1] = 0.3 + 0.01 * Double(j)
            caps[2 * j] = 10 * Double(j) + 1
            caps[2 * j + 1] = 10 * Double(j) + 3
        }
        var residuals = [Double](repeating: 0, count: t * n)
        for row in 0..<t { for i in 0..<n { residuals[row * n + i] = (row % 2 == 0 ? 1 : -1) * sigma[i] } }
        let e = try SpecificRisk.estimate(residuals: Matrix(rows: t, columns: n, elements: residuals), marketCap: caps,
                                          halfLife: nil, shrinkage: 0.1)
        XCTAssertEqual(e.sizeDecile[0], 0)
        XCTAssertEqual(e.sizeDecile[1], 0)
        XCTAssertEqual(e.sizeDecile[19], 9)
        let dispersion = 0.0125.squareRoot()
        let v = 0.015 / (dispersion + 0.015), w = 0.005 / (dispersion + 0.005)
        XCTAssertEqual(e.shrinkageWeight[0], v, accuracy: 1e-14)
        XCTAssertEqual(e.variance[0].squareRoot(), 0.1 + 0.15 * v, accuracy: 1e-14)
        XCTAssertEqual(e.variance[1].squareRoot(), 0.3 - 0.05 * w, accuracy: 1e-14)
        // q = 0 leaves the raw estimates.
        let raw = try SpecificRisk.estimate(residuals: Matrix(rows: t, columns: n, elements: residuals), marketCap: caps,
                                            halfLife: nil, shrinkage: 0)
        for i in 0..<n { XCTAssertEqual(raw.variance[i], sigma[i] * sigma[i], accuracy: 1e-15) }
    }

    /// An asset with too few specific returns gets its decile's cap-weighted mean.
    func testTooFewObservationsTakeTheDecileMean() throws {
        let n = 20, t = 30
        var residuals = [Double](repeating: 0.02, count: t * n)
        for row in 0..<25 { residuals[row * n + 5] = .nan }
        let e = try SpecificRisk.estimate(residuals: Matrix(rows: t, columns: n, elements: residuals),
                                          marketCap: (0..<n).map { Double($0 + 1) }, halfLife: 10)
        XCTAssertEqual(e.imputed, [5])
        XCTAssertEqual(e.variance[5], 0.0004, accuracy: 1e-15)
        XCTAssertTrue(e.rawVariance[5].isNaN)
    }
}
