import CapitalEngine
import CreditEngine
import IncomeEngine
import LiquidityEngine
import ProvisionsEngine
import StressCore

/// Runs one scenario through the engines: credit, capital, reverse stress and
/// (RBI) sensitivities. Pure: values in, values out.
public enum ScenarioRunner {
    public struct Inputs: Sendable {
        public var scenario: Scenario
        public var scenarioFile: String
        public var portfolio: Portfolio
        public var balanceSheet: BalanceSheet
        public var balanceSheetFile: String
        public var settings: FrameworkSettings?
        public var frameworkFile: String?
        public var liquidityRates: LiquidityRates
        /// The portfolio's IRB risk weights, for the reverse stress's RWA(m); nil holds RWA.
        public var rwaModel: PortfolioRWA?
        /// The framework's RWA columns for the projection (IRB with its rating philosophy,
        /// standardised weights); nil holds RWA.
        public var rwaColumns: RWAColumns?
        /// The framework's rules for projecting RWA (its file's `capital:` block).
        public var capitalRules: CapitalRules
        /// The provision book and accounting rules; nil: credit losses are the credit engine's EL.
        public var provisions: ProvisionSetup?
        /// The scenario variables' own jump-off levels of its rates (the Fed's 2025Q4, the Bank's
        /// 2024Q4), so the income engine applies the scenario's moves to the bank's curve.
        public var rateJumpOff: [String: Double]
        public var threads: Int
        /// Where the scenario's time goes, stage by stage (`runs show`); nil: not timed.
        public var timings: StageTimings?
        /// Whether to run the Shapley attribution and the reverse stress (`run --skip`).
        public var attribution: Bool
        public var reverseStress: Bool
        /// The run's capital-breach multipliers, shared by its scenarios (nil: each computes its own).
        public var capitalBreaches: CapitalBreachMemo?
        /// The scenario's credit and provisions sums, computed elsewhere by exposure-range
        /// shards and joined in row order; nil: projected here.
        public var chunkSums: ScenarioChunkSums?

        public init(scenario: Scenario, scenarioFile: String, portfolio: Portfolio, balanceSheet: BalanceSheet,
                    balanceSheetFile: String, settings: FrameworkSettings?, frameworkFile: String?,
                    liquidityRates: LiquidityRates = .basel, rwaModel: PortfolioRWA? = nil,
                    rwaColumns: RWAColumns? = nil, capitalRules: CapitalRules = .pointInTime,
                    provisions: ProvisionSetup? = nil, rateJumpOff: [String: Double] = [:], threads: Int,
                    timings: StageTimings? = nil, attribution: Bool = true, reverseStress: Bool = true,
                    capitalBreaches: CapitalBreachMemo? = nil) {
            self.timings = timings
            self.capitalBreaches = capitalBreaches
            self.attribution = attribution
            self.reverseStress = reverseStress
            self.provisions = provisions
            self.rateJumpOff = rateJumpOff
            self.liquidityRates = liquidityRates
            self.rwaModel = rwaModel
            self.rwaColumns = rwaColumns ?? rwaModel.map { RWAColumns(irb: $0.columns) }
            self.capitalRules = capitalRules
            self.scenario = scenario
            self.scenarioFile = scenarioFile
            self.portfolio = portfolio
            self.balanceSheet = balanceSheet
            self.balanceSheetFile = balanceSheetFile
            self.settings = settings
            self.frameworkFile = frameworkFile
            self.threads = threads
        }
    }

    /// The scenario's credit projection, provisions and income: what the scenario's results
    /// and its re-projections (attribution, reverse stress) start from.
    static func projectedStages(_ input: Inputs, clock: StageTimings?) throws(InputError)
        -> (credit: CreditStage.Output, provisions: ProvisionsResult?) {
        let s = input.scenario
        var credit = try clock.measure("\(s.id): credit") { () throws(InputError) in
            try CreditStage.run(scenario: s, scenarioFile: input.scenarioFile, portfolio: input.portfolio,
                                settings: input.settings, frameworkFile: input.frameworkFile,
                                rwa: input.rwaColumns, capitalRules: input.capitalRules,
                                provisions: input.provisions,
                                threads: input.threads, chunks: input.chunkSums?.credit)
        }
        let options = credit.options(s, threads: input.threads)
        let plan = credit.plan
        let provisionsResult = try clock.measure("\(s.id): provisions") { () throws(InputError) in
            try input.provisions.map { setup throws(InputError) in
                guard let chunks = input.chunkSums else {
                    return ProvisionStage.project(scenario: s, plan: plan, options: options, setup: setup)
                }
                do {
                    return try ProvisionsProjection.combine(
                        chunks.provisions ?? [],
                        ProvisionStage.inputs(scenario: s, plan: plan, options: options, setup: setup, constants: nil))
                } catch {
                    throw InputError(file: input.scenarioFile, message: "the exposure ranges' provision sums: \(error)")
                }
            }
        }
        credit.income = clock.measure("\(s.id): income") {
            IncomeStage.run(scenario: s, balanceSheet: input.balanceSheet, provisions: provisionsResult,
                            periods: plan.periods, rateJumpOff: input.rateJumpOff,
                            scenarioFile: input.scenarioFile, balanceSheetFile: input.balanceSheetFile)
        }
        return (credit, provisionsResult)
    }

