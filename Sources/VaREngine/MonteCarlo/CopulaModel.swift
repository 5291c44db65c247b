import RiskMath
import StressCore

/// A prepared copula run: exposure columns, factor structure, plan and kernel, plus the
/// allocation dimensions (segment, asset class, sector, country) as flat level codes.
struct CopulaModel: @unchecked Sendable {
    let configuration: VaRConfiguration
    let ids: [String]
    let pd: [Double]
    let lgd: [Double]
    let ead: [Double]
    let rho: [Double]
    let structure: FactorStructure
    let plan: CopulaPlan
    let kernel: PathKernel
    /// Importance-sampling mean μ in the independent-factor coordinates; nil without.
    let shift: [Double]?
    let dimensions: AllocationDimensions

    init(portfolio: Portfolio, configuration: VaRConfiguration) throws(VaRError) {
        try configuration.validate()
        self.configuration = configuration
        let n = portfolio.count
        guard portfolio.pd.count == n, portfolio.lgd.count == n, portfolio.ead.count == n else {
            throw VaRError("portfolio columns pd, lgd, ead must have one value per exposure")
        }
        ids = portfolio.ids
        let floor = configuration.pdFloor
        pd = portfolio.pd.map { min(max($0, floor), 1) }
        lgd = portfolio.lgd
        ead = portfolio.ead
        let classes = portfolio.assetClass.count == n ? portfolio.assetClass : Array(repeating: .corporate, count: n)
        switch configuration.correlation {
        case .constant(let value):
            rho = Array(repeating: value, count: n)
        case .basel:
            let turnover = portfolio.turnoverEURm
            var values = [Double](repeating: 0, count: n)
            for i in 0..<n {
                // PD clamped to [1e-4, 0.9999] inside the correlation function, as the
                // factor model's credit mapping does (FactorModel `AssetCorrelation.basel`),
                // so that VaR and the factor report use the same ρ.
                let clamped = min(max(pd[i], 1e-4), 0.9999)
                values[i] = AssetCorrelation.value(classes[i], pd: clamped, turnoverEURm: turnover?[i] ?? .nan)
            }
            rho = values
        }

        let degreesOfFreedom: Double?
        switch configuration.method {
        case .singleFactor:
            structure = .singleFactor(exposures: n)
            degreesOfFreedom = nil
        case .studentT(let nu):
            structure = .singleFactor(exposures: n)
            degreesOfFreedom = nu
        case .multiFactor(let spec):
            structure = try .multiFactor(portfolio: portfolio, specification: spec)
            degreesOfFreedom = nil
        }

        // Importance-sampling mean.
        let k = structure.factorCount
        switch configuration.importanceSampling {
        case .none:
            shift = nil
        case .shift(let mu):
            guard mu.count == k else {
                throw VaRError("importance-sampling shift needs \(k) values (factors \(structure.factorNames.joined(separator: ", "))), got \(mu.count)")
            }
            shift = mu
        case .automatic:
            var v = [Double](repeating: 0, count: k)
            for i in 0..<n where pd[i] > 0 && pd[i] < 1 {
                let weight = pd[i] * lgd[i] * ead[i] * rho[i].squareRoot()
                let g = structure.groupOfExposure[i]
                for f in 0..<k { v[f] += weight * structure.directions[g * k + f] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let depth = Normal.quantile(1 - configuration.confidenceLevels.max()!)
            shift = norm > 0 ? v.map { depth * $0 / norm } : nil
        }
        let mu = shift ?? Array(repeating: 0, count: k)
        let directions = structure.directions
        var groupMean = [Double](repeating: 0, count: structure.groupCount)
        for g in 0..<structure.groupCount {
            for f in 0..<k { groupMean[g] += directions[g * k + f] * mu[f] }
        }

        // Default thresholds c_i.
        let student = degreesOfFreedom.map { StudentT(degreesOfFreedom: $0) }
        var thresholds = [Double](repeating: 0, count: n)
        var loss = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let p = pd[i]
            thresholds[i] = p <= 0 ? -.infinity : p >= 1 ? .infinity : (student?.quantile(p) ?? Normal.quantile(p))
            loss[i] = lgd[i] * ead[i]
        }
        let fraction = shift == nil ? 0 : configuration.importanceFraction
        plan = CopulaPlan(thresholds: thresholds, rho: rho, loss: loss, group: structure.groupOfExposure,
                          groupMean: groupMean, shiftFraction: fraction)
        kernel = PathKernel(plan: plan, seed: configuration.seed, factorCount: k, groupCount: structure.groupCount,
                            directions: structure.directions, shift: mu,
                            halfShiftSquared: 0.5 * mu.reduce(0) { $0 + $1 * $1 }, shiftFraction: fraction,
                            antithetic: configuration.antithetic, degreesOfFreedom: degreesOfFreedom)
        dimensions = AllocationDimensions(portfolio: portfolio, classes: classes, plan: plan)
    }
}

/// The allocation dimensions of the tail pass — 0 segment, 1 asset class, 2 sector,
/// 3 country — with their levels laid out in one flat index space, and the plan-order
/// code table that `LevelRecording` reads.
final class AllocationDimensions: @unchecked Sendable {
    static let segment = 0, assetClass = 1, sector = 2, country = 3
    /// Level names per dimension.
    let names: [[String]]
    /// Flat index of each dimension's first level.
    let offsets: [Int]
    let levelCount: Int
    /// Flat level of each exposure per dimension, portfolio order.
    let exposureLevel: [[Int]]
    /// Plan-order codes that `LevelRecording` reads.
    let codes: AllocationCodes
    /// Loss of the certain defaults per flat level.
    let certainLoss: [Double]

