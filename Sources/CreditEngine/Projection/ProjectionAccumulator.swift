import StressCore

/// Where each breakdown's figures live in the accumulator's flat arrays.
struct BreakdownLayout: Sendable {
    let periods: Int
    let segment: [String]
    let sector: [String]
    let country: [String]
    let assetClass: [AssetClass]
    let assetClassIndex: [AssetClass: Int]

    init(portfolio p: Portfolio, periods: Int) {
        self.periods = periods
        segment = p.segment.count == p.count ? p.segment.levels : []
        sector = p.sector.count == p.count ? p.sector.levels : []
        country = p.country.count == p.count ? p.country.levels : []
        assetClass = AssetClass.allCases
        assetClassIndex = Dictionary(uniqueKeysWithValues: AssetClass.allCases.enumerated().map { ($1, $0) })
    }

    private init(periods: Int) {
        self.periods = periods
        segment = []; sector = []; country = []; assetClass = []; assetClassIndex = [:]
    }

    /// No breakdowns: the totals alone (`ProjectionOptions.breakdowns`).
    static func totalsOnly(periods: Int) -> BreakdownLayout { BreakdownLayout(periods: periods) }
}

/// Sums of one chunk of exposures; chunks are added in chunk order.
struct Accumulator: Sendable {
    let layout: BreakdownLayout
    var baselineEL = 0.0
    var startRWA = 0.0
    var periodRWA: [Double]
    var standardisedStartRWA = 0.0
    var standardisedPeriodRWA: [Double]
    var periodEL: [Double]
    var periodEAD: [Double]
    var pdEAD: [Double]
    var lgdEAD: [Double]
    /// [code × periods] EL and [code] start EAD for each breakdown.
    var segmentEL: [Double], sectorEL: [Double], countryEL: [Double], classEL: [Double]
    var segmentEAD: [Double], sectorEAD: [Double], countryEAD: [Double], classEAD: [Double]

    init(layout: BreakdownLayout) {
        self.layout = layout
        let t = layout.periods
        periodEL = .init(repeating: 0, count: t)
        periodEAD = periodEL; pdEAD = periodEL; lgdEAD = periodEL; periodRWA = periodEL; standardisedPeriodRWA = periodEL
        segmentEL = .init(repeating: 0, count: max(1, layout.segment.count) * t)
        sectorEL = .init(repeating: 0, count: max(1, layout.sector.count) * t)
        countryEL = .init(repeating: 0, count: max(1, layout.country.count) * t)
        classEL = .init(repeating: 0, count: layout.assetClass.count * t)
        segmentEAD = .init(repeating: 0, count: max(1, layout.segment.count))
        sectorEAD = .init(repeating: 0, count: max(1, layout.sector.count))
        countryEAD = .init(repeating: 0, count: max(1, layout.country.count))
        classEAD = .init(repeating: 0, count: layout.assetClass.count)
    }

    mutating func add(_ o: Accumulator) {
        baselineEL += o.baselineEL
        startRWA += o.startRWA
        standardisedStartRWA += o.standardisedStartRWA
        addInPlace(&standardisedPeriodRWA, o.standardisedPeriodRWA)
        func addInPlace(_ a: inout [Double], _ b: [Double]) { for k in a.indices { a[k] += b[k] } }
        addInPlace(&periodEL, o.periodEL); addInPlace(&periodEAD, o.periodEAD)
        addInPlace(&pdEAD, o.pdEAD); addInPlace(&lgdEAD, o.lgdEAD); addInPlace(&periodRWA, o.periodRWA);
        addInPlace(&segmentEL, o.segmentEL); addInPlace(&sectorEL, o.sectorEL)
        addInPlace(&countryEL, o.countryEL); addInPlace(&classEL, o.classEL)
        addInPlace(&segmentEAD, o.segmentEAD); addInPlace(&sectorEAD, o.sectorEAD)
        addInPlace(&countryEAD, o.countryEAD); addInPlace(&classEAD, o.classEAD)
    }

    func projection(portfolio: Portfolio, labels: [String], withIRB: Bool, withStandardised: Bool) -> CreditProjection {
        let n = layout.periods
        let cumulative = periodEL.reduce(0, +)
        func breakdown(_ names: [String], _ el: [Double], _ ead: [Double]) -> [String: CreditProjection.Breakdown] {
            var out: [String: CreditProjection.Breakdown] = [:]
            for (k, name) in names.enumerated() where ead[k] > 0 || el[(k * n)..<(k * n + n)].contains { $0 != 0 } {
                let path = Array(el[(k * n)..<(k * n + n)])
                out[name.isEmpty ? "unspecified" : name] = .init(startEAD: ead[k], periodEL: path,
                                                                 cumulativeEL: path.reduce(0, +))
            }
            return out
        }
        return CreditProjection(
            periods: labels, baselineEL: baselineEL, periodEL: periodEL, cumulativeEL: cumulative,
            deltaEL: cumulative - baselineEL * Double(n), periodEAD: periodEAD,
            averagePD: zip(pdEAD, periodEAD).map { $1 > 0 ? $0 / $1 : 0 },
            averageLGD: zip(lgdEAD, periodEAD).map { $1 > 0 ? $0 / $1 : 0 },
            periodDefaults: pdEAD,
            startRWA: withIRB ? startRWA : nil, periodRWA: withIRB ? periodRWA : nil,
            standardisedStartRWA: withStandardised ? standardisedStartRWA : nil,
            standardisedPeriodRWA: withStandardised ? standardisedPeriodRWA : nil,
            bySegment: breakdown(layout.segment, segmentEL, segmentEAD),
            byAssetClass: breakdown(layout.assetClass.map(\.rawValue), classEL, classEAD),
            bySector: breakdown(layout.sector, sectorEL, sectorEAD),
            byCountry: breakdown(layout.country, countryEL, countryEAD))
    }
}
