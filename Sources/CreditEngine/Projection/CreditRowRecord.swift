import RiskMath
import StressCore

/// One row's terms of the credit projection's totals, as the kernel adds them into a chunk's
/// sums: EL, EAD, PD·EAD, LGD·EAD, IRB RWA and standardised RWA per period, then the
/// baseline EL and the two jump-off RWAs. A pass that evaluates a row once for several
/// attribution coalitions (`PathSharing`) writes the terms per row and adds them into each
/// coalition's sums in row order: the same additions, so the same bits as `projectBlock`.
enum CreditRowRecord {
    static func stride(periods: Int) -> Int { 6 * periods + 3 }

    /// Adds a chunk's sums (the record layout) into `acc`.
    static func fold(_ totals: UnsafeMutableBufferPointer<Double>, periods: Int, into acc: inout Accumulator) {
        let scalars = 6 * periods
        acc.baselineEL += totals[scalars]
        acc.startRWA += totals[scalars + 1]
        acc.standardisedStartRWA += totals[scalars + 2]
        for t in 0..<periods {
            acc.periodEL[t] += totals[t]
            acc.periodEAD[t] += totals[periods + t]
            acc.pdEAD[t] += totals[2 * periods + t]
            acc.lgdEAD[t] += totals[3 * periods + t]
            acc.periodRWA[t] += totals[4 * periods + t]
            acc.standardisedPeriodRWA[t] += totals[5 * periods + t]
        }
    }
}

/// A stress plan in the kernel's flat layout, built once for the blocks of a shared pass.
public struct PreparedPlan: Sendable {
    public let plan: StressPlan
    let flat: CreditProjector.FlatPlan

    public init(_ plan: StressPlan) {
        self.plan = plan
        flat = .init(plan)
    }
}

/// A block's credit sums built from per-row records added in row order (`CreditRowRecord`).
public struct CreditRecordSums: @unchecked Sendable {
    let periods: Int
    let totals: UnsafeMutableBufferPointer<Double>

    public init(periods: Int) {
        self.periods = periods
        totals = .allocate(capacity: CreditRowRecord.stride(periods: periods))
        totals.initialize(repeating: 0)
    }

    public func deallocate() { totals.deallocate() }

    @inline(__always)
    public func add(_ record: UnsafePointer<Double>) {
        for k in 0..<totals.count { totals[k] += record[k] }
    }

    /// Multiplies every total by `weight`: a subsample's sums standing for the whole book's.
    public func scale(by weight: Double) {
        for k in 0..<totals.count { totals[k] *= weight }
    }

    /// The block, as `CreditProjector.projectBlock` gives it without breakdowns.
    public func block() -> CreditBlock {
        var acc = Accumulator(layout: .totalsOnly(periods: periods))
        CreditRowRecord.fold(totals, periods: periods, into: &acc)
        return CreditBlock(sums: acc)
    }
}

extension CreditProjector {
    /// Doubles per row of `recordRows`' records.
    public static func recordStride(periods: Int) -> Int { CreditRowRecord.stride(periods: periods) }

    /// Fills the stressed paths of `rows` under `plan` (`pd` and `lgd`, position·T + t, as
    /// `pathFiller`) and writes each row's credit terms at position·`recordStride` of
    /// `records`: the re-projection kernel without breakdowns, one row at a time.
    public static func recordRows(_ rows: RowSelection, portfolio p: Portfolio, plan: PreparedPlan,
                                  options: ProjectionOptions, constants: ExposureConstants,
                                  pd: UnsafeMutableBufferPointer<Double>, lgd: UnsafeMutableBufferPointer<Double>,
                                  records: UnsafeMutablePointer<Double>) {
        precondition(!options.breakdowns && options.amortisation == nil,
                     "CreditProjector.recordRows: totals only, each exposure's own amortisation")
        precondition(constants.matches(p, pdFloor: options.pdFloor, rwa: options.rwa),
                     "CreditProjector: constants of another portfolio, floor or weights")
        let periods = plan.flat.periods
        precondition(pd.count >= rows.count * periods && lgd.count >= rows.count * periods,
                     "CreditProjector.recordRows: paths too short")
        var unused = Accumulator(layout: .totalsOnly(periods: periods))
        withWeightViews(options.rwa) { irb, standardised in
            constants.withView { known in
                ExposureColumns.with(p, groups: plan.plan.groupOfExposure) { base in
                    constants.defaulted.withUnsafeBufferPointer { flags in
                        var columns = base
                        columns.defaulted = flags
                        fillPaths(rows, columns: columns, plan: plan.flat, options: options, constants: known,
                                  pd: pd, lgd: lgd)
                        projectChunk(rows, columns: columns, plan: plan.flat, options: options, irb: irb,
                                     standardised: standardised, constants: known,
                                     paths: BlockPaths(pd: UnsafeBufferPointer(pd), lgd: UnsafeBufferPointer(lgd)),
                                     records: records, into: &unused)
                    }
                }
            }
        }
    }
}
