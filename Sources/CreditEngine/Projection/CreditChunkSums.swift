import StressCore

/// One 16,384-exposure chunk's sums of a credit projection, before they are added: what an
/// exposure-range shard sends the merge (docs/SCALE-OUT.md). The merge adds every chunk in
/// chunk order, as `CreditProjector.project` does on one machine, so the projection has the
/// same bits. The accumulator's arrays travel end to end in one flat array.
public struct CreditChunkSums: Codable, Sendable, Equatable {
    public var values: [Double]

    init(_ acc: Accumulator) {
        values = [acc.baselineEL, acc.startRWA, acc.standardisedStartRWA]
        for array in acc.arrays { values += array }
    }
}

extension Accumulator {
    /// The arrays in a fixed order (`CreditChunkSums`).
    var arrays: [[Double]] {
        [periodRWA, standardisedPeriodRWA, periodEL, periodEAD, pdEAD, lgdEAD, segmentEL, sectorEL, countryEL, classEL,
         segmentEAD, sectorEAD, countryEAD, classEAD]
    }

    /// The accumulator a chunk's sums came from; nil when they do not fit `layout`.
    init?(layout: BreakdownLayout, sums: CreditChunkSums) {
        self.init(layout: layout)
        let v = sums.values
        guard v.count == 3 + arrays.reduce(0, { $0 + $1.count }) else { return nil }
        baselineEL = v[0]; startRWA = v[1]; standardisedStartRWA = v[2]
        var at = 3
        func take(_ a: inout [Double]) { a = Array(v[at..<(at + a.count)]); at += a.count }
        take(&periodRWA); take(&standardisedPeriodRWA); take(&periodEL); take(&periodEAD); take(&pdEAD); take(&lgdEAD)
        take(&segmentEL); take(&sectorEL); take(&countryEL); take(&classEL)
        take(&segmentEAD); take(&sectorEAD); take(&countryEAD); take(&classEAD)
    }
}

public enum CreditChunkError: Error, Equatable, CustomStringConvertible {
    case chunkSize(position: Int, expected: Int)
    case chunkCount(got: Int, expected: Int)

    public var description: String {
        switch self {
        case .chunkSize(let k, let n): "chunk \(k)'s sums are not the size this book and plan give (\(n) figures)"
        case .chunkCount(let got, let n): "\(got) chunks given where the book has \(n)"
        }
    }
}

extension CreditProjector {
    /// Exposures a chunk holds: an exposure range whose bounds are multiples of it has whole
    /// chunks of the credit and the provisions engines (docs/SCALE-OUT.md).
    public static var exposureChunk: Int { chunkSize }

    /// Each chunk's sums of `p`'s projection, in chunk order, not added. `p` may be a slice of
    /// a larger book that starts on a chunk boundary and keeps the book's levels
    /// (`Portfolio.slice`): its chunks are then the book's.
    public static func chunkSums(portfolio p: Portfolio, plan: StressPlan, options: ProjectionOptions)
        -> [CreditChunkSums] {
        accumulators(portfolio: p, plan: plan, options: options, constants: nil).map(CreditChunkSums.init)
    }

    /// The projection of `p` from every chunk's sums in chunk order (`chunkSums` of the
    /// book's slices, concatenated): the same bits as `project`.
    public static func project(portfolio p: Portfolio, chunks: [CreditChunkSums], plan: StressPlan,
                               periodLabels: [String], options: ProjectionOptions) throws(CreditChunkError)
        -> CreditProjection {
        let layout = layout(p, plan: plan, options: options)
        let expected = (p.count + chunkSize - 1) / chunkSize
        guard chunks.count == expected else { throw .chunkCount(got: chunks.count, expected: expected) }
        var total = Accumulator(layout: layout)
        for (k, sums) in chunks.enumerated() {
            guard let chunk = Accumulator(layout: layout, sums: sums) else {
                throw .chunkSize(position: k, expected: 3 + total.arrays.reduce(0, { $0 + $1.count }))
            }
            total.add(chunk)
        }
        return total.projection(portfolio: p, labels: periodLabels, withIRB: options.rwa?.irb != nil,
                                withStandardised: options.rwa?.standardised != nil)
    }
}
