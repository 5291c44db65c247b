/// A framework file (`frameworks/<framework>.yaml`): the settings a framework's
/// runs share — PD floor and satellite models with the coefficients that
/// `stresspack satellite fit` estimated — and the fit's diagnostics, kept as
/// text for the reader. A scenario's own `satellite:` block always wins.
public struct FrameworkSettings: Sendable, Equatable {
    public var framework: Framework
    public var name: String
    public var pdFloor: Double?
    public var satellite: SatelliteSpec?
    /// How the framework projects credit RWA; nil: `CapitalRules.pointInTime`.
    public var capital: CapitalRules?
    /// How the framework projects provisions; nil: `ProvisioningRules.defaults(for:)`.
    public var provisions: ProvisioningRules?
    /// The `capital:` and `provisions:` blocks as written in the file, kept when the file is rewritten.
    public var capitalBlock: String?
    /// Free-form provenance of the satellite coefficients (sample, R², standard errors).
    public var fitReport: String?

    public init(framework: Framework, name: String, pdFloor: Double? = nil, satellite: SatelliteSpec? = nil,
                capital: CapitalRules? = nil, fitReport: String? = nil) {
        self.capital = capital
        self.framework = framework
        self.name = name
        self.pdFloor = pdFloor
        self.satellite = satellite
        self.fitReport = fitReport
    }
}
