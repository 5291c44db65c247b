/// A supervisory exercise's published aggregate outcome, set beside a run's scenario for
/// calibration (`data/regulators/published-outcomes.yaml`, README "Calibration"). Ratios
/// are fractions; the depletion is start − minimum in basis points of `measure`.
public struct PublishedOutcome: Sendable, Equatable, Codable {
    /// The ratio the exercise reports its headline on.
    public enum Measure: String, Sendable, Equatable, Codable, CaseIterable {
        case cet1Ratio = "cet1_ratio"
        case totalCapitalRatio = "total_capital_ratio"
    }

    public enum Confidence: String, Sendable, Equatable, Codable, CaseIterable {
        /// Read in the authority's own publication.
        case primary
        /// Read in a report of the publication; to be checked against the primary document.
        case secondary
    }

    /// The bundled scenario this outcome stands beside.
    public var scenario: String
    public var framework: Framework
    public var exercise: String
    public var measure: Measure
    public var start: Double?
    public var minimum: Double?
    public var depletionBP: Double
    /// Relative change of RWA over the horizon, where published.
    public var rwaChange: Double?
    public var source: String
    public var confidence: Confidence
    /// Why a typical bank's figure may legitimately differ from the aggregate.
    public var note: String?

    public init(scenario: String, framework: Framework, exercise: String, measure: Measure, start: Double? = nil,
                minimum: Double? = nil, depletionBP: Double, rwaChange: Double? = nil, source: String,
                confidence: Confidence, note: String? = nil) {
        self.scenario = scenario
        self.framework = framework
        self.exercise = exercise
        self.measure = measure
        self.start = start
        self.minimum = minimum
        self.depletionBP = depletionBP
        self.rwaChange = rwaChange
        self.source = source
        self.confidence = confidence
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case scenario, framework, exercise, measure, start, minimum, depletionBP = "depletion_bp"
        case rwaChange = "rwa_change", source, confidence, note
    }
}
