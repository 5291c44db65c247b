import CreditEngine
import Foundation
import Inputs
import ProvisionsEngine
import StressCore

/// `stresspack-bench provisions PORTFOLIO.csv [SCENARIO.yaml ...]`: the provisions pass
/// (stages, ECL, impairments; METHODOLOGY §9) of the portfolio through every scenario
/// (default: all of scenarios/), each framework's rules and satellites, fed by the credit
/// engine's stressed paths; the median wall time over 3 runs of the whole set, and the
/// resident memory after it.
enum ProvisionsBenchmark {
    static func run(arguments: [String]) throws {
        guard let portfolioPath = arguments.first else {
            print("usage: stresspack-bench provisions PORTFOLIO.csv [SCENARIO.yaml ...]")
            exit(2)
        }
        var scenarioPaths = Array(arguments.dropFirst())
        if scenarioPaths.isEmpty {
            scenarioPaths = ((try? FileManager.default.contentsOfDirectory(atPath: "scenarios")) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/\($0)" }
        }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let portfolio = try PortfolioCSV.load(path: portfolioPath).portfolio
        let scenarios = try scenarioPaths.map { try ScenarioFile.load(path: $0).scenario }
        var work: [(ProvisionsProjection.Inputs, String)] = []
        var books: [Framework: ProvisionBook] = [:]
        for s in scenarios {
            let settings = try? FrameworkFile.load(path: "frameworks/\(s.framework.rawValue).yaml")
            let rules = settings?.provisions ?? .defaults(for: s.framework)
            let floor = settings?.pdFloor ?? SatelliteDefaults.pdFloor(s.framework)
            let book = books[s.framework] ?? ProvisionBook(portfolio: portfolio, rules: rules, pdFloor: floor,
                                                            asOf: "2025-12-31")
            books[s.framework] = book
            var configuration = try SatelliteDefaults.configuration(s.framework).merging(settings?.satellite)
            configuration = try configuration.merging(s.satellite)
            let periods = s.framework == .ccar ? min(9, s.periods.count) : s.periods.count
            let plan: StressPlan
            if s.framework == .rbi && s.satellite == nil {
                let table = RBIStress.severity(s.severity)
                plan = StressPlan(periods: periods, pd: .multipliers(Array(repeating: table.pdMultiplier, count: periods)),
                                  lgd: .addOns(Array(repeating: table.lgdAddOn, count: periods)))
            } else {
                plan = StressPlan.build(configuration: configuration, scenario: s, portfolio: portfolio, periods: periods,
                                        sourceFile: s.id).0
            }
            let options = ProjectionOptions(frequency: s.frequency, balanceSheet: s.balanceSheetMode, pdFloor: floor,
                                            threads: threads)
            work.append((.init(book: book, rules: rules, periods: Array(s.periods.prefix(periods)), frequency: s.frequency,
                               constantBalanceSheet: s.frequency == .quarterly || s.balanceSheetMode == .static,
                               paths: CreditProjector.pathFiller(portfolio: portfolio, plan: plan, options: options),
                               threads: threads), s.id))
        }
        print("provisions: \(portfolio.count) exposures, \(scenarios.count) scenarios, \(threads) threads")
        var times: [Double] = [], checksum = 0.0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum = 0
            for (input, _) in work { checksum += ProvisionsProjection.project(input).cumulativeImpairment }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(String(format: "every scenario: median %.2f s (min %.2f, max %.2f); Σ cumulative impairment %.6e",
                     times[1], times[0], times[2], checksum))
    }
}
