#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath

/// The main pass's output: every path's loss (and likelihood ratio) and, per segment,
/// importance-weighted sums for means and covariances with the portfolio loss.
struct MainPass: Sendable {
    var losses: [Double]
    var weights: [Double]?
    var weightSum: Double
    /// Σ w·L_s, Σ w·L_s², Σ w·L_s·(L − center) per segment; nil when segments are not
    /// tracked (more than `CopulaModel.trackedSegmentLimit`).
    var segmentSum: [Double]?
    var segmentSquare: [Double]?
    var segmentCross: [Double]?
    /// The centre subtracted in the cross sums (the analytic EL), against cancellation.
    var center: Double
    /// paths × segments losses, row-major, when kept for incremental VaR.
    var segmentMatrix: [Double]?
    /// Each batch's paths × allocation levels (all four dimensions, without the certain
    /// losses), row-major, where small enough to keep: the tail pass reads them instead of
    /// simulating those paths again. One batch in a single run; a sharded run's merge has
    /// one per shard batch, each kept or not by its own size.
    var levelRows: [LevelRows] = []

    /// The kept level losses of `path`: the rows and the offset of its first level.
    func keptLevels(of path: Int, width: Int) -> (rows: [Double], offset: Int)? {
        // Batches start on block boundaries, in path order: few, so a linear scan.
        for part in levelRows where path >= part.first && path < part.first + part.count {
            guard let values = part.values else { return nil }
            return (values, (path - part.first) * width)
        }
        return nil
    }
}

/// One batch's level losses, when kept.
struct LevelRows: Sendable {
    var first: Int
    var count: Int
    var values: [Double]?
}

/// Pass 1 over a range of paths: its blocks' sums and its paths' losses, weights and kept
/// matrices (rows of the range only).
struct MainPassPart: Sendable, Codable {
    var paths: Range<Int>
    var tracked: Bool
    var center: Double
    var blocks: [MainBlock]
    var losses: [Double]
    var weights: [Double]?
    var segmentMatrix: [Double]?
    var levelMatrix: [Double]?
}

/// Per confidence level: the VaR and the window of losses around it whose paths give the
/// Euler VaR contributions.
struct TailWindow: Sendable {
    var valueAtRisk: Double
    var low: Double
    var high: Double
}

/// Tail-pass sums per confidence level over the flat allocation levels.
struct TailSums: Sendable {
    var esSum: [[Double]]
    var esMass: [Double]
    var windowSum: [[Double]]
    var windowLoss: [Double]
    var paths: Int
    /// A tail path whose loss, simulated again, was not the main pass's: only batches made
    /// by another build or another maths library can cause it (`CreditVaR.result(batches:)`).
    var unreproduced: Int? = nil

    init(levels: Int, width: Int) {
        esSum = Array(repeating: Array(repeating: 0, count: width), count: levels)
        esMass = Array(repeating: 0, count: levels)
        windowSum = esSum
        windowLoss = esMass
        paths = 0
    }

    mutating func add(_ other: TailSums) {
        for l in esSum.indices {
            for k in esSum[l].indices {
                esSum[l][k] += other.esSum[l][k]
                windowSum[l][k] += other.windowSum[l][k]
            }
            esMass[l] += other.esMass[l]
            windowLoss[l] += other.windowLoss[l]
        }
        paths += other.paths
        unreproduced = unreproduced ?? other.unreproduced
    }
}

/// Block sums of the main pass.
struct MainBlock: Sendable, Codable {
    var weight = 0.0
    var sum: [Double]
    var square: [Double]
    var cross: [Double]

    init(segments: Int) {
        sum = Array(repeating: 0, count: segments)
        square = sum
        cross = sum
    }
}

extension CopulaModel {
    /// Paths per block of the main pass (fixed: results must not depend on threads).
    static let mainBlockSize = 1024
    /// Paths per block of the tail pass.
    static let tailBlockSize = 256
    /// Segment sums per path are kept up to this many segments.
    static let trackedSegmentLimit = 256

    /// Pass 1: simulates every path (see `CreditVaR`), in batches of paths as a sharded run
    /// does when that lets the tail pass read every path's level losses: one batch when
    /// paths × levels fits the cell limit, else batches that each fit it while the whole
    /// run fits four times it (up to 512 MB at the default limit). Beyond that one batch, and
    /// the tail pass simulates its paths again. The figures are the same bits either way
    /// (`PathBatchTests`); the batches save the tail pass's second simulation, which is about
    /// half of all paths under importance sampling.
    func simulate(threads: Int, keepSegmentMatrix: Bool, progress: (@Sendable (Int) -> Void)?) -> MainPass {
        var parts: [MainPassPart] = []
        for range in levelKeepingBatches(keepSegmentMatrix: keepSegmentMatrix) {
            // Progress counts paths of the whole run, batch after batch.
            var report: (@Sendable (Int) -> Void)? = nil
            if let progress {
                let first = range.lowerBound
                report = { done in progress(first + done) }
            }
            parts.append(simulate(paths: range, threads: threads, keepSegmentMatrix: keepSegmentMatrix, progress: report))
        }
        return assemble(parts)
    }

