import XCTest
import StressCore
@testable import VaREngine

/// The covariance (component) VaR of the segments adds up to the portfolio VaR, plain
/// and importance-sampled (Euler: Σ_k Cov(L_k, L) = Var L, with one normalisation).
final class ComponentVaRTests: XCTestCase {
    func testComponentsAddUpToTheVaR() throws {
        for sampling in [ImportanceSampling.none, .automatic] {
            let result = try CreditVaR.run(portfolio: PortfolioFixtures.mixed(150),
                                           configuration: VaRConfiguration(paths: 4_000, seed: 9, importanceSampling: sampling),
                                           threads: 2)
            let components = result.bySegment.keys.sorted().compactMap { result.bySegment[$0]!.componentVaR }
            XCTAssertEqual(components.count, result.bySegment.count, "\(sampling)")
            XCTAssertEqual(components.reduce(0, +), result.valueAtRisk, accuracy: 1e-12 * result.valueAtRisk, "\(sampling)")
        }
    }
}
