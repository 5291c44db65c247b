import StressCore

/// Jump-off figures of a portfolio: counts, EAD, expected loss
/// (EL = Σ PD·LGD·EAD, one year, unstressed) and EAD-weighted PD and LGD,
/// in total and by segment, asset class, sector and country.
public struct PortfolioSummary: Sendable, Equatable, Codable {
    public var exposures: Int
    public var totalEAD: Double
    public var expectedLoss: Double
    public var eadWeightedPD: Double
    public var eadWeightedLGD: Double
    public var bySegment: [String: Bucket]
    public var byAssetClass: [String: Bucket]
    public var bySector: [String: Bucket]
    public var byCountry: [String: Bucket]

    public struct Bucket: Sendable, Equatable, Codable {
        public var exposures: Int = 0
        public var ead: Double = 0
        public var expectedLoss: Double = 0
        public var eadWeightedPD: Double = 0
        public var eadWeightedLGD: Double = 0

        enum CodingKeys: String, CodingKey {
            case exposures, ead, expectedLoss = "expected_loss"
            case eadWeightedPD = "ead_weighted_pd", eadWeightedLGD = "ead_weighted_lgd"
        }
    }

    enum CodingKeys: String, CodingKey {
        case exposures, totalEAD = "total_ead", expectedLoss = "expected_loss"
        case eadWeightedPD = "ead_weighted_pd", eadWeightedLGD = "ead_weighted_lgd"
        case bySegment = "by_segment", byAssetClass = "by_asset_class"
        case bySector = "by_sector", byCountry = "by_country"
    }

    /// Sums in row order (one pass, fixed order, so the figures are reproducible).
    public init(_ p: Portfolio) {
        var segment = [Accumulator](repeating: .init(), count: p.segment.levels.count)
        var sector = [Accumulator](repeating: .init(), count: p.sector.levels.count)
        var country = [Accumulator](repeating: .init(), count: p.country.levels.count)
        var assetClass = [Accumulator](repeating: .init(), count: AssetClass.allCases.count)
        var total = Accumulator()
        let classIndex = Dictionary(uniqueKeysWithValues: AssetClass.allCases.enumerated().map { ($1, $0) })
        for i in 0..<p.count {
            let (pd, lgd, ead) = (p.pd[i], p.lgd[i], p.ead[i])
            total.add(pd: pd, lgd: lgd, ead: ead)
            if !segment.isEmpty { segment[Int(p.segment.codes[i])].add(pd: pd, lgd: lgd, ead: ead) }
            if !sector.isEmpty { sector[Int(p.sector.codes[i])].add(pd: pd, lgd: lgd, ead: ead) }
            if !country.isEmpty { country[Int(p.country.codes[i])].add(pd: pd, lgd: lgd, ead: ead) }
            assetClass[classIndex[p.assetClass[i]]!].add(pd: pd, lgd: lgd, ead: ead)
        }
        exposures = p.count
        totalEAD = total.ead
        expectedLoss = total.el
        eadWeightedPD = total.bucket.eadWeightedPD
        eadWeightedLGD = total.bucket.eadWeightedLGD
        func buckets(_ levels: [String], _ acc: [Accumulator]) -> [String: Bucket] {
            Dictionary(uniqueKeysWithValues: zip(levels, acc).filter { $0.1.count > 0 }.map { ($0, $1.bucket) })
        }
        bySegment = buckets(p.segment.levels, segment)
        bySector = buckets(p.sector.levels, sector)
        byCountry = buckets(p.country.levels, country)
        byAssetClass = buckets(AssetClass.allCases.map(\.rawValue), assetClass)
    }

    struct Accumulator {
        var count = 0
        var ead = 0.0
        var el = 0.0
        var pdEAD = 0.0
        var lgdEAD = 0.0

        mutating func add(pd: Double, lgd: Double, ead e: Double) {
            count += 1
            ead += e
            el += pd * lgd * e
            pdEAD += pd * e
            lgdEAD += lgd * e
        }

        var bucket: Bucket {
            Bucket(exposures: count, ead: ead, expectedLoss: el,
                   eadWeightedPD: ead > 0 ? pdEAD / ead : 0, eadWeightedLGD: ead > 0 ? lgdEAD / ead : 0)
        }
    }
}
