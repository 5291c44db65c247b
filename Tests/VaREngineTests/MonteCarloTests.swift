import XCTest
import RiskMath
import StressCore
import TestSupport
@testable import VaREngine

/// Statistical and reproducibility tests of the copula simulator (METHODOLOGY §6–7).
/// Sizes are kept small so that debug builds finish in seconds; bounds are 3–4.5 standard
/// errors, with fixed seeds, so the tests are deterministic.
final class MonteCarloTests: XCTestCase {
    /// A large homogeneous book: the Monte Carlo 99.9% VaR agrees with the Vasicek quantile
    /// plus the granularity adjustment within three of its standard errors, both plain and
    /// importance-sampled.
    func testHomogeneousPortfolioMatchesVasicek() throws {
        let n = 500.0
        let portfolio = PortfolioFixtures.homogeneous(Int(n))
        let asrf = try Vasicek.lossQuantile(pd: 0.01, rho: 0.12, lgd: 0.45, confidence: 0.999) * n
        for sampling in [ImportanceSampling.none, .automatic] {
            let configuration = VaRConfiguration(paths: sampling == .none ? 8_000 : 2_000, seed: 11,
                                                 confidenceLevels: [0.99, 0.999], importanceSampling: sampling,
                                                 correlation: .constant(0.12))
            let result = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
            XCTAssertEqual(result.analytic.valueAtRisk[1], asrf, accuracy: 1e-9 * asrf)
            let target = result.analytic.valueAtRiskWithGranularity[1]
            let se = try XCTUnwrap(result.varStandardError)
            XCTAssertGreaterThan(se, 0)
            XCTAssertLessThan(abs(result.valueAtRisk - target), 3 * se,
                              "\(sampling): MC \(result.valueAtRisk) ± \(se) vs ASRF+GA \(target)")
            XCTAssertEqual(result.monteCarlo.meanLoss, 0.01 * 0.45 * n, accuracy: 4 * result.monteCarlo.meanLossStandardError!,
                           "\(sampling)")
            // Importance sampling makes the 99.9% estimate several times more precise per path.
            if sampling == .automatic { XCTAssertLessThan(se / target, 0.02) }
        }
    }

    /// Importance-sampled and plain estimates of VaR and ES agree within their combined
    /// errors on a mixed book (Basel correlations, five segments).
    func testImportanceSamplingAgreesWithPlainSampling() throws {
        let portfolio = PortfolioFixtures.mixed(150)
        var configuration = VaRConfiguration(paths: 8_000, seed: 5, confidenceLevels: [0.99, 0.999])
        let plain = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
        configuration.paths = 2_000
        configuration.importanceSampling = .automatic
        let sampled = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
        for (a, b) in zip(plain.levels, sampled.levels) {
            let varError = (pow(a.varStandardError!, 2) + pow(b.varStandardError!, 2)).squareRoot()
            XCTAssertLessThan(abs(a.valueAtRisk - b.valueAtRisk), 3 * varError, "VaR \(a.confidence)")
            let esError = (pow(a.esStandardError!, 2) + pow(b.esStandardError!, 2)).squareRoot()
            XCTAssertLessThan(abs(a.expectedShortfall - b.expectedShortfall), 3 * esError, "ES \(a.confidence)")
        }
    }

    /// Every obligor defaults with its PD (the thinning draws are exact), for each copula.
    func testEachObligorDefaultsWithItsProbability() throws {
        let portfolio = PortfolioFixtures.mixed(30)
        let paths = 4_000
        for method in [VaRMethod.singleFactor, .studentT(degreesOfFreedom: 4), .multiFactor(.standard)] {
            for sampling in [ImportanceSampling.none, .automatic] {
                let model = try CopulaModel(portfolio: portfolio,
                                            configuration: VaRConfiguration(method: method, paths: paths, seed: 3,
                                                                            antithetic: true, importanceSampling: sampling))
                var counts = [Double](repeating: 0, count: model.plan.obligorCount)
                var squares = counts
                var weightSum = 0.0, weightSquares = 0.0
                var workspace = PathWorkspace(factorCount: model.kernel.factorCount, groupCount: model.kernel.groupCount)
                defer { workspace.deallocate() }
                for path in 0..<paths {
                    var recorder = CountingRecorder()
                    let outcome = model.kernel.simulate(path: path, workspace: &workspace, recorder: &recorder)
                    let w = exp(outcome.logWeight)
                    weightSum += w
                    weightSquares += w * w
                    for j in recorder.defaults {
                        counts[j] += w
                        squares[j] += w * w
                    }
                }
                var worst = 0.0
                for j in 0..<model.plan.obligorCount {
                    let pd = model.pd[Int(model.plan.row[j])]
                    let n = Double(paths)
                    let frequency = counts[j] / n
                    // The estimator's own standard error, sd(w·1{default})/√n, with the
                    // binomial one as a floor (antithetic pairs are not independent).
                    let error = max((max(squares[j] / n - frequency * frequency, 0) / n).squareRoot(),
                                    (pd * (1 - pd) / n).squareRoot())
                    worst = max(worst, abs(frequency - pd) / error)
                }
                XCTAssertLessThan(worst, 4.5, "\(method) \(sampling)")
                let n = Double(paths), meanWeight = weightSum / n
                XCTAssertEqual(meanWeight, 1, accuracy: 4 * ((weightSquares / n - meanWeight * meanWeight) / n).squareRoot())
            }
        }
    }

