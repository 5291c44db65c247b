import StressCore

/// A scenario together with the documentation its YAML file carries: the keys the
/// loader accepts and ignores (`jump_off:`, `notes:`, `units:`), which say how each
/// number was derived from the publication.
public struct ScenarioDocument: Sendable, Equatable {
    public var scenario: Scenario
    /// The last observed period the scenario's changes start from ("2025Q4").
    public var jumpOff: String?
    /// Free text, one line each (written as a YAML literal block).
    public var notes: [String]
    /// Per variable: the published series and the conversion applied to it.
    public var units: [String: String]
    /// Comment lines at the top of the file (without the `# `).
    public var comment: [String]
    /// The levels of the scenario's rate and spread variables at its jump-off, in the
    /// scenario's units (fractions): what the income engine measures the scenario's rate
    /// moves from. Not written to the YAML (the scenario format has no key for it);
    /// `ScenarioRateJumpOffs.bundled` holds them for the bundled scenarios.
    public var rateJumpOff: [String: Double]

    public init(scenario: Scenario, jumpOff: String? = nil, notes: [String] = [], units: [String: String] = [:],
                comment: [String] = [], rateJumpOff: [String: Double] = [:]) {
        self.scenario = scenario
        self.comment = comment
        self.jumpOff = jumpOff
        self.notes = notes
        self.units = units
        self.rateJumpOff = rateJumpOff
    }

    /// The file name of the scenario: `<id>.yaml`.
    public var fileName: String { scenario.id + ".yaml" }
}
