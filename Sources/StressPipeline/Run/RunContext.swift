import CapitalEngine
import CreditEngine
import Foundation
import IncomeEngine
import Inputs
import LiquidityEngine
import ProvisionsEngine
import RegulatoryTemplates
import StressCore
import StressRun

/// Everything a run loads and derives before its scenarios: the book, the balance sheet,
/// the scenarios, the frameworks' risk weights and provision books, the jump-off facts and
/// IRRBB, with the findings so far. A single-machine run, every shard and the merge build
/// it the same way from the same files, so each reads the same values (docs/SCALE-OUT.md).
struct RunContext {
    var portfolio: LoadedPortfolio
    var balanceSheet: LoadedBalanceSheet
    /// The balance sheet as the engines see it (the RBI duration gap from IRRBB).
    var sheet: BalanceSheet
    var scenarios: [LoadedScenario]
    var regulatoryDefinitions: [(definition: TemplateDefinition, file: String)]
    var frameworkSettings: [Framework: (settings: FrameworkSettings, path: String)]
    var liquidityRates: LiquidityRates
    /// The IRB risk weights of every exposure; nil in a shard with no scenario to run.
    var rwaModel: PortfolioRWA?
    var capitalRules: [Framework: CapitalRules]
    var rwaColumns: [Framework: RWAColumns]
    var provisionSetups: [Framework: ProvisionSetup]
    var regulatoryFacts: RegulatoryFacts?
    var irrbb: IRRBBResult?
    /// Findings of the inputs and of the set-up, before any scenario's.
    var findings: [DataQualityFinding]
    private let performing = PerformingBook()
    /// The reverse stress's capital-breach multipliers, one per framework set-up, shared by
    /// the scenarios (they do not depend on the scenario).
    let capitalBreaches = CapitalBreachMemo()

    /// The book less exposures in default at jump-off, with the columns the factor risk and
    /// the credit VaR read (`performingCreditRiskBook`), made once on first use: at 10M
    /// exposures about 0.5 GB.
    var performingBook: Portfolio { performing.get(from: portfolio.portfolio) }

    private final class PerformingBook: @unchecked Sendable {
        private let lock = NSLock()
        private var book: Portfolio?

        func get(from all: Portfolio) -> Portfolio {
            lock.withLock {
                if let book { return book }
                let made = all.performingCreditRiskBook()
                book = made
                return made
            }
        }
    }

    /// Drops what only the scenarios read (risk weights, RWA columns, provision books): the
    /// run calls it after its last scenario unit, so the credit VaR, the largest stage, does
    /// not hold them too (1.3 GB at 10M exposures).
    mutating func releaseScenarioInputs() {
        rwaModel = nil
        rwaColumns = [:]
        provisionSetups = [:]
    }

    /// What the context is for: a whole run (or a merge) needs everything, since the set-up's
    /// findings and the jump-off facts enter results.json. A shard needs only what its units
    /// read: the risk weights, tables and provision books of its scenarios' frameworks, none
    /// for a shard of VaR paths; never the reporting facts or the template definitions.
    enum Purpose {
        case everything
        case units([RunUnit])
        /// An exposure-range unit: the book's rows of the range (`Portfolio.slice`), with every
        /// scenario's framework weights and provision books built on them.
        case exposures(Range<Int>)

        var isEverything: Bool { if case .everything = self { true } else { false } }
    }

