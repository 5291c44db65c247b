import RiskMath

/// Each row's terms of the provisions totals, one record per row, for a pass that evaluates
/// a row once for several attribution coalitions and adds its record into each one's block
/// sums in row order (`ProvisionRecordSums`): the additions `ProvisionSums` makes without
/// breakdowns, so the same bits. Layout: the model's jump-off provisions, the held ones and
/// whether there are any (0 or 1), then the 8 stock series of T + 1 dates and the 8 flow
/// series of T periods.
struct ProvisionRowRecords: ProvisionSink {
    let base: UnsafeMutablePointer<Double>
    let periods: Int
    let stride: Int
    private var row: UnsafeMutablePointer<Double>

    static func stride(periods: Int) -> Int {
        3 + ProvisionSums.stockSeries * (periods + 1) + ProvisionSums.flowSeries * max(periods, 1)
    }

    init(base: UnsafeMutablePointer<Double>, periods: Int) {
        self.base = base
        self.periods = periods
        stride = Self.stride(periods: periods)
        row = base
    }

    @inline(__always) mutating func beginRow(_ position: Int) {
        row = base + position * stride
        row.update(repeating: 0, count: stride)
    }

    @inline(__always) mutating func addJumpOff(model: Double, held: Double?) {
        row[0] += model
        if let held { row[1] += held; row[2] = 1 }
    }

    @inline(__always) mutating func appendJumpOffAllowance(_ allowance: Double) {}

    @inline(__always)
    mutating func addStock(_ t: Int, _ g: ProvisionLayout.Groups, s1: Double, s2: Double, s3: Double,
                           p1: Double, p2: Double, p3: Double, elPerforming: Double, elDefaulted: Double) {
        let w = periods + 1, total = row + 3
        total[t] += s1; total[w + t] += s2; total[2 * w + t] += s3
        total[3 * w + t] += p1; total[4 * w + t] += p2; total[5 * w + t] += p3
        total[6 * w + t] += elPerforming
        total[7 * w + t] += elDefaulted
    }

    @inline(__always)
    mutating func addFlows(_ t: Int, _ g: ProvisionLayout.Groups, writeOff: Double, repaid: Double, newLending: Double,
                           t12: Double, t21: Double, t13: Double, t23: Double, t32: Double) {
        let w = periods, k = t - 1, f = row + 3 + ProvisionSums.stockSeries * (periods + 1)
        f[k] += writeOff; f[w + k] += repaid; f[2 * w + k] += newLending; f[3 * w + k] += t12
        f[4 * w + k] += t21; f[5 * w + k] += t13; f[6 * w + k] += t23; f[7 * w + k] += t32
    }
}

/// A block's provision sums built from row records added in row order: the totals of the
/// jump-off, the stocks and the flows in one buffer, the record's layout.
public struct ProvisionRecordSums: @unchecked Sendable {
    private let layout: ProvisionLayout
    private let totals: UnsafeMutableBufferPointer<Double>
    private var heldCount = 0

    public init(_ input: ProvisionsProjection.Inputs) {
        precondition(!input.breakdowns, "ProvisionRecordSums: row records carry the totals only")
        layout = ProvisionLayout(book: input.book, periods: input.periods.count, breakdowns: false)
        totals = .allocate(capacity: ProvisionRowRecords.stride(periods: layout.periods))
        totals.initialize(repeating: 0)
    }

    public func deallocate() { totals.deallocate() }

    /// Adds one row's record (`ProvisionsProjection.recordRows`).
    @inline(__always)
    public mutating func add(_ record: UnsafePointer<Double>) {
        totals[0] += record[0]
        if record[2] != 0 {
            totals[1] += record[1]
            heldCount += 1
        }
        for k in 3..<totals.count { totals[k] += record[k] }
    }

    /// Multiplies every total by `weight`: the sums of a subsample of 1 row in `weight`
    /// standing for the whole book's (a surrogate that only aims a search).
    public mutating func scale(by weight: Int) {
        for k in totals.indices { totals[k] *= Double(weight) }
        heldCount *= weight
    }

    /// The block, as `ProvisionsProjection.projectBlock` gives it without breakdowns.
    public var block: ProvisionsBlock {
        var sums = ProvisionSums(layout: layout)
        sums.modelJumpOff = totals[0]
        sums.heldJumpOff = totals[1]
        sums.heldCount = heldCount
        let stocks = sums.stocks.count
        for k in 0..<stocks { sums.stocks[k] = totals[3 + k] }
        for k in sums.flows.indices { sums.flows[k] = totals[3 + stocks + k] }
        return ProvisionsBlock(sums: sums)
    }
}

extension ProvisionsProjection {
    /// Doubles per row of `recordRows`' records.
    public static func recordStride(periods: Int) -> Int { ProvisionRowRecords.stride(periods: periods) }

    /// Each row's provisions terms at position·`recordStride` of `records`, given its stressed
    /// PDs and LGDs (position·T + t, the filler's layout).
    public static func recordRows(_ rows: RowSelection, _ input: Inputs, pd: UnsafeBufferPointer<Double>,
                                  lgd: UnsafeBufferPointer<Double>, records: UnsafeMutablePointer<Double>) {
        precondition(!input.breakdowns, "ProvisionsProjection.recordRows: row records carry the totals only")
        var sink = ProvisionRowRecords(base: records, periods: input.periods.count)
        ExposureProvisions.run(rows, input: input, pd: pd, lgd: lgd, into: &sink)
    }
}
