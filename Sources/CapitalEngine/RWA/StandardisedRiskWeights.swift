import StressCore

/// Standardised-approach risk weights (BCBS CRE20) by exposure class, as fractions
/// (0.20 = 20%): by credit quality step for rated classes, by loan-to-value band for real
/// estate, a flat weight for retail. The run fills it from
/// `tables/standardised-risk-weights.yaml` (Inputs' `StandardisedRiskWeightTable`, field
/// for field); tests build it by hand.
///
/// For one exposure (`riskWeight(for:...)`), the first that applies:
/// 1. defaulted (PD = 1) → `defaulted`;
/// 2. a QRRE or other retail transactor with a `transactor` weight → that weight;
/// 3. `byLoanToValue` given and the exposure has a collateral value → the band of
///    LTV = EAD / collateral value (bands are upper-inclusive, "LTV ≤ 50%");
/// 4. `byCreditQualityStep` given and the rating maps to a step → that step's weight;
/// 5. otherwise `base` (unrated; real estate without a usable collateral value).
///
/// Simplifications: exposures are weighted at their EAD net of nothing (no credit risk
/// mitigation, no specific provisions: the defaulted weight assumes provisions below 20%
/// of the exposure); the corporate "max(100%, sovereign weight)" rule for unrated
/// exposures and short-term ratings are not modelled.
public struct StandardisedRiskWeights: Sendable, Equatable {
    /// Upper-inclusive LTV bands: `upTo[k]` is the upper bound of band k, and
    /// `weights` has one more entry than `upTo`, the last for LTV above every bound.
    public struct LoanToValueBands: Sendable, Equatable {
        public var upTo: [Double]
        public var weights: [Double]

        public init(upTo: [Double], weights: [Double]) {
            precondition(weights.count == upTo.count + 1, "LoanToValueBands: one more weight than bounds")
            self.upTo = upTo
            self.weights = weights
        }

        public func weight(loanToValue ltv: Double) -> Double {
            for (k, bound) in upTo.enumerated() where ltv <= bound { return weights[k] }
            return weights[weights.count - 1]
        }
    }

    public struct ClassWeights: Sendable, Equatable {
        /// Weights for CQS 1 … 6.
        public var byCreditQualityStep: [Double]?
        public var byLoanToValue: LoanToValueBands?
        public var base: Double
        public var transactor: Double?
        public var defaulted: Double

        public init(byCreditQualityStep: [Double]? = nil, byLoanToValue: LoanToValueBands? = nil, base: Double,
                    transactor: Double? = nil, defaulted: Double) {
            precondition(byCreditQualityStep.map { $0.count == 6 } ?? true, "ClassWeights: six credit quality steps")
            self.byCreditQualityStep = byCreditQualityStep
            self.byLoanToValue = byLoanToValue
            self.base = base
            self.transactor = transactor
            self.defaulted = defaulted
        }
    }

    public var name: String
    public var classes: [AssetClass: ClassWeights]

    public init(name: String, classes: [AssetClass: ClassWeights]) {
        self.name = name
        self.classes = classes
    }

    /// The weight of one exposure of `assetClass` (nil when the table lacks the class).
    public func riskWeight(for assetClass: AssetClass, creditQualityStep: Int?, loanToValue: Double?,
                           transactor: Bool = false, defaulted: Bool = false) -> Double? {
        guard let w = classes[assetClass] else { return nil }
        if defaulted { return w.defaulted }
        if transactor, let t = w.transactor { return t }
        if let bands = w.byLoanToValue, let ltv = loanToValue, ltv.isFinite, ltv >= 0 {
            return bands.weight(loanToValue: ltv)
        }
        if let steps = w.byCreditQualityStep, let cqs = creditQualityStep, (1...6).contains(cqs) {
            return steps[cqs - 1]
        }
        return w.base
    }
}
