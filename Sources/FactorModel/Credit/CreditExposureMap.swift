import RiskMath
import StressCore

/// What a credit exposure's holding is in the factor risk report.
public enum CreditHoldingWeighting: String, Sendable, Codable, CaseIterable {
    /// h_i = EAD_i·LGD_i·φ(Φ⁻¹(PD_i)): the first-order change in the exposure's expected
    /// loss when its obligor's asset value falls by one standard deviation (the slope of
    /// PD(shift) = Φ(Φ⁻¹(PD) − shift) at 0, times LGD·EAD). σ is then the first-order
    /// (delta-normal) standard deviation of credit loss from asset-value moves, in currency.
    /// The default.
    case lossSensitivity = "loss_sensitivity"
    /// h_i = EAD_i: σ is in currency × asset-value standard deviations (where the book is).
    case ead
    /// h_i = PD_i·LGD_i·EAD_i: σ weights exposures by their one-year expected loss.
    case expectedLoss = "expected_loss"
}

/// The bank's credit exposures mapped to the factors of a credit `FactorRiskModel`
/// (METHODOLOGY §5, §6 last bullet).
///
/// Obligor i in sector s and country c has dummies d_g = (1 on `market`, 1 on
/// `sector:s`, 1 on `country:c`) — its group g = (s, c) — and exposures
///
///     X_i = s_i·d_g,   s_i = √(ρ_i / v_g),   v_g = d_gᵀ F d_g,
///
/// so that its systematic asset-value variance X_i F X_iᵀ equals its Basel asset
/// correlation ρ_i (`AssetCorrelation`) and its specific variance is Δ_i = 1 − ρ_i: each
/// asset value has unit variance, as in the Vasicek model. Exposures of one group differ
/// only by s_i, so everything below is O(N + G·K), never an N × K matrix.
///
/// A blank or absent sector/country reads `(none)`, as in the VaR engine. A NaN PD, LGD
/// or EAD gives the exposure a zero holding and a data-quality finding.
public struct CreditExposureMap: Sendable {
    /// The model extended with the portfolio's sector and country factors.
    public var model: FactorRiskModel
    public var sectorLevels: [String]
    public var countryLevels: [String]
    /// Group (sector × country) of each exposure.
    public var groupOfExposure: [Int]
    /// `<sector> / <country>` per group.
    public var groupNames: [String]
    /// Factor indices (market, sector, country) of each group.
    public var groupFactors: [GroupFactors]
    /// v_g = d_gᵀ F d_g.
    public var groupVariance: [Double]
    /// ρ_i.
    public var assetCorrelation: [Double]
    /// s_i = √(ρ_i / v_g).
    public var scale: [Double]
    /// h_i by the chosen weighting.
    public var holdings: [Double]
    public var weighting: CreditHoldingWeighting
    public var findings: [DataQualityFinding]

    public struct GroupFactors: Sendable, Equatable {
        public var market: Int
        public var sector: Int
        public var country: Int
    }

    public static let noLevel = "(none)"

