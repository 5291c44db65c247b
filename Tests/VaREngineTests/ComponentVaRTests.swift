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
            recomputed.incrementalVaRCellLimit = 3_000 * 5  // five segments, 20 levels: not one block of levels fits
            let portfolio = PortfolioFixtures.mixed(200)
            let a = try CreditVaR.run(portfolio: portfolio, configuration: kept, threads: 2)
            let b = try CreditVaR.run(portfolio: portfolio, configuration: recomputed, threads: 1)
            XCTAssertEqual(a, b, "\(sampling)")
            XCTAssertFalse(a.levels.isEmpty)
        }
    }

    /// A single run whose paths × levels exceed the cell limit (but not four times it) runs its
    /// paths in batches that each keep their level losses, so the tail pass simulates nothing
    /// again; with none kept, the tail pass simulates its paths again. The same figures.
    func testBatchesKeepTheLevelsAndTheRecomputedTailAgrees() throws {
        let portfolio = PortfolioFixtures.mixed(200)
        for sampling in [ImportanceSampling.none, .automatic] {
            var configuration = VaRConfiguration(paths: 5_000, seed: 11, importanceSampling: sampling)
            let whole = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)

            configuration.incrementalVaRCellLimit = 2_048 * 20  // 20 levels: at most 2 blocks a batch
            let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
            XCTAssertEqual(model.dimensions.levelCount, 20)
            XCTAssertEqual(model.levelKeepingBatches(keepSegmentMatrix: true), [0..<1_024, 1_024..<3_072, 3_072..<5_000])
            let main = model.simulate(threads: 2, keepSegmentMatrix: true, progress: nil)
            XCTAssertEqual(main.levelRows.count, 3)
            XCTAssertTrue(main.levelRows.allSatisfy { $0.values != nil }, "every batch keeps its levels")
            XCTAssertEqual(try model.result(main, threads: 2), whole, "\(sampling): batched")

            var dropped = main
            dropped.levelRows = main.levelRows.map { LevelRows(first: $0.first, count: $0.count, values: nil) }
            XCTAssertEqual(try model.result(dropped, threads: 1), whole, "\(sampling): tail simulated again")
            XCTAssertEqual(try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 1), whole)
        }
    }
}
