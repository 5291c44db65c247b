import StressCore

/// One 8,192-exposure block's provision sums, before they are added: what an exposure-range
/// shard sends the merge (docs/SCALE-OUT.md). The merge adds the blocks in row order, as
/// `ProvisionsProjection.project` does on one machine, so the result has the same bits.
public struct ProvisionChunkSums: Codable, Sendable, Equatable {
    /// The sums' arrays end to end, then the model's and the held jump-off provisions.
    public var values: [Double]
    public var heldCount: Int

    init(_ sums: ProvisionSums) {
        values = sums.arrays.flatMap { $0 } + [sums.modelJumpOff, sums.heldJumpOff]
        heldCount = sums.heldCount
    }
}

extension ProvisionSums {
    /// The arrays in a fixed order (`ProvisionChunkSums`).
    var arrays: [[Double]] {
        [stocks, flows, segmentStocks, classStocks, segmentWriteOffs, classWriteOffs, countryStocks, countryWriteOffs,
         countryTransitions]
    }

    /// The sums a block's figures came from; nil when they do not fit `layout`.
    init?(layout: ProvisionLayout, chunk: ProvisionChunkSums) {
        self.init(layout: layout)
        let v = chunk.values
        guard v.count == 2 + arrays.reduce(0, { $0 + $1.count }) else { return nil }
        var at = 0
        func take(_ a: inout [Double]) { a = Array(v[at..<(at + a.count)]); at += a.count }
        take(&stocks); take(&flows); take(&segmentStocks); take(&classStocks); take(&segmentWriteOffs)
        take(&classWriteOffs); take(&countryStocks); take(&countryWriteOffs); take(&countryTransitions)
        modelJumpOff = v[at]; heldJumpOff = v[at + 1]
        heldCount = chunk.heldCount
    }
}

public enum ProvisionChunkError: Error, Equatable, CustomStringConvertible {
    case blockSize(position: Int)
    case blockCount(got: Int, expected: Int)

    public var description: String {
        switch self {
        case .blockSize(let k): "block \(k)'s provision sums are not the size this book and scenario give"
        case .blockCount(let got, let n): "\(got) provision blocks given where the book has \(n)"
        }
    }
}

extension ProvisionsProjection {
    /// Each block's sums of `input`'s book, in row order, not added. The book may be that of
    /// a slice of a larger book starting on a block boundary (`Portfolio.slice`): its blocks
    /// are then the larger book's.
    public static func blockSums(_ input: Inputs) -> [ProvisionChunkSums] {
        blocks(input).map { ProvisionChunkSums($0.sums) }
    }

    /// The result from every block's sums in row order (`blockSums` of the book's slices,
    /// concatenated): the same bits as `project(input)`.
    public static func combine(_ chunks: [ProvisionChunkSums], _ input: Inputs) throws(ProvisionChunkError)
        -> ProvisionsResult {
        let expected = (input.book.count + chunkSize - 1) / chunkSize
        guard chunks.count == expected else { throw .blockCount(got: chunks.count, expected: expected) }
        let layout = ProvisionLayout(book: input.book, periods: input.periods.count, breakdowns: input.breakdowns)
        var blocks: [ProvisionsBlock] = []
        blocks.reserveCapacity(chunks.count)
        for (k, chunk) in chunks.enumerated() {
            guard let sums = ProvisionSums(layout: layout, chunk: chunk) else { throw .blockSize(position: k) }
            blocks.append(ProvisionsBlock(sums: sums))
        }
        return combine(blocks, input)
    }
}