    /// Part `part` of `parts` of the scenario's attribution coalitions, for a shard
    /// (docs/SCALE-OUT.md); the merge assembles the parts with the scenario's own figures.
    public static func attributionPart(_ input: Inputs, index: Int, part: Int, of parts: Int) throws(InputError)
        -> AttributionPart {
        let (credit, _) = try projectedStages(input, clock: nil)
        guard let players = AttributionStage.players(input.scenario, credit: credit) else {
            return AttributionPart(scenario: index, part: part, players: [], masks: 0..<0, el: [], cet1: [])
        }
        let masks = AttributionStage.masks(part: part, of: parts, players: players.count)
        let (el, cet1) = AttributionStage.values(scenario: input.scenario, portfolio: input.portfolio,
                                                 balanceSheet: input.balanceSheet, credit: credit, players: players,
                                                 masks: masks, threads: input.threads)
        return AttributionPart(scenario: index, part: part, players: players, masks: masks, el: el, cet1: cet1)
    }

    public static func run(_ input: Inputs) throws(InputError) -> (ScenarioResult, [DataQualityFinding]) {
        let s = input.scenario
        var result = ScenarioResult(s)
        let clock = input.timings
        let (credit, provisionsResult) = try projectedStages(input, clock: clock)
        var findings = credit.findings
        result.credit = credit.projection
        result.satellite = credit.satellite
        let options = credit.options(s, threads: input.threads)
        let plan = credit.plan
        result.income = credit.income
        if let income = credit.income {
            findings += income.findings
        } else if !input.balanceSheet.income.ppnr.isEmpty || s.ppnr != nil {
            findings.append(DataQualityFinding(
                severity: .warning, file: s.ppnr != nil ? input.scenarioFile : input.balanceSheetFile,
                field: s.ppnr != nil ? "ppnr" : "income.ppnr",
                message: "PPNR is a fixed list, the same under every scenario: give the balance sheet a banking_book "
                    + "and non_interest lines to project income from the scenario's rates (METHODOLOGY §8)"))
        }

        let (projection, income) = (credit.projection, credit.income)
        let (capital, provisions) = clock.measure("\(s.id): capital") {
            CapitalStage.project(
                scenario: s, plan: plan, projection: projection, balanceSheet: input.balanceSheet,
                rules: input.capitalRules, options: options, provisions: input.provisions, precomputed: provisionsResult,
                income: income)
        }
        result.capital = capital
        result.provisions = provisions
        for line in capital.missingIncomeLines {
            findings.append(DataQualityFinding(
                severity: .warning, file: input.balanceSheetFile, field: "income.\(line)",
                message: "income.\(line) does not cover every period of \(s.id): missing periods count as zero"))
        }
        if input.balanceSheet.liquidity != nil {
            do {
                let liquidity = try LiquidityEngine.scenarioResult(
                    balanceSheet: input.balanceSheet, scenario: s, rates: input.liquidityRates,
                    periods: credit.projection.periods.count)
                result.liquidity = liquidity
                findings += liquidity.findings(scenarioFile: input.scenarioFile, severity: s.severity)
            } catch {
                throw error.inputError(file: error.input == .scenario ? input.scenarioFile : input.balanceSheetFile)
            }
        } else {
            findings.append(DataQualityFinding(severity: .warning, file: input.balanceSheetFile, field: "liquidity",
                                               message: "the balance sheet has no liquidity section: no LCR, NSFR or survival horizon"))
        }
        let stages = credit
        // One set of scenario-independent terms for every coalition and severity step.
        let reprojection = !input.attribution && !input.reverseStress ? nil : clock.measure("\(s.id): re-projection setup") {
            Reprojection(scenario: s, portfolio: input.portfolio, balanceSheet: input.balanceSheet, credit: stages,
                         threads: input.threads)
        }
        result.attribution = !input.attribution ? nil : clock.measure("\(s.id): attribution") {
            AttributionStage.run(scenario: s, portfolio: input.portfolio, balanceSheet: input.balanceSheet, credit: stages,
                                 stressed: (projection.cumulativeEL, capital.minCET1Ratio), threads: input.threads,
                                 reprojection: reprojection)
        }
        let neutralCET1 = result.attribution?.minCET1.neutral
        result.reverseStress = !input.reverseStress ? nil : clock.measure("\(s.id): reverse stress") {
            ReverseStage.run(scenario: s, portfolio: input.portfolio, balanceSheet: input.balanceSheet, credit: stages,
                             rwaModel: input.rwaModel, neutralCET1: neutralCET1,
                             scenarioCET1: capital.minCET1Ratio, threads: input.threads, reprojection: reprojection,
                             capitalBreaches: input.capitalBreaches)
        }
        if s.framework == .rbi {
            let (rbi, rbiFindings) = RBIStage.run(scenario: s, portfolio: input.portfolio,
                                                  balanceSheet: input.balanceSheet, pdFloor: credit.pdFloor,
                                                  scenarioFile: input.scenarioFile,
                                                  balanceSheetFile: input.balanceSheetFile)
            result.rbi = rbi
            findings += rbiFindings
        }
        return (result, findings)
    }
}