    /// The batches of `simulate(threads:)`: see there.
    func levelKeepingBatches(keepSegmentMatrix: Bool) -> [Range<Int>] {
        let paths = configuration.paths, width = dimensions.levelCount, limit = configuration.incrementalVaRCellLimit
        guard keepSegmentMatrix, width > 0, paths * width > limit, paths * width <= 4 * limit,
              limit / width >= Self.mainBlockSize else { return [0..<paths] }
        let blocksPerBatch = limit / width / Self.mainBlockSize
        let blocks = (paths + Self.mainBlockSize - 1) / Self.mainBlockSize
        return CreditVaR.pathBatches(paths: paths, count: (blocks + blocksPerBatch - 1) / blocksPerBatch)
    }

    /// Pass 1 over a range of paths (a shard's batch; see `CreditVaR.simulate(paths:)`): each
    /// block of 1 024 paths of the whole run that lies in the range, with the same sums a
    /// run over every path makes for it. What is kept (segment and level matrices) is decided
    /// by the run's total paths, so every batch keeps the same.
    func simulate(paths range: Range<Int>, threads: Int, keepSegmentMatrix: Bool,
                  progress: (@Sendable (Int) -> Void)?) -> MainPassPart {
        let paths = configuration.paths
        precondition(range.lowerBound % Self.mainBlockSize == 0 && range.upperBound <= paths,
                     "VaREngine: a batch starts on a block boundary and lies within the paths")
        let first = range.lowerBound, count = range.count
        let segments = dimensions.segmentCount
        let track = keepSegmentMatrix && segments <= Self.trackedSegmentLimit
        let keepMatrix = track && paths * segments <= configuration.incrementalVaRCellLimit
        let center = ASRFPortfolio(pd: pd, lgd: lgd, ead: ead, rho: rho).expectedLoss
        let lossOut = SharedOutput<Double>(count: count, repeating: 0)
        let weightOut = shift == nil ? nil : SharedOutput<Double>(count: count, repeating: 1)
        let matrixOut = keepMatrix ? SharedOutput<Double>(count: count * segments, repeating: 0) : nil
        // Every level of every path, when it fits the same cell limit: the default amounts
        // land on the segment levels in the same order either way (segments are the first
        // levels), so the figures are the same bytes.
        let width = dimensions.levelCount
        // Decided per batch (the whole run in a single run): what a batch keeps is read back
        // by the tail pass; what it does not keep is simulated again, to the same bits.
        // A merge holds every batch's rows, so batches keep theirs only while the whole run's
        // would fit four times the limit (a single run: the limit itself, as before).
        let keepLevels = track && count * width <= configuration.incrementalVaRCellLimit
            && paths * width <= 4 * configuration.incrementalVaRCellLimit
        let levelOut = keepLevels ? SharedOutput<Double>(count: count * width, repeating: 0) : nil
        let counter = ProgressCounter(progress)
        let kernel = self.kernel, plan = self.plan, dimensions = self.dimensions
        let weighted = shift != nil
        let certain = Array(dimensions.certainLoss[dimensions.range(AllocationDimensions.segment)])

        let blocks = parallelMap(blocks: BlockPartition(count: count, blockSize: Self.mainBlockSize),
                                 threads: threads) { local, _ -> MainBlock in
            var workspace = PathWorkspace(factorCount: kernel.factorCount, groupCount: kernel.groupCount)
            defer { workspace.deallocate() }
            var block = MainBlock(segments: track ? segments : 0)
            if track {
                let recorded = keepLevels ? width : segments
                let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: recorded)
                defer { values.deallocate() }
                var recorder = LevelRecording(codes: dimensions.codes,
                                              dimensions: keepLevels ? 4 : 1, lossAmount: plan.lossAmount, values: values)
                for slot in local {
                    let path = first + slot
                    values.update(repeating: 0)
                    let outcome = kernel.simulate(path: path, workspace: &workspace, recorder: &recorder)
                    if let levelOut { for k in 0..<width { levelOut.write(values[k], at: slot * width + k) } }
                    let w = weighted ? exp(outcome.logWeight) : 1
                    lossOut.write(outcome.loss, at: slot)
                    weightOut?.write(w, at: slot)
                    block.weight += w
                    let deviation = outcome.loss - center
                    for s in 0..<segments {
                        let v = values[s] + certain[s]
                        block.sum[s] += w * v
                        block.square[s] += w * v * v
                        block.cross[s] += w * v * deviation
                        matrixOut?.write(v, at: slot * segments + s)
                    }
                }
            } else {
                var recorder = NoRecording()
                for slot in local {
                    let outcome = kernel.simulate(path: first + slot, workspace: &workspace, recorder: &recorder)
                    let w = weighted ? exp(outcome.logWeight) : 1
                    lossOut.write(outcome.loss, at: slot)
                    weightOut?.write(w, at: slot)
                    block.weight += w
                }
            }
            counter.add(local.count)
            return block
        }
        return MainPassPart(paths: range, tracked: track, center: center, blocks: blocks,
                            losses: lossOut.finish(count: count), weights: weightOut?.finish(count: count),
                            segmentMatrix: matrixOut?.finish(count: count * segments),
                            levelMatrix: levelOut?.finish(count: count * width))
    }

    /// The main pass from its batches, in path order: the vectors joined, the block sums
    /// added in block order, exactly as one pass over every path adds them.
    func assemble(_ parts: [MainPassPart]) -> MainPass {
        let segments = dimensions.segmentCount
        let track = parts.first?.tracked ?? false
        var total = MainBlock(segments: track ? segments : 0)
        for block in parts.lazy.flatMap(\.blocks) {
            total.weight += block.weight
            for s in 0..<total.sum.count {
                total.sum[s] += block.sum[s]
                total.square[s] += block.square[s]
                total.cross[s] += block.cross[s]
            }
        }
        func joined(_ pick: (MainPassPart) -> [Double]?) -> [Double]? {
            guard parts.allSatisfy({ pick($0) != nil }) else { return nil }
            if parts.count == 1 { return pick(parts[0]) }
            return parts.flatMap { pick($0)! }
        }
        return MainPass(losses: joined(\.losses) ?? [], weights: joined(\.weights),
                        weightSum: total.weight, segmentSum: track ? total.sum : nil,
                        segmentSquare: track ? total.square : nil, segmentCross: track ? total.cross : nil,
                        center: parts.first?.center ?? 0, segmentMatrix: joined(\.segmentMatrix),
                        levelRows: parts.map { LevelRows(first: $0.paths.lowerBound, count: $0.paths.count,
                                                         values: $0.levelMatrix) })
    }

    /// Pass 2: sums the losses by allocation level of the paths with loss ≥ the lowest
    /// window (see `CreditVaR`): from the main pass's level matrix when it kept one, else by
    /// simulating those paths again. The recomputed loss equals the stored one to the bit
    /// (same counters, same order of additions).
    func tailSums(main: MainPass, windows: [TailWindow], threads: Int) -> TailSums {
        let width = dimensions.levelCount
        let levels = windows.count
        guard let threshold = windows.map(\.low).min() else { return TailSums(levels: 0, width: width) }
        let tail = main.losses.indices.filter { main.losses[$0] >= threshold }
        let kernel = self.kernel, plan = self.plan, dimensions = self.dimensions
        let losses = main.losses, weights = main.weights
        let certain = dimensions.certainLoss

        let blocks = parallelMap(blocks: BlockPartition(count: tail.count, blockSize: Self.tailBlockSize),
                                 threads: threads) { range, _ -> TailSums in
            var workspace = PathWorkspace(factorCount: kernel.factorCount, groupCount: kernel.groupCount)
            let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(width, 1))
            defer {
                workspace.deallocate()
                values.deallocate()
            }
            var sums = TailSums(levels: levels, width: width)
            var recorder = LevelRecording(codes: dimensions.codes, dimensions: 4, lossAmount: plan.lossAmount,
                                          values: values)
            for index in range {
                let path = tail[index]
                let loss: Double
                if let kept = main.keptLevels(of: path, width: width) {
                    for k in 0..<width { values[k] = kept.rows[kept.offset + k] }
                    loss = losses[path]
                } else {
                    values.update(repeating: 0)
                    loss = kernel.simulate(path: path, workspace: &workspace, recorder: &recorder).loss
                    if loss != losses[path] {
                        sums.unreproduced = sums.unreproduced ?? path
                        continue
                    }
                }
                let w = weights?[path] ?? 1
                for l in 0..<levels {
                    let window = windows[l]
                    if loss >= window.valueAtRisk {
                        sums.esMass[l] += w
                        for k in 0..<width { sums.esSum[l][k] += w * (values[k] + certain[k]) }
                    }
                    if loss >= window.low && loss <= window.high {
                        sums.windowLoss[l] += w * loss
                        for k in 0..<width { sums.windowSum[l][k] += w * (values[k] + certain[k]) }
                    }
                }
                sums.paths += 1
            }
            return sums
        }
        var total = TailSums(levels: levels, width: width)
        for block in blocks { total.add(block) }
        return total
    }
}
