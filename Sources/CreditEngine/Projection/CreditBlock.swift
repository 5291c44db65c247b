import RiskMath
import StressCore

/// A block's stressed annual PD and LGD per period, row-major from the block's first row
/// (`CreditProjector.pathFiller`'s layout).
struct BlockPaths: @unchecked Sendable {
    let pd: UnsafeBufferPointer<Double>
    let lgd: UnsafeBufferPointer<Double>
}

/// The credit projection of one block of exposures, for a pass that runs another engine over
/// the same blocks with the same PD and LGD paths (a re-projection's provisions): its blocks
/// are `CreditProjector.blockSize` rows, combined in block order as `project` does.
public struct CreditBlock: Sendable {
    let sums: Accumulator
}

extension CreditProjector {
    public static var blockSize: Int { chunkSize }

    /// Projects `rows`, reading the stressed PDs and LGDs from `pathFiller`'s `pd` and `lgd`
    /// for those rows instead of computing them again (the same formulas, so the same bits).
    public static func projectBlock(_ rows: Range<Int>, portfolio p: Portfolio, plan: StressPlan,
                                    options: ProjectionOptions, constants: ExposureConstants,
                                    pd: UnsafeBufferPointer<Double>, lgd: UnsafeBufferPointer<Double>) -> CreditBlock {
        // The filler runs exposures off at their own amortisation, not a portfolio-wide path.
        precondition(options.amortisation == nil, "CreditProjector.projectBlock: a portfolio-wide amortisation path")
        precondition(constants.matches(p, pdFloor: options.pdFloor, rwa: options.rwa),
                     "CreditProjector: constants of another portfolio, floor or weights")
        precondition(pd.count >= rows.count * plan.periods && lgd.count >= rows.count * plan.periods,
                     "CreditProjector.projectBlock: paths too short")
        let layout = options.breakdowns ? BreakdownLayout(portfolio: p, periods: plan.periods)
            : .totalsOnly(periods: plan.periods)
        var acc = Accumulator(layout: layout)
        withWeightViews(options.rwa) { irb, standardised in
            constants.withView { known in
                ExposureColumns.with(p, groups: plan.groupOfExposure) { base in
                    constants.defaulted.withUnsafeBufferPointer { flags in
                        var columns = base
                        columns.defaulted = flags
                        projectChunk(RowSelection(rows), columns: columns, plan: FlatPlan(plan), options: options, irb: irb,
                                     standardised: standardised, constants: known, paths: BlockPaths(pd: pd, lgd: lgd),
                                     into: &acc)
                    }
                }
            }
        }
        return CreditBlock(sums: acc)
    }

    /// The projection of blocks in row order (each `blockSize` rows but the last).
    public static func combine(_ blocks: [CreditBlock], portfolio p: Portfolio, plan: StressPlan,
                               periodLabels: [String], options: ProjectionOptions) -> CreditProjection {
        let layout = options.breakdowns ? BreakdownLayout(portfolio: p, periods: plan.periods)
            : .totalsOnly(periods: plan.periods)
        var total = Accumulator(layout: layout)
        for block in blocks { total.add(block.sums) }
        return total.projection(portfolio: p, labels: periodLabels, withIRB: options.rwa?.irb != nil,
                                withStandardised: options.rwa?.standardised != nil)
    }
}
