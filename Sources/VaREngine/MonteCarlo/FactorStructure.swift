import RiskMath
import StressCore

/// The systematic side of the copula in the form the simulator uses: K independent
/// standard normal factors ξ, G groups of exposures, and for each group a unit direction
/// u_g ∈ ℝᴷ so that the group's composite factor is Y_g = u_g·ξ ~ N(0, 1). Exposure i of
/// group g then has A_i = √ρ_i·Y_g + √(1 − ρ_i)·ε_i (Gaussian) — single-factor is K = G = 1.
/// Within a group, exposures differ only in PD, ρ, LGD and EAD, which is what lets the
/// simulator bound conditional PDs per bucket (`CopulaPlan`).
public struct FactorStructure: Sendable, Equatable {
    /// Names of the K simulated factors (`global`, `sector:<name>`, `country:<name>`).
    public var factorNames: [String]
    /// G × K row-major unit directions, in the independent-factor coordinates ξ.
    public var directions: [Double]
    /// Group of each exposure, in portfolio order.
    public var groupOfExposure: [Int]
    /// Group labels (`<sector> / <country>`), for reports.
    public var groupNames: [String]
    /// Loadings of group g on the *named* (possibly correlated) factors: x_g/√v_g
    /// (see `MultiFactorSpecification`); equal to `directions` when the factors are
    /// independent. Exposure i's loadings are √ρ_i times its group's row.
    public var namedLoadings: [Double]

    public var factorCount: Int { factorNames.count }
    public var groupCount: Int { groupNames.count }

    /// The unit direction of group g.
    public func direction(ofGroup g: Int) -> ArraySlice<Double> {
        directions[(g * factorCount)..<((g + 1) * factorCount)]
    }

    /// One factor, one group.
    public static func singleFactor(exposures: Int) -> FactorStructure {
        FactorStructure(factorNames: ["systematic"], directions: [1], groupOfExposure: Array(repeating: 0, count: exposures),
                        groupNames: ["all"], namedLoadings: [1])
    }

    /// Global + sector + country factors for `portfolio` (see `MultiFactorSpecification`).
    /// - Throws: `VaRError` when the factor correlation has the wrong size or is not
    ///   positive definite.
    public static func multiFactor(portfolio: Portfolio, specification spec: MultiFactorSpecification) throws(VaRError) -> FactorStructure {
        let n = portfolio.count
        let (sectorCodes, sectorLevels) = levels(portfolio.sector, count: n)
        let (countryCodes, countryLevels) = levels(portfolio.country, count: n)
        let k = 1 + sectorLevels.count + countryLevels.count
        let names = ["global"] + sectorLevels.map { "sector:\($0)" } + countryLevels.map { "country:\($0)" }

        // Cholesky factor L of the factor correlation (identity when not given).
        var cholesky: Matrix? = nil
        if let rows = spec.factorCorrelation {
            guard rows.count == k, rows.allSatisfy({ $0.count == k }) else {
                throw VaRError("factor correlation must be \(k)×\(k) (global, \(sectorLevels.count) sectors, "
                               + "\(countryLevels.count) countries), got \(rows.count) rows")
            }
            do {
                cholesky = try Matrix(rows).cholesky()
            } catch {
                throw VaRError("factor correlation: \(error)")
            }
        }
        var groupOf = [Int](repeating: 0, count: n)
        var groupIndex: [Int: Int] = [:]
        var directions: [Double] = [], named: [Double] = [], groupNames: [String] = []
        let weights = (spec.globalShare.squareRoot(), spec.sectorShare.squareRoot(), spec.countryShare.squareRoot())
        for i in 0..<n {
            let s = sectorCodes[i], c = countryCodes[i]
            let key = s * countryLevels.count + c
            if let g = groupIndex[key] {
                groupOf[i] = g
                continue
            }
            let g = groupNames.count
            groupIndex[key] = g
            groupOf[i] = g
            groupNames.append("\(sectorLevels[s]) / \(countryLevels[c])")
            var x = [Double](repeating: 0, count: k)
            x[0] += weights.0
            x[1 + s] += weights.1
            x[1 + sectorLevels.count + c] += weights.2
            // u = Lᵀx/√(xᵀΣx); |Lᵀx|² = xᵀΣx.
            var u = x
            if let l = cholesky {
                for column in 0..<k {
                    var sum = 0.0
                    for row in column..<k { sum += l[row, column] * x[row] }
                    u[column] = sum
                }
            }
            let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { throw VaRError("multi-factor: a group has no systematic loading") }
            directions += u.map { $0 / norm }
            named += x.map { $0 / norm }
        }
        return FactorStructure(factorNames: names, directions: directions, groupOfExposure: groupOf,
                               groupNames: groupNames, namedLoadings: named)
    }

    /// The N × K loading matrix on the named factors (row-major): √ρ_i times the group's
    /// row of `namedLoadings` — the `factor_loadings` argument of the seed's
    /// `simulate_multi_factor` for the same model (independent factors).
    public func loadingMatrix(rho: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: rho.count * factorCount)
        for i in 0..<rho.count {
            let g = groupOfExposure[i], r = rho[i].squareRoot()
            for f in 0..<factorCount { out[i * factorCount + f] = r * namedLoadings[g * factorCount + f] }
        }
        return out
    }

    /// Codes and level names of a categorical column; a column that does not cover the
    /// portfolio counts as one level "(none)"; blank names read "(none)".
    static func levels(_ column: CategoricalColumn, count n: Int) -> ([Int], [String]) {
        guard column.count == n, n > 0 else { return (Array(repeating: 0, count: n), ["(none)"]) }
        return (column.codes.map { Int($0) }, column.levels.map { $0.isEmpty ? "(none)" : $0 })
    }
}
