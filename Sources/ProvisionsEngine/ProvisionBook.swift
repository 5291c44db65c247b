import StressCore

/// The per-exposure constants of the provisions projection, as columns (METHODOLOGY §9),
/// built once per run from the portfolio and the framework's rules:
///
/// - stage at jump-off: the portfolio's `stage` where given; otherwise 3 in default (stage 3
///   column, default flag, PD 1), 2 when more than `dpdBackstop` days past due (IFRS 9
///   5.5.11) or the significant-increase test holds against the origination PD, else 1;
/// - origination PD: the column where given; otherwise the jump-off PD (stage 1: no
///   increase yet) or the jump-off PD ÷ the SICR multiple (stage 2: on the threshold, so
///   any improvement cures);
/// - remaining term: `remaining_term`, else `maturity_date` − as-of, else the rule's typical
///   term of the asset class; EIR: `eir`, else the rule's; write-off: `write_off_policy`,
///   else the rule's; years in default at jump-off: (days past due − 90) / 365.
public struct ProvisionBook: Sendable {
    public let count: Int
    public let stage0: [UInt8]
    /// Jump-off annual PD, floored; 1 in default.
    public let pd0: [Double]
    public let lgd0: [Double]
    public let ead0: [Double]
    public let originationPD: [Double]
    public let remainingTerm: [Double]
    public let eir: [Double]
    /// Loss allowance held at jump-off; NaN where the portfolio gives none (the model's then).
    public let heldProvision: [Double]
    public let writeOffYears: [Double]
    public let yearsInDefault: [Double]
    /// Annual amortisation rate.
    public let amortisation: [Double]
    /// Whether the exposure is more than `dpdBackstop` days past due at jump-off.
    public let pastDueBackstop: [Bool]
    public let assetClass: [AssetClass]
    public let secured: [Bool]
    public let segment: CategoricalColumn
    /// The obligor's country (the geographical breakdown of the results).
    public let country: CategoricalColumn
    /// Exposures whose given stage differs from the one the rules give at jump-off, by direction.
    public let stageDisagreements: [String: Int]

    /// `pool`: shared with the other frameworks' books of the same portfolio, so columns that
    /// come out equal (held provisions, amortisation, often terms and rates) are held once.
    public init(portfolio p: Portfolio, rules: ProvisioningRules, pdFloor: Double, asOf: String,
                pool: ColumnPool = ColumnPool()) {
        let n = p.count
        count = n
        let asOfDay = ISODate.dayNumber(asOf)
        var stage = [UInt8](repeating: 1, count: n), pd = [Double](repeating: 0, count: n)
        var origination = pd, term = pd, eir = pd, held = pd, writeOff = pd, years = pd, amortisation = pd
        var backstop = [Bool](repeating: false, count: n), secured = backstop
        var disagreements: [String: Int] = [:]
        let classes = p.assetClass.count == n ? p.assetClass : Array(repeating: .corporate, count: n)
        for i in 0..<n {
            let defaulted = p.isDefaulted(i)
            let pdi = defaulted ? 1 : max(p.pd[i], pdFloor)
            pd[i] = pdi
            let dpd = p.daysPastDue?[i] ?? .nan
            backstop[i] = dpd.isFinite && dpd > rules.dpdBackstop
            let givenOrigination = p.originationPD?[i] ?? .nan
            var ruleStage: UInt8 = 1
            if defaulted || (dpd.isFinite && dpd >= rules.defaultDPD) {
                ruleStage = 3
            } else if backstop[i] || (givenOrigination.isFinite && rules.significantIncrease(pd: pdi, originationPD: givenOrigination)) {
                ruleStage = 2
            }
            let given = p.stage.map { $0[i] } ?? 0
            let s = given == 0 ? ruleStage : given
            if given != 0 && given != ruleStage { disagreements["stage \(given) given, \(ruleStage) by the rules", default: 0] += 1 }
            stage[i] = s
            origination[i] = givenOrigination.isFinite ? givenOrigination : (s == 2 ? pdi / rules.sicrRelative : pdi)
            let c = classes[i]
            var remaining = p.remainingTerm?[i] ?? .nan
            if !remaining.isFinite, let day = p.maturityDate?[i], day.isFinite, let asOfDay {
                remaining = max(ISODate.years(from: asOfDay, to: Int(day)), 0)
            }
            term[i] = remaining.isFinite ? remaining : (rules.defaultRemainingTerm[c] ?? 3)
            let e = p.eir?[i] ?? .nan
            eir[i] = e.isFinite ? e : rules.defaultEIR
            held[i] = p.provision?[i] ?? .nan
            let w = p.writeOffPolicy?[i] ?? .nan
            writeOff[i] = w.isFinite ? w : rules.writeOffYears
            years[i] = s == 3 && dpd.isFinite ? max(dpd - rules.defaultDPD, 0) / 365 : 0
            let a = p.amortisation?[i] ?? .nan
            amortisation[i] = a.isFinite ? a : 0
            let collateral = p.collateralValue?[i] ?? .nan
            secured[i] = collateral.isFinite && collateral > 0
        }
        stage0 = pool.intern(stage)
        pd0 = pool.intern(pd)
        lgd0 = p.lgd
        ead0 = p.ead
        originationPD = pool.intern(origination)
        remainingTerm = pool.intern(term)
        self.eir = pool.intern(eir)
        heldProvision = pool.intern(held)
        writeOffYears = pool.intern(writeOff)
        yearsInDefault = pool.intern(years)
        self.amortisation = pool.intern(amortisation)
        pastDueBackstop = pool.intern(backstop)
        assetClass = classes
        self.secured = pool.intern(secured)
        segment = p.segment.count == n ? p.segment : CategoricalColumn(Array(repeating: "", count: n))
        country = p.country.count == n ? p.country : CategoricalColumn(Array(repeating: "", count: n))
        stageDisagreements = disagreements
    }
}
