import RiskMath
import StressCore

/// Credit RWA of a portfolio (METHODOLOGY §3): RWA = Σ_i RW_i·EAD_i, with RW_i from the
/// IRB formula at the exposure's (floored) PD and LGD, or from the standardised table.
///
/// Built once per portfolio; `breakdown(pdMultiplier:)` then costs one pass over the
/// exposures (one Φ⁻¹, one Φ, a log and two exponentials per IRB exposure), in fixed
/// chunks of 16,384 exposures run in parallel and summed per asset class in chunk order,
/// so every figure is the same for any thread count.
///
/// Exposure class mapping to the IRB functions: `corporate` and `cre` use the corporate
/// function without the firm-size adjustment; `sme` uses it with the adjustment when the
/// portfolio gives `turnover_eur_m` (as StressCore's `AssetCorrelation`); the others map
/// one to one.
public struct PortfolioRWA: Sendable {
    /// The per-exposure constants, for engines that weight the portfolio in their own
    /// pass (the credit engine's stressed RWA per period).
    public let columns: RiskWeightColumns
    /// The PDs that `pdMultiplier` scales (the portfolio's, or those of `replacingPD`).
    public private(set) var pd: [Double]
    public let lgd: [Double]
    public let ead: [Double]
    let classCode: [UInt8]
    public let threads: Int
    /// Ratings of standardised exposures that map to no credit quality step (weighted as
    /// unrated), with their counts: data-quality findings for the run.
    public let unrecognisedRatings: [String: Int]
    /// Exposures weighted by the standardised table.
    public let standardisedCount: Int

    static let chunkSize = 16_384

    public init(portfolio p: Portfolio, options: RWAOptions) throws(CapitalError) {
        let n = p.count
        // A portfolio built without the column (the file reader always fills it) is corporate.
        let assetClass = p.assetClass.count == n ? p.assetClass : Array(repeating: .corporate, count: n)
        var irbClass: [IRBExposureClass] = []
        irbClass.reserveCapacity(n)
        var codes: [UInt8] = []
        codes.reserveCapacity(n)
        let classIndex = Dictionary(uniqueKeysWithValues: AssetClass.allCases.enumerated().map { ($1, UInt8($0)) })
        for c in assetClass {
            irbClass.append(Self.irbClass(c))
            codes.append(classIndex[c]!)
        }
        let turnover: [Double]? = p.turnoverEURm.map { column in
            (0..<n).map { assetClass[$0] == .sme ? column[$0] : .nan }
        }

        // Approach and transactor flags per segment level, then per exposure.
        let hasSegments = p.segment.count == n && n > 0
        let levels = hasSegments ? p.segment.levels : []
        let levelApproach = levels.map { options.approachBySegment[$0] ?? options.approach }
        let levelTransactor = levels.map { options.transactorSegments.contains($0) }
        func approach(_ i: Int) -> RWAApproach { hasSegments ? levelApproach[Int(p.segment.codes[i])] : options.approach }
        func isTransactor(_ i: Int) -> Bool { hasSegments && levelTransactor[Int(p.segment.codes[i])] }

        let transactor: [Bool]? = levelTransactor.contains(true)
            ? (0..<n).map { isTransactor($0) && (assetClass[$0] == .qrre || assetClass[$0] == .otherRetail) }
            : nil

        var fixed: [Double]? = nil
        var unrecognised: [String: Int] = [:]
        var standardisedCount = 0
        let anyStandardised = options.approach == .standardised || options.approachBySegment.values.contains(.standardised)
        if anyStandardised {
            let selected = (0..<n).filter { approach($0) == .standardised }
            if !selected.isEmpty {
                guard let table = options.standardised else { throw .standardisedTableMissing(exposures: selected.count) }
                var weights = [Double](repeating: .nan, count: n)
                let hasRatings = p.rating.count == n
                let stepOfLevel = hasRatings ? p.rating.levels.map(CreditQualityStep.parse) : []
                for i in selected {
                    var step: Int? = nil
                    if hasRatings {
                        switch stepOfLevel[Int(p.rating.codes[i])] {
                        case let .step(s): step = s
                        case .unrated: break
                        case .unrecognised: unrecognised[p.rating[i], default: 0] += 1
                        }
                    }
                    var ltv: Double? = nil
                    if let collateral = p.collateralValue?[i], collateral.isFinite, collateral > 0 {
                        ltv = p.ead[i] / collateral
                    }
                    guard let w = table.riskWeight(for: assetClass[i], creditQualityStep: step, loanToValue: ltv,
                                                   transactor: transactor?[i] ?? false, defaulted: p.pd[i] >= 1)
                    else { throw .standardisedClassMissing(assetClass: assetClass[i].rawValue) }
                    weights[i] = w
                }
                fixed = weights
                standardisedCount = selected.count
            }
        }

        self.columns = RiskWeightColumns(exposureClass: irbClass, maturity: p.maturity, turnoverEURm: turnover,
                                         transactor: transactor, fixedRiskWeight: fixed, floors: options.pdFloors,
                                         scaling: options.scaling)
        self.pd = p.pd
        self.lgd = p.lgd
        self.ead = p.ead
        self.classCode = codes
        self.threads = max(1, options.threads)
        self.unrecognisedRatings = unrecognised
        self.standardisedCount = standardisedCount
    }

