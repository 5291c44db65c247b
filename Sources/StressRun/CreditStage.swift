import CreditEngine
import IncomeEngine
import RiskMath
import StressCore

/// The credit part of a scenario run: satellites resolved from the framework
/// defaults, the framework file and the scenario (in that order, the most
/// specific winning), then the projection (METHODOLOGY §2).
public enum CreditStage {
    public struct Output: Sendable {
        public var projection: CreditProjection
        public var satellite: SatelliteSummary
        public var configuration: SatelliteConfiguration
        public var plan: StressPlan
        public var pdFloor: Double
        /// The framework's RWA columns (IRB with its rating philosophy, standardised).
        public var rwa: RWAColumns?
        /// The framework's rules for projecting RWA.
        public var capitalRules: CapitalRules
        /// The provision book and the framework's accounting rules; nil: credit losses are EL.
        public var provisions: ProvisionSetup?
        /// The scenario's income (PPNR from the banking book), kept in re-projections.
        public var income: IncomeResult?
        public var findings: [DataQualityFinding]

        /// The projection options of this scenario, for re-projections (attribution, reverse stress).
        func options(_ s: Scenario, threads: Int) -> ProjectionOptions {
            ProjectionOptions(frequency: s.frequency, balanceSheet: s.balanceSheetMode, pdFloor: pdFloor,
                              threads: threads, rwa: rwa)
        }
    }

    /// Periods a framework projects: CCAR's 9 quarters (files may carry the Fed's 13).
    public static func projectedPeriods(_ s: Scenario) -> Int {
        s.framework == .ccar ? min(9, s.periods.count) : s.periods.count
    }

    public static func configuration(for scenario: Scenario, settings: FrameworkSettings?,
                                     frameworkFile: String?, scenarioFile: String) throws(InputError) -> SatelliteConfiguration {
        var configuration = SatelliteDefaults.configuration(scenario.framework)
        do {
            configuration = try configuration.merging(settings?.satellite)
        } catch {
            throw InputError(file: frameworkFile ?? "framework \(scenario.framework.rawValue)",
                             key: "satellite.\(error.key)", message: error.message)
        }
        do {
            configuration = try configuration.merging(scenario.satellite)
        } catch {
            throw InputError(file: scenarioFile, key: "satellite.\(error.key)", message: error.message)
        }
        return configuration
    }

    /// The scenario's stress plan on `portfolio` and its projection options: the satellites
    /// resolved, the plan built (with its findings), the PD floor.
    struct Setup {
        var configuration: SatelliteConfiguration
        var plan: StressPlan
        var findings: [DataQualityFinding]
        var pdFloor: Double
        var options: ProjectionOptions
    }

    static func setup(scenario s: Scenario, scenarioFile: String, portfolio: Portfolio, settings: FrameworkSettings?,
                      frameworkFile: String?, rwa: RWAColumns?, threads: Int) throws(InputError) -> Setup {
        let periods = projectedPeriods(s)
        let configuration = try configuration(for: s, settings: settings, frameworkFile: frameworkFile, scenarioFile: scenarioFile)
        var plan: StressPlan
        var findings: [DataQualityFinding] = []
        if s.framework == .rbi && s.satellite == nil {
            // RBI: the severity table (METHODOLOGY §2.4), the same stress each period.
            let table = RBIStress.severity(s.severity)
            plan = StressPlan(periods: periods, pd: .multipliers(Array(repeating: table.pdMultiplier, count: periods)),
                              lgd: .addOns(Array(repeating: table.lgdAddOn, count: periods)))
        } else {
            (plan, findings) = StressPlan.build(configuration: configuration, scenario: s, portfolio: portfolio,
                                                periods: periods, sourceFile: scenarioFile)
        }
        let floor = s.pdFloor ?? settings?.pdFloor ?? SatelliteDefaults.pdFloor(s.framework)
        let options = ProjectionOptions(frequency: s.frequency, balanceSheet: s.balanceSheetMode, pdFloor: floor,
                                        threads: threads, rwa: rwa)
        return Setup(configuration: configuration, plan: plan, findings: findings, pdFloor: floor, options: options)
    }

    /// `chunks`: the projection's chunk sums computed elsewhere (exposure-range shards, in
    /// chunk order), added here instead of projecting the book again.
    public static func run(scenario s: Scenario, scenarioFile: String, portfolio: Portfolio,
                           settings: FrameworkSettings?, frameworkFile: String?, rwa: RWAColumns? = nil,
                           capitalRules: CapitalRules = .pointInTime, provisions: ProvisionSetup? = nil,
                           threads: Int, chunks: [CreditChunkSums]? = nil) throws(InputError) -> Output {
        let setup = try setup(scenario: s, scenarioFile: scenarioFile, portfolio: portfolio, settings: settings,
                              frameworkFile: frameworkFile, rwa: rwa, threads: threads)
        let (configuration, plan, options) = (setup.configuration, setup.plan, setup.options)
        let labels = Array(s.periods.prefix(plan.periods))
        let projection: CreditProjection
        if let chunks {
            do {
                projection = try CreditProjector.project(portfolio: portfolio, chunks: chunks, plan: plan,
                                                         periodLabels: labels, options: options)
            } catch {
                throw InputError(file: scenarioFile, message: "the exposure ranges' credit sums: \(error)")
            }
        } else {
            projection = CreditProjector.project(portfolio: portfolio, plan: plan, periodLabels: labels, options: options)
        }
        return Output(projection: projection, satellite: SatelliteSummary(plan: plan, configuration: configuration,
                                                                             rbi: s.framework == .rbi && s.satellite == nil),
                      configuration: configuration, plan: plan, pdFloor: setup.pdFloor, rwa: rwa, capitalRules: capitalRules,
                      provisions: provisions,
                      findings: setup.findings)
    }
}

/// What the satellites made of the scenario, for the reader of results.json.
public struct SatelliteSummary: Sendable, Equatable, Codable {
    public var pdModel: String
    /// Linear / severity-table multipliers per period, when the model has them.
    public var pdMultipliers: [Double]?
    /// Vasicek credit-cycle index per period.
    public var creditCycleIndex: [Double]?
    public var lgdModel: String
    public var lgdAddOns: [Double]?

    enum CodingKeys: String, CodingKey {
        case pdModel = "pd_model", pdMultipliers = "pd_multipliers", creditCycleIndex = "credit_cycle_index"
        case lgdModel = "lgd_model", lgdAddOns = "lgd_add_ons"
    }

    init(plan: StressPlan, configuration: SatelliteConfiguration, rbi: Bool) {
        let group = plan.groups[0]
        switch group.pd {
        case let .multipliers(m): pdMultipliers = m
        case let .zShift(z): creditCycleIndex = z
        }
        switch configuration.pd {
        case .linear: pdModel = rbi ? "rbi_severity_table" : "linear"
        case .vasicek: pdModel = rbi ? "rbi_severity_table" : "vasicek"
        case .multipliers: pdModel = "multipliers"
        }
        switch group.lgd {
        case let .addOns(a): lgdAddOns = a; lgdModel = rbi ? "rbi_severity_table" : "hpi_addon"
        case let .collateral(c): lgdAddOns = c.unsecuredAddOns; lgdModel = "collateral"
        }
    }
}
