import StressCore

/// Portfolio figures the balance sheet is scaled from, per segment, summed
/// chunk by chunk in chunk order (deterministic for any thread count).
public struct SampleBankTotals: Sendable, Equatable {
    public var count = [Int](repeating: 0, count: SampleBankProfiles.all.count)
    public var ead = [Double](repeating: 0, count: SampleBankProfiles.all.count)
    public var expectedLoss = [Double](repeating: 0, count: SampleBankProfiles.all.count)
    public var undrawn = [Double](repeating: 0, count: SampleBankProfiles.all.count)

    public init() {}

    public var segmentNames: [String] { SampleBankProfiles.all.map(\.name) }
    public var totalEAD: Double { ead.reduce(0, +) }
    public var totalCount: Int { count.reduce(0, +) }

    /// Credit RWA at typical IRB risk-weight densities per asset class (EBA
    /// transparency exercise orders of magnitude). The capital engine computes
    /// the formula RWA; this figure only sizes the balance sheet.
    public var creditRWA: Double {
        zip(SampleBankProfiles.all, ead).reduce(0) { $0 + Self.density($1.0.assetClass) * $1.1 }
    }

    static func density(_ assetClass: AssetClass) -> Double {
        switch assetClass {
        case .residentialMortgage: return 0.15
        case .qrre: return 0.35
        case .otherRetail: return 0.45
        case .sme: return 0.65
        case .corporate: return 0.55
        case .cre: return 0.75
        case .bank: return 0.25
        case .sovereign: return 0.08
        }
    }

    mutating func record(_ e: SampleExposure) {
        count[e.segment] += 1
        ead[e.segment] += e.ead
        expectedLoss[e.segment] += e.pd * e.lgd * e.ead
        undrawn[e.segment] += e.undrawn
    }

    mutating func add(_ other: SampleBankTotals) {
        for i in count.indices {
            count[i] += other.count[i]
            ead[i] += other.ead[i]
            expectedLoss[i] += other.expectedLoss[i]
            undrawn[i] += other.undrawn[i]
        }
    }
}