    /// The IRB function of an asset class.
    public static func irbClass(_ c: AssetClass) -> IRBExposureClass {
        switch c {
        case .corporate, .sme, .cre: return .corporate
        case .sovereign: return .sovereign
        case .bank: return .bank
        case .residentialMortgage: return .residentialMortgage
        case .qrre: return .qrre
        case .otherRetail: return .otherRetail
        }
    }

    public var count: Int { ead.count }

    /// The same weighting with another base PD column, e.g. PDs already floored with the
    /// credit engine's floor, so that `rwa(m)` stresses exactly the PDs that the reverse
    /// stress test's EL(m) stresses.
    public func replacingPD(_ pd: [Double]) -> PortfolioRWA {
        precondition(pd.count == count, "PortfolioRWA: \(pd.count) PDs for \(count) exposures")
        var copy = self
        copy.pd = pd
        return copy
    }

    // MARK: - RWA

    /// RWA at stressed PDs min(PD_i·m, 1) (m = 1: the jump-off RWA), LGDs and EADs as in
    /// the portfolio. Standardised exposures keep their weights. This is the `rwa(m)` of
    /// the reverse stress test's capital breach (METHODOLOGY §2.5).
    /// `ratingPhilosophy` (α per asset class, `AssetClass.allCases` order; nil = 1) passes
    /// that share of the probit shift into the PD that drives RWA (METHODOLOGY §3.1).
    public func breakdown(pdMultiplier m: Double = 1, ratingPhilosophy: [Double]? = nil) -> RWABreakdown {
        let classes = AssetClass.allCases.count
        let pd = self.pd, lgd = self.lgd, ead = self.ead, codes = self.classCode
        let alphas = ratingPhilosophy ?? []
        // Borrowed views of the columns: the reverse stress calls this at every bisection step,
        // and reading the struct's arrays per exposure retained and released each of them.
        let chunks = columns.withView { columns in
            parallelMap(blocks: BlockPartition(count: count, blockSize: Self.chunkSize),
                        threads: threads) { range, _ in
                // [irb by class, standardised by class]
                var sums = [Double](repeating: 0, count: 2 * classes)
                pd.withUnsafeBufferPointer { pd in
                lgd.withUnsafeBufferPointer { lgd in
                ead.withUnsafeBufferPointer { ead in
                codes.withUnsafeBufferPointer { codes in
                alphas.withUnsafeBufferPointer { alphas in
                sums.withUnsafeMutableBufferPointer { sums in
                    for i in range {
                        var stressed = m == 1 ? pd[i] : min(pd[i] * m, 1)
                        if !alphas.isEmpty {
                            let alpha = alphas[Int(codes[i])]
                            if alpha != 1, stressed != pd[i] {
                                stressed = Self.regulatoryPD(alpha: alpha, pd0: pd[i], pdT: stressed)
                            }
                        }
                        let rwa = columns.riskWeight(i, pd: stressed, lgd: lgd[i]) * ead[i]
                        sums[(columns.usesIRB(i) ? 0 : classes) + Int(codes[i])] += rwa
                    }
                }
                }
                }
                }
                }
                }
                return sums
            }
        }
        var sums = [Double](repeating: 0, count: 2 * classes)
        for chunk in chunks { for k in sums.indices { sums[k] += chunk[k] } }
        return RWABreakdown(irbByClass: Array(sums[0..<classes]), standardisedByClass: Array(sums[classes...]))
    }

    /// Total credit RWA at PD·m.
    public func total(pdMultiplier m: Double = 1, ratingPhilosophy: [Double]? = nil) -> Double {
        breakdown(pdMultiplier: m, ratingPhilosophy: ratingPhilosophy).total
    }

    /// Φ((1 − α)·Φ⁻¹(PD_0) + α·Φ⁻¹(PD_t)); linear when either PD is 0 or 1.
    static func regulatoryPD(alpha: Double, pd0: Double, pdT: Double) -> Double {
        if alpha == 0 { return pd0 }
        guard pd0 > 0, pd0 < 1, pdT > 0, pdT < 1 else { return pd0 + alpha * (pdT - pd0) }
        return Normal.cdf((1 - alpha) * Normal.quantile(pd0) + alpha * Normal.quantile(pdT))
    }

    /// RW_i at PD_i·m (capped at 1), for tests and exposure-level reports.
    public func riskWeight(_ i: Int, pdMultiplier m: Double = 1) -> Double {
        columns.riskWeight(i, pd: m == 1 ? pd[i] : min(pd[i] * m, 1), lgd: lgd[i])
    }
}

/// Credit RWA by approach and asset class. Totals add the classes in `AssetClass.allCases`
/// order.
public struct RWABreakdown: Sendable, Equatable, Codable {
    public var total: Double
    public var irb: Double
    public var standardised: Double
    /// Asset class (portfolio spelling) → RWA, both approaches; classes with no exposure left out.
    public var byAssetClass: [String: Double]

    enum CodingKeys: String, CodingKey {
        case total, irb, standardised, byAssetClass = "by_asset_class"
    }

    init(irbByClass: [Double], standardisedByClass: [Double]) {
        var irb = 0.0, standardised = 0.0
        var byClass: [String: Double] = [:]
        for (k, c) in AssetClass.allCases.enumerated() {
            irb += irbByClass[k]
            standardised += standardisedByClass[k]
            let sum = irbByClass[k] + standardisedByClass[k]
            if sum != 0 { byClass[c.rawValue] = sum }
        }
        self.irb = irb
        self.standardised = standardised
        self.total = irb + standardised
        self.byAssetClass = byClass
    }
}
