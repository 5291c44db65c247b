import Foundation
import Inputs
import RiskMath
import StressCore
import VaREngine

/// `stresspack-bench var [options]`: times the credit VaR Monte Carlo (`CreditVaR`) on a
/// synthetic book, and optionally writes the book (and its factor loadings) for the seed
/// library's simulators, so that scripts/bench/var.sh can time both on the same exposures.
///
/// Options (defaults in brackets):
///   --obligors N [10000]  --paths P [10000]  --method single|multi|t [single]
///   --factors K [10]      (multi: 1 global + sectors + countries, split 2:1)
///   --rho R [0.15]        (one asset correlation, as the seed's simulators take; "basel" for CRE31)
///   --threads T [all]     --repeat R [3]   --seed S [42]   --importance (automatic shift)
///   --full                (CreditVaR.run: estimators, tail allocations; default: losses only)
///   --export DIR          (write DIR/portfolio.csv: pd,lgd,ead [, loadings DIR/loadings.csv] and exit)
///   --portfolio PATH      (a portfolio CSV instead of the synthetic book, e.g. the sample bank)
///   --shards S            (a sharded run's VaR: the paths in S batches, each timed as one shard
///                          computes it, then the merge's estimates and tail pass; once)
///
/// Prints the median wall time, paths per second, the 99.9% VaR and ES of the last run.
enum VaRBenchmark {
    static func run(arguments: [String]) throws {
        var options: [String: String] = [:]
        var flags: Set<String> = []
        var index = 0
        while index < arguments.count {
            let key = arguments[index]
            guard key.hasPrefix("--") else { throw usage("unexpected argument \(key)") }
            if ["--importance", "--full"].contains(key) {
                flags.insert(key)
                index += 1
                continue
            }
            let known = ["obligors", "paths", "factors", "threads", "repeat", "seed", "method", "rho", "shards",
                         "export", "portfolio"]
            guard known.contains(String(key.dropFirst(2))) else {
                throw usage("unknown option \(key) (options: --" + known.joined(separator: ", --") + ", --importance, --full)")
            }
            guard index + 1 < arguments.count else { throw usage("\(key) needs a value") }
            options[String(key.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        func integer(_ key: String, _ fallback: Int) throws -> Int {
            guard let text = options[key] else { return fallback }
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
                throw usage("--\(key) must be a positive integer, got \(text)")
            }
            return value
        }
        let obligors = try integer("obligors", 10_000)
        let paths = try integer("paths", 10_000)
        let factors = try integer("factors", 10)
        let threads = try integer("threads", ProcessInfo.processInfo.activeProcessorCount)
        let repeats = try integer("repeat", 3)
        let seed = UInt64(try integer("seed", 42))
        let methodName = options["method"] ?? "single"
        let correlation: CorrelationSource
        if options["rho"] == "basel" {
            correlation = .basel
        } else {
            guard let rho = Double(options["rho"] ?? "0.15"), rho > 0, rho < 1 else { throw usage("--rho must be in (0, 1) or basel") }
            correlation = .constant(rho)
        }
        let method: VaRMethod
        switch methodName {
        case "single": method = .singleFactor
        case "multi": method = .multiFactor(.standard)
        case "t": method = .studentT(degreesOfFreedom: 5)
        default: throw usage("--method must be single, multi or t")
        }
        let sectorCount = methodName == "multi" ? max(1, (factors - 1) * 2 / 3) : 6
        let countryCount = methodName == "multi" ? max(1, factors - 1 - sectorCount) : 3
        let portfolio = try options["portfolio"].map { try PortfolioCSV.load(path: $0).portfolio }
            ?? syntheticBook(obligors: obligors, sectors: sectorCount, countries: countryCount, seed: seed)
        var configuration = VaRConfiguration(method: method, paths: paths, seed: seed, confidenceLevels: [0.99, 0.999],
                                             correlation: correlation)
        if flags.contains("--importance") { configuration.importanceSampling = .automatic }

        if let directory = options["export"] {
            try export(portfolio, configuration: configuration, to: directory, loadings: methodName == "multi")
            return
        }
        print("credit VaR Monte Carlo: \(portfolio.count) obligors × \(paths) paths, \(method.name)"
              + (methodName == "multi" ? " (\(1 + sectorCount + countryCount) factors)" : "")
              + ", \(threads) threads, \(flags.contains("--full") ? "full run" : "losses only")"
              + (flags.contains("--importance") ? ", importance sampling" : ""))
        if let text = options["shards"] {
            guard let shards = Int(text), shards > 0 else { throw usage("--shards must be a positive integer") }
            try sharded(portfolio: portfolio, configuration: configuration, shards: shards, threads: threads)
            return
        }
        var times: [Double] = []
        var summary = ""
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            if flags.contains("--full") {
                let result = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: threads)
                times.append(seconds(since: start))
                summary = String(format: "VaR99.9 %.6g ± %.3g  ES99.9 %.6g ± %.3g  (ASRF+GA %.6g)  EL %.6g",
                                 result.valueAtRisk, result.varStandardError ?? .nan, result.expectedShortfall,
                                 result.esStandardError ?? .nan, result.analytic.valueAtRiskWithGranularity[1],
                                 result.expectedLoss)
            } else {
                let simulated = try CreditVaR.simulateLosses(portfolio: portfolio, configuration: configuration, threads: threads)
                times.append(seconds(since: start))
                let sample = LossSample(losses: simulated.losses, weights: simulated.weights)
                summary = String(format: "VaR99.9 %.6g  ES99.9 %.6g  mean %.6g  buckets %d",
                                 sample.valueAtRisk(confidence: 0.999), sample.expectedShortfall(confidence: 0.999),
                                 simulated.losses.reduce(0, +) / Double(paths), simulated.buckets)
            }
        }
        times.sort()
        let median = times[times.count / 2]
        print(String(format: "  median %.3f s (min %.3f, max %.3f), %.2f M paths/s, %.0f M obligor-paths/s",
                     median, times.first!, times.last!, Double(paths) / median / 1e6,
                     Double(paths) * Double(portfolio.count) / median / 1e6))
        print("  " + summary)
    }

