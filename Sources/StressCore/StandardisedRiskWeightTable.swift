/// A standardised-approach risk-weight table (`tables/standardised-risk-weights.yaml`) as
/// validated values: per asset class, weights by credit quality step or loan-to-value
/// band, the base (unrated) weight, the transactor and defaulted weights, and the Basel
/// text they come from (METHODOLOGY §3, CRE20). Weights are fractions.
///
/// Inputs loads it (`StandardisedTableFile`); the CapitalEngine turns it into its
/// `StandardisedRiskWeights` entry by entry (the names correspond).
public struct StandardisedRiskWeightTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Weights for credit quality steps 1 … 6.
        public var byCreditQualityStep: [Double]?
        /// Upper bounds of the LTV bands (each band includes its bound), increasing.
        public var loanToValueBounds: [Double]?
        /// One more weight than bounds: the last applies above every bound.
        public var loanToValueWeights: [Double]?
        /// Weights by rating grade (`AAA`, `AA`, ...), ahead of the credit quality steps, for
        /// scales the six steps merge (the RBI's domestic AAA 20% and AA 30%).
        public var byRating: [String: Double]?
        /// Weights for OECD country risk classifications 0 … 7 (the US rule for sovereigns and
        /// banks), looked up through the table's `countryRiskClassification`.
        public var byCountryRiskClassification: [Double]?
        /// Credit conversion factor of undrawn commitments under the standardised approach.
        public var undrawnCCF: Double?
        public var base: Double
        public var transactor: Double?
        public var defaulted: Double
        /// Defaulted weight by specific-provision coverage: lower bounds (increasing) and one
        /// more weight than bounds, the first below every bound.
        public var defaultedCoverageBounds: [Double]?
        public var defaultedCoverageWeights: [Double]?
        public var source: String

        public init(byCreditQualityStep: [Double]? = nil, loanToValueBounds: [Double]? = nil,
                    loanToValueWeights: [Double]? = nil, byRating: [String: Double]? = nil,
                    byCountryRiskClassification: [Double]? = nil, undrawnCCF: Double? = nil, base: Double,
                    transactor: Double? = nil, defaulted: Double, defaultedCoverageBounds: [Double]? = nil,
                    defaultedCoverageWeights: [Double]? = nil, source: String) {
            self.byRating = byRating
            self.byCountryRiskClassification = byCountryRiskClassification
            self.undrawnCCF = undrawnCCF
            self.defaultedCoverageBounds = defaultedCoverageBounds
            self.defaultedCoverageWeights = defaultedCoverageWeights
            self.byCreditQualityStep = byCreditQualityStep
            self.loanToValueBounds = loanToValueBounds
            self.loanToValueWeights = loanToValueWeights
            self.base = base
            self.transactor = transactor
            self.defaulted = defaulted
            self.source = source
        }
    }

    public var name: String
    public var source: String
    /// One entry for every `AssetClass`.
    public var classes: [AssetClass: Entry]
    /// Country code (as in the portfolio's `country` column) → OECD country risk
    /// classification 0 … 7, for `byCountryRiskClassification`; a country not listed has none.
    public var countryRiskClassification: [String: Int]
    /// Whether a defaulted exposure is weighted on its amount net of specific provisions
    /// (CRE20.103, the RBI's NPAs) or gross (12 CFR 217.32(k): the exposure amount).
    public var defaultedNetOfProvisions: Bool
    /// The file read, for the run's manifest.
    public var file: String

    public init(name: String, source: String, classes: [AssetClass: Entry],
                countryRiskClassification: [String: Int] = [:], defaultedNetOfProvisions: Bool = true,
                file: String) {
        self.defaultedNetOfProvisions = defaultedNetOfProvisions
        self.countryRiskClassification = countryRiskClassification
        self.name = name
        self.source = source
        self.classes = classes
        self.file = file
    }
}
