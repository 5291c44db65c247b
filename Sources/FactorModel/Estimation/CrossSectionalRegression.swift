import RiskMath

/// Factor returns by cross-sectional weighted least squares, date by date (METHODOLOGY §5):
///
///     f̂_t = R·(Zᵀ W Z)⁻¹ Zᵀ W r_t,   Z = X_t·R,   W = diag(√cap_i)
///
/// where R imposes the cap-weighted industry (and country) constraints
/// (`ConstraintRestriction`). Dates that share an exposure snapshot and have every
/// return share one factorisation: their solutions are one dgemm, B = R_s·(W Z), then
/// Ĝ = B·(ZᵀWZ)⁻¹ and F = Ĝ·Rᵀ; residuals U = R_s − F·Xᵀ (dgemm). A date with missing
/// returns gets its own Z, R and dposv solve over the available assets.
///
/// Snapshots are processed in parallel blocks keyed by snapshot index, so the figures do
/// not depend on `threads` (with OpenBLAS itself on a fixed thread count).
public enum CrossSectionalRegression {
    static let stage = "cross-sectional regression"

    public static func estimate(_ panel: FactorPanel, threads: Int = 1) throws(FactorModelError) -> FactorReturns {
        let t = panel.dateCount, n = panel.assetCount, k = panel.factors.count
        guard k > 0, n > 0 else { throw FactorModelError(stage: stage, message: "no factors or no assets") }
        let returns = panel.returns.elements
        var grouped = [[Int]](repeating: [], count: panel.snapshots.count)
        for d in 0..<t { grouped[panel.snapshotOfDate[d]].append(d) }
        let datesOf = grouped

        let blocks = BlockPartition(count: panel.snapshots.count, blockSize: 1)
        let results = parallelMap(blocks: blocks, threads: threads) { range, _ -> Result<[DateSolution], FactorModelError> in
            do throws(FactorModelError) {
                var out: [DateSolution] = []
                for s in range {
                    out += try solveSnapshot(panel.snapshots[s], dates: datesOf[s], returns: returns, dateLabels: panel.dates)
                }
                return .success(out)
            } catch {
                return .failure(error)
            }
        }
        var values = [Double](repeating: 0, count: t * k)
        var residuals = [Double](repeating: .nan, count: t * n)
        var rSquared = [Double](repeating: 0, count: t)
        var observations = [Int](repeating: 0, count: t)
        var dropped = [[Int]](repeating: [], count: t)
        for result in results {
            let solutions: [DateSolution]
            switch result {
            case let .success(s): solutions = s
            case let .failure(error): throw error
            }
            for s in solutions {
                values.replaceSubrange((s.date * k)..<((s.date + 1) * k), with: s.factorReturns)
                residuals.replaceSubrange((s.date * n)..<((s.date + 1) * n), with: s.residuals)
                rSquared[s.date] = s.rSquared
                observations[s.date] = s.observations
                dropped[s.date] = s.dropped
            }
        }
        return FactorReturns(factors: panel.factors, dates: panel.dates,
                             values: makeMatrix(rows: t, columns: k, values),
                             residuals: makeMatrix(rows: t, columns: n, residuals),
                             rSquared: rSquared, observations: observations, droppedFactors: dropped)
    }

    struct DateSolution: Sendable {
        var date: Int
        var factorReturns: [Double]
        var residuals: [Double]
        var rSquared: Double
        var observations: Int
        var dropped: [Int]
    }

    /// The regression's fixed parts for one snapshot and one set of available assets.
    struct Setup {
        let restriction: ConstraintRestriction
        /// N × K': rows of Z = X·R scaled by the regression weight (0 for unavailable assets).
        let weightedDesign: Matrix
        /// K' × K': Zᵀ W Z.
        let normalMatrix: Matrix
        let weights: [Double]

