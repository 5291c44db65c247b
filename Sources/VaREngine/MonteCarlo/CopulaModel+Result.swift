import RiskMath
import StressCore

extension CopulaModel {
    /// Estimates, tail allocations and analytic figures from the main pass.
    func result(_ main: MainPass, threads: Int) throws(VaRError) -> VaRResult {
        let levels = configuration.confidenceLevels
        let headline = levels.count - 1
        let sample = LossSample(losses: main.losses, weights: main.weights)
        let asrf = ASRFPortfolio(pd: pd, lgd: lgd, ead: ead, rho: rho)
        let expectedLoss = asrf.expectedLoss

        // Moments (self-normalised weights under importance sampling).
        let losses = main.losses, weights = main.weights
        let moments = CentralMoments(count: losses.count, value: { losses[$0] },
                                     weight: weights.map { w in { w[$0] } })
        let sd = moments.m2.squareRoot()

        var levelFigures: [VaRResult.Level] = []
        var windows: [TailWindow] = []
        for q in levels {
            let v = sample.valueAtRisk(confidence: q)
            let es = sample.expectedShortfall(confidence: q)
            let half = (1 - q) / 2
            windows.append(TailWindow(valueAtRisk: v, low: sample.valueAtRisk(confidence: q - half),
                                      high: sample.valueAtRisk(confidence: min(q + half, 1))))
            let parametric = try? VaREstimators.parametricVaR(expectedLoss: moments.mean, lossStandardDeviation: sd,
                                                              confidence: q)
            let cornishFisher = try? VaREstimators.cornishFisherVaR(
                expectedLoss: moments.mean, lossStandardDeviation: sd, skewness: moments.skewness,
                excessKurtosis: moments.excessKurtosis, confidence: q)
            levelFigures.append(VaRResult.Level(
                confidence: q, valueAtRisk: v, expectedShortfall: es, unexpectedLoss: max(v - expectedLoss, 0),
                varStandardError: sample.valueAtRiskStandardError(confidence: q).finiteOrNil,
                esStandardError: sample.expectedShortfallStandardError(confidence: q).finiteOrNil,
                parametricVaR: parametric?.finiteOrNil, cornishFisherVaR: cornishFisher?.finiteOrNil))
        }

        let tail = tailSums(main: main, windows: windows, threads: threads)
        if let path = tail.unreproduced {
            throw VaRError("path \(path) did not reproduce its loss in the tail pass: its batch was simulated by "
                + "another build of the engine or another maths library")
        }
        let headlineVaR = levelFigures[headline].valueAtRisk

        /// Tail allocation of flat level k at the headline level.
        func allocation(_ k: Int) -> VaRResult.Allocation {
            let esMass = tail.esMass[headline], windowLoss = tail.windowLoss[headline]
            return VaRResult.Allocation(
                valueAtRisk: windowLoss > 0 ? (headlineVaR * tail.windowSum[headline][k] / windowLoss).finiteOrNil : nil,
                expectedShortfall: esMass > 0 ? (tail.esSum[headline][k] / esMass).finiteOrNil : nil)
        }
        func allocations(_ d: Int) -> [String: VaRResult.Allocation] {
            var out: [String: VaRResult.Allocation] = [:]
            for (j, name) in dimensions.names[d].enumerated() { out[name] = allocation(dimensions.offsets[d] + j) }
            return out
        }

        // Analytic figures.
        let asrfVaR = levels.map { asrf.valueAtRisk(confidence: $0) }
        let ga = levels.map { asrf.granularityAdjustment(confidence: $0) }
        let analytic = VaRResult.AnalyticFigures(
            model: "vasicek_asrf", expectedLoss: expectedLoss, valueAtRisk: asrfVaR,
            unexpectedLoss: asrfVaR.map { max($0 - expectedLoss, 0) },
            economicCapital: asrfVaR.map { max($0 - expectedLoss, 0) }, granularityAdjustment: ga,
            valueAtRiskWithGranularity: zip(asrfVaR, ga).map { $0 + $1 })

        let bySegment = segmentFigures(main: main, sample: sample, asrf: asrf, moments: moments,
                                       headlineVaR: headlineVaR, allocation: allocation)
        let monteCarlo = VaRResult.MonteCarloSummary(
            meanLoss: moments.mean, meanLossStandardError: meanStandardError(main).finiteOrNil,
            standardDeviation: sd, skewness: moments.skewness.finiteOrNil,
            excessKurtosis: moments.excessKurtosis.finiteOrNil,
            minimumLoss: sample.sortedLosses.first ?? 0, maximumLoss: sample.sortedLosses.last ?? 0,
            buckets: plan.bucketCount)
        let head = levelFigures[headline]
        let methodDegrees: Double?
        if case .studentT(let nu) = configuration.method { methodDegrees = nu } else { methodDegrees = nil }
        let correlationName: String
        switch configuration.correlation {
        case .basel: correlationName = "basel"
        case .constant: correlationName = "constant"
        }
        return VaRResult(
            method: configuration.method.name, degreesOfFreedom: methodDegrees, paths: configuration.paths,
            seed: configuration.seed, antithetic: configuration.antithetic, importanceShift: shift,
            importanceFraction: shift == nil ? nil : configuration.importanceFraction,
            correlation: correlationName, factors: structure.factorNames, obligors: pd.count,
            simulatedObligors: plan.obligorCount + plan.certainRows.count, totalEAD: asrf.totalEAD,
            confidence: head.confidence, expectedLoss: expectedLoss, valueAtRisk: head.valueAtRisk,
            expectedShortfall: head.expectedShortfall, unexpectedLoss: head.unexpectedLoss,
            varStandardError: head.varStandardError, esStandardError: head.esStandardError,
            levels: levelFigures, monteCarlo: monteCarlo, analytic: analytic, bySegment: bySegment,
            contributions: VaRResult.Contributions(
                method: "euler_var_window_and_es_tail", confidence: head.confidence,
                byAssetClass: allocations(AllocationDimensions.assetClass).filter { _, a in
                    (a.expectedShortfall ?? 0) != 0 || (a.valueAtRisk ?? 0) != 0
                },
                bySector: allocations(AllocationDimensions.sector),
                byCountry: allocations(AllocationDimensions.country)),
            distribution: LossHistogram(sample: sample, upper: 1.25 * (levelFigures.map(\.expectedShortfall).max() ?? 0)))
    }

