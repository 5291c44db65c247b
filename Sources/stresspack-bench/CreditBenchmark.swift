import CreditEngine
import Foundation
import Inputs
import StressCore

/// `stresspack-bench credit PORTFOLIO.csv [SCENARIO.yaml ...]`: projects the
/// portfolio through every scenario (default: all of scenarios/), in seed mode
/// (the frameworks' linear satellites, as creditriskengine) and with the
/// framework files' satellites (Vasicek Z-shift and collateral LGD), and
/// prints the median wall time of each over 5 runs.
enum CreditBenchmark {
    static func run(arguments: [String]) throws {
        guard let portfolioPath = arguments.first else {
            print("usage: stresspack-bench credit PORTFOLIO.csv [SCENARIO.yaml ...]")
            exit(2)
        }
        var scenarioPaths = Array(arguments.dropFirst())
        if scenarioPaths.isEmpty {
            scenarioPaths = ((try? FileManager.default.contentsOfDirectory(atPath: "scenarios")) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/\($0)" }
        }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let portfolio = try PortfolioCSV.load(path: portfolioPath).portfolio
        print("loaded \(portfolio.count) exposures in \(seconds(since: loadStart)) s; \(scenarioPaths.count) scenarios; \(threads) threads")
        let scenarios = try scenarioPaths.map { try ScenarioFile.load(path: $0).scenario }

        let modes = ProcessInfo.processInfo.environment["STRESSPACK_BENCH_MODE"].map { [$0] } ?? ["seed", "framework"]
        for mode in modes {
            var plans: [(Scenario, StressPlan, ProjectionOptions)] = []
            for s in scenarios {
                var configuration = SatelliteDefaults.configuration(s.framework)
                var floor = SatelliteDefaults.pdFloor(s.framework)
                if mode == "framework", let settings = try? FrameworkFile.load(path: "frameworks/\(s.framework.rawValue).yaml") {
                    configuration = try configuration.merging(settings.satellite)
                    floor = settings.pdFloor ?? floor
                }
                configuration = try configuration.merging(s.satellite)
                // Seed mode compares with creditriskengine's own horizons: nine quarters for CCAR,
                // and the RBI's credit-quality stress in one shot.
                let periods = s.framework == .ccar ? min(9, s.periods.count)
                    : s.framework == .rbi && mode == "seed" ? 1 : s.periods.count
                let plan: StressPlan
                if s.framework == .rbi {
                    let t = RBIStress.severity(s.severity)
                    plan = StressPlan(periods: periods, pd: .multipliers(.init(repeating: t.pdMultiplier, count: periods)),
                                      lgd: .addOns(.init(repeating: t.lgdAddOn, count: periods)))
                } else {
                    plan = StressPlan.build(configuration: configuration, scenario: s, portfolio: portfolio,
                                            periods: periods, sourceFile: "").0
                }
                // Seed mode runs the book off without amortisation, as creditriskengine.
                plans.append((s, plan, ProjectionOptions(frequency: s.frequency, balanceSheet: s.balanceSheetMode,
                                                         pdFloor: floor,
                                                         amortisation: mode == "seed" ? Array(repeating: 0, count: periods) : nil,
                                                         threads: threads)))
            }
            var times: [Double] = []
            var checksum = 0.0
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                for (s, plan, options) in plans {
                    checksum += CreditProjector.project(portfolio: portfolio, plan: plan,
                                                        periodLabels: Array(s.periods.prefix(plan.periods)),
                                                        options: options).cumulativeEL
                }
                times.append(seconds(since: start))
            }
            times.sort()
            print("credit projection, \(mode) satellites, all scenarios: median \(String(format: "%.4f", times[2])) s "
                  + "(min \(String(format: "%.4f", times[0])), max \(String(format: "%.4f", times[4]))) checksum \(checksum / 5)")
        }
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
