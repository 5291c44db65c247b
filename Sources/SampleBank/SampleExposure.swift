import RiskMath
import StressCore

/// One exposure of the sample bank, a pure function of (seed, index): every
/// field comes from the Philox stream keyed by the exposure's index, so any
/// row can be regenerated alone and chunks can be generated in parallel.
struct SampleExposure: Sendable {
    let index: Int
    let segment: Int
    let pd: Double
    let lgd: Double
    let ead: Double
    let drawn: Double
    let undrawn: Double
    /// NaN for term loans (no commitment).
    let ccf: Double
    let grade: Int
    let country: Int
    let sector: Int
    /// NaN where not applicable.
    let maturity: Double
    let turnover: Double
    let collateralValue: Double
    /// IFRS 9 stage at jump-off (`CreditQualityProfile`), days past due, origination PD,
    /// remaining term, effective interest rate and, in stage 3, the provision held.
    let stage: Int
    let daysPastDue: Int
    let originationPD: Double
    let remainingTerm: Double
    let eir: Double
    /// NaN outside stage 3.
    let provision: Double

    /// Draw slots within the exposure's stream.
    private enum Draw: UInt64 {
        case pd, lgd, amount, country, sector, maturity, turnover, loanToValue, utilisation, grade
        case stage, pastDue, origination, term, rate
    }

    init(seed: UInt64, index: Int) {
        let stream = RandomStream(seed: seed, stream: UInt64(index))
        func u(_ d: Draw) -> Double { stream.uniform(d.rawValue) }
        func z(_ d: Draw) -> Double { stream.normal(d.rawValue) }

        self.index = index
        // Stratified segment mix: the golden-ratio (Kronecker) sequence fills every
        // segment in its share to within a few exposures at any size, interleaved.
        let position = (Double(index) + 0.5) * 0.618_033_988_749_894_9
        let segment = SampleBankProfiles.segmentChoice.index(for: position - position.rounded(.down))
        self.segment = segment
        let profile = SampleBankProfiles.all[segment]

        let quality = CreditQualityProfile.of(profile.assetClass)
        let stageDraw = u(.stage)
        let stage = stageDraw < quality.stage3Share ? 3 : (stageDraw < quality.stage3Share + quality.stage2Share ? 2 : 1)
        self.stage = stage
        var performingPD: Double
        switch profile.pd {
        case let .lognormal(median, sigma):
            let raw = median * exp(sigma * z(.pd))
            performingPD = roundTo(min(max(raw, 0.0003), 0.35), decimals: 6)
            grade = MasterScale.grade(forPD: performingPD)
        case let .graded(choice):
            let g = choice.index(for: u(.grade))
            grade = g
            performingPD = MasterScale.grades[g].pd
        }
        // Stage 2: risk up fourfold since origination; stage 3: in default.
        originationPD = roundTo(performingPD * (0.7 + 0.6 * u(.origination)), decimals: 6)
        if stage == 2 { performingPD = roundTo(min(performingPD * 4, 0.35), decimals: 6) }
        pd = stage == 3 ? 1 : performingPD
        switch stage {
        case 3: daysPastDue = 90 + Int(610 * u(.pastDue))
        case 2: daysPastDue = u(.pastDue) < 0.2 ? 31 + Int(58 * u(.rate)) : 0
        default: daysPastDue = u(.pastDue) < 0.02 ? 1 + Int(29 * u(.rate)) : 0
        }
        eir = roundTo(quality.eir + 0.02 * (u(.rate) - 0.5), decimals: 4)

        let lgdRaw = Normal.cdf(Normal.quantile(profile.lgdMean) + profile.lgdSpread * z(.lgd))
        lgd = roundTo(min(max(lgdRaw, profile.lgdFloor), 1), decimals: 4)

        let amount = roundTo(profile.amountMedian * exp(profile.amountSigma * z(.amount)), decimals: 2)
        switch profile.facility {
        case .term:
            drawn = amount
            undrawn = 0
            ccf = .nan
            ead = amount
        case let .revolving(low, high, conversion):
            let utilisation = low + (high - low) * u(.utilisation)
            let d = roundTo(amount * utilisation, decimals: 2)
            drawn = d
            undrawn = roundTo(amount - d, decimals: 2)
            ccf = conversion
            ead = roundTo(d + conversion * (amount - d), decimals: 2)
        }

        country = profile.countries.index(for: u(.country))
        sector = profile.sectors.index(for: u(.sector))
        maturity = profile.hasMaturity ? roundTo(1 + 4 * u(.maturity), decimals: 2) : .nan
        if let term = quality.remainingTerm {
            remainingTerm = roundTo(term.low + (term.high - term.low) * u(.term), decimals: 2)
        } else {
            remainingTerm = maturity.isFinite ? maturity : 3
        }
        if let range = profile.turnoverRange {
            turnover = roundTo(range.low * exp(log(range.high / range.low) * u(.turnover)), decimals: 1)
        } else {
            turnover = .nan
        }
        if let ltv = profile.loanToValue {
            let value = min(max(ltv.mean + ltv.spread * z(.loanToValue), ltv.low), ltv.high)
            collateralValue = roundTo(ead / value, decimals: 0)
        } else {
            collateralValue = .nan
        }
        provision = stage == 3 ? roundTo(ead * min(lgd + 0.05, 1), decimals: 2) : .nan
    }

    var profile: SegmentProfile { SampleBankProfiles.all[segment] }
}

/// Rounds half away from zero to a number of decimals, so the CSV shows exactly
/// the value the generator computed with.
@inline(__always)
func roundTo(_ x: Double, decimals: Int) -> Double {
    let scale = powersOfTen[decimals]
    return (x * scale).rounded() / scale
}

let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