    /// 1, 2 and 8 threads give the same loss vector to the bit, and the same results bytes.
    func testThreadCountDoesNotChangeAnything() throws {
        let portfolio = PortfolioFixtures.mixed(80)
        let configurations = [
            VaRConfiguration(paths: 1_000, seed: 9),
            VaRConfiguration(method: .multiFactor(.standard), paths: 800, seed: 9, antithetic: true,
                             importanceSampling: .automatic),
            VaRConfiguration(method: .studentT(degreesOfFreedom: 5), paths: 513, seed: 10, antithetic: true),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for configuration in configurations {
            let one = try CreditVaR.simulateLosses(portfolio: portfolio, configuration: configuration, threads: 1)
            for threads in [2, 8] {
                let other = try CreditVaR.simulateLosses(portfolio: portfolio, configuration: configuration, threads: threads)
                XCTAssertEqual(one.losses.map(\.bitPattern), other.losses.map(\.bitPattern), "\(threads) threads")
                XCTAssertEqual(one.weights?.map(\.bitPattern), other.weights?.map(\.bitPattern))
            }
            let a = try encoder.encode(CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 1))
            let b = try encoder.encode(CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 8))
            XCTAssertEqual(a, b, "\(configuration.method)")
        }
        var changed = configurations[0]
        changed.seed = 10
        XCTAssertNotEqual(try CreditVaR.simulateLosses(portfolio: portfolio, configuration: changed, threads: 2).losses,
                          try CreditVaR.simulateLosses(portfolio: portfolio, configuration: configurations[0], threads: 2).losses)
    }

    /// Allocations add up: ES contributions to ES, Euler VaR contributions and component
    /// VaR to VaR, in every dimension; ES ≥ VaR; higher confidence, higher VaR.
    func testAllocationsAddUp() throws {
        let portfolio = PortfolioFixtures.mixed(250)
        let result = try CreditVaR.run(portfolio: portfolio,
                                       configuration: VaRConfiguration(paths: 4_000, seed: 21, confidenceLevels: [0.99, 0.995]),
                                       threads: 2)
        let tolerance = 1e-9 * result.expectedShortfall
        let segments = result.bySegment.values
        XCTAssertEqual(Set(result.bySegment.keys), ["Corporates", "SME", "Mortgages", "Cards", "Consumer"])
        XCTAssertEqual(segments.compactMap(\.esContribution).reduce(0, +), result.expectedShortfall, accuracy: tolerance)
        XCTAssertEqual(segments.compactMap(\.varContribution).reduce(0, +), result.valueAtRisk, accuracy: tolerance)
        XCTAssertEqual(segments.compactMap(\.componentVaR).reduce(0, +), result.valueAtRisk, accuracy: tolerance)
        XCTAssertEqual(segments.map(\.asrfVaR).reduce(0, +), result.analytic.valueAtRisk[1], accuracy: tolerance)
        XCTAssertEqual(segments.map(\.expectedLoss).reduce(0, +), result.expectedLoss, accuracy: tolerance)
        XCTAssertEqual(segments.map(\.obligors).reduce(0, +), 250)
        for dimension in [result.contributions.bySector, result.contributions.byCountry, result.contributions.byAssetClass] {
            XCTAssertEqual(dimension.values.compactMap(\.expectedShortfall).reduce(0, +), result.expectedShortfall, accuracy: tolerance)
            XCTAssertEqual(dimension.values.compactMap(\.valueAtRisk).reduce(0, +), result.valueAtRisk, accuracy: tolerance)
        }
        XCTAssertEqual(Set(result.contributions.byCountry.keys), ["DE", "FR", "IT"])
        for segment in segments {
            XCTAssertNotNil(segment.incrementalVaR)
            XCTAssertLessThanOrEqual(segment.incrementalVaR!, result.valueAtRisk)
        }
        XCTAssertGreaterThanOrEqual(result.expectedShortfall, result.valueAtRisk)
        XCTAssertGreaterThan(result.levels[1].valueAtRisk, result.levels[0].valueAtRisk)
        XCTAssertEqual(result.unexpectedLoss, result.valueAtRisk - result.expectedLoss, accuracy: 1e-9)
        // The PD-1 exposure (row 4) loses its LGD·EAD on every path.
        XCTAssertGreaterThanOrEqual(result.monteCarlo.minimumLoss, portfolio.lgd[4] * portfolio.ead[4])
    }

    /// Tail dependence: at 99.9% a t copula with ν = 4 has a markedly larger VaR than the
    /// Gaussian copula with the same correlations, while both keep the same mean loss.
    func testStudentTHasHeavierTail() throws {
        let portfolio = PortfolioFixtures.homogeneous(250, pd: 0.02)
        var configuration = VaRConfiguration(paths: 4_000, seed: 4, confidenceLevels: [0.999],
                                             correlation: .constant(0.12))
        let gaussian = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
        configuration.method = .studentT(degreesOfFreedom: 4)
        let student = try CreditVaR.run(portfolio: portfolio, configuration: configuration, threads: 2)
        XCTAssertGreaterThan(student.valueAtRisk, 1.3 * gaussian.valueAtRisk)
        XCTAssertEqual(student.monteCarlo.meanLoss, student.expectedLoss, accuracy: 4 * student.monteCarlo.meanLossStandardError!)
        XCTAssertEqual(student.degreesOfFreedom, 4)
        XCTAssertEqual(student.method, "student_t")
    }

    /// Multi-factor loadings: R² per exposure equals its ρ; the factors are the global,
    /// sector and country ones; with the whole systematic variance on the global factor the
    /// model is the single-factor one (same VaR within the errors).
    func testMultiFactorStructure() throws {
        let portfolio = PortfolioFixtures.mixed(200)
        let configuration = VaRConfiguration(method: .multiFactor(.standard), paths: 4_000)
        let (names, loadings) = try CreditVaR.factorLoadings(portfolio: portfolio, configuration: configuration)
        XCTAssertEqual(Set(names.filter { $0.hasPrefix("country:") }), ["country:DE", "country:FR", "country:IT"])
        XCTAssertTrue(names.contains("sector:Households"))
        XCTAssertEqual(names.first, "global")
        XCTAssertEqual(names.count, 1 + Set(portfolio.sector.levels).count + 3)
        let model = try CopulaModel(portfolio: portfolio, configuration: configuration)
        for i in 0..<portfolio.count {
            let r2 = (0..<names.count).reduce(0.0) { $0 + pow(loadings[i * names.count + $1], 2) }
            XCTAssertEqual(r2, model.rho[i], accuracy: 1e-12)
        }

        let homogeneous = PortfolioFixtures.mixed(150)
        var global = VaRConfiguration(method: .multiFactor(MultiFactorSpecification(globalShare: 1, sectorShare: 0, countryShare: 0)),
                                      paths: 6_000, seed: 8, confidenceLevels: [0.99])
        let multi = try CreditVaR.run(portfolio: homogeneous, configuration: global, threads: 2)
        global.method = .singleFactor
        global.seed = 12
        let single = try CreditVaR.run(portfolio: homogeneous, configuration: global, threads: 2)
        let error = (pow(multi.varStandardError!, 2) + pow(single.varStandardError!, 2)).squareRoot()
        XCTAssertLessThan(abs(multi.valueAtRisk - single.valueAtRisk), 3.5 * error)

        // A factor correlation matrix of the right size is accepted; a wrong one is refused.
        let k = names.count
        var identity = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k { identity[i][i] = 1 }
        let withCorrelation = VaRConfiguration(method: .multiFactor(MultiFactorSpecification(factorCorrelation: identity)), paths: 10)
        XCTAssertEqual(try CreditVaR.factorLoadings(portfolio: portfolio, configuration: withCorrelation).loadings, loadings)
        // Correlated sector factors: the named loadings still give wᵀΣw = ρ, and the simulated
        // directions are unit vectors.
        var correlated = identity
        let sectors = (0..<k).filter { names[$0].hasPrefix("sector:") }
        for a in sectors { for b in sectors where a != b { correlated[a][b] = 0.3 } }
        let correlatedConfiguration = VaRConfiguration(
            method: .multiFactor(MultiFactorSpecification(factorCorrelation: correlated)), paths: 10)
        let named = try CreditVaR.factorLoadings(portfolio: portfolio, configuration: correlatedConfiguration).loadings
        for i in 0..<portfolio.count {
            var quadratic = 0.0
            for a in 0..<k { for b in 0..<k { quadratic += named[i * k + a] * correlated[a][b] * named[i * k + b] } }
            XCTAssertEqual(quadratic, model.rho[i], accuracy: 1e-12)
        }
        let structure = try CopulaModel(portfolio: portfolio, configuration: correlatedConfiguration).structure
        for g in 0..<structure.groupCount {
            XCTAssertEqual(structure.direction(ofGroup: g).reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-12)
        }
        let wrong = VaRConfiguration(method: .multiFactor(MultiFactorSpecification(factorCorrelation: [[1]])), paths: 10)
        XCTAssertThrowsError(try CreditVaR.run(portfolio: portfolio, configuration: wrong, threads: 1))
    }

    /// Antithetic pairs share the systematic draw with opposite signs.
    func testAntitheticPairs() throws {
        let model = try CopulaModel(portfolio: PortfolioFixtures.mixed(20),
                                    configuration: VaRConfiguration(method: .multiFactor(.standard), paths: 4, antithetic: true))
        var workspace = PathWorkspace(factorCount: model.kernel.factorCount, groupCount: model.kernel.groupCount)
        defer { workspace.deallocate() }
        var recorder = NoRecording()
        _ = model.kernel.simulate(path: 6, workspace: &workspace, recorder: &recorder)
        let even = Array(workspace.factors[0..<model.kernel.factorCount])
        _ = model.kernel.simulate(path: 7, workspace: &workspace, recorder: &recorder)
        XCTAssertEqual(Array(workspace.factors[0..<model.kernel.factorCount]), even.map { -$0 })
    }

    func testProgressAndValidation() throws {
        let portfolio = PortfolioFixtures.homogeneous(50)
        let seen = ProgressLog()
        _ = try CreditVaR.run(portfolio: portfolio, configuration: VaRConfiguration(paths: 5_000), threads: 2) { seen.append($0) }
        XCTAssertEqual(seen.values.last, 5_000)
        XCTAssertEqual(seen.values, seen.values.sorted())
        XCTAssertEqual(seen.values.count, 5)

        for bad in [VaRConfiguration(paths: 1), VaRConfiguration(confidenceLevels: [1.0]),
                    VaRConfiguration(method: .studentT(degreesOfFreedom: 0)),
                    VaRConfiguration(importanceSampling: .shift([1, 2])),
                    VaRConfiguration(correlation: .constant(1)),
                    VaRConfiguration(method: .multiFactor(MultiFactorSpecification(globalShare: 0.5, sectorShare: 0.6, countryShare: 0)))] {
            XCTAssertThrowsError(try CreditVaR.run(portfolio: portfolio, configuration: bad, threads: 1))
        }
    }

    /// An empty or loss-free book gives zeros, not NaN, and encodes.
    func testDegenerateBooks() throws {
        var empty = Portfolio()
        empty.reserveCapacity(0)
        let zero = try CreditVaR.run(portfolio: empty, configuration: VaRConfiguration(paths: 100), threads: 1)
        XCTAssertEqual(zero.valueAtRisk, 0)
        XCTAssertEqual(zero.expectedShortfall, 0)
        XCTAssertNil(zero.monteCarlo.skewness)
        XCTAssertNoThrow(try JSONEncoder().encode(zero))
        let certain = try CreditVaR.run(portfolio: PortfolioFixtures.homogeneous(3, pd: 1), configuration: VaRConfiguration(paths: 100), threads: 1)
        XCTAssertEqual(certain.valueAtRisk, 1.35, accuracy: 1e-12)
        XCTAssertNoThrow(try JSONEncoder().encode(certain))
    }
}

/// Collects the defaults of one path.
struct CountingRecorder: DefaultRecorder {
    var defaults: [Int] = []
    mutating func record(_ position: Int) { defaults.append(position) }
}

/// Progress values, collected from worker threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int] = []
    func append(_ value: Int) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return storage }
}
