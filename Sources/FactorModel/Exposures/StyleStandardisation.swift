/// Style exposures as z-scores (METHODOLOGY §5, Barra USE4 conventions):
///
///     z_i = (x_i − μ_cap) / σ_eq,   μ_cap = Σ c_i x_i / Σ c_i,   σ_eq = √(Σ (x_i − x̄)² / N)
///
/// with c_i the market capitalisation and x̄ the equal-weighted mean, so that the
/// cap-weighted market portfolio has zero exposure to every style and a typical asset has
/// exposure of order 1. Outliers are winsorised at ±3: z is clipped to [−3, 3] and
/// re-standardised, repeated until no value is clipped (at most `maximumPasses` times).
/// After the last pass the cap-weighted mean is 0 and the equal-weighted SD 1 to rounding;
/// the re-standardisation can move a clipped value slightly beyond 3 (by the rescaling,
/// typically a few per cent), which is the price of keeping both moments exact.
///
/// Missing raw values (NaN) are imputed before standardising: the median of the
/// non-missing values of the asset's industry × country group, else of its industry,
/// else of all assets. The indices imputed are returned so the caller can flag them as
/// data-quality findings.
public enum StyleStandardisation {
    public struct Result: Sendable, Equatable {
        /// The z-scores, one per asset.
        public var values: [Double]
        /// Assets whose raw value was missing and imputed, ascending.
        public var imputed: [Int]
        /// Values clipped at ±3 in the first pass.
        public var winsorised: Int
    }

    public static let winsorLimit = 3.0
    public static let maximumPasses = 5

    /// - Parameters:
    ///   - raw: the raw descriptor per asset; NaN = missing.
    ///   - marketCap: c_i > 0.
    ///   - industry: industry code per asset (for imputation).
    ///   - country: country code per asset, or nil.
    /// - Throws: when counts differ, a cap is not positive, every value is missing, or
    ///   the descriptor has no dispersion (σ_eq = 0).
    public static func standardise(raw: [Double], marketCap: [Double], industry: [Int], country: [Int]?,
                                   name: String) throws(FactorModelError) -> Result {
        let n = raw.count
        let stage = "style standardisation"
        guard marketCap.count == n, industry.count == n, country.map({ $0.count == n }) ?? true else {
            throw FactorModelError(stage: stage, item: name, message: "raw values, caps, industries and countries differ in length")
        }
        guard n > 0 else { throw FactorModelError(stage: stage, item: name, message: "no assets") }
        if let i = marketCap.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw FactorModelError(stage: stage, item: name, message: "market cap of asset \(i) must be positive, got \(marketCap[i])")
        }
        if let i = raw.firstIndex(where: { $0.isInfinite }) {
            throw FactorModelError(stage: stage, item: name, message: "raw value of asset \(i) is infinite")
        }
        var values = raw
        let imputed = (0..<n).filter { raw[$0].isNaN }
        if imputed.count == n {
            throw FactorModelError(stage: stage, item: name, message: "every value is missing")
        }
        if !imputed.isEmpty {
            let countries = country ?? [Int](repeating: 0, count: n)
            var byGroup: [Int64: [Double]] = [:], byIndustry: [Int: [Double]] = [:], all: [Double] = []
            for i in 0..<n where !raw[i].isNaN {
                byGroup[groupKey(industry[i], countries[i]), default: []].append(raw[i])
                byIndustry[industry[i], default: []].append(raw[i])
                all.append(raw[i])
            }
            let overall = median(all)
            for i in imputed {
                if let group = byGroup[groupKey(industry[i], countries[i])] {
                    values[i] = median(group)
                } else if let group = byIndustry[industry[i]] {
                    values[i] = median(group)
                } else {
                    values[i] = overall
                }
            }
        }
        try standardiseInPlace(&values, marketCap: marketCap, name: name)
        var winsorised = 0
        for pass in 0..<maximumPasses {
            var clipped = 0
            for i in 0..<n where abs(values[i]) > winsorLimit {
                values[i] = values[i] > 0 ? winsorLimit : -winsorLimit
                clipped += 1
            }
            if pass == 0 { winsorised = clipped }
            if clipped == 0 { break }
            try standardiseInPlace(&values, marketCap: marketCap, name: name)
        }
        return Result(values: values, imputed: imputed, winsorised: winsorised)
    }

    /// (x − μ_cap)/σ_eq in place.
    static func standardiseInPlace(_ x: inout [Double], marketCap: [Double], name: String) throws(FactorModelError) {
        let n = Double(x.count)
        var capSum = 0.0, capWeighted = 0.0, sum = 0.0
        for i in x.indices {
            capSum += marketCap[i]
            capWeighted += marketCap[i] * x[i]
            sum += x[i]
        }
        let capMean = capWeighted / capSum, mean = sum / n
        var squares = 0.0
        for value in x { squares += (value - mean) * (value - mean) }
        let sd = (squares / n).squareRoot()
        guard sd > 0, sd.isFinite else {
            throw FactorModelError(stage: "style standardisation", item: name, message: "the descriptor has no dispersion")
        }
        for i in x.indices { x[i] = (x[i] - capMean) / sd }
    }

    static func groupKey(_ industry: Int, _ country: Int) -> Int64 { Int64(industry) << 32 | Int64(country) }

    /// The median (mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m])
    }
}
