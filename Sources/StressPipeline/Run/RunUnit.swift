import FactorModel
import Foundation
import Inputs
import StressCore
import StressRun
import VaREngine

/// A piece of a run that can be computed on its own, from the run's context alone: one
/// scenario through every engine, the book's factor risk, or a batch of the credit VaR's
/// Monte Carlo paths. A single-machine run computes every unit in order; a sharded run
/// spreads them over its shards and the merge puts their results back in the same order
/// (docs/SCALE-OUT.md).
public enum RunUnit: Hashable, Sendable {
    /// The scenario at this position of the run's scenario list.
    case scenario(Int)
    /// Factor risk of the performing book (METHODOLOGY §5), and its findings.
    case portfolioRisk
    /// The credit VaR's main pass over these paths (METHODOLOGY §6); the estimates and the
    /// tail pass run where the batches are assembled.
    case varPaths(Range<Int>)
    /// Part `part` of `parts` of a scenario's attribution coalitions: a sharded run splits the
    /// longest units this way; the scenario's own unit then leaves its attribution to them.
    case attribution(scenario: Int, part: Int, parts: Int)
    /// Every scenario's credit projection and provisions over these exposures (rows of the
    /// book, on the engines' chunk boundaries), as chunk sums: a sharded run of a very large
    /// book splits the book this way; the merge then adds the chunks in order and finishes
    /// each scenario (docs/SCALE-OUT.md).
    case exposures(Range<Int>)

    /// Every unit of a run, in the order a single machine runs them; `varBatches` splits the
    /// VaR's paths (a single run: one batch of every path), and `attributionParts` > 1 each
    /// scenario's attribution.
    public static func all(scenarios: Int, varBatches: [Range<Int>], attributionParts: Int = 1) -> [RunUnit] {
        let attribution = attributionParts > 1
            ? (0..<scenarios).flatMap { i in (0..<attributionParts).map { RunUnit.attribution(scenario: i, part: $0, parts: attributionParts) } }
            : []
        return (0..<scenarios).map(RunUnit.scenario) + attribution + [.portfolioRisk] + varBatches.map(RunUnit.varPaths)
    }

    /// The paths of a VaR batch; nil for the other units.
    public var pathRange: Range<Int>? {
        if case .varPaths(let range) = self { range } else { nil }
    }

    /// The rows of an exposure-range unit; nil for the other units.
    public var exposureRange: Range<Int>? {
        if case .exposures(let range) = self { range } else { nil }
    }

    /// The scenario a scenario or attribution unit works on.
    public var scenarioIndex: Int? {
        switch self {
        case .scenario(let i), .attribution(let i, _, _): i
        case .portfolioRisk, .varPaths, .exposures: nil
        }
    }

    /// The units of a run whose book is split into `exposureRanges`: those ranges in place of
    /// the scenarios (the merge finishes each scenario from the ranges' sums), then the factor
    /// risk and the VaR batches.
    public static func all(scenarios: Int, varBatches: [Range<Int>], exposureRanges: [Range<Int>]) -> [RunUnit] {
        exposureRanges.map(RunUnit.exposures) + [.portfolioRisk] + varBatches.map(RunUnit.varPaths)
    }

    /// How many parts the attributions are split into (1 when they are not).
    public static func attributionParts(_ units: some Sequence<RunUnit>) -> Int {
        for unit in units { if case .attribution(_, _, let parts) = unit { return parts } }
        return 1
    }

    public var label: String {
        switch self {
        case .scenario(let i): "scenario \(i + 1)"
        case .portfolioRisk: "factor risk"
        case .varPaths(let r): "credit VaR paths \(r.lowerBound)..<\(r.upperBound)"
        case .attribution(let i, let part, let parts): "scenario \(i + 1) attribution, part \(part + 1) of \(parts)"
        case .exposures(let r): "exposures \(r.lowerBound)..<\(r.upperBound)"
        }
    }
}

