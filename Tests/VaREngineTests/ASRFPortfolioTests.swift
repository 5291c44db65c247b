import XCTest
import RiskMath
@testable import VaREngine

/// Portfolio ASRF figures and the granularity adjustment.
final class ASRFPortfolioTests: XCTestCase {
    /// creditriskengine 0.31.0 `models.concentration.granularity_adjustment(eads, pds, lgds,
    /// rho, confidence)` (a fraction of total EAD, central difference with step 1e-4 for
    /// the outer derivative, hence the 1e-6 tolerance), computed once in the reference venv.
    func testGranularityAdjustmentMatchesSeed() {
        let ead = [1e6, 2.5e6, 4e5, 7e5, 3e6, 1.2e6]
        let pd = [0.01, 0.003, 0.05, 0.02, 0.0008, 0.15]
        let lgd = [0.45, 0.35, 0.6, 0.45, 0.25, 0.7]
        let total = ead.reduce(0, +)
        let reference: [(Double, Double, Double)] = [
            (0.12, 0.99, 0.143397251696543), (0.12, 0.999, 0.18476385643257576),
            (0.24, 0.99, 0.09328706128589888), (0.24, 0.999, 0.1141080353223837),
        ]
        for (rho, q, expected) in reference {
            let portfolio = ASRFPortfolio(pd: pd, lgd: lgd, ead: ead, rho: Array(repeating: rho, count: 6))
            XCTAssertEqual(portfolio.granularityAdjustment(confidence: q) / total, expected, accuracy: 1e-6 * expected)
        }
        let n = 1000
        let homogeneous = ASRFPortfolio(pd: Array(repeating: 0.01, count: n), lgd: Array(repeating: 0.45, count: n),
                                        ead: Array(repeating: 1, count: n), rho: Array(repeating: 0.12, count: n))
        XCTAssertEqual(homogeneous.granularityAdjustment(confidence: 0.999) / Double(n), 0.0009178069890717907,
                       accuracy: 1e-6 * 0.0009178069890717907)
    }

    /// The portfolio quantile of one exposure is the seed's loss quantile times EAD; the
    /// contributions add up; EL is Σ PD·LGD·EAD; GA falls like 1/n.
    func testPortfolioFigures() throws {
        let p = ASRFPortfolio(pd: [0.02, 0.004, 1, 0], lgd: [0.45, 0.3, 0.5, 0.9], ead: [100, 300, 50, 70],
                              rho: [0.15, 0.2, 0.1, 0.1])
        let single = try Vasicek.lossQuantile(pd: 0.02, rho: 0.15, lgd: 0.45, confidence: 0.999) * 100
        XCTAssertEqual(p.varContribution(0, confidence: 0.999), single, accuracy: 1e-12 * single)
        XCTAssertEqual(p.varContribution(2, confidence: 0.999), 25)  // PD 1: its LGD·EAD
        XCTAssertEqual(p.varContribution(3, confidence: 0.999), 0)   // PD 0: nothing
        let sum = (0..<4).map { p.varContribution($0, confidence: 0.999) }.reduce(0, +)
        XCTAssertEqual(p.valueAtRisk(confidence: 0.999), sum, accuracy: 1e-12 * sum)
        XCTAssertEqual(p.expectedLoss, 0.02 * 0.45 * 100 + 0.004 * 0.3 * 300 + 25, accuracy: 1e-12)

        func homogeneous(_ n: Int) -> Double {
            ASRFPortfolio(pd: Array(repeating: 0.01, count: n), lgd: Array(repeating: 0.45, count: n),
                          ead: Array(repeating: 1, count: n), rho: Array(repeating: 0.12, count: n))
                .granularityAdjustment(confidence: 0.999) / Double(n)
        }
        XCTAssertEqual(homogeneous(100) / homogeneous(1000), 10, accuracy: 1e-9)
    }
}