    /// The VaR as a sharded run computes it: each batch of paths as a shard would (one after
    /// another here, each with `threads`), then the merge. Prints each batch's time, the
    /// merge's, and the wall time on as many machines as batches (the slowest batch plus
    /// the merge; the partials' transfer is not counted).
    static func sharded(portfolio: Portfolio, configuration: VaRConfiguration, shards: Int, threads: Int) throws {
        let ranges = CreditVaR.pathBatches(paths: configuration.paths, count: shards)
        let count = ranges.count
        var batches: [VaRPathBatch] = []
        var batchTimes: [Double] = []
        for range in ranges {
            let start = DispatchTime.now().uptimeNanoseconds
            batches.append(try CreditVaR.simulate(portfolio: portfolio, configuration: configuration, paths: range,
                                                  threads: threads))
            batchTimes.append(seconds(since: start))
            print(String(format: "  batch %@: %.3f s", "\(range.lowerBound)..<\(range.upperBound)", batchTimes.last!))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try CreditVaR.result(portfolio: portfolio, configuration: configuration, batches: batches,
                                          threads: threads)
        let merge = seconds(since: start)
        let total = batchTimes.reduce(0, +)
        print(String(format: "  %d batches: %.3f s in all (slowest %.3f s); merge (estimates, tail pass) %.3f s",
                     count, total, batchTimes.max()!, merge))
        print(String(format: "  on %d machines: about %.3f s wall (slowest batch + merge), against %.3f s on one",
                     count, batchTimes.max()! + merge, total + merge))
        print(String(format: "  VaR99.9 %.6g ± %.3g  ES99.9 %.6g", result.valueAtRisk, result.varStandardError ?? .nan,
                     result.expectedShortfall))
    }

    /// A deterministic corporate book: PD lognormal around 1% (σ 1.0, clipped to
    /// [0.03%, 30%]), LGD uniform in [0.25, 0.65], EAD lognormal around 250 000 (σ 1.0),
    /// sectors and countries uniformly assigned. Drawn from Philox stream 7 of `seed`.
    static func syntheticBook(obligors n: Int, sectors: Int, countries: Int, seed: UInt64) -> Portfolio {
        let stream = RandomStream(seed: seed, stream: 7)
        var p = Portfolio()
        p.reserveCapacity(n)
        for i in 0..<n {
            let base = UInt64(5 * i)
            p.ids.append("B\(i)")
            p.pd.append(min(max(0.01 * exp(stream.normal(base)), 0.0003), 0.3))
            p.lgd.append(0.25 + 0.4 * stream.uniform(base + 1))
            p.ead.append((250_000 * exp(stream.normal(base + 2))).rounded())
            p.assetClass.append(.corporate)
            p.segment.append("Corporate \(i % 4 + 1)")
            p.sector.append("S\(Int(stream.uniform(base + 3) * Double(sectors)))")
            p.country.append("C\(Int(stream.uniform(base + 4) * Double(countries)))")
        }
        return p
    }

    /// Writes portfolio.csv (pd, lgd, ead, full precision) and, for the multi-factor model,
    /// loadings.csv (N rows of K loadings), the inputs of scripts/bench/var_reference.py.
    static func export(_ portfolio: Portfolio, configuration: VaRConfiguration, to directory: String, loadings: Bool) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var csv = "pd,lgd,ead\n"
        for i in 0..<portfolio.count {
            csv += "\(portfolio.pd[i]),\(portfolio.lgd[i]),\(portfolio.ead[i])\n"
        }
        try csv.write(toFile: directory + "/portfolio.csv", atomically: true, encoding: .utf8)
        guard loadings else { return }
        let (names, matrix) = try CreditVaR.factorLoadings(portfolio: portfolio, configuration: configuration)
        var text = names.joined(separator: ",") + "\n"
        for i in 0..<portfolio.count {
            text += (0..<names.count).map { "\(matrix[i * names.count + $0])" }.joined(separator: ",") + "\n"
        }
        try text.write(toFile: directory + "/loadings.csv", atomically: true, encoding: .utf8)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func usage(_ message: String) -> Error {
        VaRError("stresspack-bench var: \(message)")
    }
}