/// A unit is written as text in the plan (`scenario:3`, `portfolio-risk`, `var-paths:0-4096`),
/// so the layout reads plainly.
extension RunUnit: Codable, CustomStringConvertible {
    public var description: String {
        switch self {
        case .scenario(let i): "scenario:\(i)"
        case .portfolioRisk: "portfolio-risk"
        case .varPaths(let r): "var-paths:\(r.lowerBound)-\(r.upperBound)"
        case .attribution(let i, let part, let parts): "attribution:\(i):\(part)/\(parts)"
        case .exposures(let r): "exposures:\(r.lowerBound)-\(r.upperBound)"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        func bad() -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath,
                                 debugDescription: "'\(text)' is not a unit (scenario:N, attribution:N:P/C, portfolio-risk, var-paths:A-B or exposures:A-B)"))
        }
        if text == "portfolio-risk" {
            self = .portfolioRisk
        } else if text.hasPrefix("scenario:") {
            guard let i = Int(text.dropFirst("scenario:".count)), i >= 0 else { throw bad() }
            self = .scenario(i)
        } else if text.hasPrefix("attribution:") {
            let fields = text.dropFirst("attribution:".count).split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 2, let i = Int(fields[0]), i >= 0 else { throw bad() }
            let part = fields[1].split(separator: "/", omittingEmptySubsequences: false)
            guard part.count == 2, let p = Int(part[0]), let c = Int(part[1]), c > 1, (0..<c).contains(p) else { throw bad() }
            self = .attribution(scenario: i, part: p, parts: c)
        } else if let kind = ["var-paths:", "exposures:"].first(where: text.hasPrefix) {
            let bounds = text.dropFirst(kind.count).split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let a = Int(bounds[0]), let b = Int(bounds[1]), a >= 0, a < b else { throw bad() }
            self = kind == "var-paths:" ? .varPaths(a..<b) : .exposures(a..<b)
        } else {
            throw bad()
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension RunJob {
    /// What the engines need to run scenario `index` of the run.
    func scenarioInputs(_ index: Int, in context: RunContext, clock: StageTimings?) -> ScenarioRunner.Inputs {
        let loaded = context.scenarios[index]
        let framework = loaded.scenario.framework
        let settings = context.frameworkSettings[framework]
        return .init(
            scenario: loaded.scenario, scenarioFile: display(scenarioPaths[index]), portfolio: context.portfolio.portfolio,
            balanceSheet: context.sheet, balanceSheetFile: display(balanceSheetPath),
            settings: settings?.settings, frameworkFile: settings?.path, liquidityRates: context.liquidityRates,
            rwaModel: context.rwaModel, rwaColumns: context.rwaColumns[framework],
            capitalRules: context.capitalRules[framework] ?? .pointInTime,
            provisions: context.provisionSetups[framework],
            rateJumpOff: ScenarioRateJumpOffs.bundled[loaded.scenario.id] ?? [:], threads: threads, timings: clock,
            attribution: !skip.contains(.attribution), reverseStress: !skip.contains(.reverseStress),
            capitalBreaches: context.capitalBreaches)
    }
}

/// What a unit produced: the figures and the findings, as the run assembles them.
public enum UnitResult: Codable, Sendable {
    case scenario(ScenarioResult, findings: [DataQualityFinding])
    case portfolioRisk(factorRisk: FactorRiskReport?, findings: [DataQualityFinding])
    case varPaths(VaRPathBatch)
    case attribution(AttributionPart)
    case exposures(ExposureRangeSums)
}

extension RunJob {
    /// The credit VaR's settings (METHODOLOGY §6): Philox streams keyed by (seed, path), so
    /// any thread count and any split of the paths give the same bytes.
    var varConfiguration: VaRConfiguration {
        VaRConfiguration(paths: paths, seed: seed, importanceSampling: .automatic)
    }

    /// Computes `units`, the scenarios' first (scenario and attribution units), then drops
    /// the scenarios' inputs from the context and computes the rest (factor risk, VaR paths).
    /// Units are independent, so the order changes only the memory held; the results come
    /// back in the order of `units`.
    func compute(_ units: [RunUnit], in context: inout RunContext, clock: StageTimings,
                 progress: ProgressReporter, note: (RunUnit) -> Void = { _ in }) throws -> [UnitResult] {
        var results = [UnitResult?](repeating: nil, count: units.count)
        func run(_ k: Int) throws {
            note(units[k])
            results[k] = try compute(units[k], in: context, clock: clock, progress: progress)
        }
        for k in units.indices where units[k].scenarioIndex != nil { try run(k) }
        context.releaseScenarioInputs()
        for k in units.indices where units[k].scenarioIndex == nil { try run(k) }
        return results.map { $0! }
    }

    func compute(_ unit: RunUnit, in context: RunContext, clock: StageTimings,
                 progress: ProgressReporter) throws -> UnitResult {
        switch unit {
        case .scenario(let index):
            let loaded = context.scenarios[index]
            progress.note("scenario \(loaded.scenario.id)")
            var input = scenarioInputs(index, in: context, clock: clock)
            input.attribution = !skip.contains(.attribution) && attributionParts == 1
            let (result, findings) = try ScenarioRunner.run(input)
            clock.lap("\(loaded.scenario.id): all stages")
            return .scenario(result, findings: findings)

        case .attribution(let index, let part, let parts):
            let loaded = context.scenarios[index]
            progress.note("scenario \(loaded.scenario.id): attribution, part \(part + 1) of \(parts)")
            let result = try ScenarioRunner.attributionPart(scenarioInputs(index, in: context, clock: nil), index: index,
                                                            part: part, of: parts)
            clock.lap("\(loaded.scenario.id): attribution, part \(part + 1) of \(parts)")
            return .attribution(result)

        case .portfolioRisk:
            // VaR and factor risk are about defaults to come: the book less exposures already in
            // default (provisioned; their loss is the provisions engine's).
            let book = context.portfolio.portfolio
            let performingBook = context.performingBook
            var findings: [DataQualityFinding] = []
            if performingBook.count < book.count {
                findings.append(DataQualityFinding(
                    severity: .info, file: display(portfolioPath), field: "stage",
                    message: "\(book.count - performingBook.count) exposures in default at jump-off are left "
                        + "out of the credit VaR and the factor risk (their loss is provisioned)"))
            }
            // Factor risk of the credit book (market, sector, country), METHODOLOGY §5.
            var factorRisk: FactorRiskReport?
            if let market = environment.marketFactors {
                let model = try FactorData.creditModel(famaFrenchPath: market)
                let report = try PortfolioFactorRisk.report(portfolio: performingBook, model: model)
                findings += report.findings
                factorRisk = report
            }
            clock.lap("factor risk")
            return .portfolioRisk(factorRisk: factorRisk, findings: findings)

        case .exposures(let rows):
            // The context holds the range's rows alone (`RunContext.Purpose.exposures`).
            precondition(context.portfolio.portfolio.count == rows.count, "an exposure range's context is its rows")
            var sums: [ScenarioChunkSums] = []
            for index in context.scenarios.indices {
                let id = context.scenarios[index].scenario.id
                progress.note("\(id): credit and provisions over exposures \(rows.lowerBound)..<\(rows.upperBound)")
                sums.append(try ScenarioRunner.chunkSums(scenarioInputs(index, in: context, clock: nil)))
                clock.lap("\(id): credit and provisions sums")
            }
            return .exposures(ExposureRangeSums(rows: rows, scenarios: sums))

        case .varPaths(let range):
            progress.note("credit VaR: paths \(range.lowerBound)..<\(range.upperBound) of \(paths)")
            do {
                let batch = try CreditVaR.simulate(
                    portfolio: context.performingBook, configuration: varConfiguration, paths: range, threads: threads,
                    progress: { progress.update("VaR paths", done: $0, total: range.count) })
                clock.lap("credit VaR")
                return .varPaths(batch)
            } catch {
                throw UsageError(message: "credit VaR: \(error)")
            }
        }
    }
}

extension RunJob {
    /// The scenario units of a book split into exposure ranges: each scenario's credit and
    /// provisions from the ranges' chunk sums joined in row order, then its income, capital
    /// and liquidity as a single run computes them. Empty when no range was computed.
    func finishScenarios(from results: [RunUnit: UnitResult], in context: RunContext, clock: StageTimings,
                         progress: ProgressReporter) throws -> [RunUnit: UnitResult] {
        var ranges: [ExposureRangeSums] = []
        for case .exposures(let sums) in results.values { ranges.append(sums) }
        guard !ranges.isEmpty else { return [:] }
        ranges.sort { $0.rows.lowerBound < $1.rows.lowerBound }
        var next = 0
        for range in ranges {
            guard range.rows.lowerBound == next, range.scenarios.count == context.scenarios.count else {
                throw UsageError(message: "the exposure ranges do not cover the book in order with every scenario "
                    + "(at exposures:\(range.rows.lowerBound)-\(range.rows.upperBound))")
            }
            next = range.rows.upperBound
        }
        guard next == context.portfolio.portfolio.count else {
            throw UsageError(message: "the exposure ranges cover 0..<\(next), the book has "
                + "\(context.portfolio.portfolio.count) exposures")
        }
        var finished: [RunUnit: UnitResult] = [:]
        for index in context.scenarios.indices {
            let loaded = context.scenarios[index]
            progress.note("scenario \(loaded.scenario.id): from \(ranges.count) exposure ranges")
            var input = scenarioInputs(index, in: context, clock: clock)
            input.chunkSums = ScenarioChunkSums.joined(ranges.map { $0.scenarios[index] })
            let (result, findings) = try ScenarioRunner.run(input)
            clock.lap("\(loaded.scenario.id): all stages")
            finished[.scenario(index)] = .scenario(result, findings: findings)
        }
        return finished
    }
}
