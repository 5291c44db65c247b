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

/// The tail pass reads each path's losses by level from the main pass when they fit the
/// cell limit, and simulates the tail paths again when they do not: the same result to
/// the bit either way, contributions by every dimension included.
final class TailPassTests: XCTestCase {
    func testKeptLevelsEqualRecomputedTail() throws {
        for sampling in [ImportanceSampling.none, .automatic] {
            var kept = VaRConfiguration(paths: 3_000, seed: 5, importanceSampling: sampling)
            var recomputed = kept
            kept.incrementalVaRCellLimit = 1 << 24
            // Below paths × levels, above paths × segments: the segment matrix stays, the
            // level matrix goes.
            recomputed.incrementalVaRCellLimit = 3_000 * 5  // five segments, 17 levels
            let portfolio = PortfolioFixtures.mixed(200)
            let a = try CreditVaR.run(portfolio: portfolio, configuration: kept, threads: 2)
            let b = try CreditVaR.run(portfolio: portfolio, configuration: recomputed, threads: 1)
            XCTAssertEqual(a, b, "\(sampling)")
            XCTAssertFalse(a.levels.isEmpty)
        }
    }
}
