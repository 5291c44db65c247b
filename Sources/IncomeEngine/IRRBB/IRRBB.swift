import Foundation
import StressCore

/// Interest rate risk in the banking book (METHODOLOGY §8.3): ΔEVE and ΔNII under the six
/// BCBS d368 shocks, the supervisory outlier tests, and the RBI duration gap, for one
/// currency (the book's).
///
/// ΔEVE (d368 standardised framework): with the net cash flows CF_k of `CashFlowLadder` at
/// midpoints t_k, the base curve R(t) and a shocked curve R_i(t) = max(R(t) + ΔR_i(t),
/// min(R(t), floor(t))) (the post-shock lower bound when `postShockFloor`, else unbounded),
///
///   EVE = Σ_k CF_k·DF(R(t_k), t_k),   ΔEVE_i = Σ_k CF_k·(DF(R_i(t_k), t_k) − DF(R(t_k), t_k))
///
/// (continuous compounding by default; `Compounding.annual` gives creditriskengine's figure).
///
/// ΔNII_i: the income engine's projection (`PositionProjection`: repricing schedule, betas,
/// floors, lags, prepayment) over `niiHorizonMonths` on a constant balance sheet, every
/// reference rate moved at once by the shock at its tenor (bounded as above), less the same
/// projection with rates held. The classic repricing-gap figure is reported beside it:
///   ΔNII_gap,i = Σ_{k: t_k < H} ΔR_i(t_k)·CF⁰_k·(H − t_k)
/// with the principal-only ladder CF⁰ and horizon H years (creditriskengine's
/// `nii_sensitivity` for a parallel shock).
///
/// Outlier tests: EVE — the largest ΔEVE loss over the six shocks above 15% of Tier 1
/// (CRD Art. 98(5); d368); NII — the larger ΔNII decline under the two parallel shocks above
/// `niiOutlierThreshold` of Tier 1 (5%, the EBA's level after its Opinion of 26 April 2023,
/// replacing 2.5%).
///
/// Duration gap (RBI, "Guidelines on banks' asset liability management framework – interest
/// rate risk", 2010; paragraph not confirmed here): modified duration of a bucket
/// MD_k = t_k / (1 + R(t_k)), of assets D_A = Σ_k A_k·MD_k / Σ_k A_k over the principal
/// ladder, likewise D_L, and DGAP = D_A − (L / A)·D_L with A, L the book's assets and
/// liabilities: the figure the RBI sensitivity's ΔEVE = −DGAP·Δr·A takes.
public enum IRRBB {
    public struct Options: Sendable, Equatable, Codable {
        public var compounding: Compounding
        public var interestCashFlows: CashFlowLadder.InterestCashFlows
        public var postShockFloor: Bool
        public var niiHorizonMonths: Int
        public var eveOutlierThreshold: Double
        public var niiOutlierThreshold: Double

        public init(compounding: Compounding = .continuous, interestCashFlows: CashFlowLadder.InterestCashFlows = .customerRate,
                    postShockFloor: Bool = true, niiHorizonMonths: Int = 12, eveOutlierThreshold: Double = 0.15,
                    niiOutlierThreshold: Double = 0.05) {
            self.compounding = compounding
            self.interestCashFlows = interestCashFlows
            self.postShockFloor = postShockFloor
            self.niiHorizonMonths = niiHorizonMonths
            self.eveOutlierThreshold = eveOutlierThreshold
            self.niiOutlierThreshold = niiOutlierThreshold
        }

        enum CodingKeys: String, CodingKey {
            case compounding, interestCashFlows = "interest_cash_flows", postShockFloor = "post_shock_floor"
            case niiHorizonMonths = "nii_horizon_months", eveOutlierThreshold = "eve_outlier_threshold"
            case niiOutlierThreshold = "nii_outlier_threshold"
        }
    }

    public struct Inputs: Sendable {
        public var bankingBook: BankingBook
        public var currency: String
        public var tier1: Double
        /// The currency's shock sizes; `ShockSizes.of(currency:)` when nil (the d368 table).
        public var shockSizes: ShockSizes?
        /// The base curve; the book's jump-off risk-free rates when nil.
        public var baseCurve: YieldCurve?
        public var options: Options
        public var balanceSheetFile: String

        public init(bankingBook: BankingBook, currency: String, tier1: Double, shockSizes: ShockSizes? = nil,
                    baseCurve: YieldCurve? = nil, options: Options = Options(), balanceSheetFile: String = "balance sheet") {
            self.bankingBook = bankingBook
            self.currency = currency
            self.tier1 = tier1
            self.shockSizes = shockSizes
            self.baseCurve = baseCurve
            self.options = options
            self.balanceSheetFile = balanceSheetFile
        }
    }

