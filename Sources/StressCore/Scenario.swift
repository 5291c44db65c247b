/// A macro scenario: one value per period for each variable (INTERFACES.md,
/// "Scenario file"). Values are fractions; index variables are period changes;
/// quarterly GDP growth is annualised, as the Fed publishes it.
public struct Scenario: Sendable, Equatable {
    public var id: String
    public var framework: Framework
    public var name: String
    public var severity: Severity
    public var frequency: Frequency
    /// Period labels, e.g. "2025" or "2026Q1".
    public var periods: [String]
    /// Where the figures come from (publication and date).
    public var source: String
    /// The repository-relative path of the file the figures were converted from
    /// (`source_file:`), when the scenario was built from one.
    public var sourceFile: String?
    /// The SHA-256 of that file, 64 lowercase hexadecimal digits (`source_sha256:`).
    public var sourceSHA256: String?
    /// Variables in name order, each with one value per period.
    public var variables: [ScenarioVariable]
    public var satellite: SatelliteSpec?
    public var pdFloor: Double?
    public var balanceSheetMode: BalanceSheetMode
    /// Pre-provision net revenue per period (CCAR), overriding the balance sheet's.
    public var ppnr: [Double]?
    /// RBI single-factor sensitivity shocks.
    public var sensitivities: RBISensitivities?

    public init(id: String, framework: Framework, name: String, severity: Severity,
                frequency: Frequency, periods: [String], source: String,
                variables: [ScenarioVariable], satellite: SatelliteSpec? = nil,
                pdFloor: Double? = nil, balanceSheetMode: BalanceSheetMode = .runoff,
                ppnr: [Double]? = nil, sensitivities: RBISensitivities? = nil,
                sourceFile: String? = nil, sourceSHA256: String? = nil) {
        self.id = id
        self.framework = framework
        self.name = name
        self.severity = severity
        self.frequency = frequency
        self.periods = periods
        self.source = source
        self.variables = variables.sorted { $0.name < $1.name }
        self.satellite = satellite
        self.pdFloor = pdFloor
        self.balanceSheetMode = balanceSheetMode
        self.ppnr = ppnr
        self.sensitivities = sensitivities
        self.sourceFile = sourceFile
        self.sourceSHA256 = sourceSHA256
    }

    public var periodCount: Int { periods.count }

    /// The path of a variable, or nil when the scenario does not give it.
    public func path(_ name: String) -> [Double]? {
        variables.first { $0.name == name }?.values
    }
}

public struct ScenarioVariable: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// Variable names StressPack knows (INTERFACES.md); others are kept and reported.
    public static let knownNames: Set<String> = [
        "gdp_growth", "unemployment", "house_price_index", "commercial_property_index",
        "inflation", "policy_rate", "long_rate", "short_rate", "bbb_spread", "mortgage_rate",
        "prime_rate", "equity_index", "vix", "fx_change", "deposit_runoff", "hqla_haircut",
        "disposable_income_growth", "nominal_gdp_growth", "nominal_disposable_income_growth",
        "treasury_3m", "treasury_5y", "treasury_10y", "corporate_spread", "bank_rate",
        // Bundled scenarios (scenarios/*.yaml): the Fed's BBB yield as published, the
        // Bank of England's high-yield spread, and the seed library's changes.
        "bbb_yield", "corporate_spread_hy", "policy_rate_change", "inflation_change",
        "sovereign_spread_change",
        // The Bank of England's euro rates, for books in euros (eur_*: ECB policy rate, Euribor swaps).
        "eur_policy_rate", "eur_short_rate", "eur_swap_2y", "eur_swap_5y", "eur_long_rate",
    ]
}

public enum Severity: String, Sendable, CaseIterable, Codable {
    case baseline, adverse
    case severelyAdverse = "severely_adverse"
    case mild, moderate, severe

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// How exposures evolve over the horizon (METHODOLOGY §2.2).
public enum BalanceSheetMode: String, Sendable, CaseIterable, Codable {
    /// The seed's run-off: defaults and amortisation leave the book.
    case runoff
    /// The EBA static balance sheet: EAD held constant, defaults replaced.
    case `static`
}

/// Satellite model choice and parameters; keys not given take the framework's
/// defaults (METHODOLOGY §2.1). Parameters are kept by name so each model
/// validates its own.
public struct SatelliteSpec: Sendable, Equatable {
    public var pd: SatelliteModelSpec?
    public var lgd: SatelliteModelSpec?
    /// Segment- or asset-class-level overrides, the most specific applying.
    public var overrides: [String: SatelliteSpec]

    public init(pd: SatelliteModelSpec? = nil, lgd: SatelliteModelSpec? = nil,
                overrides: [String: SatelliteSpec] = [:]) {
        self.pd = pd
        self.lgd = lgd
        self.overrides = overrides
    }
}

public struct SatelliteModelSpec: Sendable, Equatable {
    public var model: String
    public var parameters: [String: Double]
    public init(model: String, parameters: [String: Double] = [:]) {
        self.model = model
        self.parameters = parameters
    }
}

/// RBI single-factor sensitivity shocks (METHODOLOGY §2.4). Each list may be empty.
public struct RBISensitivities: Sendable, Equatable {
    /// Parallel rate shocks, as fractions (0.02 = 200 bp).
    public var interestRateShocks: [Double]
    /// NPA ratio increases in percentage points (as published: 2 = +2 pp).
    public var npaIncreases: [Double]
    /// Deposit run-off percentages (as published: 10 = 10%).
    public var depositRunoffs: [Double]

    public init(interestRateShocks: [Double] = [], npaIncreases: [Double] = [], depositRunoffs: [Double] = []) {
        self.interestRateShocks = interestRateShocks
        self.npaIncreases = npaIncreases
        self.depositRunoffs = depositRunoffs
    }
}
