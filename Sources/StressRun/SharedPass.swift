import CreditEngine
import ProvisionsEngine
import RiskMath
import StressCore

/// The blocks of several plans' re-projections from one pass over the book
/// (`Reprojection.figures(_:)`). Within each credit block, rows go in groups of `group`:
/// for each plan j, the rows whose path no earlier plan shares (`PathSharing`) are filled
/// and run through the credit and provisions kernels, one record per row; then every plan
/// adds each row's record (its own or the earlier plan's it shares) into its block sums, in
/// row order. Each plan's sums see the additions of its own re-projection, in the same
/// order, so the same bits; the kernels run once per distinct path instead of once per plan.
struct SharedPass {
    let portfolio: Portfolio
    let plans: [PreparedPlan]
    let sharing: PathSharing
    let inputs: [ProvisionsProjection.Inputs]
    let options: ProjectionOptions
    let constants: ExposureConstants

    /// Rows per group: the records of a group stay in cache between the kernels and the sums.
    static let group = 128

    struct Block: Sendable {
        /// Per plan: the credit block, and its provisions blocks in row order.
        var credit: [CreditBlock]
        var provisions: [[ProvisionsBlock]]
    }

    func blocks() -> [Block] {
        let provisionStep = ProvisionsProjection.blockSize
        precondition(CreditProjector.blockSize % provisionStep == 0 && provisionStep % Self.group == 0,
                     "SharedPass: provision blocks must nest in credit blocks, row groups in both")
        return parallelMap(blocks: BlockPartition(count: portfolio.count, blockSize: CreditProjector.blockSize),
                           threads: max(1, options.threads)) { rows, _ in block(rows) }
    }

    private func block(_ rows: Range<Int>) -> Block {
        let n = plans.count, periods = plans[0].plan.periods
        let creditStride = CreditProjector.recordStride(periods: periods)
        let provisionStride = ProvisionsProjection.recordStride(periods: periods)
        let group = Self.group
        // Per plan: row list, credit and provisions records of a group of rows.
        let lists = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n * group)
        let creditRecords = UnsafeMutableBufferPointer<Double>.allocate(capacity: n * group * creditStride)
        let provisionRecords = UnsafeMutableBufferPointer<Double>.allocate(capacity: n * group * provisionStride)
        // For row r of the group and plan j: the plan whose record it adds, and where.
        let source = UnsafeMutableBufferPointer<Int32>.allocate(capacity: group * n)
        let position = UnsafeMutableBufferPointer<Int32>.allocate(capacity: group * n)
        let pd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, group * periods))
        let lgd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, group * periods))
        let creditSums = (0..<n).map { _ in CreditRecordSums(periods: periods) }
        defer {
            lists.deallocate(); creditRecords.deallocate(); provisionRecords.deallocate()
            source.deallocate(); position.deallocate(); pd.deallocate(); lgd.deallocate()
            for sums in creditSums { sums.deallocate() }
        }
        var provisions = [[ProvisionsBlock]](repeating: [], count: n)
        var provisionSums = inputs.map { ProvisionRecordSums($0) }

        sharing.kind.withUnsafeBufferPointer { kind in
        sharing.representative.withUnsafeBufferPointer { representative in
            for start in stride(from: rows.lowerBound, to: rows.upperBound, by: group) {
                let end = min(start + group, rows.upperBound)
                // Each plan's own rows: those whose path no earlier plan has.
                for j in 0..<n {
                    var count = 0
                    for i in start..<end {
                        let r = i - start, first = Int(representative[Int(kind[i]) * n + j])
                        if first == j {
                            lists[j * group + count] = Int32(i)
                            source[r * n + j] = Int32(j)
                            position[r * n + j] = Int32(count)
                            count += 1
                        } else {
                            source[r * n + j] = Int32(first)
                            position[r * n + j] = position[r * n + first]
                        }
                    }
                    guard count > 0 else { continue }
                    let selection = RowSelection(rows: UnsafeBufferPointer(rebasing: lists[(j * group)..<(j * group + count)]))
                    CreditProjector.recordRows(selection, portfolio: portfolio, plan: plans[j], options: options,
                                               constants: constants, pd: pd, lgd: lgd,
                                               records: creditRecords.baseAddress! + j * group * creditStride)
                    ProvisionsProjection.recordRows(selection, inputs[j], pd: UnsafeBufferPointer(pd),
                                                    lgd: UnsafeBufferPointer(lgd),
                                                    records: provisionRecords.baseAddress! + j * group * provisionStride)
                }
                // Every plan adds each row's record in row order.
                for j in 0..<n {
                    for r in 0..<(end - start) {
                        let from = Int(source[r * n + j]), at = Int(position[r * n + j])
                        creditSums[j].add(creditRecords.baseAddress! + (from * group + at) * creditStride)
                        provisionSums[j].add(provisionRecords.baseAddress! + (from * group + at) * provisionStride)
                    }
                }
                // A provisions block ends every `blockSize` rows, as in `Reprojection.project`.
                if (end - rows.lowerBound) % ProvisionsProjection.blockSize == 0 || end == rows.upperBound {
                    for j in 0..<n {
                        provisions[j].append(provisionSums[j].block)
                        provisionSums[j].deallocate()
                        provisionSums[j] = ProvisionRecordSums(inputs[j])
                    }
                }
            }
        }
        }
        for sums in provisionSums { sums.deallocate() }
        return Block(credit: creditSums.map { $0.block() }, provisions: provisions)
    }
}