    public static func measure(_ input: Inputs) -> IRRBBResult {
        let book = input.bankingBook
        let options = input.options
        var findings: [DataQualityFinding] = []

        var sizes = input.shockSizes ?? ShockSizes.of(currency: input.currency)
        if sizes == nil {
            sizes = ShockSizes(parallel: 0.02, short: 0.025, long: 0.01,
                               source: "no d368 calibration for \(input.currency): the EUR sizes (200/250/100 bp) stand in")
            findings.append(DataQualityFinding(
                severity: .warning, file: input.balanceSheetFile, field: "currency",
                message: "BCBS d368 has no shock sizes for \(input.currency): IRRBB uses 200/250/100 bp (the EUR sizes)"))
        }
        let shockSizes = sizes!
        var curve = input.baseCurve ?? YieldCurve.jumpOff(book.referenceRates)
        if curve == nil {
            curve = .flat(0)
            findings.append(DataQualityFinding(
                severity: .warning, file: input.balanceSheetFile, field: "banking_book.reference_rates",
                message: "no risk-free reference rate (policy_rate, short_rate, 2y, 5y, 10y): ΔEVE discounts at 0%"))
        }
        let base = curve!
        findings += nonMaturityCapFindings(book, file: input.balanceSheetFile)

        // ΔEVE.
        let ladder = CashFlowLadder(book: book, interest: options.interestCashFlows)
        let t = ladder.midpoints
        let baseRates = t.map { base.rate(at: $0) }
        let baseDF = zip(baseRates, t).map { options.compounding.discountFactor(rate: $0, tenor: $1) }
        let eve = zip(ladder.net, baseDF).reduce(0) { $0 + $1.0 * $1.1 }
        func shocked(_ rate: Double, _ shock: InterestRateShock, tenor: Double) -> Double {
            let moved = rate + shock.change(tenor: tenor, sizes: shockSizes)
            return options.postShockFloor ? max(moved, min(rate, InterestRateShock.lowerBound(tenor: tenor))) : moved
        }

        // ΔNII: the projection with rates held and with each shock.
        let months = options.niiHorizonMonths
        func nii(_ shock: InterestRateShock?) -> Double {
            book.positions.reduce(0) { total, p in
                let r0 = book.referenceRates[p.referenceRate] ?? 0
                let r1 = shock.map { shocked(r0, $0, tenor: p.referenceRate.tenor) } ?? r0
                let projection = PositionProjection(position: p, jumpOffReference: r0, spreadPassThrough: 0)
                let interest = projection.monthlyInterest(months: months, reference: { $0 < 0 ? r0 : r1 }, spread: { _ in 0 })
                    .reduce(0, +)
                return total + (p.side == .asset ? interest : -interest)
            }
        }
        let niiBase = nii(nil)
        let horizon = Double(months) / 12
        let principal = options.interestCashFlows == .none ? ladder : CashFlowLadder(book: book, interest: .none)

        var results: [IRRBBShockResult] = []
        for shock in InterestRateShock.allCases {
            let df = t.indices.map { k in
                options.compounding.discountFactor(rate: shocked(baseRates[k], shock, tenor: t[k]), tenor: t[k])
            }
            let deltaEVE = t.indices.reduce(0) { $0 + ladder.net[$1] * (df[$1] - baseDF[$1]) }
            let gap = t.indices.filter { t[$0] < horizon }.reduce(0) { total, k in
                total + shock.change(tenor: t[k], sizes: shockSizes) * principal.net[k] * (horizon - t[k])
            }
            results.append(IRRBBShockResult(shock: shock, deltaEVE: deltaEVE, deltaNII: nii(shock) - niiBase,
                                            deltaNIIRepricingGap: gap))
        }

        // Outlier tests: the NII decline is the larger of the two parallel shocks'.
        let parallelNII = results.filter { $0.shock == .parallelUp || $0.shock == .parallelDown }.map(\.deltaNII)
        let test = outlierTest(deltaEVE: results.map { ($0.shock, $0.deltaEVE) }, tier1: input.tier1,
                               deltaNII: parallelNII.min() ?? 0, eveThreshold: options.eveOutlierThreshold,
                               niiThreshold: options.niiOutlierThreshold)

        // Duration gap.
        let md = t.indices.map { t[$0] / (1 + baseRates[$0]) }
        let assets = principal.assets.reduce(0, +), liabilities = principal.liabilities.reduce(0, +)
        let assetDuration = assets > 0 ? t.indices.reduce(0) { $0 + principal.assets[$1] * md[$1] } / assets : 0
        let liabilityDuration = liabilities > 0 ? t.indices.reduce(0) { $0 + principal.liabilities[$1] * md[$1] } / liabilities : 0
        let durationGap = assetDuration - (assets > 0 ? liabilities / assets : 0) * liabilityDuration

        return IRRBBResult(
            currency: input.currency, shockSizes: shockSizes, baseCurve: base, options: options, cashFlows: ladder,
            economicValueOfEquity: eve, netInterestIncome: niiBase, shocks: results,
            worstShock: test.worstShock, worstEVELoss: test.worstEVELoss, tier1: input.tier1,
            eveRatio: test.eveRatio, eveOutlier: test.eveOutlier,
            niiDecline: test.niiDecline, niiRatio: test.niiRatio, niiOutlier: test.niiOutlier,
            assetDuration: assetDuration, liabilityDuration: liabilityDuration, durationGap: durationGap,
            findings: findings)
    }

