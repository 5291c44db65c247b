import RiskMath
import StressCore

/// The standardised weights of every exposure of a portfolio, as columns for the credit
/// engine's RWA per period (`StandardisedWeightColumns`), from a risk-weight table
/// (CRE20, 12 CFR 217.32, the RBI's Basel III master circular).
///
/// Per exposure: the weight of `StandardisedRiskWeights.riskWeight(for:...)` from its asset
/// class, rating, country and loan-to-value (EAD / collateral value); the exposure value
/// drawn + CCF·undrawn with the table's undrawn CCF when the class has one and the
/// portfolio gives `drawn` and `undrawn` (CRE20.100ff, 12 CFR 217.33(b)), as a factor on the
/// EAD; and the defaulted weights of its class by provision coverage.
public struct StandardisedExposureWeights: Sendable {
    public let columns: StandardisedWeightColumns
    /// Ratings that map to no grade, credit quality step or band (weighted as unrated), with counts.
    public let unrecognisedRatings: [String: Int]
    /// Exposures whose country has no risk classification in a class weighted by it.
    public let unclassifiedCountries: [String: Int]

    public init(portfolio p: Portfolio, table: StandardisedRiskWeights) throws(CapitalError) {
        let n = p.count
        let classes = AssetClass.allCases
        var bands: [ProvisionCoverageBands] = []
        var bandSetOfClass: [AssetClass: UInt8] = [:]
        for c in classes {
            guard let w = table.classes[c] else { continue }
            bandSetOfClass[c] = UInt8(bands.count)
            bands.append(w.defaultedByCoverage ?? .flat(w.defaulted))
        }
        let hasRatings = p.rating.count == n, hasCountries = p.country.count == n
        let stepOfLevel = hasRatings ? p.rating.levels.map(CreditQualityStep.parse) : []
        // Levels some class's `by_rating` grades recognise (the RBI's domestic scale).
        let gradeTables = table.classes.values.compactMap(\.byRating)
        let ratedLevel = hasRatings ? p.rating.levels.map { level in
            gradeTables.contains { StandardisedRiskWeights.lookup(level, in: $0) != nil }
        } : []
        var weight = [Double](repeating: 0, count: n)
        var factor = [Double](repeating: 1, count: n)
        var bandSet = [UInt8](repeating: 0, count: n)
        var unrecognised: [String: Int] = [:], unclassified: [String: Int] = [:]
        var cache: [UInt64: Double] = [:]
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        for i in 0..<n {
            let c = p.assetClass.count == n ? p.assetClass[i] : .corporate
            guard let w = table.classes[c], let set = bandSetOfClass[c] else {
                throw .standardisedClassMissing(assetClass: c.rawValue)
            }
            var step: Int? = nil
            var rating: String? = nil
            if hasRatings {
                rating = p.rating[i]
                switch stepOfLevel[Int(p.rating.codes[i])] {
                case let .step(s): step = s
                case .unrated: rating = nil
                case .unrecognised:
                    if !(w.byRating.map { ratedLevel[Int(p.rating.codes[i])] && !$0.isEmpty } ?? false) {
                        unrecognised[p.rating[i], default: 0] += 1
                    }
                }
            }
            let country = hasCountries ? p.country[i] : nil
            if w.byCountryRiskClassification != nil, table.countryRiskClassification[country ?? ""] == nil {
                unclassified[country ?? "", default: 0] += 1
            }
            var ltv: Double? = nil
            if let collateral = p.collateralValue?[i], collateral.isFinite, collateral > 0 { ltv = p.ead[i] / collateral }
            if ltv == nil {
                // One lookup per (class, rating, country): the weight depends on nothing else.
                let key = (UInt64(classIndex[c]!) << 58) | (UInt64(hasRatings ? p.rating.codes[i] : 0) << 29)
                    | UInt64(hasCountries ? p.country.codes[i] : 0)
                if let known = cache[key] {
                    weight[i] = known
                } else {
                    let w = table.riskWeight(for: c, creditQualityStep: step, loanToValue: nil, country: country,
                                             rating: rating)!
                    cache[key] = w
                    weight[i] = w
                }
            } else {
                weight[i] = table.riskWeight(for: c, creditQualityStep: step, loanToValue: ltv, country: country,
                                             rating: rating)!
            }
            bandSet[i] = set
            if let ccf = w.undrawnCCF, let drawn = p.drawn?[i], let undrawn = p.undrawn?[i],
               drawn.isFinite, undrawn.isFinite, p.ead[i] >= 1e-6 {
                // Below a millionth of a currency unit the ratio says nothing (and may overflow).
                let f = (drawn + ccf * undrawn) / p.ead[i]
                if f.isFinite { factor[i] = f }
            }
        }
        columns = StandardisedWeightColumns(weight: weight, exposureFactor: factor, defaultedBandSet: bandSet,
                                            defaultedBands: bands, defaultedNetOfProvisions: table.defaultedNetOfProvisions)
        unrecognisedRatings = unrecognised
        unclassifiedCountries = unclassified
    }
}
