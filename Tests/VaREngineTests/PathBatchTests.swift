import XCTest
import StressCore
@testable import VaREngine

/// The credit VaR's paths in batches (a sharded run): any split on the 1,024-path blocks
/// gives `run`'s result to the bit, whether the tail pass reads the kept level matrix or
/// simulates its paths again, and a set of batches that does not cover the paths in order
/// is refused.
final class PathBatchTests: XCTestCase {
    let portfolio = PortfolioFixtures.mixed(200)

    private func encoded(_ r: VaRResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(r)
    }

    private func batched(_ configuration: VaRConfiguration, _ splits: [Range<Int>], threads: Int = 2) throws -> VaRResult {
        let batches = try splits.map {
            try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: $0, threads: threads)
        }
        return try CreditVaR.result(portfolio: portfolio, configuration: configuration, batches: batches, threads: threads)
    }

    func testAnySplitOnBlocksGivesTheSameBits() throws {
        var kept = VaRConfiguration(paths: 5_000, seed: 3, confidenceLevels: [0.99, 0.999])
        kept.importanceSampling = .automatic
        var recomputed = kept
        recomputed.incrementalVaRCellLimit = 5_000 * 5  // segments kept, levels not: the tail pass simulates again
        var plain = kept
        plain.importanceSampling = .none
        for configuration in [kept, recomputed, plain] {
            let whole = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
            let reference = try encoded(whole)
            for splits in [[0..<5_000], [0..<1_024, 1_024..<5_000], [0..<2_048, 2_048..<3_072, 3_072..<4_096, 4_096..<5_000]] {
                let result = try batched(configuration, splits, threads: splits.count == 1 ? 1 : 2)
                XCTAssertEqual(try encoded(result), reference, "\(splits.count) batches")
                XCTAssertEqual(result.valueAtRisk.bitPattern, whole.valueAtRisk.bitPattern)
            }
        }
    }

    /// The batch sums must be the blocks' own: a sum of the blocks of each batch, added
    /// afterwards, would differ in the last bits (addition is not associative).
    func testBatchesCarryTheirBlocksNotTheirTotals() throws {
        let configuration = VaRConfiguration(paths: 4_096, seed: 9)
        let batch = try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: 0..<3_072, threads: 2)
        XCTAssertEqual(batch.part.blocks.count, 3)
        XCTAssertEqual(batch.part.losses.count, 3_072)
        XCTAssertEqual(batch.paths, 0..<3_072)
    }

    func testBatchesMustCoverThePathsInOrder() throws {
        let configuration = VaRConfiguration(paths: 3_000, seed: 1)
        let a = try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: 0..<1_024, threads: 1)
        let b = try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: 1_024..<2_048, threads: 1)
        let c = try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: 2_048..<3_000, threads: 1)
        for (batches, expected) in [([a, c], "expected one starting at 1024"), ([b, a, c], "expected one starting at 0"),
                                    ([a, b], "cover 0..<2048, expected 0..<3000")] {
            XCTAssertThrowsError(try CreditVaR.result(portfolio: portfolio, configuration: configuration,
                                                      batches: batches, threads: 1)) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
        for bad in [100..<1_024, 0..<3_001, 1_024..<1_024] {
            XCTAssertThrowsError(try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: bad,
                                                        threads: 1), "\(bad)")
        }
    }
}
