import RiskMath
import StressCore

/// A panel of asset returns generated from a known factor structure, to test that the
/// estimation recovers the true factor returns and covariance, and to benchmark the fit.
///
/// Construction (all draws from Philox streams keyed by `seed`, so the panel is the same
/// on every machine and thread count):
///
/// - N assets; asset i < J is in industry i and asset i < C in country i (every dummy is
///   populated), the others draw industry ⌊J·u²⌋ and country ⌊C·u²⌋ (skewed toward 0);
/// - log market caps ~ N(ln 1000, 1.5²), drifting by N(0, 0.05²) at each snapshot; styles
///   `size` = log cap and AR(1) descriptors x_s = 0.8·x_{s−1} + 0.6·z (a fraction
///   `missingStyleFraction` of them NaN, which the exposure builder imputes); exposures by
///   `ExposureBuilder` every `snapshotInterval` dates;
/// - base factor covariance F̃ = D·ρ·D with volatilities 1% (market), 0.5% (industry),
///   0.4% (country), 0.3% (style) per period and ρ the correlation of B·Bᵀ + I, B (K × 2)
///   with N(0, 0.7²) entries;
/// - factor returns f̃_t = L·z_t (F̃ = L·Lᵀ), then made to satisfy the date's cap-weighted
///   industry/country constraints: f_t = R_s·f̃_t[free] (the regression's restriction), so
///   the true covariance is F = (1/T)·Σ_t R_s F̃_free R_sᵀ;
/// - specific volatilities σ_i = 1.5%·(1.5 − size percentile/2)·e^{0.2 z}, u_ti = σ_i·z;
/// - r_t = X_s·f_t + u_t, then a fraction `missingFraction` of returns set to NaN.
public struct SyntheticFactorPanel: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var assets: Int
        public var dates: Int
        public var industries: Int
        public var countries: Int
        /// Number of styles (≤ 12): size, value, momentum, volatility, leverage, growth,
        /// liquidity, yield, beta, earnings, quality, investment.
        public var styles: Int
        public var snapshotInterval: Int
        public var missingFraction: Double
        public var missingStyleFraction: Double
        public var seed: UInt64

        public init(assets: Int, dates: Int, industries: Int, countries: Int, styles: Int, snapshotInterval: Int = 21,
                    missingFraction: Double = 0, missingStyleFraction: Double = 0, seed: UInt64 = 20_240_607) {
            self.assets = assets
            self.dates = dates
            self.industries = industries
            self.countries = countries
            self.styles = styles
            self.snapshotInterval = snapshotInterval
            self.missingFraction = missingFraction
            self.missingStyleFraction = missingStyleFraction
            self.seed = seed
        }

        /// 1 + industries + countries + styles.
        public var factorCount: Int { 1 + industries + countries + styles }
    }

    public static let styleNames = ["size", "value", "momentum", "volatility", "leverage", "growth", "liquidity",
                                    "yield", "beta", "earnings", "quality", "investment"]

    public var configuration: Configuration
    public var panel: FactorPanel
    /// T × K true factor returns (they satisfy each date's constraints).
    public var trueFactorReturns: Matrix
    /// F, per period: the population covariance of f_t over the sample's dates.
    public var trueCovariance: Matrix
    /// F̃ before the constraints.
    public var baseCovariance: Matrix
    /// Δ_i = σ_i², per period.
    public var trueSpecificVariance: [Double]
    /// Imputation findings from the exposure builder.
    public var findings: [DataQualityFinding]

    public static func generate(_ c: Configuration) throws(FactorModelError) -> SyntheticFactorPanel {
        let stage = "synthetic panel"
        guard c.assets > c.factorCount, c.dates >= 2, c.industries >= 1, c.countries >= 1,
              c.styles >= 0, c.styles <= styleNames.count, c.snapshotInterval >= 1 else {
            throw FactorModelError(stage: stage, message: "inconsistent configuration \(c)")
        }
        let n = c.assets, t = c.dates, k = c.factorCount
        let stream = { (s: UInt64) in RandomStream(seed: c.seed, stream: s) }
        let classification = stream(1), capStream = stream(2), styleStream = stream(3), factorStream = stream(4)
        let specificStream = stream(5), missingStream = stream(6), correlationStream = stream(7)

        let industries = (0..<c.industries).map { "industry-\($0)" }
        let countries = (0..<c.countries).map { "country-\($0)" }
        var industryColumn = CategoricalColumn(), countryColumn = CategoricalColumn()
        for i in 0..<n {
            let u1 = classification.uniform(UInt64(2 * i)), u2 = classification.uniform(UInt64(2 * i + 1))
            industryColumn.append(industries[i < c.industries ? i : Int(Double(c.industries) * u1 * u1)])
            countryColumn.append(countries[i < c.countries ? i : Int(Double(c.countries) * u2 * u2)])
        }
        let ids = (0..<n).map { "A\($0)" }

        // Exposure snapshots.
        let snapshotCount = (t + c.snapshotInterval - 1) / c.snapshotInterval
        var logCap = (0..<n).map { 6.907_755_278_982_137 + 1.5 * capStream.normal(UInt64($0)) }
        var descriptors = (0..<Swift.max(c.styles - 1, 0)).map { s in (0..<n).map { styleStream.normal(UInt64(s * n + $0)) } }
        var snapshots: [ExposureSnapshot] = [], findings: [DataQualityFinding] = []
        var drawIndex = UInt64(n), styleIndex = UInt64(descriptors.count * n), missingStyleIndex: UInt64 = 0
        for s in 0..<snapshotCount {
            if s > 0 {
                for i in 0..<n { logCap[i] += 0.05 * capStream.normal(drawIndex); drawIndex += 1 }
                for d in descriptors.indices {
                    for i in 0..<n {
                        descriptors[d][i] = 0.8 * descriptors[d][i] + 0.6 * styleStream.normal(styleIndex)
                        styleIndex += 1
                    }
                }
            }
            var styles: [StyleDescriptor] = []
            if c.styles > 0 { styles.append(StyleDescriptor(name: styleNames[0], raw: logCap)) }
            for (d, values) in descriptors.enumerated() {
                var raw = values
                if c.missingStyleFraction > 0 {
                    for i in 0..<n {
                        if missingStream.uniform(1 << 40 + missingStyleIndex) < c.missingStyleFraction { raw[i] = .nan }
                        missingStyleIndex += 1
                    }
                }
                styles.append(StyleDescriptor(name: styleNames[d + 1], raw: raw))
            }
            let universe = AssetUniverse(ids: ids, marketCap: logCap.map { exponential($0) }, industry: industryColumn,
                                         country: countryColumn, styles: styles)
            let built = try ExposureBuilder.build(universe, industries: industries, countries: countries)
            snapshots.append(built.snapshot)
            if s == 0 { findings = built.findings }
        }
        let factors = snapshots[0].factors
        let snapshotOfDate = (0..<t).map { $0 / c.snapshotInterval }

        // Base covariance F̃ = D ρ D.
        var volatility = [Double](repeating: 0, count: k)
        for (j, f) in factors.enumerated() {
            switch f.kind {
            case .market: volatility[j] = 0.010
            case .industry: volatility[j] = 0.005
            case .country: volatility[j] = 0.004
            case .style: volatility[j] = 0.003
            }
        }
        let b = makeMatrix(rows: k, columns: 2, (0..<(2 * k)).map { 0.7 * correlationStream.normal(UInt64($0)) })
        var sigma = try linearAlgebra(stage) { () throws(LinearAlgebraError) in
            var m = Matrix.identity(k)
            try Matrix.gemm(b, b, transposeB: true, beta: 1, into: &m)
            return m
        }.elements
        let diagonal = (0..<k).map { sigma[$0 * k + $0] }
        for i in 0..<k {
            for j in 0..<k { sigma[i * k + j] *= volatility[i] * volatility[j] / (diagonal[i] * diagonal[j]).squareRoot() }
        }
        let base = symmetrised(makeMatrix(rows: k, columns: k, sigma))
        let lower = try linearAlgebra(stage) { () throws(LinearAlgebraError) in try base.cholesky() }
        var z = [Double](repeating: 0, count: t * k)
        z.withUnsafeMutableBufferPointer { factorStream.fillNormals(startIndex: 0, into: $0) }
        let unconstrained = try linearAlgebra(stage) { () throws(LinearAlgebraError) in
            var f = Matrix(rows: t, columns: k)
            try Matrix.gemm(makeMatrix(rows: t, columns: k, z), lower, transposeB: true, into: &f)
            return f
        }.elements

        // Constrain, build returns snapshot by snapshot.
        var specificVolatility = [Double](repeating: 0, count: n)
        let order = (0..<n).sorted { logCap[$0] < logCap[$1] }
        var percentile = [Double](repeating: 0, count: n)
        for (rank, i) in order.enumerated() { percentile[i] = Double(rank) / Double(Swift.max(n - 1, 1)) }
        for i in 0..<n {
            specificVolatility[i] = 0.015 * (1.5 - 0.5 * percentile[i]) * exponential(0.2 * specificStream.normal(UInt64(i)))
        }
        var trueReturns = [Double](repeating: 0, count: t * k)
        var returns = [Double](repeating: 0, count: t * n)
        var specificDraws = [Double](repeating: 0, count: n)
        var covarianceSum = [Double](repeating: 0, count: k * k)
        for s in 0..<snapshotCount {
            let snapshot = snapshots[s]
            let dates = Array((s * c.snapshotInterval)..<Swift.min((s + 1) * c.snapshotInterval, t))
            let restriction = ConstraintRestriction.make(
                factors: factors, dummyWeights: try linearAlgebra(stage) { () throws(LinearAlgebraError) in
                    var w = [Double](repeating: 0, count: k)
                    try Matrix.gemv(snapshot.exposures, transposeA: true, snapshot.marketCap, into: &w)
                    return w
                })
            let free = restriction.freeFactors
            let m = free.count
            var freeBase = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for bb in 0..<m { freeBase[a * m + bb] = base[free[a], free[bb]] } }
            let r = restriction.matrix
            let perDate = try linearAlgebra(stage) { () throws(LinearAlgebraError) in
                try (r * makeMatrix(rows: m, columns: m, freeBase)) * r.transpose
            }.elements
            for j in 0..<(k * k) { covarianceSum[j] += Double(dates.count) * perDate[j] }
            var freeValues = [Double](repeating: 0, count: dates.count * m)
            for (row, d) in dates.enumerated() {
                for a in 0..<m { freeValues[row * m + a] = unconstrained[d * k + free[a]] }
            }
            let (constrained, fitted) = try linearAlgebra(stage) { () throws(LinearAlgebraError) -> (Matrix, Matrix) in
                var f = Matrix(rows: dates.count, columns: k)
                try Matrix.gemm(makeMatrix(rows: dates.count, columns: m, freeValues), r, transposeB: true, into: &f)
                var fitted = Matrix(rows: dates.count, columns: n)
                try Matrix.gemm(f, snapshot.exposures, transposeB: true, into: &fitted)
                return (f, fitted)
            }
            let fe = constrained.elements, xe = fitted.elements
            for (row, d) in dates.enumerated() {
                trueReturns.replaceSubrange((d * k)..<((d + 1) * k), with: fe[(row * k)..<((row + 1) * k)])
                specificDraws.withUnsafeMutableBufferPointer {
                    specificStream.fillNormals(startIndex: UInt64(n) + UInt64(d) * UInt64(n), into: $0)
                }
                for i in 0..<n {
                    var value = xe[row * n + i] + specificVolatility[i] * specificDraws[i]
                    if c.missingFraction > 0, missingStream.uniform(UInt64(d) * UInt64(n) + UInt64(i)) < c.missingFraction {
                        value = .nan
                    }
                    returns[d * n + i] = value
                }
            }
        }
        let panel = try FactorPanel(dates: (0..<t).map { "t\($0)" }, returns: makeMatrix(rows: t, columns: n, returns),
                                    snapshots: snapshots, snapshotOfDate: snapshotOfDate)
        return SyntheticFactorPanel(
            configuration: c, panel: panel, trueFactorReturns: makeMatrix(rows: t, columns: k, trueReturns),
            trueCovariance: symmetrised(makeMatrix(rows: k, columns: k, covarianceSum.map { $0 / Double(t) })),
            baseCovariance: base, trueSpecificVariance: specificVolatility.map { $0 * $0 }, findings: findings)
    }
}
