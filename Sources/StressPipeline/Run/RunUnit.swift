import FactorModel
import Inputs
import Foundation
import StressCore
import StressRun
import VaREngine

/// A piece of a run that can be computed on its own, from the run's context alone: one
/// scenario through every engine, or the jump-off book's factor risk and credit VaR. A
/// single-machine run computes every unit in order; a sharded run spreads them over its
/// shards and the merge puts their results back in the same order (docs/SCALE-OUT.md).
public enum RunUnit: Hashable, Sendable {
    /// The scenario at this position of the run's scenario list.
    case scenario(Int)
    /// Factor risk and credit VaR of the performing book (METHODOLOGY §5, §6).
    case portfolioRisk

    /// Every unit of a run with this many scenarios, in the order a single machine runs them.
    public static func all(scenarios: Int) -> [RunUnit] {
        (0..<scenarios).map(RunUnit.scenario) + [.portfolioRisk]
    }

    public var label: String {
        switch self {
        case .scenario(let i): "scenario \(i + 1)"
        case .portfolioRisk: "factor risk and credit VaR"
        }
    }
}

/// A unit is written as text in the plan (`scenario:3`, `portfolio-risk`), so the layout reads plainly.
extension RunUnit: Codable, CustomStringConvertible {
    public var description: String {
        switch self {
        case .scenario(let i): "scenario:\(i)"
        case .portfolioRisk: "portfolio-risk"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text == "portfolio-risk" {
            self = .portfolioRisk
        } else if text.hasPrefix("scenario:"), let i = Int(text.dropFirst("scenario:".count)), i >= 0 {
            self = .scenario(i)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a unit (scenario:N or portfolio-risk)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// What a unit produced: the figures and the findings, as the run assembles them.
public enum UnitResult: Codable, Sendable, Equatable {
    case scenario(ScenarioResult, findings: [DataQualityFinding])
    case portfolioRisk(factorRisk: FactorRiskReport?, creditVaR: VaRResult, findings: [DataQualityFinding])
}

extension RunJob {
    func compute(_ unit: RunUnit, in context: RunContext, clock: StageTimings,
                 progress: ProgressReporter) throws -> UnitResult {
        switch unit {
        case .scenario(let index):
            let loaded = context.scenarios[index]
            let path = scenarioPaths[index]
            let framework = loaded.scenario.framework
            progress.note("scenario \(loaded.scenario.id)")
            let settings = context.frameworkSettings[framework]
            let (result, findings) = try ScenarioRunner.run(.init(
                scenario: loaded.scenario, scenarioFile: display(path), portfolio: context.portfolio.portfolio,
                balanceSheet: context.sheet, balanceSheetFile: display(balanceSheetPath),
                settings: settings?.settings, frameworkFile: settings?.path, liquidityRates: context.liquidityRates,
                rwaModel: context.rwaModel, rwaColumns: context.rwaColumns[framework],
                capitalRules: context.capitalRules[framework] ?? .pointInTime,
                provisions: context.provisionSetups[framework],
                rateJumpOff: ScenarioRateJumpOffs.bundled[loaded.scenario.id] ?? [:], threads: threads, timings: clock,
                attribution: !skip.contains(.attribution), reverseStress: !skip.contains(.reverseStress)))
            clock.lap("\(loaded.scenario.id): all stages")
            return .scenario(result, findings: findings)

        case .portfolioRisk:
            // VaR and factor risk are about defaults to come: the book less exposures already in
            // default (provisioned; their loss is the provisions engine's).
            let book = context.portfolio.portfolio
            let performingBook = book.performing()
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
            // Credit VaR / ES / economic capital of the jump-off book (METHODOLOGY §6):
            // Philox streams keyed by (seed, path), so any thread count gives the same bytes.
            let paths = self.paths
            clock.lap("factor risk")
            progress.note("credit VaR: \(paths) paths")
            let creditVaR: VaRResult
            do {
                creditVaR = try CreditVaR.run(
                    portfolio: performingBook,
                    configuration: VaRConfiguration(paths: paths, seed: seed, importanceSampling: .automatic),
                    threads: threads, progress: { progress.update("VaR paths", done: $0, total: paths) })
            } catch {
                throw UsageError(message: "credit VaR: \(error)")
            }
            clock.lap("credit VaR")
            return .portfolioRisk(factorRisk: factorRisk, creditVaR: creditVaR, findings: findings)
        }
    }
}
