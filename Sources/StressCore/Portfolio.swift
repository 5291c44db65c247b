/// A portfolio of exposures as columns (structure of arrays): engines loop over
/// contiguous `[Double]`s, never over an array of objects (PERFORMANCE.md).
///
/// Units: PD annual probability, LGD fraction of EAD, EAD and amounts in the
/// balance sheet currency. Optional numeric columns are `nil` when the file did
/// not have them; a blank cell in a column that is present is `.nan`, meaning
/// "not given" (engines choose the regulatory default, e.g. M = 2.5, CRE32.47).
public struct Portfolio: Sendable {
    public var ids: [String] = []
    public var pd: [Double] = []
    public var lgd: [Double] = []
    public var ead: [Double] = []
    public var assetClass: [AssetClass] = []
    public var segment = CategoricalColumn()
    public var sector = CategoricalColumn()
    public var country = CategoricalColumn()
    public var rating = CategoricalColumn()
    public var currency = CategoricalColumn()

    /// Effective maturity in years (CRE32.44).
    public var maturity: [Double]?
    /// Annual turnover in EUR millions, for the SME firm-size adjustment (CRE31.9).
    public var turnoverEURm: [Double]?
    public var drawn: [Double]?
    public var undrawn: [Double]?
    /// Credit conversion factor applied to `undrawn`.
    public var ccf: [Double]?
    /// Current market value of the collateral (property for mortgages and CRE).
    public var collateralValue: [Double]?
    /// Scheduled amortisation per period, as a fraction of EAD.
    public var amortisation: [Double]?

    // MARK: Credit quality and provisions (IFRS 9, CECL, Ind AS 109)

    /// IFRS 9 stage at jump-off, 1, 2 or 3; 0 where the cell is blank.
    public var stage: [UInt8]?
    public var daysPastDue: [Double]?
    /// 1 in default (CRR Art. 178), 0 not; 255 where the cell is blank.
    public var defaultFlag: [UInt8]?
    /// The 12-month PD at origination, for the significant-increase test (IFRS 9 5.5.9).
    public var originationPD: [Double]?
    /// Years to contractual maturity.
    public var remainingTerm: [Double]?
    /// Contractual maturity as days since 1970-01-01 (the run turns it into a remaining term
    /// at the as-of date).
    public var maturityDate: [Double]?
    /// Effective interest rate, for discounting expected losses (IFRS 9 B5.5.44).
    public var eir: [Double]?
    /// Loss allowance held at jump-off, in currency units.
    public var provision: [Double]?
    /// Years in default after which the bank writes an exposure off.
    public var writeOffPolicy: [Double]?

    public init() {}

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    /// Σ EAD, summed in row order.
    public var totalEAD: Double { ead.reduce(0, +) }

    /// Whether exposure `i` is in default at jump-off: stage 3, a default flag, or PD = 1.
    @inlinable
    public func isDefaulted(_ i: Int) -> Bool {
        if let stage, stage[i] == 3 { return true }
        if let defaultFlag, defaultFlag[i] == 1 { return true }
        return pd[i] >= 1
    }

    /// `isDefaulted` of every row as 0/1 flags, in one pass over borrowed columns: calling
    /// `isDefaulted` row by row retains and releases the optional columns each time.
    public func defaultedFlags() -> [UInt8] {
        let none: [UInt8] = []
        return (stage ?? none).withUnsafeBufferPointer { stage in
            (defaultFlag ?? none).withUnsafeBufferPointer { flag in
                pd.withUnsafeBufferPointer { pd in
                    (0..<count).map { i in
                        (!stage.isEmpty && stage[i] == 3) || (!flag.isEmpty && flag[i] == 1) || pd[i] >= 1 ? 1 : 0
                    }
                }
            }
        }
    }

    /// Whether the portfolio carries any credit-quality column (stage, default flag, provision).
    public var hasCreditQuality: Bool { stage != nil || defaultFlag != nil || provision != nil }

    public mutating func reserveCapacity(_ n: Int) {
        ids.reserveCapacity(n); pd.reserveCapacity(n); lgd.reserveCapacity(n)
        ead.reserveCapacity(n); assetClass.reserveCapacity(n)
        segment.reserveCapacity(n); sector.reserveCapacity(n); country.reserveCapacity(n)
        rating.reserveCapacity(n); currency.reserveCapacity(n)
    }
}
