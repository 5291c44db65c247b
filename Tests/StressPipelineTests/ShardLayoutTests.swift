import StressPipeline
import VaREngine
import XCTest

/// Which shard computes which unit: every unit exactly once, in run order within a shard,
/// the costliest spread first, and the same layout from the same costs.
final class ShardLayoutTests: XCTestCase {
    let units = RunUnit.all(scenarios: 4, varBatches: [0..<2048, 2048..<3000])

    func testEveryUnitOnceInRunOrder() {
        let costs: [Double] = [5, 1, 9, 2, 2, 7, 12]
        for shards in 1...9 {
            let layout = ShardLayout.assign(units: units, costs: costs, shards: shards)
            XCTAssertEqual(layout.count, shards)
            XCTAssertEqual(layout.flatMap { $0 }.sorted { units.firstIndex(of: $0)! < units.firstIndex(of: $1)! }, units)
            for shard in layout {
                let positions = shard.map { units.firstIndex(of: $0)! }
                XCTAssertEqual(positions, positions.sorted(), "run order within a shard")
            }
            if shards > units.count { XCTAssertTrue(layout.contains { $0.isEmpty }, "more shards than units") }
        }
    }

    func testLongestFirstBalancesTheLoad() {
        let costs: [Double] = [5, 1, 9, 2, 2, 7, 12]
        let layout = ShardLayout.assign(units: units, costs: costs, shards: 3)
        let load = layout.map { $0.map { costs[units.firstIndex(of: $0)!] }.reduce(0, +) }
        // LPT: 12 | 9 | 7, then 5 → 7's shard (12), 2 and 2 → 9's (13), 1 → the first of the
        // two at 12: loads 13, 13, 12.
        XCTAssertEqual(load, [13, 13, 12])
        XCTAssertEqual(layout, ShardLayout.assign(units: units, costs: costs, shards: 3), "deterministic")
    }

    func testCostsFollowTheWork() {
        XCTAssertGreaterThan(ShardLayout.scenarioCost(periods: 13, skip: []),
                             ShardLayout.scenarioCost(periods: 13, skip: [.attribution]))
        XCTAssertGreaterThan(ShardLayout.scenarioCost(periods: 13, skip: []), ShardLayout.scenarioCost(periods: 3, skip: []))
        XCTAssertEqual(ShardLayout.varPathsCost(paths: 20_000), 2 * ShardLayout.varPathsCost(paths: 10_000))
    }

    /// The VaR's paths split on its 1,024-path blocks, as evenly as the blocks allow.
    func testVaRBatchesFollowTheBlocks() {
        XCTAssertEqual(CreditVaR.pathBatches(paths: 10_000, count: 4), [0..<2048, 2048..<5120, 5120..<7168, 7168..<10_000])
        XCTAssertEqual(CreditVaR.pathBatches(paths: 10_000, count: 1), [0..<10_000])
        XCTAssertEqual(CreditVaR.pathBatches(paths: 1500, count: 8), [0..<1024, 1024..<1500], "no more batches than blocks")
        XCTAssertEqual(CreditVaR.pathBatches(paths: 300, count: 3), [0..<300])
        for (paths, count) in [(10_000, 3), (1_000_000, 8), (4096, 4), (5000, 7)] {
            let batches = CreditVaR.pathBatches(paths: paths, count: count)
            XCTAssertEqual(batches.first?.lowerBound, 0)
            XCTAssertEqual(batches.last?.upperBound, paths)
            for (a, b) in zip(batches, batches.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
            XCTAssertTrue(batches.allSatisfy { $0.lowerBound % 1024 == 0 && !$0.isEmpty })
        }
    }

    func testUnitsReadAsText() throws {
        let text = String(decoding: try JSONEncoder().encode(units), as: UTF8.self)
        XCTAssertEqual(text, #"["scenario:0","scenario:1","scenario:2","scenario:3","portfolio-risk","#
                       + #""var-paths:0-2048","var-paths:2048-3000"]"#)
        XCTAssertEqual(try JSONDecoder().decode([RunUnit].self, from: Data(text.utf8)), units)
        for bad in [#"["scenario:-1"]"#, #"["scenario:x"]"#, #"["var"]"#, #"["var-paths:5-5"]"#, #"["var-paths:-1-4"]"#,
                    #"["var-paths:3"]"#] {
            XCTAssertThrowsError(try JSONDecoder().decode([RunUnit].self, from: Data(bad.utf8)), bad)
        }
    }
}
