#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath
import StressCore

/// Credit VaR, expected shortfall and economic capital of a portfolio by Monte Carlo
/// simulation of a Gaussian or Student-t copula, with the analytic Vasicek figures beside
/// them (METHODOLOGY §6).
///
/// The model (`VaRMethod`): exposure i defaults when A_i < c_i, A_i = √ρ_i·Y_g(i) +
/// √(1 − ρ_i)·ε_i (times √(ν/W) for Student-t), c_i = Φ⁻¹(PD_i) (t_ν⁻¹(PD_i)), ρ_i the
/// Basel IRB correlation of its asset class and PD (or a constant), Y_g the composite
/// factor of its sector/country group (one factor for single-factor and Student-t).
/// Loss = Σ default_i·LGD_i·EAD_i. PD ≤ 0 never defaults, PD ≥ 1 always does (the seed's
/// simulators instead floor PD at 1e-10).
///
/// How it runs:
/// 1. *Plan*: thresholds, loadings and buckets (`CopulaPlan`), O(obligors) memory.
/// 2. *Pass 1*: paths in fixed blocks of 1 024 (`parallelMap`); each path's loss (and
///    likelihood ratio) is written to its slot of one O(paths) vector; per block, sums of
///    segment losses for covariances. Each path depends only on (seed, path), so the
///    loss vector is bit-identical on 1, 2 or 64 threads, and block sums are reduced in
///    block order. Memory: O(obligors + paths), plus paths × segments doubles only when
///    incremental VaR by segment is kept (`incrementalVaRCellLimit`), and each path's
///    losses by level while paths × levels fits four times that limit (in batches of paths
///    that each fit it), so that pass 4 reads them.
/// 3. *Estimates*: VaR, ES and their standard errors (`LossSample`); moments, parametric
///    and Cornish-Fisher VaR.
/// 4. *Pass 2*: the paths with loss ≥ the lowest VaR window, read back from pass 1's level
///    losses or, where those were not kept, recomputed (their random numbers are
///    addressable), with their losses split by segment, asset class, sector
///    and country: ES contributions E[L_s | L ≥ VaR] (summing to ES) and Euler VaR
///    contributions E[L_s | L ≈ VaR] from the paths whose losses lie between the quantiles
///    at q ± (1 − q)/2, scaled to sum to VaR (Tasche 2000; both importance-weighted). That
///    is about 1.5·(1 − q_min) of the paths without importance sampling, and about half of
///    them with it (the shift sends half the paths into the tail).
/// 5. *Analytic*: the ASRF VaR, UL, EC and granularity adjustment of the same exposures.
///
/// Per segment the result also has the covariance (parametric Euler) component VaR
/// VaR·Cov(L_s, L)/σ², the marginal VaR per unit of EAD, and the incremental VaR
/// VaR(L) − VaR(L − L_s) on the same paths (when the paths × segments matrix fits the
/// configured limit). Under importance sampling, means and moments use the likelihood
/// ratios divided by the number of paths (unbiased); the defensive mixture keeps those
/// ratios bounded, so these figures stay usable, but the estimators are built for the tail.
///
/// Random numbers: Philox4x32-10 keyed by the seed, one counter stream per path
/// (`PathKernel`); defaults are drawn exactly, conditionally on the factors, by thinning
/// over buckets of obligors (`CopulaPlan`), so the work per path grows with the number of
/// defaults rather than the number of obligors.
public enum CreditVaR {
    /// Runs the model and every estimator.
    ///
    /// - Parameters:
    ///   - portfolio: the exposures (PD, LGD, EAD, asset class, segment, sector, country;
    ///     `turnoverEURm` for the SME correlation).
    ///   - threads: workers (results do not depend on it).
    ///   - progress: called with the number of paths done so far, from worker threads,
    ///     serialised, after each block of 1 024 paths of the main pass.
    /// - Throws: `VaRError` for a setting out of range (`VaRConfiguration.validate`).
    public static func run(portfolio: Portfolio, configuration: VaRConfiguration, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(VaRError) -> VaRResult {
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        let main = model.simulate(threads: threads, keepSegmentMatrix: true, progress: progress)
        return try model.result(main, threads: threads)
    }

    /// Pass 1 over `paths` only, for a shard of a sharded run: a range starting on a block
    /// boundary (a multiple of `pathBlockSize`) within the configuration's paths. Every path
    /// depends only on (seed, path), and the batch keeps each block's own sums, so
    /// `result(batches:)` over batches covering every path gives `run`'s result to the bit.
    public static func simulate(portfolio: Portfolio, configuration: VaRConfiguration, paths: Range<Int>, threads: Int,
                                progress: (@Sendable (Int) -> Void)? = nil) throws(VaRError) -> VaRPathBatch {
        guard paths.lowerBound >= 0, paths.lowerBound % pathBlockSize == 0, paths.upperBound <= configuration.paths,
              !paths.isEmpty else {
            throw VaRError("paths must be a non-empty range starting on a multiple of \(pathBlockSize) within "
                + "0..<\(configuration.paths), got \(paths)")
        }
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        return VaRPathBatch(part: model.simulate(paths: paths, threads: threads, keepSegmentMatrix: true,
                                                 progress: progress))
    }

    /// `run`'s result from batches of pass 1 (`simulate(paths:)`) that cover every path, in
    /// order; the estimates and the tail pass run here, on the whole book.
    public static func result(portfolio: Portfolio, configuration: VaRConfiguration, batches: [VaRPathBatch],
                              threads: Int) throws(VaRError) -> VaRResult {
        var next = 0
        for batch in batches {
            guard batch.paths.lowerBound == next else {
                throw VaRError("path batches must cover 0..<\(configuration.paths) in order: "
                    + "expected one starting at \(next), got \(batch.paths)")
            }
            next = batch.paths.upperBound
        }
        guard next == configuration.paths else {
            throw VaRError("path batches cover 0..<\(next), expected 0..<\(configuration.paths)")
        }
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        for batch in batches {
            let part = batch.part, n = part.paths.count
            guard part.losses.count == n, part.weights.map({ $0.count == n }) ?? (model.shift == nil),
                  part.blocks.count == (n + CopulaModel.mainBlockSize - 1) / CopulaModel.mainBlockSize else {
                throw VaRError("the batch of paths \(part.paths) is not of this model (its sizes do not match)")
            }
        }
        return try model.result(model.assemble(batches.map(\.part)), threads: threads)
    }

    /// Paths per block of pass 1: batches of a sharded run start on its multiples.
    public static var pathBlockSize: Int { CopulaModel.mainBlockSize }

    /// `paths` in `count` batches on the blocks of pass 1, as even as the blocks allow (never
    /// more batches than blocks): the ranges `simulate(paths:)` takes.
    public static func pathBatches(paths: Int, count: Int) -> [Range<Int>] {
        let block = pathBlockSize
        let blocks = (paths + block - 1) / block
        let batches = max(1, min(count, blocks))
        return (0..<batches).map { b in
            (blocks * b / batches * block)..<min(blocks * (b + 1) / batches * block, paths)
        }
    }

    /// The simulated loss of every path (and its likelihood ratio under importance
    /// sampling), in path order: the raw material of `run`, for tests and benchmarks.
    public static func simulateLosses(portfolio: Portfolio, configuration: VaRConfiguration, threads: Int,
                                      progress: (@Sendable (Int) -> Void)? = nil) throws(VaRError) -> SimulatedLosses {
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        let main = model.simulate(threads: threads, keepSegmentMatrix: false, progress: progress)
        return SimulatedLosses(losses: main.losses, weights: main.weights, factorNames: model.structure.factorNames,
                               importanceShift: model.shift, buckets: model.plan.bucketCount)
    }

    /// The factor loadings of the run's model, N × K row-major on `factorNames` — what the
    /// seed's `simulate_multi_factor` takes as `factor_loadings` for the same model.
    public static func factorLoadings(portfolio: Portfolio, configuration: VaRConfiguration) throws(VaRError)
        -> (factorNames: [String], loadings: [Double]) {
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        return (model.structure.factorNames, model.structure.loadingMatrix(rho: model.rho))
    }
}

/// Pass 1 over a range of paths (`CreditVaR.simulate(paths:)`): opaque but Codable, so a
/// shard can send it to the merge with every Double as it was.
public struct VaRPathBatch: Sendable, Codable {
    let part: MainPassPart
    public var paths: Range<Int> { part.paths }
}

/// Losses of every path in path order, with likelihood ratios under importance sampling.
public struct SimulatedLosses: Sendable, Equatable {
    public var losses: [Double]
    /// exp(−μ·ξ + |μ|²/2) per path; nil without importance sampling.
    public var weights: [Double]?
    public var factorNames: [String]
    public var importanceShift: [Double]?
    /// Buckets of the simulator's plan.
    public var buckets: Int
}
