/// A split of `count` items (paths, exposures, draws) into consecutive blocks of
/// `blockSize` items, the last one possibly shorter.
///
/// Work is keyed by block, never by thread: results computed per block and reduced in
/// block order are the same on 1, 2 or 64 threads (METHODOLOGY §7, PERFORMANCE "Threads").
/// Choose `blockSize` from the problem (e.g. 4 096 paths), not from the thread count,
/// or the reduction order — and so the last bits of a sum — would change with it.
@frozen
public struct BlockPartition: Sendable, Equatable {
    /// Number of items, at least 0.
    public let count: Int
    /// Items per block (the last block may hold fewer), at least 1.
    public let blockSize: Int

    /// A partition of `count` ≥ 0 items into blocks of `blockSize` ≥ 1 (a precondition:
    /// both are programming constants, not data).
    @inlinable
    public init(count: Int, blockSize: Int) {
        precondition(count >= 0, "BlockPartition: count must be non-negative, got \(count)")
        precondition(blockSize >= 1, "BlockPartition: blockSize must be positive, got \(blockSize)")
        self.count = count
        self.blockSize = blockSize
    }

    /// ⌈count / blockSize⌉; 0 when there are no items.
    @inlinable
    public var blockCount: Int {
        count / blockSize + (count % blockSize == 0 ? 0 : 1)
    }

    /// The items of block `block` (0 ≤ block < blockCount): [block·blockSize, min((block + 1)·blockSize, count)).
    @inlinable
    public func range(ofBlock block: Int) -> Range<Int> {
        precondition(block >= 0 && block < blockCount, "BlockPartition: block \(block) out of 0..<\(blockCount)")
        let start = block * blockSize
        return start..<(start + Swift.min(blockSize, count - start))
    }
}