    public static func make(portfolio p: Portfolio, model base: FactorRiskModel,
                            weighting: CreditHoldingWeighting = .lossSensitivity) throws(FactorModelError) -> CreditExposureMap {
        let n = p.count
        let (sectorCodes, sectorLevels) = levels(p.sector, count: n)
        let (countryCodes, countryLevels) = levels(p.country, count: n)
        let model = try CreditFactorModel.extended(base, sectors: sectorLevels, countries: countryLevels)
        guard let market = model.index(of: Factor.market.name) else {
            throw FactorModelError(stage: "credit factor mapping", message: "the model has no `market` factor")
        }
        let sectorFactor = sectorLevels.map { model.index(of: Factor.sector($0).name)! }
        let countryFactor = countryLevels.map { model.index(of: Factor.country($0).name)! }
        let f = model.covariance.elements, k = model.factorCount

        var groupIndex = [Int](repeating: -1, count: sectorLevels.count * countryLevels.count)
        var groupOf = [Int](repeating: 0, count: n)
        var names: [String] = [], factors: [GroupFactors] = [], variance: [Double] = []
        for i in 0..<n {
            let key = sectorCodes[i] * countryLevels.count + countryCodes[i]
            if groupIndex[key] >= 0 { groupOf[i] = groupIndex[key]; continue }
            let g = names.count
            groupIndex[key] = g
            groupOf[i] = g
            let d = GroupFactors(market: market, sector: sectorFactor[sectorCodes[i]], country: countryFactor[countryCodes[i]])
            let idx = [d.market, d.sector, d.country]
            var v = 0.0
            for a in idx { for b in idx { v += f[a * k + b] } }
            names.append("\(sectorLevels[sectorCodes[i]]) / \(countryLevels[countryCodes[i]])")
            factors.append(d)
            variance.append(v)
        }

        var rho = [Double](repeating: 0, count: n), scale = [Double](repeating: 0, count: n)
        var holdings = [Double](repeating: 0, count: n)
        var missing = 0, missingExample: String?
        for i in 0..<n {
            let pd = p.pd[i], lgd = p.lgd[i], ead = p.ead[i]
            let turnover = p.turnoverEURm.map { $0[i] }
            let r = AssetCorrelation.basel(p.assetClass[i], pd: pd.isNaN ? 0.01 : pd, turnoverEURm: turnover)
            rho[i] = r
            scale[i] = (r / variance[groupOf[i]]).squareRoot()
            guard pd.isFinite, lgd.isFinite, ead.isFinite else {
                missing += 1
                if missingExample == nil { missingExample = p.ids[i] }
                continue
            }
            switch weighting {
            case .lossSensitivity:
                holdings[i] = ead * lgd * Normal.pdf(Normal.quantile(AssetCorrelation.clampedPD(pd)))
            case .ead:
                holdings[i] = ead
            case .expectedLoss:
                holdings[i] = pd * lgd * ead
            }
        }
        var findings: [DataQualityFinding] = []
        if missing > 0 {
            findings.append(DataQualityFinding(severity: .warning, file: "portfolio", field: "pd/lgd/ead",
                                               message: "factor risk: \(missing) exposures without PD, LGD or EAD are left out (holding 0), e.g. \(missingExample ?? "")"))
        }
        return CreditExposureMap(model: model, sectorLevels: sectorLevels, countryLevels: countryLevels,
                                 groupOfExposure: groupOf, groupNames: names, groupFactors: factors, groupVariance: variance,
                                 assetCorrelation: rho, scale: scale, holdings: holdings, weighting: weighting, findings: findings)
    }

    /// The factor exposure row X_i (K values) of exposure i.
    public func exposures(ofExposure i: Int) -> [Double] {
        var row = [Double](repeating: 0, count: model.factorCount)
        let d = groupFactors[groupOfExposure[i]]
        for j in [d.market, d.sector, d.country] { row[j] += scale[i] }
        return row
    }

    /// x = Xᵀh = Σ_g d_g·Σ_{i∈g} s_i h_i (with `holdings` or other holdings per exposure).
    public func portfolioExposures(holdings h: [Double]? = nil) -> [Double] {
        let h = h ?? holdings
        var perGroup = [Double](repeating: 0, count: groupNames.count)
        for i in 0..<h.count { perGroup[groupOfExposure[i]] += scale[i] * h[i] }
        var x = [Double](repeating: 0, count: model.factorCount)
        for (g, a) in perGroup.enumerated() {
            let d = groupFactors[g]
            x[d.market] += a
            x[d.sector] += a
            x[d.country] += a
        }
        return x
    }

    /// Σ h_i²·(1 − ρ_i).
    public func specificVariance(holdings h: [Double]? = nil) -> Double {
        let h = h ?? holdings
        var sum = 0.0
        for i in 0..<h.count { sum += h[i] * h[i] * (1 - assetCorrelation[i]) }
        return sum
    }

    /// Codes and names of a categorical column, blanks and an absent column as `(none)`;
    /// levels with the same name after that share a code.
    static func levels(_ column: CategoricalColumn, count n: Int) -> ([Int], [String]) {
        guard column.count == n, n > 0 else { return ([Int](repeating: 0, count: n), [noLevel]) }
        var names: [String] = [], index: [String: Int] = [:]
        let remap = column.levels.map { level -> Int in
            let name = level.allSatisfy({ $0 == " " || $0 == "\t" }) ? noLevel : level
            if let k = index[name] { return k }
            index[name] = names.count
            names.append(name)
            return names.count - 1
        }
        return (column.codes.map { remap[Int($0)] }, names)
    }
}
