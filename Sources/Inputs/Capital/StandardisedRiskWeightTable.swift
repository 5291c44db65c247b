import StressCore

/// A standardised-approach risk-weight table (`tables/standardised-risk-weights.yaml`) as
/// validated values: per asset class, weights by credit quality step or loan-to-value
/// band, the base (unrated) weight, the transactor and defaulted weights, and the Basel
/// text they come from (METHODOLOGY §3, CRE20). Weights are fractions.
///
/// Inputs does not depend on the engines; the run turns this value into the
/// CapitalEngine's `StandardisedRiskWeights` entry by entry (the names correspond).
public struct StandardisedRiskWeightTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Weights for credit quality steps 1 … 6.
        public var byCreditQualityStep: [Double]?
        /// Upper bounds of the LTV bands (each band includes its bound), increasing.
        public var loanToValueBounds: [Double]?
        /// One more weight than bounds: the last applies above every bound.
        public var loanToValueWeights: [Double]?
        public var base: Double
        public var transactor: Double?
        public var defaulted: Double
        public var source: String

        public init(byCreditQualityStep: [Double]? = nil, loanToValueBounds: [Double]? = nil,
                    loanToValueWeights: [Double]? = nil, base: Double, transactor: Double? = nil, defaulted: Double,
                    source: String) {
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
    /// The file read, for the run's manifest.
    public var file: String

    public init(name: String, source: String, classes: [AssetClass: Entry], file: String) {
        self.name = name
        self.source = source
        self.classes = classes
        self.file = file
    }
}
