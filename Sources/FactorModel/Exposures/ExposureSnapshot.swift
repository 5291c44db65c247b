import RiskMath

/// The exposures X (N assets × K factors) of one estimation date, or of a block of dates
/// that share them (exposures are typically refreshed monthly while returns are daily),
/// with the market capitalisations that weight the regression (√cap) and the industry
/// and country constraints (cap).
public struct ExposureSnapshot: Sendable, Equatable {
    public var factors: [Factor]
    /// N × K, row i = asset i.
    public var exposures: Matrix
    /// c_i > 0 per asset, in any currency unit.
    public var marketCap: [Double]

    public var assetCount: Int { exposures.rows }
    public var factorCount: Int { exposures.columns }

    /// Throws unless X is marketCap.count × factors.count, finite, caps positive and names unique.
    public init(factors: [Factor], exposures: Matrix, marketCap: [Double]) throws(FactorModelError) {
        let stage = "exposure snapshot"
        guard exposures.columns == factors.count, exposures.rows == marketCap.count else {
            throw FactorModelError(stage: stage, message: "exposures are \(exposures.rows)×\(exposures.columns); expected \(marketCap.count) assets × \(factors.count) factors")
        }
        guard Set(factors.map(\.name)).count == factors.count else {
            throw FactorModelError(stage: stage, message: "factor names are not unique")
        }
        if let k = exposures.elements.firstIndex(where: { !$0.isFinite }) {
            throw FactorModelError(stage: stage, item: factors[k % factors.count].name, message: "non-finite exposure of asset \(k / factors.count)")
        }
        if let i = marketCap.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw FactorModelError(stage: stage, message: "market cap of asset \(i) must be positive, got \(marketCap[i])")
        }
        self.factors = factors
        self.exposures = exposures
        self.marketCap = marketCap
    }
}
