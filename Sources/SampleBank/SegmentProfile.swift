import StressCore

/// How one segment of the sample bank is drawn. Figures are typical of a
/// mid-sized European universal bank's IRB book (EBA transparency exercise
/// orders of magnitude); they are documented in the README's sample-bank table.
struct SegmentProfile: Sendable {
    let name: String
    let assetClass: AssetClass
    /// Three-letter prefix of the exposure id.
    let idPrefix: StaticString
    /// Share of the number of exposures.
    let countShare: Double
    let pd: PDProfile
    /// LGD is probit-normal: Φ(Φ⁻¹(mean) + spread·z), clipped to [floor, 1].
    let lgdMean: Double
    let lgdSpread: Double
    let lgdFloor: Double
    /// Exposure (or limit, for revolving products) is lognormal: median·e^(σz).
    let amountMedian: Double
    let amountSigma: Double
    let facility: Facility
    /// Loan-to-value of property collateral: clip(mean + spread·z, lo, hi); nil = unsecured.
    let loanToValue: (mean: Double, spread: Double, low: Double, high: Double)?
    /// Maturity drawn uniformly in [1, 5] years for wholesale exposures (CRE32.47 range).
    let hasMaturity: Bool
    /// Annual turnover range in EUR m (log-uniform), nil when not reported.
    let turnoverRange: (low: Double, high: Double)?
    /// Scheduled amortisation per year, as a fraction of EAD.
    let amortisation: Double
    let countries: WeightedChoice
    let sectors: WeightedChoice
}

enum PDProfile: Sendable {
    /// Retail scorecards: lognormal PD around a median, clipped to [0.0003, 0.35].
    case lognormal(median: Double, sigma: Double)
    /// Rated wholesale books: a grade drawn from this distribution over `MasterScale.grades`.
    case graded(WeightedChoice)

    static func graded(weights: [Double]) -> PDProfile {
        .graded(WeightedChoice(zip(MasterScale.grades.map(\.label), weights).map { ($0, $1) }))
    }
}

enum Facility: Sendable {
    /// Fully drawn loan: drawn = EAD, no undrawn commitment.
    case term
    /// Revolving limit L with utilisation u drawn uniformly in [low, high]:
    /// drawn = u·L, undrawn = (1 − u)·L, EAD = drawn + CCF·undrawn.
    case revolving(utilisationLow: Double, utilisationHigh: Double, ccf: Double)
}

/// A discrete distribution over labels, sampled by inverse CDF on a uniform.
struct WeightedChoice: Sendable {
    let labels: [String]
    let cumulative: [Double]

    init(_ pairs: [(String, Double)]) {
        labels = pairs.map(\.0)
        let total = pairs.reduce(0) { $0 + $1.1 }
        var running = 0.0
        cumulative = pairs.map { running += $0.1 / total; return running }
    }

    func index(for u: Double) -> Int {
        for (i, c) in cumulative.enumerated() where u < c { return i }
        return cumulative.count - 1
    }
}

/// The bank's rating master scale: grade labels and their one-year PDs.
enum MasterScale {
    static let grades: [(label: String, pd: Double)] = [
        ("AAA", 0.0003), ("AA", 0.0005), ("A", 0.0009), ("BBB", 0.0025),
        ("BB", 0.0090), ("B", 0.0350), ("CCC", 0.1500),
    ]

    /// The grade whose PD is nearest on a log scale (for retail scorecard PDs).
    static func grade(forPD pd: Double) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (i, g) in grades.enumerated() {
            let d = abs(log(pd) - log(g.pd))
            if d < bestDistance { bestDistance = d; best = i }
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
