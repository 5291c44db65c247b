import CreditEngine
import ProvisionsEngine
import RiskMath
import StressCore

/// Which exposures a surrogate re-projection visits, and what each stands for: every
/// exposure of the largest EADs (they carry most of the sampling error: losses and RWA are
/// sums weighted by EAD), and one in `every` of the rest, each counting `every` times.
struct SampleDesign: Sendable {
    /// Rows visited at weight 1, then at weight `every`, each list in row order.
    let certain: [Int32]
    let sampled: [Int32]
    let every: Int

    /// About `rows` exposures: half the largest, half one in `every` of the others.
    init(portfolio p: Portfolio, rows: Int) {
        let n = p.count
        let largest = min(rows / 2, n)
        let threshold = largest == 0 ? Double.infinity : p.ead.sorted(by: >)[largest - 1]
        var certain: [Int32] = [], rest: [Int32] = []
        certain.reserveCapacity(largest)
        rest.reserveCapacity(n - largest)
        // Ties at the threshold may make the certain stratum a little larger: all of it is exact.
        for i in 0..<n { if p.ead[i] >= threshold { certain.append(Int32(i)) } else { rest.append(Int32(i)) } }
        every = max(1, rest.count / max(1, rows - certain.count))
        self.certain = certain
        sampled = stride(from: every / 2, to: rest.count, by: every).map { rest[$0] }
    }
}

/// A re-projection on a subsample of the book (`SampleDesign`), each row's terms counted as
/// many times as the rows it stands for: an estimate of the whole book's sums at a fraction
/// of the cost. It only aims the reverse stress's severity search (the surrogate of
/// `ReverseStress.severityScalingOnGrid`); no reported figure comes from it.
struct SampledPass {
    let portfolio: Portfolio
    let plan: PreparedPlan
    /// Nil when credit losses are EL (no provision book).
    let input: ProvisionsProjection.Inputs?
    let options: ProjectionOptions
    let constants: ExposureConstants
    /// Rows visited, in order, and how many rows each stands for.
    let rows: [Int32]
    let weight: Int

    /// Sampled rows per group (records stay in cache) and per block.
    static let group = 128
    static let blockSize = 4_096

    func blocks() -> [(credit: CreditBlock, provisions: ProvisionsBlock?)] {
        parallelMap(blocks: BlockPartition(count: rows.count, blockSize: Self.blockSize),
                    threads: max(1, options.threads)) { positions, _ in block(positions) }
    }

    private func block(_ positions: Range<Int>) -> (credit: CreditBlock, provisions: ProvisionsBlock?) {
        let periods = plan.plan.periods, group = Self.group
        let creditStride = CreditProjector.recordStride(periods: periods)
        let provisionStride = ProvisionsProjection.recordStride(periods: periods)
        let list = UnsafeMutableBufferPointer<Int32>.allocate(capacity: group)
        let creditRecords = UnsafeMutableBufferPointer<Double>.allocate(capacity: group * creditStride)
        let provisionRecords = UnsafeMutableBufferPointer<Double>.allocate(capacity: group * provisionStride)
        let pd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, group * periods))
        let lgd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, group * periods))
        let creditSums = CreditRecordSums(periods: periods)
        var provisionSums = input.map { ProvisionRecordSums($0) }
        defer {
            list.deallocate(); creditRecords.deallocate(); provisionRecords.deallocate()
            pd.deallocate(); lgd.deallocate(); creditSums.deallocate(); provisionSums?.deallocate()
        }
        for start in stride(from: positions.lowerBound, to: positions.upperBound, by: group) {
            let count = min(start + group, positions.upperBound) - start
            for p in 0..<count { list[p] = self.rows[start + p] }
            let rows = RowSelection(rows: UnsafeBufferPointer(rebasing: list[0..<count]))
            CreditProjector.recordRows(rows, portfolio: portfolio, plan: plan, options: options, constants: constants,
                                       pd: pd, lgd: lgd, records: creditRecords.baseAddress!)
            if let input {
                ProvisionsProjection.recordRows(rows, input, pd: UnsafeBufferPointer(pd), lgd: UnsafeBufferPointer(lgd),
                                                records: provisionRecords.baseAddress!)
            }
            for r in 0..<count {
                creditSums.add(creditRecords.baseAddress! + r * creditStride)
                provisionSums?.add(provisionRecords.baseAddress! + r * provisionStride)
            }
        }
        creditSums.scale(by: Double(weight))
        provisionSums?.scale(by: weight)
        return (creditSums.block(), provisionSums?.block)
    }
}
