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

    public init() {}

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    /// Σ EAD, summed in row order.
    public var totalEAD: Double { ead.reduce(0, +) }

    public mutating func reserveCapacity(_ n: Int) {
        ids.reserveCapacity(n); pd.reserveCapacity(n); lgd.reserveCapacity(n)
        ead.reserveCapacity(n); assetClass.reserveCapacity(n)
        segment.reserveCapacity(n); sector.reserveCapacity(n); country.reserveCapacity(n)
        rating.reserveCapacity(n); currency.reserveCapacity(n)
    }
}
