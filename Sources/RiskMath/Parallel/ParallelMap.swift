import Dispatch

/// Runs `body(range, block)` for every block of `blocks` on at most `threads` workers and
/// returns the results in block order, so that any reduction the caller then does over
/// the array happens in a fixed order and gives bit-identical figures for every thread
/// count (METHODOLOGY §7).
///
/// Worker w of W = min(threads, blockCount) takes blocks w, w + W, w + 2W, …; the
/// assignment affects only timing, never results, because each block's result depends
/// on its range alone. With `threads` ≤ 1 (or a single block) everything runs on the
/// calling thread. Workers are scheduled with `DispatchQueue.concurrentPerform`, which
/// runs at most as many at once as there are cores. `body` must not depend on which
/// thread runs it (use the block index, e.g. as a `RandomStream` index offset).
public func parallelMap<Result: Sendable>(
    blocks: BlockPartition,
    threads: Int,
    _ body: @Sendable (_ range: Range<Int>, _ block: Int) -> Result
) -> [Result] {
    let blockCount = blocks.blockCount
    let workers = Swift.max(1, Swift.min(threads, blockCount))
    if workers == 1 {
        return (0..<blockCount).map { body(blocks.range(ofBlock: $0), $0) }
    }
    return [Result](unsafeUninitializedCapacity: blockCount) { storage, initializedCount in
        let slots = ResultSlots(base: storage.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var block = worker
            while block < blockCount {
                slots.initialize(block, to: body(blocks.range(ofBlock: block), block))
                block += workers
            }
        }
        initializedCount = blockCount
    }
}

/// The result array's storage, shared by the workers; each slot is written by exactly one
/// worker and read only after `concurrentPerform` returns, so no two threads touch the same
/// memory.
private struct ResultSlots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result>

    func initialize(_ slot: Int, to value: consuming Result) {
        (base + slot).initialize(to: value)
    }
}
