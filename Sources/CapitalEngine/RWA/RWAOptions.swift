import RiskMath

/// How an exposure's credit risk is weighted.
public enum RWAApproach: String, Sendable, Codable, CaseIterable {
    /// The IRB formula at the exposure's PD and LGD (CRE31).
    case irb
    /// The standardised table by exposure class and credit quality step (CRE20).
    case standardised
}

/// How `PortfolioRWA` weights a portfolio.
///
/// The approach is chosen per segment (the portfolio's `segment` column): a run option
/// `approach: standardised` for a segment sends its exposures to the standardised table,
/// whose weights come from the exposure's `rating` (a credit quality step, see
/// `CreditQualityStep`) or, for real estate, its loan-to-value; every other exposure
/// uses the IRB formula at its PD and LGD (which the portfolio file always has).
public struct RWAOptions: Sendable, Equatable {
    /// PD floors of the IRB formula by exposure class.
    public var pdFloors: PDFloors
    /// 1, or `IRBRiskWeight.basel2ScalingFactor` (1.06) where the jurisdiction keeps it
    /// (CRR Art. 153); applied to performing IRB exposures only.
    public var scaling: Double
    /// The approach of exposures whose segment is not in `approachBySegment`.
    public var approach: RWAApproach
    public var approachBySegment: [String: RWAApproach]
    /// Segments whose QRRE (and, for the standardised approach, other retail) exposures
    /// are transactors: balances repaid in full every period (CRE20.66).
    public var transactorSegments: Set<String>
    /// Required when any exposure uses the standardised approach.
    public var standardised: StandardisedRiskWeights?
    /// Worker threads; figures do not depend on it.
    public var threads: Int

    public init(pdFloors: PDFloors = .basel3, scaling: Double = 1, approach: RWAApproach = .irb,
                approachBySegment: [String: RWAApproach] = [:], transactorSegments: Set<String> = [],
                standardised: StandardisedRiskWeights? = nil, threads: Int = 1) {
        self.pdFloors = pdFloors
        self.scaling = scaling
        self.approach = approach
        self.approachBySegment = approachBySegment
        self.transactorSegments = transactorSegments
        self.standardised = standardised
        self.threads = threads
    }
}
