import RiskMath
import StressCore

/// One raw style descriptor per asset (e.g. size = log market cap, value = book-to-price);
/// NaN marks a missing value.
public struct StyleDescriptor: Sendable, Equatable {
    public var name: String
    public var raw: [Double]

    public init(name: String, raw: [Double]) {
        self.name = name
        self.raw = raw
    }
}

/// The assets of one date and what the exposures are built from.
public struct AssetUniverse: Sendable {
    public var ids: [String]
    public var marketCap: [Double]
    public var industry: CategoricalColumn
    /// nil: a single-country model (no country factors).
    public var country: CategoricalColumn?
    public var styles: [StyleDescriptor]

    public init(ids: [String], marketCap: [Double], industry: CategoricalColumn, country: CategoricalColumn?,
                styles: [StyleDescriptor]) {
        self.ids = ids
        self.marketCap = marketCap
        self.industry = industry
        self.country = country
        self.styles = styles
    }
}

/// Builds X = [market | industry dummies | country dummies | style z-scores] (METHODOLOGY §5).
///
/// The factor list is fixed by the caller (`industries`, `countries`) so that every
/// snapshot of a panel has the same columns; an industry with no asset on a date keeps
/// its column (all zeros) and the regression drops it for that date. Styles are
/// standardised by `StyleStandardisation`; every imputed value becomes a warning finding.
public enum ExposureBuilder {
    public struct Result: Sendable {
        public var snapshot: ExposureSnapshot
        public var findings: [DataQualityFinding]
    }

    public static func build(_ universe: AssetUniverse, industries: [String], countries: [String],
                             includeMarket: Bool = true) throws(FactorModelError) -> Result {
        let n = universe.marketCap.count
        let stage = "factor exposures"
        guard universe.ids.count == n, universe.industry.count == n, universe.country.map({ $0.count == n }) ?? true,
              universe.styles.allSatisfy({ $0.raw.count == n }) else {
            throw FactorModelError(stage: stage, message: "ids, caps, industries, countries and styles differ in length")
        }
        var factors: [Factor] = includeMarket ? [.market] : []
        factors += industries.map { Factor(name: $0, kind: .industry) }
        if universe.country != nil { factors += countries.map { Factor(name: $0, kind: .country) } }
        factors += universe.styles.map { Factor(name: $0.name, kind: .style) }
        let k = factors.count

        let industryIndex = Dictionary(uniqueKeysWithValues: industries.enumerated().map { ($1, $0) })
        let countryIndex = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1, $0) })
        var industryOf = [Int](repeating: 0, count: n)
        var countryOf: [Int]? = universe.country == nil ? nil : [Int](repeating: 0, count: n)
        for i in 0..<n {
            guard let j = industryIndex[universe.industry[i]] else {
                throw FactorModelError(stage: stage, item: universe.ids[i], message: "industry '\(universe.industry[i])' is not one of the model's industries")
            }
            industryOf[i] = j
            if let column = universe.country {
                guard let c = countryIndex[column[i]] else {
                    throw FactorModelError(stage: stage, item: universe.ids[i], message: "country '\(column[i])' is not one of the model's countries")
                }
                countryOf?[i] = c
            }
        }

        var elements = [Double](repeating: 0, count: n * k)
        let industryStart = includeMarket ? 1 : 0
        let countryStart = industryStart + industries.count
        let styleStart = countryStart + (universe.country == nil ? 0 : countries.count)
        for i in 0..<n {
            if includeMarket { elements[i * k] = 1 }
            elements[i * k + industryStart + industryOf[i]] = 1
            if let countryOf { elements[i * k + countryStart + countryOf[i]] = 1 }
        }
        var findings: [DataQualityFinding] = []
        for (s, style) in universe.styles.enumerated() {
            let result = try StyleStandardisation.standardise(raw: style.raw, marketCap: universe.marketCap,
                                                              industry: industryOf, country: countryOf, name: style.name)
            for i in 0..<n { elements[i * k + styleStart + s] = result.values[i] }
            if !result.imputed.isEmpty {
                let examples = result.imputed.prefix(5).map { universe.ids[$0] }.joined(separator: ", ")
                findings.append(DataQualityFinding(
                    severity: .warning, file: "factor exposures", field: style.name,
                    message: "\(result.imputed.count) of \(n) values missing, imputed from the industry/country median (e.g. \(examples))"))
            }
        }
        let snapshot = try ExposureSnapshot(factors: factors, exposures: makeMatrix(rows: n, columns: k, elements),
                                            marketCap: universe.marketCap)
        return Result(snapshot: snapshot, findings: findings)
    }
}
