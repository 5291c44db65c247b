import StressCore

/// RBI macro stress test, seed methodology (METHODOLOGY §2.4; RBI Master
/// Circular on stress testing; Financial Stability Report).
public enum RBIStress {
    /// The seed's severity table: PD multiplier, LGD add-on, NPA shift (fraction).
    public struct Severity: Sendable, Equatable {
        public var pdMultiplier: Double
        public var lgdAddOn: Double
        public var npaShift: Double
    }

    public static func severity(_ s: StressCore.Severity) -> Severity {
        switch s {
        case .mild: return Severity(pdMultiplier: 1.5, lgdAddOn: 0.05, npaShift: 0.02)
        case .severe, .severelyAdverse: return Severity(pdMultiplier: 3.0, lgdAddOn: 0.15, npaShift: 0.10)
        // Beyond the seed: the RBI's baseline is the forecast path, so no shock.
        case .baseline: return Severity(pdMultiplier: 1, lgdAddOn: 0, npaShift: 0)
        // The seed falls back to moderate for any other label.
        default: return Severity(pdMultiplier: 2.0, lgdAddOn: 0.10, npaShift: 0.05)
        }
    }

    public struct CreditQualityResult: Sendable, Equatable, Codable {
        public var baseEL: Double
        public var stressedEL: Double
        public var incrementalProvisions: Double
        public var pdMultiplier: Double
        public var lgdAddOn: Double
        enum CodingKeys: String, CodingKey {
            case baseEL = "base_el", stressedEL = "stressed_el", incrementalProvisions = "incremental_provisions"
            case pdMultiplier = "pd_multiplier", lgdAddOn = "lgd_add_on"
        }
    }

    /// EL with PD·m (capped at 1) and LGD + a (clipped to [0, 1]) on the jump-off EAD.
    public static func creditQuality(pd: [Double], lgd: [Double], ead: [Double], severity s: Severity) -> CreditQualityResult {
        var base = 0.0, stressed = 0.0
        for i in pd.indices {
            base += pd[i] * lgd[i] * ead[i]
            stressed += min(pd[i] * s.pdMultiplier, 1) * min(max(lgd[i] + s.lgdAddOn, 0), 1) * ead[i]
        }
        return CreditQualityResult(baseEL: base, stressedEL: stressed, incrementalProvisions: stressed - base,
                                   pdMultiplier: s.pdMultiplier, lgdAddOn: s.lgdAddOn)
    }

    public struct InterestRateResult: Sendable, Equatable, Codable {
        public var rateShock: Double
        public var eveImpact: Double
        public var niiImpact: Double
        public var stressedNII: Double
        /// CAR in percent, as the RBI reports it.
        public var baselineCAR: Double
        public var stressedCAR: Double
        public var carChangePP: Double
        enum CodingKeys: String, CodingKey {
            case rateShock = "rate_shock", eveImpact = "eve_impact", niiImpact = "nii_impact"
            case stressedNII = "stressed_nii", baselineCAR = "baseline_car", stressedCAR = "stressed_car"
            case carChangePP = "car_change_pp"
        }
    }

    /// EVE = −D_gap·Δr·A; NII = Δr·advances·f_rs; CAR change (pp) = 100·EVE/(A·RW_avg).
    /// `baselineCAR` is in the unit the caller keeps (the seed passes percent).
    public static func interestRate(shock: Double, durationGap: Double, totalAssets: Double, totalAdvances: Double,
                                    netInterestIncome: Double, baselineCAR: Double,
                                    rateSensitiveFraction: Double = 0.6, averageRiskWeight: Double = 0.75) -> InterestRateResult {
        let eve = -durationGap * shock * totalAssets
        let nii = shock * (totalAdvances * rateSensitiveFraction)
        let rwa = totalAssets * averageRiskWeight
        let change = rwa > 0 ? (eve / rwa) * 100 : 0
        return InterestRateResult(rateShock: shock, eveImpact: eve, niiImpact: nii, stressedNII: netInterestIncome + nii,
                                  baselineCAR: baselineCAR, stressedCAR: baselineCAR + change, carChangePP: change)
    }

    public struct CreditQualitySensitivityResult: Sendable, Equatable, Codable {
        public var npaIncreasePP: Double
        public var baselineNPARatio: Double
        public var stressedNPARatio: Double
        public var incrementalNPA: Double
        public var incrementalProvisions: Double
        public var baselineCAR: Double
        public var stressedCAR: Double
        public var carReductionPP: Double
        enum CodingKeys: String, CodingKey {
            case npaIncreasePP = "npa_increase_pp", baselineNPARatio = "baseline_npa_ratio"
            case stressedNPARatio = "stressed_npa_ratio", incrementalNPA = "incremental_npa"
            case incrementalProvisions = "incremental_provisions", baselineCAR = "baseline_car"
            case stressedCAR = "stressed_car", carReductionPP = "car_reduction_pp"
        }
    }

    /// Provisions = (ΔNPA/100)·advances·PCR; CAR reduction (pp) = 100·provisions/(advances·RW_avg).
    /// The stressed NPA ratio adds ΔNPA to the baseline in the caller's unit (the seed: as given).
    public static func creditQualitySensitivity(npaIncreasePP: Double, baselineNPARatio: Double, baselineCAR: Double,
                                                totalAdvances: Double, provisionCoverage: Double = 0.70,
                                                averageRiskWeight: Double = 0.75) -> CreditQualitySensitivityResult {
        let npa = (npaIncreasePP / 100) * totalAdvances
        let provisions = npa * provisionCoverage
        let rwa = totalAdvances * averageRiskWeight
        let reduction = rwa > 0 ? (provisions / rwa) * 100 : 0
        return CreditQualitySensitivityResult(
            npaIncreasePP: npaIncreasePP, baselineNPARatio: baselineNPARatio,
            stressedNPARatio: baselineNPARatio + npaIncreasePP, incrementalNPA: npa,
            incrementalProvisions: provisions, baselineCAR: baselineCAR, stressedCAR: baselineCAR - reduction,
            carReductionPP: reduction)
    }
}