        init(snapshot: ExposureSnapshot, available: [Bool]?, item: String) throws(FactorModelError) {
            let n = snapshot.assetCount, k = snapshot.factorCount
            var weights = [Double](repeating: 0, count: n)
            var caps = [Double](repeating: 0, count: n)
            for i in 0..<n where available?[i] ?? true {
                weights[i] = snapshot.marketCap[i].squareRoot()
                caps[i] = snapshot.marketCap[i]
            }
            let x = snapshot.exposures
            // c_j = Σ cap_i X_ij over the available assets.
            let dummyWeights = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) in
                var c = [Double](repeating: 0, count: k)
                try Matrix.gemv(x, transposeA: true, caps, into: &c)
                return c
            }
            let restriction = ConstraintRestriction.make(factors: snapshot.factors, dummyWeights: dummyWeights)
            let free = restriction.freeFactors.count
            guard free > 0 else { throw FactorModelError(stage: stage, item: item, message: "no factor to estimate") }
            let design = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) in try x * restriction.matrix }
            var scaled = design.elements
            for i in 0..<n {
                let w = weights[i]
                for a in 0..<free { scaled[i * free + a] *= w }
            }
            let weightedDesign = makeMatrix(rows: n, columns: free, scaled)
            let normal = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) in
                var m = Matrix(rows: free, columns: free)
                try Matrix.gemm(design, transposeA: true, weightedDesign, into: &m)
                return m
            }
            // Symmetrise exactly (BLAS may round the two triangles differently).
            var symmetric = normal.elements
            for a in 0..<free {
                for b in 0..<a {
                    let mean = 0.5 * (symmetric[a * free + b] + symmetric[b * free + a])
                    symmetric[a * free + b] = mean
                    symmetric[b * free + a] = mean
                }
            }
            self.restriction = restriction
            self.weightedDesign = weightedDesign
            self.normalMatrix = makeMatrix(rows: free, columns: free, symmetric)
            self.weights = weights
        }

        /// (ZᵀWZ)⁻¹ column by column (dposv); throws when the exposures are collinear.
        func inverseNormalMatrix(item: String) throws(FactorModelError) -> Matrix {
            let m = normalMatrix.rows
            var inverse = [Double](repeating: 0, count: m * m)
            for a in 0..<m {
                var unit = [Double](repeating: 0, count: m)
                unit[a] = 1
                let column = try solve(unit, item: item)
                for b in 0..<m { inverse[b * m + a] = column[b] }
            }
            return makeMatrix(rows: m, columns: m, inverse)
        }

        func solve(_ rhs: [Double], item: String) throws(FactorModelError) -> [Double] {
            do {
                return try normalMatrix.solvePositiveDefinite(rhs)
            } catch {
                throw FactorModelError(stage: stage, item: item,
                                       message: "the exposures are collinear beyond the industry/country constraints (\(error))")
            }
        }
    }

    static func solveSnapshot(_ snapshot: ExposureSnapshot, dates: [Int], returns: [Double],
                              dateLabels: [String]) throws(FactorModelError) -> [DateSolution] {
        let n = snapshot.assetCount
        var complete: [Int] = [], incomplete: [Int] = []
        for d in dates {
            if returns[(d * n)..<((d + 1) * n)].contains(where: { $0.isNaN }) { incomplete.append(d) } else { complete.append(d) }
        }
        var out: [DateSolution] = []
        if !complete.isEmpty {
            out += try solveComplete(snapshot, dates: complete, returns: returns, item: dateLabels[complete[0]])
        }
        for d in incomplete {
            out.append(try solveDate(snapshot, date: d, returns: returns, item: dateLabels[d]))
        }
        return out
    }

    /// Dates with every return: one setup, three dgemms.
    static func solveComplete(_ snapshot: ExposureSnapshot, dates: [Int], returns: [Double],
                              item: String) throws(FactorModelError) -> [DateSolution] {
        let n = snapshot.assetCount, k = snapshot.factorCount, m = dates.count
        let setup = try Setup(snapshot: snapshot, available: nil, item: item)
        let inverse = try setup.inverseNormalMatrix(item: item)
        var block = [Double]()
        block.reserveCapacity(m * n)
        for d in dates { block += returns[(d * n)..<((d + 1) * n)] }
        let blockMatrix = makeMatrix(rows: m, columns: n, block)
        let free = setup.restriction.freeFactors.count
        let (factorValues, residuals) = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) -> (Matrix, Matrix) in
            var b = Matrix(rows: m, columns: free)
            try Matrix.gemm(blockMatrix, setup.weightedDesign, into: &b)
            var g = Matrix(rows: m, columns: free)
            try Matrix.gemm(b, inverse, into: &g)
            var f = Matrix(rows: m, columns: k)
            try Matrix.gemm(g, setup.restriction.matrix, transposeB: true, into: &f)
            var u = blockMatrix
            try Matrix.gemm(alpha: -1, f, snapshot.exposures, transposeB: true, beta: 1, into: &u)
            return (f, u)
        }
        let fe = factorValues.elements, ue = residuals.elements
        return dates.enumerated().map { row, d in
            let r = Array(block[(row * n)..<((row + 1) * n)]), u = Array(ue[(row * n)..<((row + 1) * n)])
            return DateSolution(date: d, factorReturns: Array(fe[(row * k)..<((row + 1) * k)]), residuals: u,
                                rSquared: weightedRSquared(returns: r, residuals: u, weights: setup.weights),
                                observations: n, dropped: setup.restriction.droppedFactors)
        }
    }

    /// A date with missing returns: its own setup over the available assets.
    static func solveDate(_ snapshot: ExposureSnapshot, date d: Int, returns: [Double],
                          item: String) throws(FactorModelError) -> DateSolution {
        let n = snapshot.assetCount, k = snapshot.factorCount
        let r = Array(returns[(d * n)..<((d + 1) * n)])
        let available = r.map { !$0.isNaN }
        let setup = try Setup(snapshot: snapshot, available: available, item: item)
        let zeroed = r.map { $0.isNaN ? 0 : $0 }
        let free = setup.restriction.freeFactors.count
        let b = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) in
            var b = [Double](repeating: 0, count: free)
            try Matrix.gemv(setup.weightedDesign, transposeA: true, zeroed, into: &b)
            return b
        }
        let g = try setup.solve(b, item: item)
        let (f, fitted) = try linearAlgebra(stage, item: item) { () throws(LinearAlgebraError) -> ([Double], [Double]) in
            let f = try setup.restriction.matrix * g
            return (f, try snapshot.exposures * f)
        }
        precondition(f.count == k)
        var u = [Double](repeating: .nan, count: n)
        for i in 0..<n where available[i] { u[i] = r[i] - fitted[i] }
        return DateSolution(date: d, factorReturns: f, residuals: u,
                            rSquared: weightedRSquared(returns: r, residuals: u, weights: setup.weights),
                            observations: available.filter { $0 }.count, dropped: setup.restriction.droppedFactors)
    }

    static func weightedRSquared(returns: [Double], residuals: [Double], weights: [Double]) -> Double {
        var explained = 0.0, total = 0.0
        for i in returns.indices where weights[i] > 0 && !residuals[i].isNaN {
            total += weights[i] * returns[i] * returns[i]
            explained += weights[i] * residuals[i] * residuals[i]
        }
        return total > 0 ? 1 - explained / total : 0
    }
}
