import XCTest
import TestSupport
@testable import VaREngine

/// VaR estimators against creditriskengine 0.31.0 (Tests/Golden/var/var_functions.json,
/// section `var`), to 1e-10 relative.
final class EstimatorGoldenTests: XCTestCase {
    var golden: [String: Any] = [:]
    var vectors: [String: [Double]] = [:]

    override func setUpWithError() throws {
        let document = try Golden.json("var/var_functions.json")
        golden = document.object("var")!
        let lossVectors = document.object("loss_vectors")!
        for key in lossVectors.keys { vectors[key] = lossVectors.doubles(key)! }
        vectors["empty"] = []
    }

    func cases(_ key: String) -> [[String: Any]] { golden[key] as! [[String: Any]] }

    func check(_ key: String, count: Int, file: StaticString = #filePath, line: UInt = #line,
               _ body: ([String: Any]) throws -> Double) {
        let list = cases(key)
        XCTAssertEqual(list.count, count, key, file: file, line: line)
        for c in list {
            if let error = c.object("error") {
                XCTAssertThrowsError(try body(c), "\(key) \(c)", file: file, line: line) { thrown in
                    XCTAssertEqual((thrown as? VaRError)?.message, error["message"] as? String, file: file, line: line)
                }
            } else {
                do {
                    Golden.assertClose(try body(c), c.double("expected")!, relative: 1e-10, scale: 1e-300,
                                       "\(key) \(c)", file: file, line: line)
                } catch {
                    XCTFail("\(key) \(c): unexpected \(error)", file: file, line: line)
                }
            }
        }
    }

    func testParametricAndCornishFisher() {
        check("parametric_credit_var", count: 76) { c in
            try VaREstimators.parametricVaR(expectedLoss: c.double("el")!, lossStandardDeviation: c.double("ul_std")!,
                                            confidence: c.double("confidence")!)
        }
        check("cornish_fisher_var", count: 63) { c in
            try VaREstimators.cornishFisherVaR(expectedLoss: c.double("el")!, lossStandardDeviation: c.double("ul_std")!,
                                               skewness: c.double("skewness")!, excessKurtosis: c.double("kurtosis")!,
                                               confidence: c.double("confidence")!)
        }
    }

    func testHistoricalSimulationAndExpectedShortfall() {
        check("historical_simulation_var", count: 52) { c in
            try VaREstimators.historicalSimulationVaR(self.vectors[c["losses"] as! String]!, confidence: c.double("confidence")!)
        }
        check("expected_shortfall", count: 52) { c in
            try VaREstimators.expectedShortfall(self.vectors[c["losses"] as! String]!, confidence: c.double("confidence")!)
        }
    }

    func testCopulaEstimatorsOnFixedLossVectors() {
        check("copula_credit_var", count: 48) { c in
            VaREstimators.creditVaR(self.vectors[c["losses"] as! String]!, confidence: c.double("confidence")!)
        }
        check("copula_expected_shortfall", count: 48) { c in
            VaREstimators.creditExpectedShortfall(self.vectors[c["losses"] as! String]!, confidence: c.double("confidence")!)
        }
    }

    /// The plain `LossSample` (what the Monte Carlo run uses) equals the seed's copula
    /// estimators on the same vectors.
    func testLossSampleMatchesCopulaEstimators() {
        for c in cases("copula_credit_var") {
            let sample = LossSample(losses: vectors[c["losses"] as! String]!)
            Golden.assertClose(sample.valueAtRisk(confidence: c.double("confidence")!), c.double("expected")!,
                               relative: 1e-10, scale: 1e-300, "\(c)")
        }
        for c in cases("copula_expected_shortfall") {
            let sample = LossSample(losses: vectors[c["losses"] as! String]!)
            Golden.assertClose(sample.expectedShortfall(confidence: c.double("confidence")!), c.double("expected")!,
                               relative: 1e-10, scale: 1e-300, "\(c)")
        }
    }

    func testIncrementalVaR() {
        check("incremental_var", count: 14) { c in
            try VaREstimators.incrementalVaR(portfolioLosses: self.vectors[c["portfolio_losses"] as! String]!,
                                             portfolioWithExposureLosses: self.vectors[c["portfolio_with_exposure_losses"] as! String]!,
                                             confidence: c.double("confidence")!)
        }
    }

    func testComponentVaR() throws {
        let list = cases("component_var")
        XCTAssertEqual(list.count, 3)
        for c in list {
            let call = { () throws -> [Double] in
                try VaREstimators.componentVaR(portfolioVaR: c.double("portfolio_var")!,
                                               portfolioStandardDeviation: c.double("portfolio_std")!,
                                               exposureStandardDeviations: c.doubles("exposure_stds")!,
                                               correlationsWithPortfolio: c.doubles("correlations_with_portfolio")!)
            }
            if let error = c.object("error") {
                XCTAssertThrowsError(try call()) { XCTAssertEqual(($0 as? VaRError)?.message, error["message"] as? String) }
                continue
            }
            let components = try call()
            Golden.assertClose(components, c.doubles("expected")!, relative: 1e-10, scale: 1e-300, "\(c["label"]!)")
            if c["label"] as? String == "euler_4" {  // Euler: the components add up to VaR
                XCTAssertEqual(components.reduce(0, +), c.double("portfolio_var")!, accuracy: 1e-9 * c.double("portfolio_var")!)
            }
        }
    }

    func testMarginalVaR() {
        check("marginal_var", count: 6) { c in
            VaREstimators.marginalVaR(portfolioVaR: c.double("portfolio_var")!,
                                      portfolioStandardDeviation: c.double("portfolio_std")!,
                                      contributionToStandardDeviation: c.double("exposure_contribution_to_std")!)
        }
    }

    func testLossDistributionStatistics() throws {
        let list = cases("copula_loss_distribution_stats")
        XCTAssertEqual(list.count, 8)
        for c in list {
            let stats = LossDistributionStatistics(losses: vectors[c["losses"] as! String]!, totalEAD: c.double("total_ead")!)
            let actual = try JSONSerialization.jsonObject(with: JSONEncoder().encode(stats)) as! [String: Any]
            let expected = c.object("expected")!
            XCTAssertEqual(Set(actual.keys), Set(expected.keys))
            for key in expected.keys {
                Golden.assertClose(actual.double(key)!, expected.double(key)!, relative: 1e-10, scale: 1e-300, "\(key) \(c)")
            }
        }
    }
}
