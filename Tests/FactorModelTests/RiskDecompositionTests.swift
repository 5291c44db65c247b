@testable import FactorModel
import Foundation
import RiskMath
import TestSupport
import XCTest

final class RiskDecompositionTests: XCTestCase {
    let x = matrix([[1, 0.5, -1], [1, -0.2, 0.3], [1, 1.5, 0], [1, -1, 0.8], [1, 0, -0.4]])
    let f = matrix([[0.04, 0.004, -0.002], [0.004, 0.01, 0.001], [-0.002, 0.001, 0.0225]])
    let delta = [0.09, 0.04, 0.0625, 0.01, 0.0484]
    let h = [0.3, 0.25, 0.2, 0.15, 0.1]

    /// σ² = hᵀ(XFXᵀ + Δ)h computed directly; contributions add up; MCR is ∂σ/∂h.
    func testIdentitiesAndDefinitions() throws {
        let r = try RiskDecomposition.decompose(holdings: h, exposures: x, covariance: f, specificVariance: delta)
        let covariance = try (x * f) * x.transpose
        var variance = 0.0
        for i in 0..<5 { for j in 0..<5 { variance += h[i] * h[j] * (covariance[i, j] + (i == j ? delta[i] : 0)) } }
        XCTAssertEqual(r.total, variance.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(r.factorContributions.reduce(0, +) + r.specificContribution, r.total, accuracy: 1e-15)
        XCTAssertEqual(r.assetComponents.reduce(0, +), r.total, accuracy: 1e-15)
        XCTAssertEqual(r.systematic * r.systematic + r.specific * r.specific, r.total * r.total, accuracy: 1e-15)
        XCTAssertEqual(r.factorContributions.reduce(0, +) * r.total, r.systematic * r.systematic, accuracy: 1e-15)
        for i in 0..<5 {
            var up = h, down = h
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (try RiskDecomposition.decompose(holdings: up, exposures: x, covariance: f, specificVariance: delta).total
                - RiskDecomposition.decompose(holdings: down, exposures: x, covariance: f, specificVariance: delta).total) / 2e-6
            XCTAssertEqual(r.assetMarginal[i], numeric, accuracy: 1e-8, "MCR[\(i)]")
        }
    }

    func testActiveRiskIsRiskOfTheDifference() throws {
        let benchmark = [0.2, 0.2, 0.2, 0.2, 0.2]
        let active = try RiskDecomposition.active(portfolio: h, benchmark: benchmark, exposures: x, covariance: f,
                                                  specificVariance: delta)
        let direct = try RiskDecomposition.decompose(holdings: zip(h, benchmark).map { $0 - $1 }, exposures: x,
                                                     covariance: f, specificVariance: delta)
        XCTAssertEqual(active, direct)
        XCTAssertEqual(active.assetComponents.reduce(0, +), active.total, accuracy: 1e-15)
        XCTAssertEqual(try RiskDecomposition.active(portfolio: h, benchmark: h, exposures: x, covariance: f,
                                                    specificVariance: delta).total, 0)
    }

    func testReturnAttributionAddsUp() throws {
        let factorReturns = [0.01, -0.02, 0.005]
        let specific = [0.003, -0.001, 0.002, 0, -0.004]
        let returns = try (x * factorReturns).enumerated().map { $1 + specific[$0] }
        let a = try ReturnAttribution.crossSectional(holdings: h, exposures: x, factorReturns: factorReturns, assetReturns: returns)
        XCTAssertEqual(a.total, zip(h, returns).reduce(0) { $0 + $1.0 * $1.1 }, accuracy: 1e-16)
        XCTAssertEqual(a.specific, zip(h, specific).reduce(0) { $0 + $1.0 * $1.1 }, accuracy: 1e-16)
        XCTAssertEqual(a.factors[0], h.reduce(0, +) * 0.01, accuracy: 1e-16)
    }

    /// The fitted model on a synthetic panel: a portfolio's risk report adds up.
    func testFittedModelReport() throws {
        var configuration = CrossSectionalRegressionTests.configuration
        configuration.dates = 120
        let synthetic = try SyntheticFactorPanel.generate(configuration)
        let fit = try FactorModelEstimation.fit(synthetic.panel, options: .init(covariance: .init(volatilityHalfLife: 60,
                                                correlationHalfLife: 120, neweyWestLags: 1, shrinkage: .ledoitWolf)))
        let n = synthetic.panel.assetCount
        let holdings = (0..<n).map { _ in 1.0 / Double(n) }
        let r = try RiskDecomposition.decompose(holdings: holdings, exposures: fit.exposures.exposures,
                                                covariance: fit.model.covariance, specificVariance: fit.specificVariance)
        XCTAssertEqual(r.assetComponents.reduce(0, +), r.total, accuracy: 1e-14)
        XCTAssertGreaterThan(r.systematicShare, 0.5, "a diversified portfolio's risk is mostly systematic")
        // Annual market volatility near the generator's 1% per period × √252.
        let market = fit.model.volatility[0]
        XCTAssertEqual(market, 0.01 * 252.0.squareRoot(), accuracy: 0.35 * 0.01 * 252.0.squareRoot())
    }
}