    init(portfolio: Portfolio, classes: [AssetClass], plan: CopulaPlan) {
        let n = portfolio.count
        let segment = FactorStructure.levels(portfolio.segment, count: n)
        let classNames = AssetClass.allCases.map(\.rawValue)
        let classCodes = classes.map { c in AssetClass.allCases.firstIndex(of: c)! }
        let sector = FactorStructure.levels(portfolio.sector, count: n)
        let country = FactorStructure.levels(portfolio.country, count: n)
        let columns = [segment, (classCodes, classNames), sector, country]
        names = columns.map(\.1)
        var offsets: [Int] = []
        var total = 0
        for column in columns {
            offsets.append(total)
            total += column.1.count
        }
        self.offsets = offsets
        levelCount = total
        exposureLevel = columns.enumerated().map { d, column in column.0.map { $0 + offsets[d] } }

        codes = AllocationCodes(exposureLevel: exposureLevel, offsets: offsets, levels: columns.map(\.1.count),
                                rows: UnsafeBufferPointer(rebasing: plan.row[0..<plan.obligorCount]))
        var certain = [Double](repeating: 0, count: total)
        for row in plan.certainRows {
            let amount = portfolio.lgd[row] * portfolio.ead[row]
            for d in 0..<4 { certain[exposureLevel[d][row]] += amount }
        }
        certainLoss = certain
    }

    deinit { codes.deallocate() }

    var segmentCount: Int { names[0].count }

    /// Names of dimension d, and the flat range of its levels.
    func range(_ d: Int) -> Range<Int> { offsets[d]..<(offsets[d] + names[d].count) }
}

/// The allocation levels of each plan position: one byte per dimension packed in a UInt32
/// when every dimension has at most 256 levels (a default then reads 4 bytes), else the flat
/// indices of all four dimensions (position·4 + d; the segment is d = 0).
struct AllocationCodes: @unchecked Sendable {
    let packed: UnsafeMutableBufferPointer<UInt32>?
    let wide: UnsafeMutableBufferPointer<Int32>
    let offsets: (Int, Int, Int, Int)

    /// `rows`: the portfolio row of each plan position.
    init(exposureLevel: [[Int]], offsets: [Int], levels: [Int], rows: UnsafeBufferPointer<Int32>) {
        let m = rows.count
        self.offsets = (offsets[0], offsets[1], offsets[2], offsets[3])
        if levels.allSatisfy({ $0 <= 256 }) {
            let packed = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(m, 1))
            for position in 0..<m {
                let row = Int(rows[position])
                var word: UInt32 = 0
                for d in 0..<4 { word |= UInt32(exposureLevel[d][row] - offsets[d]) << UInt32(8 * d) }
                packed[position] = word
            }
            self.packed = packed
            wide = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
            return
        }
        packed = nil
        wide = .allocate(capacity: max(4 * m, 1))
        for position in 0..<m {
            let row = Int(rows[position])
            for d in 0..<4 { wide[position * 4 + d] = Int32(exposureLevel[d][row]) }
        }
    }

    func deallocate() {
        if let packed { packed.deallocate() } else { wide.deallocate() }
    }
}