    /// Standard error of the Monte Carlo mean loss: sd(w·L)/√n, over antithetic pair means
    /// when pairs are used.
    func meanStandardError(_ main: MainPass) -> Double {
        let losses = main.losses
        let n = losses.count
        func term(_ p: Int) -> Double { (main.weights?[p] ?? 1) * losses[p] }
        var values: [Double] = []
        if configuration.antithetic {
            var p = 0
            while p + 1 < n {
                values.append((term(p) + term(p + 1)) / 2)
                p += 2
            }
            if p < n { values.append(term(p)) }
        } else {
            values = (0..<n).map(term)
        }
        let m = CentralMoments(values)
        return (m.m2 / Double(values.count)).squareRoot()
    }

    /// Figures per segment at the headline confidence.
    func segmentFigures(main: MainPass, sample: LossSample, asrf: ASRFPortfolio, moments: CentralMoments,
                        headlineVaR: Double, allocation: (Int) -> VaRResult.Allocation) -> [String: VaRResult.SegmentFigures] {
        let names = dimensions.names[AllocationDimensions.segment]
        let s = names.count
        let headlineConfidence = configuration.headlineConfidence
        var obligors = [Int](repeating: 0, count: s)
        var segmentEAD = [Double](repeating: 0, count: s)
        var segmentEL = [Double](repeating: 0, count: s)
        var segmentASRF = [Double](repeating: 0, count: s)
        for i in 0..<pd.count {
            let k = dimensions.exposureLevel[AllocationDimensions.segment][i]
            obligors[k] += 1
            segmentEAD[k] += ead[i]
            segmentEL[k] += pd[i] * lgd[i] * ead[i]
            segmentASRF[k] += asrf.varContribution(i, confidence: headlineConfidence)
        }

        // Covariance Euler (component) VaR, marginal VaR per unit EAD.
        var componentVaR = [Double?](repeating: nil, count: s)
        var marginalVaR = [Double?](repeating: nil, count: s)
        var segmentSD = [Double?](repeating: nil, count: s)
        var correlation = [Double?](repeating: nil, count: s)
        var portfolioSD = moments.m2.squareRoot()
        if let sum = main.segmentSum, let square = main.segmentSquare, let cross = main.segmentCross, !main.losses.isEmpty {
            let w = Double(main.losses.count)  // unbiased importance-sampling means: Σ w·x / n
            let meanDeviation = moments.mean - main.center
            var stds: [Double] = [], covariances: [Double] = []
            for k in 0..<s {
                let mean = sum[k] / w
                let variance = max(square[k] / w - mean * mean, 0)
                covariances.append(cross[k] / w - mean * meanDeviation)
                stds.append(variance.squareRoot())
            }
            // The portfolio variance as the sum of the segment covariances (Σ_k Cov(L_k, L) =
            // Var L), so the components add up to the VaR exactly. Under importance sampling
            // the segment moments are unbiased (÷ n) while `moments` is self-normalised (÷ Σw);
            // mixing the two left the components 0.03% off the VaR.
            let summed = covariances.reduce(0, +)
            if summed > 0 { portfolioSD = summed.squareRoot() }
            let rhos = (0..<s).map { k in stds[k] > 0 && portfolioSD > 0 ? covariances[k] / (stds[k] * portfolioSD) : 0 }
            if let components = try? VaREstimators.componentVaR(
                portfolioVaR: headlineVaR, portfolioStandardDeviation: portfolioSD,
                exposureStandardDeviations: stds, correlationsWithPortfolio: rhos) {
                for k in 0..<s {
                    componentVaR[k] = components[k].finiteOrNil
                    segmentSD[k] = stds[k].finiteOrNil
                    correlation[k] = rhos[k].finiteOrNil
                    if segmentEAD[k] > 0 {
                        marginalVaR[k] = VaREstimators.marginalVaR(
                            portfolioVaR: headlineVaR, portfolioStandardDeviation: portfolioSD,
                            contributionToStandardDeviation: stds[k] * rhos[k] / segmentEAD[k]).finiteOrNil
                    }
                }
            }
        }

        // Incremental VaR: the same paths without the segment's losses.
        var incremental = [Double?](repeating: nil, count: s)
        if let matrix = main.segmentMatrix {
            let n = main.losses.count
            for k in 0..<s {
                var without = [Double](repeating: 0, count: n)
                for p in 0..<n { without[p] = main.losses[p] - matrix[p * s + k] }
                let reduced = LossSample(losses: without, weights: main.weights)
                incremental[k] = (headlineVaR - reduced.valueAtRisk(confidence: headlineConfidence)).finiteOrNil
            }
        }

        var out: [String: VaRResult.SegmentFigures] = [:]
        for k in 0..<s {
            let tail = allocation(dimensions.offsets[AllocationDimensions.segment] + k)
            out[names[k]] = VaRResult.SegmentFigures(
                obligors: obligors[k], ead: segmentEAD[k], expectedLoss: segmentEL[k], asrfVaR: segmentASRF[k],
                varContribution: tail.valueAtRisk, esContribution: tail.expectedShortfall,
                componentVaR: componentVaR[k], marginalVaR: marginalVaR[k], incrementalVaR: incremental[k],
                lossStandardDeviation: segmentSD[k], correlationWithPortfolio: correlation[k])
        }
        return out
    }
}