    static func prepare(job: RunJob, files: RunInputs, purpose: Purpose, clock: StageTimings,
                        progress: ProgressReporter) throws -> RunContext {
        let display = job.display
        progress.note("loading portfolio \(display(job.portfolioPath))")
        // An exposure range reads its rows alone from the plan's column file; with a PD model
        // the whole book is scored first (the model reads the CSV's characteristics), then sliced.
        var range: Range<Int>? = nil
        if case .exposures(let rows) = purpose { range = rows }
        let readRowsOnly = range != nil && job.portfolioColumns != nil && job.pdModelPath == nil
        // A shard of VaR paths and factor risk alone reads only the credit risk model's columns.
        var creditRiskOnly = false
        if case .units(let units) = purpose, units.allSatisfy({ $0.scenarioIndex == nil && $0.exposureRange == nil }),
           job.pdModelPath == nil {
            creditRiskOnly = true
        }
        var portfolio = try job.portfolioColumns.map { columns throws(InputError) in
            try PortfolioColumnsFile.load(path: columns, csvPath: job.portfolioPath, rows: readRowsOnly ? range : nil,
                                          creditRiskOnly: creditRiskOnly)
        } ?? PortfolioCSV.load(path: job.portfolioPath)
        progress.note("loaded \(portfolio.portfolio.count) exposures")
        clock.lap("load portfolio")
        if let model = job.pdModelPath {
            progress.note("scoring the book with \(display(model))")
            try PDModelScoring.apply(modelPath: model, to: &portfolio, csvPath: job.portfolioPath, display: display)
            clock.lap("score with the PD model")
        }
        if let rows = range, !readRowsOnly {
            guard rows.upperBound <= portfolio.portfolio.count else {
                throw UsageError(message: "exposures \(rows.lowerBound)..<\(rows.upperBound): the book has "
                    + "\(portfolio.portfolio.count) exposures")
            }
            portfolio.portfolio = portfolio.portfolio.slice(rows)
            clock.lap("slice the book")
        }
        let balanceSheet = try BalanceSheetFile.load(path: job.balanceSheetPath)
        let regulatoryDefinitions = !purpose.isEverything
            ? [] : try RegulatoryTemplateOutputs.load(files.regulatoryTemplates, display: display)
        var scenarios: [LoadedScenario] = []
        for path in job.scenarioPaths { scenarios.append(try ScenarioFile.load(path: path)) }
        var seen: [String: String] = [:]
        for (s, path) in zip(scenarios, job.scenarioPaths) {
            if let other = seen[s.scenario.id] {
                throw InputError(file: display(path), key: "id",
                                 message: "scenario id '\(s.scenario.id)' is also used by \(display(other))")
            }
            seen[s.scenario.id] = path
        }

        // Framework files (satellite coefficients, PD floors) of the frameworks in the run.
        var frameworkSettings: [Framework: (settings: FrameworkSettings, path: String)] = [:]
        for (framework, path) in files.frameworkFiles {
            frameworkSettings[framework] = (try FrameworkFile.load(path: path), display(path))
        }

        // The liquidity rate table; balance-sheet categories are checked against it
        // here, where the file's lines are known.
        var liquidityRates = LiquidityRates.basel
        if let tablePath = files.liquidityTable {
            let table = try LiquidityTableFile.load(path: tablePath)
            if balanceSheet.balanceSheet.liquidity != nil {
                try BalanceSheetLiquidityCategories.check(path: job.balanceSheetPath, table: table)
            }
            liquidityRates = LiquidityRates(table)
        }

        clock.lap("load balance sheet, scenarios, frameworks, templates")
        // The frameworks whose rules, weights and provision books are needed.
        let frameworks: Set<Framework>
        switch purpose {
        case .everything:
            frameworks = Set(scenarios.map(\.scenario.framework))
        case .units(let units):
            frameworks = Set(units.compactMap { unit in
                unit.scenarioIndex.map { scenarios[$0].scenario.framework }
            })
        case .exposures:
            frameworks = Set(scenarios.map(\.scenario.framework))
        }
        // Risk weights of every exposure (IRB, Basel III PD floors by class), for
        // stressed RWA per period and the reverse stress (METHODOLOGY §3).
        var rwaModel: PortfolioRWA? = nil
        if purpose.isEverything || !frameworks.isEmpty {
            do {
                rwaModel = try PortfolioRWA(portfolio: portfolio.portfolio, options: RWAOptions(threads: job.threads))
            } catch {
                throw InputError(file: display(job.portfolioPath), message: "risk weights: \(error)")
            }
        }
        let neededTables = Set(frameworks.compactMap { frameworkSettings[$0]?.settings.capital?.standardisedTable })

        var findings = portfolio.findings + balanceSheet.findings + scenarios.flatMap(\.findings)

        // Each framework's RWA rules (its file's capital: block) and the columns they need:
        // IRB with the rating philosophy, the standardised weights of the named table.
        var standardisedWeights: [String: StandardisedExposureWeights] = [:]
        for (name, path) in files.riskWeightTables.sorted(by: { $0.key < $1.key })
            where purpose.isEverything || neededTables.contains(name) {
            let table = StandardisedRiskWeights(try StandardisedTableFile.load(path: path))
            do {
                let weights = try StandardisedExposureWeights(portfolio: portfolio.portfolio, table: table)
                standardisedWeights[name] = weights
                findings += StandardisedFindings.of(weights, table: display(path))
            } catch {
                throw InputError(file: display(path), message: "risk weights: \(error)")
            }
        }
        var capitalRules: [Framework: CapitalRules] = [:]
        var rwaColumns: [Framework: RWAColumns] = [:]
        for framework in frameworks {
            let rules = frameworkSettings[framework]?.settings.capital ?? .pointInTime
            capitalRules[framework] = rules
            rwaColumns[framework] = FrameworkRWAColumns.make(
                rules: rules, irb: rwaModel!, standardised: rules.standardisedTable.flatMap { standardisedWeights[$0] })
        }

        // Each framework's provisioning rules (its file's provisions: block) on the book.
        var provisionSetups: [Framework: ProvisionSetup] = [:]
        let sharedColumns = ColumnPool()
        for framework in frameworks.sorted(by: { $0.rawValue < $1.rawValue }) {
            let settings = frameworkSettings[framework]?.settings
            let rules = settings?.provisions ?? .defaults(for: framework)
            let floor = settings?.pdFloor ?? SatelliteDefaults.pdFloor(framework)
            let book = ProvisionBook(portfolio: portfolio.portfolio, rules: rules, pdFloor: floor,
                                     asOf: balanceSheet.balanceSheet.asOf, pool: sharedColumns)
            provisionSetups[framework] = ProvisionSetup(book: book, rules: rules, portfolio: portfolio.portfolio)
            for (what, count) in book.stageDisagreements.sorted(by: { $0.key < $1.key }) {
                findings.append(DataQualityFinding(
                    severity: .info, file: display(job.portfolioPath), field: "stage",
                    message: "\(count) exposures: \(what) of the \(framework.rawValue) provisioning rules; the bank's stage is kept at jump-off"))
            }
        }
        if !portfolio.portfolio.hasCreditQuality {
            findings.append(DataQualityFinding(
                severity: .info, file: display(job.portfolioPath), field: "stage",
                message: "no stage, default_flag or provision column: every exposure starts performing in the stage the "
                    + "significant-increase test gives, with the model's jump-off provisions"))
        }

        // The jump-off book as COREP and Pillar 3 slice it, under the EU's rules where the run
        // has an EBA scenario (else the Bank of England's, else the first framework's).
        var regulatoryFacts: RegulatoryFacts? = nil
        let runFrameworks = scenarios.map(\.scenario.framework)
        if purpose.isEverything, let rwaModel,
           let basis = [Framework.eba, .boe].first(where: runFrameworks.contains) ?? runFrameworks.first,
           let rules = capitalRules[basis], let setup = provisionSetups[basis],
           let frequency = scenarios.first(where: { $0.scenario.framework == basis })?.scenario.frequency {
            regulatoryFacts = RegulatoryFactsBuilder.build(.init(
                framework: basis, rules: rules, portfolio: portfolio.portfolio, irb: rwaModel,
                standardised: rules.standardisedTable.flatMap { standardisedWeights[$0] }, provisions: setup,
                frequency: frequency,
                pdFloor: frameworkSettings[basis]?.settings.pdFloor ?? SatelliteDefaults.pdFloor(basis),
                threads: job.threads))
        }

        // Interest rate risk in the banking book (BCBS d368), once per run; its duration gap
        // replaces the balance sheet's single figure in the RBI sensitivity.
        var sheet = balanceSheet.balanceSheet
        var irrbb: IRRBBResult? = nil
        if let book = sheet.bankingBook {
            let measured = IRRBB.measure(.init(bankingBook: book, currency: sheet.currency, tier1: sheet.capital.tier1,
                                               balanceSheetFile: display(job.balanceSheetPath)))
            irrbb = measured
            findings += measured.findings
            if sheet.rbi != nil, measured.durationGap.isFinite {
                sheet.rbi!.durationGap = measured.durationGap
                findings.append(DataQualityFinding(
                    severity: .info, file: display(job.balanceSheetPath), field: "rbi.duration_gap",
                    message: "the RBI interest-rate sensitivity uses the banking book's duration gap "
                        + String(format: "%.2f", measured.durationGap) + " years, not the figure in the file"))
            }
        }

        clock.lap("risk weights, provision books, jump-off facts, IRRBB")
        for analysis in job.skip.sorted() {
            findings.append(DataQualityFinding(
                severity: .info, file: "command line", field: "--skip",
                message: "\(analysis.rawValue) left out at the user's request (--skip \(analysis.rawValue)): "
                    + "no \(analysis.title) in results.json "
                    + "or the reports"))
        }
        return RunContext(
            portfolio: portfolio, balanceSheet: balanceSheet, sheet: sheet, scenarios: scenarios,
            regulatoryDefinitions: regulatoryDefinitions, frameworkSettings: frameworkSettings,
            liquidityRates: liquidityRates, rwaModel: rwaModel, capitalRules: capitalRules, rwaColumns: rwaColumns,
            provisionSetups: provisionSetups, regulatoryFacts: regulatoryFacts, irrbb: irrbb, findings: findings)
    }
}
