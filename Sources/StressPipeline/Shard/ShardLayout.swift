import CreditEngine
import Foundation
import ProvisionsEngine

/// Which shard computes which unit: longest first onto the least-loaded shard (LPT), from
/// rough costs. The layout changes only how long the shards take, never the merged bytes.
public enum ShardLayout {
    /// A scenario's cost in projection-periods of the book: its own projection, plus the
    /// attribution's coalitions and the reverse stress's re-projections (about 4 and 6 of
    /// them per period on the demo, `runs show`).
    public static func scenarioCost(periods: Int, skip: Set<SkippedAnalysis>, attributionParts: Int = 1) -> Double {
        let attribution = skip.contains(.attribution) || attributionParts > 1 ? 0.0 : 4.0
        let reverse = skip.contains(.reverseStress) ? 0.0 : 6.0
        return Double(max(periods, 1)) * (1 + attribution + reverse)
    }

    /// One of `parts` parts of a scenario's attribution: the scenario's projection again,
    /// and its share of the coalitions.
    public static func attributionPartCost(periods: Int, parts: Int) -> Double {
        Double(max(periods, 1)) * (1 + 4 / Double(parts))
    }

    /// Parts per scenario attribution: none split (1) until there are more shards than
    /// scenarios, then about two units per shard, at most 8 parts.
    public static func attributionParts(shards: Int, scenarios: Int, skip: Set<SkippedAnalysis>) -> Int {
        guard !skip.contains(.attribution), scenarios > 0, shards > scenarios else { return 1 }
        return min(8, max(2, 2 * shards / scenarios))
    }

    /// Credit VaR paths: 10,000 cost about as much as 120 projection-periods (the demo's
    /// stage times).
    public static func varPathsCost(paths: Int) -> Double {
        120 * Double(paths) / 10_000
    }

    /// Rows an exposure range's bounds are multiples of: the credit projection's chunk, a
    /// multiple of the provisions' block, so each range holds whole chunks of both engines
    /// and their sums can be added in the single run's order (docs/SCALE-OUT.md).
    public static var exposureChunk: Int { CreditProjector.exposureChunk }

    /// `count` rows in at most `ranges` ranges of whole chunks, as equal as chunks allow;
    /// fewer when the book has fewer chunks.
    public static func exposureRanges(count: Int, ranges: Int) -> [Range<Int>] {
        precondition(exposureChunk % ProvisionsProjection.blockSize == 0, "a range must hold whole provision blocks")
        let chunks = (count + exposureChunk - 1) / exposureChunk
        let parts = max(1, min(ranges, chunks))
        return (0..<parts).map { k in
            min(k * chunks / parts * exposureChunk, count)..<min((k + 1) * chunks / parts * exposureChunk, count)
        }
    }

    /// The layout of a book split by rows: with more shards than ranges, each range on a shard
    /// of its own (shards 0..<R, in row order), so those shards hold their rows alone, and the
    /// whole-book units (factor risk, VaR batches) longest first on the others; otherwise all
    /// units longest first.
    public static func assign(ranges: [RunUnit], others: [RunUnit], otherCosts: [Double], rangeCosts: [Double],
                              shards: Int) -> [[RunUnit]] {
        guard shards > ranges.count else {
            return assign(units: ranges + others, costs: rangeCosts + otherCosts, shards: shards)
        }
        return ranges.map { [$0] } + assign(units: others, costs: otherCosts, shards: shards - ranges.count)
    }

    /// Factor risk: a few projection-periods.
    public static let factorRiskCost = 3.0

    /// Each shard's units, in run order. Ties go to the lower shard, so the layout is a
    /// function of the costs alone.
    public static func assign(units: [RunUnit], costs: [Double], shards: Int) -> [[RunUnit]] {
        var load = [Double](repeating: 0, count: shards)
        var assigned = [[Int]](repeating: [], count: shards)
        let order = units.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        for u in order {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[target] += costs[u]
            assigned[target].append(u)
        }
        return assigned.map { $0.sorted().map { units[$0] } }
    }
}
