/// How a framework projects credit risk-weighted assets over a scenario (METHODOLOGY §3.1):
/// the `capital:` block of a framework file. Every rule carries the paragraph it comes from
/// in `sources`, which the run reports beside the RWA path.
///
/// - `irb`: the IRB formula (CRE31) at *regulatory* PDs and LGDs. Banks' rating systems are
///   largely through-the-cycle, so only the share `ratingPhilosophy` of the scenario's
///   point-in-time shift passes into them: Φ⁻¹(PD_reg) = (1 − α)·Φ⁻¹(PD_0) + α·Φ⁻¹(PD_t),
///   LGD_reg = LGD_0 + α·(LGD_t − LGD_0). α = 0 holds the jump-off parameters, α = 1 is
///   fully point in time (StressPack 0.2's behaviour). An output floor, when set, takes
///   RWA to at least the factor of the year times the standardised RWA (CRR Art. 92(3)).
/// - `standardised`: the risk-weight table `standardisedTable` (tables/<name>.yaml), which
///   moves with balances and defaults, never with PDs.
///
/// A framework file without a `capital:` block keeps the point-in-time IRB rules
/// (`CapitalRules.pointInTime`), so older files give the figures they gave before.
public struct CapitalRules: Sendable, Equatable {
    public enum Approach: String, Sendable, CaseIterable, Codable {
        case irb, standardised
    }

    /// What happens to exposures that default during the projection, for the standardised
    /// approach (the IRB side follows the credit engine's balance-sheet mode).
    public enum DefaultedExposures: String, Sendable, CaseIterable, Codable {
        /// Charged off: they leave the book, and under a constant balance sheet (the Federal
        /// Reserve's projections, CCAR's quarterly EAD) like lending replaces them.
        case chargedOff = "charged_off"
        /// Kept on the balance sheet net of specific provisions and weighted as defaulted
        /// (non-performing) exposures until the end of the horizon.
        case retained
    }

    public var approach: Approach
    /// α ∈ [0, 1]: the share of the point-in-time shift that passes into regulatory PDs and LGDs.
    public var ratingPhilosophy: Double
    /// α for particular asset classes (UK mortgages' long-run calibration, PRA SS11/13).
    public var ratingPhilosophyByAssetClass: [AssetClass: Double]
    /// Credit RWA never falls below its jump-off figure.
    public var floorAtStart: Bool
    /// Output-floor factor by calendar year (e.g. 2025: 0.50); a year after the last
    /// listed takes the last factor, a year before the first has no floor. Empty: none.
    public var outputFloor: [Int: Double]
    /// Stem of the standardised risk-weight table under `tables/` (the approach's weights,
    /// or the output floor's).
    public var standardisedTable: String?
    public var defaultedExposures: DefaultedExposures
    /// Rule name (`approach`, `rating_philosophy`, ...) → the text it comes from.
    public var sources: [String: String]

    public init(approach: Approach, ratingPhilosophy: Double = 1, ratingPhilosophyByAssetClass: [AssetClass: Double] = [:],
                floorAtStart: Bool = true,
                outputFloor: [Int: Double] = [:], standardisedTable: String? = nil,
                defaultedExposures: DefaultedExposures = .chargedOff, sources: [String: String] = [:]) {
        self.approach = approach
        self.ratingPhilosophy = ratingPhilosophy
        self.ratingPhilosophyByAssetClass = ratingPhilosophyByAssetClass
        self.floorAtStart = floorAtStart
        self.outputFloor = outputFloor
        self.standardisedTable = standardisedTable
        self.defaultedExposures = defaultedExposures
        self.sources = sources
    }

    /// IRB at point-in-time PDs, floored at the start: the rules of StressPack 0.2, for
    /// framework files that do not state their own.
    public static let pointInTime = CapitalRules(
        approach: .irb, ratingPhilosophy: 1, floorAtStart: true,
        sources: ["approach": "no capital: block in the framework file: IRB at point-in-time PDs (StressPack 0.2)"])

    /// The output-floor factor that applies in `year`, nil when none does.
    public func outputFloorFactor(year: Int) -> Double? {
        guard let first = outputFloor.keys.min(), year >= first else { return nil }
        let applicable = outputFloor.keys.filter { $0 <= year }.max()!
        return outputFloor[applicable]
    }

    /// Whether the projection needs the standardised weights of the book.
    public var needsStandardisedTable: Bool { approach == .standardised || !outputFloor.isEmpty }
}
