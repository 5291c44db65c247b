import Foundation
import Inputs
import RunStore
import StressCore

/// A run rebuilt from copies of its input files (the store's blobs for `runs verify`, a
/// shard plan's folder for `shard run` and `shard merge`), each shown under the path the
/// original run recorded, so results.json, the findings and the manifest read as before.
public struct ReplayedInput {
    public var role: String
    /// Where the copy is on this machine.
    public var path: String
    /// The path the original run recorded.
    public var shownAs: String

    public init(role: String, path: String, shownAs: String) {
        self.role = role
        self.path = path
        self.shownAs = shownAs
    }
}

extension RunJob {
    /// The job that reads `inputs` in place of the files the original run read, with its
    /// parameters; the inputs' roles say what each file is, as `RunInputs.resolve` named them.
    public static func replaying(_ inputs: [ReplayedInput], parameters: RunParameters, threads: Int,
                                 outDirectory: String?, store: RunStore?, label: String) throws -> RunJob {
        var display: [String: String] = [:]
        var byRole: [String: [String]] = [:]
        for input in inputs {
            display[input.path] = input.shownAs
            byRole[input.role, default: []].append(input.path)
        }
        guard let portfolio = byRole["portfolio"]?.first, let balanceSheet = byRole["balance_sheet"]?.first else {
            throw UsageError(message: "\(label) has no portfolio or balance sheet among its inputs")
        }
        var frameworks: [Framework: String] = [:]
        for path in byRole["framework"] ?? [] { frameworks[try FrameworkFile.load(path: path).framework] = path }
        let template = byRole["report_template"]?.first
        var tables: [String: String] = [:]
        for path in byRole["risk_weights"] ?? [] {
            tables[URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent] = path
        }
        var regulatory: [String: String] = [:]
        for path in byRole["regulatory_template"] ?? [] {
            regulatory[URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent] = path
        }
        var environment = RunEnvironment(frameworkFile: { frameworks[$0] }, liquidityTable: byRole["liquidity_rates"]?.first,
                                         marketFactors: byRole["market_factors"]?.first,
                                         template: { _ in template }, publishedOutcomes: byRole["published_outcomes"]?.first,
                                         riskWeightTable: { tables[$0] })
        // The supervisory templates as they were when the run was made.
        environment.regulatoryTemplate = { regulatory[$0] }
        var job = RunJob(portfolioPath: portfolio, balanceSheetPath: balanceSheet, scenarioPaths: byRole["scenario"] ?? [],
                         pack: parameters.pack, asOf: parameters.asOf, seed: parameters.seed, threads: threads,
                         outDirectory: outDirectory, paths: parameters.paths, store: store, environment: environment,
                         displayPath: display, skip: try SkippedAnalysis.parse(parameters.skip ?? []))
        job.pdModelPath = byRole["pd_model"]?.first
        job.pdValidationSamplePath = byRole["pd_validation_sample"]?.first
        job.pdValidationThresholdsPath = byRole["pd_validation_thresholds"]?.first
        return job
    }
}
