import RiskMath
import StressCore

/// Standardised-approach risk weights (BCBS CRE20) by exposure class, as fractions
/// (0.20 = 20%): by credit quality step for rated classes, by loan-to-value band for real
/// estate, a flat weight for retail. The run fills it from
/// `tables/standardised-risk-weights.yaml` (Inputs' `StandardisedRiskWeightTable`, field
/// for field); tests build it by hand.
///
/// For one exposure (`riskWeight(for:...)`), the first that applies:
/// 1. defaulted (PD = 1) → `defaultedWeight(coverage:)`: the band of the specific-provision
///    coverage where the table gives bands (CRE20.103, RBI NPAs), else `defaulted`;
/// 2. a QRRE or other retail transactor with a `transactor` weight → that weight;
/// 3. `byLoanToValue` given and the exposure has a collateral value → the band of
///    LTV = EAD / collateral value (bands are upper-inclusive, "LTV ≤ 50%");
/// 4. `byCountryRiskClassification` given and the exposure's country has a classification
///    → that classification's weight (12 CFR 217.32(a), (d));
/// 5. `byRating` given and the rating's grade is listed (notches stripped: `AA-` → `AA`);
/// 6. `byCreditQualityStep` given and the rating maps to a step → that step's weight;
/// 7. otherwise `base` (unrated; real estate without a usable collateral value; no CRC).
///
/// Simplifications: no credit risk mitigation; the corporate "max(100%, sovereign weight)"
/// rule for unrated exposures and short-term ratings are not modelled.
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
        /// Weights by rating grade without notches (`AAA`, `AA`, `A`, ...).
        public var byRating: [String: Double]?
        /// Weights for OECD country risk classifications 0 … 7.
        public var byCountryRiskClassification: [Double]?
        /// The standardised CCF of undrawn commitments; nil keeps the exposure's EAD.
        public var undrawnCCF: Double?
        public var base: Double
        public var transactor: Double?
        public var defaulted: Double
        /// Defaulted weight by specific-provision coverage (provisions / outstanding).
        public var defaultedByCoverage: CoverageBands?

        public init(byCreditQualityStep: [Double]? = nil, byLoanToValue: LoanToValueBands? = nil,
                    byRating: [String: Double]? = nil, byCountryRiskClassification: [Double]? = nil,
                    undrawnCCF: Double? = nil, base: Double, transactor: Double? = nil, defaulted: Double,
                    defaultedByCoverage: CoverageBands? = nil) {
            precondition(byCreditQualityStep.map { $0.count == 6 } ?? true, "ClassWeights: six credit quality steps")
            precondition(byCountryRiskClassification.map { $0.count == 8 } ?? true, "ClassWeights: eight CRCs")
            self.byRating = byRating
            self.byCountryRiskClassification = byCountryRiskClassification
            self.undrawnCCF = undrawnCCF
            self.defaultedByCoverage = defaultedByCoverage
            self.byCreditQualityStep = byCreditQualityStep
            self.byLoanToValue = byLoanToValue
            self.base = base
            self.transactor = transactor
            self.defaulted = defaulted
        }
    }

    /// Defaulted weights by specific-provision coverage (RiskMath's type).
    public typealias CoverageBands = ProvisionCoverageBands

    public var name: String
    public var classes: [AssetClass: ClassWeights]
    /// Defaulted exposures weighted on their amount net of specific provisions (CRE20.103)
    /// rather than gross (12 CFR 217.32(k)).
    public var defaultedNetOfProvisions: Bool
    /// Country code → OECD country risk classification 0 … 7.
    public var countryRiskClassification: [String: Int]

    public init(name: String, classes: [AssetClass: ClassWeights], countryRiskClassification: [String: Int] = [:],
                defaultedNetOfProvisions: Bool = true) {
        self.defaultedNetOfProvisions = defaultedNetOfProvisions
        self.name = name
        self.classes = classes
        self.countryRiskClassification = countryRiskClassification
    }

    /// The weight of one exposure of `assetClass` (nil when the table lacks the class).
    /// `provisionCoverage` is the specific provisions over the outstanding amount of a
    /// defaulted exposure (nil: unknown, the flat `defaulted` weight).
    public func riskWeight(for assetClass: AssetClass, creditQualityStep: Int?, loanToValue: Double?,
                           transactor: Bool = false, defaulted: Bool = false, country: String? = nil,
                           rating: String? = nil, provisionCoverage: Double? = nil) -> Double? {
        guard let w = classes[assetClass] else { return nil }
        if defaulted { return w.defaultedWeight(coverage: provisionCoverage) }
        if transactor, let t = w.transactor { return t }
        if let bands = w.byLoanToValue, let ltv = loanToValue, ltv.isFinite, ltv >= 0 {
            return bands.weight(loanToValue: ltv)
        }
        if let byCRC = w.byCountryRiskClassification, let country, let crc = countryRiskClassification[country],
           (0...7).contains(crc) {
            return byCRC[crc]
        }
        if let byRating = w.byRating, let rating, let weight = Self.lookup(rating, in: byRating) { return weight }
        if let steps = w.byCreditQualityStep, let cqs = creditQualityStep, (1...6).contains(cqs) {
            return steps[cqs - 1]
        }
        return w.base
    }

    /// A rating's weight: the grade as written, then without its notch (`AA-` → `AA`).
    static func lookup(_ rating: String, in table: [String: Double]) -> Double? {
        let grade = rating.uppercased().filter { $0 != " " }
        if let w = table[grade] { return w }
        let stripped = grade.filter { $0 != "+" && $0 != "-" }
        return table[stripped]
    }
}

extension StandardisedRiskWeights.ClassWeights {
    /// The weight of a defaulted exposure with specific provisions of `coverage` × outstanding.
    public func defaultedWeight(coverage: Double?) -> Double {
        guard let bands = defaultedByCoverage, let coverage, coverage.isFinite else { return defaulted }
        return bands.weight(coverage: coverage)
    }
}