    /// The supervisory outlier tests on given figures. EVE: the largest loss −ΔEVE over the
    /// shocks (the first in `deltaEVE`'s order on a tie; none when no shock loses value) over
    /// Tier 1, an outlier when above `eveThreshold`. NII: the decline max(−ΔNII, 0) over Tier 1,
    /// an outlier when above `niiThreshold`. Ratios are 0 when Tier 1 is not positive.
    public static func outlierTest(deltaEVE: [(InterestRateShock, Double)], tier1: Double, deltaNII: Double,
                                   eveThreshold: Double = 0.15, niiThreshold: Double = 0.05) -> OutlierTest {
        var worst: InterestRateShock?
        var worstLoss = 0.0
        for (shock, value) in deltaEVE where -value > worstLoss {
            worstLoss = -value
            worst = shock
        }
        let decline = max(-deltaNII, 0)
        let eveRatio = tier1 > 0 ? worstLoss / tier1 : 0
        let niiRatio = tier1 > 0 ? decline / tier1 : 0
        return OutlierTest(worstShock: worst, worstEVELoss: worstLoss, eveRatio: eveRatio,
                           eveOutlier: eveRatio > eveThreshold, niiDecline: decline, niiRatio: niiRatio,
                           niiOutlier: niiRatio > niiThreshold)
    }

    public struct OutlierTest: Sendable, Equatable {
        public var worstShock: InterestRateShock?
        public var worstEVELoss: Double
        public var eveRatio: Double
        public var eveOutlier: Bool
        public var niiDecline: Double
        public var niiRatio: Double
        public var niiOutlier: Bool
    }

    /// d368's caps on non-maturity deposits: core share and average maturity by category.
    static func nonMaturityCapFindings(_ book: BankingBook, file: String) -> [DataQualityFinding] {
        book.positions.compactMap { p -> DataQualityFinding? in
            guard let nm = p.nonMaturity else { return nil }
            let caps = nm.category.caps
            guard nm.coreShare > caps.coreShare + 1e-12 || nm.behaviouralMaturity > caps.averageMaturity + 1e-12 else { return nil }
            return DataQualityFinding(
                severity: .warning, file: file, field: "banking_book.positions",
                message: "\(p.name): core share \(nm.coreShare) and behavioural maturity \(nm.behaviouralMaturity)y exceed "
                    + "the BCBS d368 caps for \(nm.category.rawValue) deposits (\(caps.coreShare), \(caps.averageMaturity)y)")
        }
    }
}

/// One shock's ΔEVE and ΔNII.
public struct IRRBBShockResult: Sendable, Equatable, Codable {
    public var shock: InterestRateShock
    public var deltaEVE: Double
    /// From the income engine's projection over the NII horizon.
    public var deltaNII: Double
    /// The classic repricing-gap figure (principal repricing within the horizon).
    public var deltaNIIRepricingGap: Double

    enum CodingKeys: String, CodingKey {
        case shock, deltaEVE = "delta_eve", deltaNII = "delta_nii", deltaNIIRepricingGap = "delta_nii_repricing_gap"
    }
}

/// results.json `irrbb`.
public struct IRRBBResult: Sendable, Equatable, Codable {
    public var currency: String
    public var shockSizes: ShockSizes
    public var baseCurve: YieldCurve
    public var options: IRRBB.Options
    public var cashFlows: CashFlowLadder
    /// Net present value of the ladder on the base curve.
    public var economicValueOfEquity: Double
    /// NII over the horizon with rates held.
    public var netInterestIncome: Double
    public var shocks: [IRRBBShockResult]
    /// The shock with the largest ΔEVE loss; nil when no shock loses value.
    public var worstShock: InterestRateShock?
    public var worstEVELoss: Double
    public var tier1: Double
    public var eveRatio: Double
    /// Worst ΔEVE loss > 15% of Tier 1.
    public var eveOutlier: Bool
    public var niiDecline: Double
    public var niiRatio: Double
    public var niiOutlier: Bool
    /// Modified durations (years) and the RBI duration gap.
    public var assetDuration: Double
    public var liabilityDuration: Double
    public var durationGap: Double

    /// Findings (d368 caps on non-maturity deposits, missing shock sizes or curve); not encoded.
    public var findings: [DataQualityFinding] = []

    public func result(_ shock: InterestRateShock) -> IRRBBShockResult { shocks.first { $0.shock == shock }! }

    enum CodingKeys: String, CodingKey {
        case currency, shockSizes = "shock_sizes", baseCurve = "base_curve", options, cashFlows = "cash_flows"
        case economicValueOfEquity = "economic_value_of_equity", netInterestIncome = "net_interest_income"
        case shocks, worstShock = "worst_shock", worstEVELoss = "worst_eve_loss", tier1 = "tier1"
        case eveRatio = "eve_ratio", eveOutlier = "eve_outlier", niiDecline = "nii_decline", niiRatio = "nii_ratio"
        case niiOutlier = "nii_outlier", assetDuration = "asset_duration", liabilityDuration = "liability_duration"
        case durationGap = "duration_gap"
    }
}
