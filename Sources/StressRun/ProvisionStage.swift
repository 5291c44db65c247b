import CreditEngine
import ProvisionsEngine
import StressCore

/// The provisions part of a scenario (METHODOLOGY §9): the framework's accounting rules on
/// the run's provision book, fed with the credit engine's stressed PDs and LGDs of the same
/// plan, so attribution and reverse stress re-projections move provisions too.
public struct ProvisionSetup: Sendable {
    public var book: ProvisionBook
    public var rules: ProvisioningRules
    public var portfolio: Portfolio

    public init(book: ProvisionBook, rules: ProvisioningRules, portfolio: Portfolio) {
        self.book = book
        self.rules = rules
        self.portfolio = portfolio
    }
}

enum ProvisionStage {
    static func project(scenario s: Scenario, plan: StressPlan, options: ProjectionOptions,
                        setup: ProvisionSetup, constants: ExposureConstants? = nil) -> ProvisionsResult {
        ProvisionsProjection.project(inputs(scenario: s, plan: plan, options: options, setup: setup,
                                            constants: constants))
    }

    /// The provisions engine's inputs: the stressed paths from the credit engine's filler;
    /// `options.breakdowns` false gives the totals alone (a re-projection's).
    static func inputs(scenario s: Scenario, plan: StressPlan, options: ProjectionOptions, setup: ProvisionSetup,
                       constants: ExposureConstants?) -> ProvisionsProjection.Inputs {
        let filler = CreditProjector.pathFiller(portfolio: setup.portfolio, plan: plan, options: options,
                                                constants: constants)
        var inputs = ProvisionsProjection.Inputs(
            book: setup.book, rules: setup.rules, periods: Array(s.periods.prefix(plan.periods)), frequency: s.frequency,
            constantBalanceSheet: options.frequency == .quarterly || options.balanceSheet == .static,
            paths: filler, threads: options.threads)
        inputs.breakdowns = options.breakdowns
        return inputs
    }
}

/// The reporting-date ECL of a book under one forward-looking scenario (IFRS 9 5.5.17):
/// the scenario's satellites give each exposure's PD and LGD path, the provisions engine
/// the ECL by stage and segment (`stresspack ecl` weights several).
public enum ReportingDateECLStage {
    public static func compute(scenario s: Scenario, scenarioFile: String, portfolio: Portfolio,
                               settings: FrameworkSettings?, frameworkFile: String?, setup: ProvisionSetup,
                               threads: Int) throws(InputError) -> (ReportingDateECL, [DataQualityFinding]) {
        // The scenario's plan as the credit stage builds it (no RWA: the ECL needs none).
        let credit = try CreditStage.setup(scenario: s, scenarioFile: scenarioFile, portfolio: portfolio, settings: settings,
                                           frameworkFile: frameworkFile, rwa: nil, threads: threads)
        let filler = CreditProjector.pathFiller(portfolio: portfolio, plan: credit.plan, options: credit.options)
        let ecl = ReportingDateECL.compute(book: setup.book, rules: setup.rules, periods: credit.plan.periods,
                                           frequency: s.frequency, paths: filler, threads: threads)
        return (ecl, credit.findings)
    }
}
