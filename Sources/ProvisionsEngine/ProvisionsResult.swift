/// A scenario's provisions (results.json `provisions`, METHODOLOGY §9). Stocks have one
/// entry for the jump-off and one per period (index 0 is the jump-off); flows one per
/// period. Amounts in the portfolio currency; rates and coverage ratios are fractions.
///
/// Identities, each tested: stage 1 + 2 + 3 EAD + cumulative repaid + cumulative written
/// off = jump-off EAD + cumulative new lending; impairment_t = provisions_t −
/// provisions_t−1 + write-offs_t.
public struct ProvisionsResult: Sendable, Equatable, Codable {
    public struct ByStage: Sendable, Equatable, Codable {
        public var stage1: [Double]
        public var stage2: [Double]
        public var stage3: [Double]

        public init(stage1: [Double], stage2: [Double], stage3: [Double]) {
            self.stage1 = stage1
            self.stage2 = stage2
            self.stage3 = stage3
        }

        public var total: [Double] { stage1.indices.map { stage1[$0] + stage2[$0] + stage3[$0] } }
        enum CodingKeys: String, CodingKey { case stage1 = "stage_1", stage2 = "stage_2", stage3 = "stage_3" }
    }

    /// EAD moved between stages in each period, and the same as a share of the source
    /// stage's EAD at the start of the period.
    public struct Transitions: Sendable, Equatable, Codable {
        public var stage1To2: [Double]
        public var stage2To1: [Double]
        public var stage1To3: [Double]
        public var stage2To3: [Double]
        /// Cured out of default, into stage 2 on probation.
        public var stage3To2: [Double]

        enum CodingKeys: String, CodingKey {
            case stage1To2 = "stage_1_to_2", stage2To1 = "stage_2_to_1", stage1To3 = "stage_1_to_3"
            case stage2To3 = "stage_2_to_3", stage3To2 = "stage_3_to_2"
        }
    }

    /// The IRB expected-loss comparison of CRR Art. 159 / CRE35 per date: regulatory EL
    /// (PD·LGD·EAD at the jump-off grades for performing exposures; the best estimate, LGD,
    /// for defaulted ones) against provisions, pool by pool. A shortfall is deducted from
    /// CET1 (CRR Art. 36(1)(d)); an excess counts as Tier 2 up to 0.6% of IRB credit RWA
    /// (CRR Art. 62(d)).
    public struct ExpectedLossComparison: Sendable, Equatable, Codable {
        public var regulatoryELPerforming: [Double]
        public var regulatoryELDefaulted: [Double]
        public var provisionsPerforming: [Double]
        public var provisionsDefaulted: [Double]
        public var shortfall: [Double]
        public var excess: [Double]

        enum CodingKeys: String, CodingKey {
            case regulatoryELPerforming = "regulatory_el_performing", regulatoryELDefaulted = "regulatory_el_defaulted"
            case provisionsPerforming = "provisions_performing", provisionsDefaulted = "provisions_defaulted"
            case shortfall, excess
        }
    }

    public struct Breakdown: Sendable, Equatable, Codable {
        public var ead: ByStage
        public var provisions: ByStage
        public var impairment: [Double]
        /// Amounts written off per period (net charge-offs where the rules write off at default).
        public var writeOffs: [Double]
        /// A country's stage transitions and their rates, and its breakdown by asset class
        /// (`by_country`; nil in the segment and asset-class breakdowns).
        public var transitions: Transitions? = nil
        public var transitionRates: Transitions? = nil
        public var byAssetClass: [String: Breakdown]? = nil

        enum CodingKeys: String, CodingKey {
            case ead, provisions, impairment, writeOffs = "write_offs", transitions, transitionRates = "transition_rates"
            case byAssetClass = "by_asset_class"
        }
    }

    public var standard: String
    public var periods: [String]
    public var ead: ByStage
    public var provisions: ByStage
    /// Provisions over EAD per stage (0 where a stage is empty).
    public var coverage: ByStage
    public var transitions: Transitions
    public var transitionRates: Transitions
    public var writeOffs: [Double]
    /// Amortisation, maturities and recoveries on written-off exposures.
    public var repaid: [Double]
    /// Lending that replaces defaulted exposures under a constant balance sheet.
    public var newLending: [Double]
    /// The P&L charge: Δ provisions + write-offs.
    public var impairment: [Double]
    public var cumulativeImpairment: Double
    /// Jump-off provisions: held by the bank (where the portfolio gives them) and the model's.
    public var heldJumpOffProvisions: Double
    public var modelJumpOffProvisions: Double
    public var exposuresWithHeldProvisions: Int
    public var expectedLoss: ExpectedLossComparison
    /// Stage 3 EAD over total EAD (the RBI's GNPA ratio) and net of stage 3 provisions (NNPA).
    public var grossNPARatio: [Double]
    public var netNPARatio: [Double]
    public var bySegment: [String: Breakdown]
    public var byAssetClass: [String: Breakdown]
    /// By the obligor's country: stocks, flows and transitions, and by asset class within the
    /// country (the EBA's geographical breakdown of CSV_CR_SCEN).
    public var byCountry: [String: Breakdown]

    enum CodingKeys: String, CodingKey {
        case standard, periods, ead, provisions, coverage, transitions, transitionRates = "transition_rates"
        case writeOffs = "write_offs", repaid, newLending = "new_lending", impairment
        case cumulativeImpairment = "cumulative_impairment", heldJumpOffProvisions = "held_jump_off_provisions"
        case modelJumpOffProvisions = "model_jump_off_provisions"
        case exposuresWithHeldProvisions = "exposures_with_held_provisions", expectedLoss = "expected_loss"
        case grossNPARatio = "gross_npa_ratio", netNPARatio = "net_npa_ratio"
        case bySegment = "by_segment", byAssetClass = "by_asset_class", byCountry = "by_country"
    }
}
