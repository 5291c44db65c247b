import StressCore

/// Credit RWA at jump-off and, optionally, per projected period (from the credit engine's
/// pass at the period's stressed PDs and LGDs).
public struct CreditRWAPath: Sendable, Equatable {
    public var jumpOff: Double
    /// Per period; nil holds RWA at jump-off.
    public var periods: [Double]?
    /// Credit RWA never falls below the jump-off figure (the EBA's rule; see `CapitalRules`).
    public var floorAtStart: Bool

    public init(jumpOff: Double, periods: [Double]? = nil, floorAtStart: Bool = true) {
        self.jumpOff = jumpOff
        self.periods = periods
        self.floorAtStart = floorAtStart
    }
}

/// Choices of the capital projection that go beyond METHODOLOGY §3's formulas.
public struct CapitalOptions: Sendable, Equatable {
    /// The RWA that divides the SCB's dividend add-on (see `StressCapitalBuffer`).
    public enum DividendAddOnRWA: String, Sendable, Codable {
        case start, minimumQuarter = "minimum_quarter"
    }

    /// Cap each period's distributions at the maximum distributable amount when the CET1
    /// ratio is within the combined buffer (RBC30.4). When false, planned distributions are
    /// paid in full and the MDA is only reported.
    public var restrictDistributions: Bool
    public var dividendAddOnRWA: DividendAddOnRWA

    public init(restrictDistributions: Bool = true, dividendAddOnRWA: DividendAddOnRWA = .start) {
        self.restrictDistributions = restrictDistributions
        self.dividendAddOnRWA = dividendAddOnRWA
    }
}

/// The capital trajectory of one scenario (METHODOLOGY §3). Per period t:
///
///   pre-tax_t = PPNR_t − credit losses_t − other losses_t
///   taxes_t   = max(pre-tax_t, 0)·tax rate        (no tax credit on losses: deferred tax
///                                                  assets are deducted from CET1, CRR Art. 36(1)(c))
///   net_t     = pre-tax_t − taxes_t
///   CET1_t    = CET1_t−1 + net_t − distributions_t − (D_t − D_t−1)
///   Tier 1_t  = CET1_t + AT1, total capital_t = Tier 1_t + Tier 2 + E_t   (AT1 and Tier 2 held)
///
/// where D_t is the change since jump-off of the IRB expected-loss shortfall deducted from
/// CET1 (CRR Art. 36(1)(d), Art. 159) and E_t the change in the provisions excess counted
/// in Tier 2 (CRR Art. 62(d), up to 0.6% of IRB credit RWA); both zero unless given. Credit
/// losses are the provisions engine's impairments (Δ provisions + write-offs).
///   RWA_t     = RWA_0 + (RWA_0 − other RWA)·(g_t − 1),  g_t = credit RWA_t / credit RWA_0,
///               floored at 1 when the path says so (held at RWA_0 without a path)
///   ratios    = CET1_t, Tier 1_t, total capital_t over RWA_t; leverage = Tier 1_t / leverage exposure
///
/// RWA_0 is the balance sheet's `rwa` when given, else credit RWA at jump-off + other
/// (market and operational) RWA, which is held. The model's relative change in credit RWA
/// scales the credit part of the reported figure, so a reported RWA that differs from the
/// model's level (other models, add-ons, the output floor) moves in proportion rather
/// than by the model's absolute change. The credit RWA path is the framework's own
/// (`FrameworkRWA`: IRB at regulatory PDs with an output floor, or standardised); where the
/// framework floors it at the starting point (the EBA static balance sheet), a benign
/// scenario releases no capital. The leverage exposure
/// is held at jump-off. A ratio with RWA ≤ 0 is reported as 0.
///
/// Income lines: `ppnr` from the scenario when it gives one (per period), else the
/// balance sheet's; balance-sheet lines are annual, so a quarterly projection takes a
/// quarter of year ⌊t/4⌋'s figure in each quarter. Missing periods count as zero and are
/// listed in `missingIncomeLines`.
///
/// Distributions are the balance sheet's planned `distributions`, paid after the period's
/// profit; with `restrictDistributions`, capped at the maximum distributable amount of
/// the CET1 ratio before distributions (`ConservationBuffer`) within the buffer, and
/// above it at the surplus over the trigger, so a payout never takes the ratio into the
/// buffer (CRD Art. 141(2)).
public enum CapitalProjection {
    public struct Inputs: Sendable {
        public var framework: Framework
        public var frequency: Frequency
        public var periods: [String]
        /// One figure per period (the credit engine's period EL).
        public var creditLosses: [Double]
        public var creditRWA: CreditRWAPath?
        /// PPNR per period overriding the balance sheet's (CCAR scenarios' `ppnr`).
        public var ppnr: [Double]?
        /// Change since jump-off of the expected-loss shortfall deducted from CET1, per period.
        public var cet1Deductions: [Double]?
        /// Change since jump-off of the provisions excess counted in Tier 2, per period.
        public var tier2Adjustments: [Double]?
        /// Losses other than credit that the run projects (operational risk from the income
        /// engine), added to the balance sheet's `other_losses`, per period.
        public var projectedOtherLosses: [Double]?
        /// PPNR's parts when the income engine made it: NII, non-interest income and operating
        /// expenses per period (NII + non-interest income − expenses = `ppnr`), for the waterfall.
        public var ppnrSplit: PPNRSplit?
        public var balanceSheet: BalanceSheet
        public var options: CapitalOptions

        public init(framework: Framework, frequency: Frequency, periods: [String], creditLosses: [Double],
                    creditRWA: CreditRWAPath? = nil, ppnr: [Double]? = nil, balanceSheet: BalanceSheet,
                    options: CapitalOptions = CapitalOptions(), cet1Deductions: [Double]? = nil,
                    tier2Adjustments: [Double]? = nil, projectedOtherLosses: [Double]? = nil,
                    ppnrSplit: PPNRSplit? = nil) {
            precondition(projectedOtherLosses.map { $0.count == periods.count } ?? true, "CapitalProjection: other losses per period")
            self.projectedOtherLosses = projectedOtherLosses
            self.ppnrSplit = ppnrSplit
            precondition(cet1Deductions.map { $0.count == periods.count } ?? true, "CapitalProjection: one deduction per period")
            precondition(tier2Adjustments.map { $0.count == periods.count } ?? true, "CapitalProjection: one Tier 2 figure per period")
            self.cet1Deductions = cet1Deductions
            self.tier2Adjustments = tier2Adjustments
            precondition(creditLosses.count == periods.count, "CapitalProjection: one credit loss per period")
            precondition(creditRWA?.periods.map { $0.count == periods.count } ?? true,
                         "CapitalProjection: one credit RWA per period")
            self.framework = framework
            self.frequency = frequency
            self.periods = periods
            self.creditLosses = creditLosses
            self.creditRWA = creditRWA
            self.ppnr = ppnr
            self.balanceSheet = balanceSheet
            self.options = options
        }
    }

    public static func project(_ input: Inputs) -> CapitalResult {
        let b = input.balanceSheet
        let n = input.periods.count
        let lines = IncomeLines(input)
        let requirements = CapitalRequirements.of(input.framework, balanceSheet: b)

        let rwa0 = b.capital.rwa ?? ((input.creditRWA?.jumpOff ?? 0) + b.capital.otherRWA)
        let rwa: [Double] = (0..<n).map { t in
            guard let path = input.creditRWA, let periods = path.periods, path.jumpOff > 0 else { return rwa0 }
            let growth = path.floorAtStart ? max(periods[t] / path.jumpOff, 1) : periods[t] / path.jumpOff
            return max(rwa0 + max(rwa0 - b.capital.otherRWA, 0) * (growth - 1), 0)
        }
        let deductions = input.cet1Deductions ?? Array(repeating: 0, count: n)
        let path = Path(cet1: b.capital.cet1, rwa: rwa, lines: lines, creditLosses: input.creditLosses,
                        deductions: deductions, taxRate: b.income.taxRate, planned: lines.planned,
                        requirements: requirements, restrict: input.options.restrictDistributions, labels: input.periods)

        func ratio(_ amount: Double, _ denominator: Double) -> Double {
            denominator >= CET1Waterfall.smallestDenominator ? amount / denominator : 0
        }
        let tier1 = path.cet1.map { $0 + b.capital.at1 }
        let total = (0..<n).map { tier1[$0] + b.capital.tier2 + (input.tier2Adjustments?[$0] ?? 0) }
        let cet1Ratio = (0..<n).map { ratio(path.cet1[$0], rwa[$0]) }
        let tier1Ratio = (0..<n).map { ratio(tier1[$0], rwa[$0]) }
        let totalRatio = (0..<n).map { ratio(total[$0], rwa[$0]) }
        let leverage = tier1.map { ratio($0, b.capital.leverageExposure) }
        let series: [CapitalMeasure: [Double]] = [.cet1Ratio: cet1Ratio, .tier1Ratio: tier1Ratio,
                                                  .totalCapitalRatio: totalRatio, .leverageRatio: leverage]

        let start = ratio(b.capital.cet1, rwa0)
        let minIndex = firstMinimum(cet1Ratio)
        let minRatio = minIndex.map { cet1Ratio[$0] } ?? start
        let minPeriod = minIndex.map { input.periods[$0] } ?? ""

        let tests = requirements.tests.map { test -> CapitalTestResult in
            let values = series[test.measure]!
            let k = firstMinimum(values)
            let minimum = k.map { values[$0] } ?? .infinity
            return CapitalTestResult(name: test.name, measure: test.measure, threshold: test.threshold,
                                     minimum: k == nil ? test.threshold : minimum,
                                     minPeriod: k.map { input.periods[$0] } ?? "",
                                     breach: minimum < test.threshold, source: test.source)
        }
        let cet1Test = tests.first { $0.measure == .cet1Ratio }
        let leverageTest = tests.first { $0.measure == .leverageRatio }

        var scb: StressCapitalBuffer? = nil
        if input.framework == .ccar {
            let noDistributions = Path(cet1: b.capital.cet1, rwa: rwa, lines: lines, creditLosses: input.creditLosses,
                                       deductions: deductions, taxRate: b.income.taxRate, planned: Array(repeating: 0, count: n),
                                       requirements: requirements, restrict: false, labels: input.periods)
            let ratios = (0..<n).map { ratio(noDistributions.cet1[$0], rwa[$0]) }
            let k = firstMinimum(ratios)
            let dividends = n > 3 ? lines.planned[3..<min(7, n)].reduce(0, +) : 0
            let dividendRWA = input.options.dividendAddOnRWA == .minimumQuarter ? (k.map { rwa[$0] } ?? rwa0) : rwa0
            scb = .make(startRatio: start, minRatio: k.map { ratios[$0] } ?? start,
                        minPeriod: k.map { input.periods[$0] } ?? "", plannedDividends: dividends,
                        dividendRWA: dividendRWA)
        }

        let waterfall = CET1Waterfall.make(
            startCET1: b.capital.cet1, startRWA: rwa0, endCET1: path.cet1.last ?? b.capital.cet1,
            endRWA: rwa.last ?? rwa0, ppnr: lines.ppnr.reduce(0, +), creditLosses: input.creditLosses.reduce(0, +),
            otherLossesAndTaxes: lines.otherLosses.reduce(0, +) + path.taxes.reduce(0, +),
            deductions: deductions.last ?? 0,
            distributions: path.paid.reduce(0, +), minimumRatio: minRatio, minPeriod: minPeriod,
            split: input.ppnrSplit.map { $0.summed(through: n) })
        // The same steps summed to the period of the minimum ratio, so its end is
        // the minimum: what a board reads as "from jump-off to the trough".
        let through = (minIndex ?? n - 1) + 1
        let toMinimum = CET1Waterfall.make(
            startCET1: b.capital.cet1, startRWA: rwa0, endCET1: minIndex.map { path.cet1[$0] } ?? b.capital.cet1,
            endRWA: minIndex.map { rwa[$0] } ?? rwa0, ppnr: lines.ppnr.prefix(through).reduce(0, +),
            creditLosses: input.creditLosses.prefix(through).reduce(0, +),
            otherLossesAndTaxes: lines.otherLosses.prefix(through).reduce(0, +) + path.taxes.prefix(through).reduce(0, +),
            deductions: minIndex.map { deductions[$0] } ?? 0,
            distributions: path.paid.prefix(through).reduce(0, +), minimumRatio: minRatio, minPeriod: minPeriod,
            split: input.ppnrSplit.map { $0.summed(through: through) })

        return CapitalResult(
            periods: input.periods, cet1: path.cet1, tier1: tier1, totalCapital: total, rwa: rwa,
            leverageExposure: b.capital.leverageExposure, ppnr: lines.ppnr, creditLosses: input.creditLosses,
            otherLosses: lines.otherLosses, taxes: path.taxes, plannedDistributions: lines.planned,
            distributions: path.paid, cet1Ratio: cet1Ratio, tier1Ratio: tier1Ratio, totalCapitalRatio: totalRatio,
            leverageRatio: leverage, startCET1: b.capital.cet1, startRWA: rwa0, startCET1Ratio: start,
            startTier1Ratio: ratio(b.capital.tier1, rwa0), startTotalCapitalRatio: ratio(b.capital.totalCapital, rwa0),
            startLeverageRatio: ratio(b.capital.tier1, b.capital.leverageExposure), minCET1Ratio: minRatio,
            minPeriod: minPeriod, depletionBP: (start - minRatio) * 10_000, hurdle: cet1Test?.threshold,
            breach: cet1Test?.breach ?? false, leverageHurdle: leverageTest?.threshold,
            leverageBreach: leverageTest?.breach ?? false, anyBreach: tests.contains { $0.breach }, tests: tests,
            requirements: requirements, mda: path.decisions, stressCapitalBuffer: scb, waterfall: waterfall,
            waterfallToMinimum: toMinimum,
            missingIncomeLines: lines.missing)
    }

    /// Index of the first smallest value; nil for an empty series.
    static func firstMinimum(_ values: [Double]) -> Int? {
        values.indices.min { values[$0] < values[$1] }
    }

    // MARK: - Income lines

    struct IncomeLines {
        var ppnr: [Double]
        var otherLosses: [Double]
        var planned: [Double]
        var missing: [String]

        init(_ input: Inputs) {
            let n = input.periods.count
            let income = input.balanceSheet.income
            let quarterly = input.frequency == .quarterly
            var missing = Set<String>()
            func line(_ values: [Double], _ name: String, required: Bool) -> [Double] {
                (0..<n).map { t in
                    let year = quarterly ? t / 4 : t
                    guard year < values.count else {
                        if !values.isEmpty || required { missing.insert(name) }
                        return 0
                    }
                    return quarterly ? values[year] / 4 : values[year]
                }
            }
            if let override = input.ppnr {
                if override.count < n { missing.insert("ppnr") }
                ppnr = (0..<n).map { $0 < override.count ? override[$0] : 0 }
            } else {
                ppnr = line(income.ppnr, "ppnr", required: true)
            }
            var other = line(income.otherLosses, "other_losses", required: false)
            if let projected = input.projectedOtherLosses {
                for t in 0..<n { other[t] += projected[t] }
            }
            otherLosses = other
            planned = line(income.distributions, "distributions", required: false)
            self.missing = missing.sorted()
        }
    }

    // MARK: - The CET1 path

    struct Path {
        var cet1: [Double] = []
        var taxes: [Double] = []
        var paid: [Double] = []
        var decisions: [DistributionPeriod] = []

        init(cet1 start: Double, rwa: [Double], lines: IncomeLines, creditLosses: [Double], deductions: [Double],
             taxRate: Double, planned: [Double], requirements: CapitalRequirements, restrict: Bool, labels: [String]) {
            var cet1 = start
            for t in rwa.indices {
                let preTax = lines.ppnr[t] - creditLosses[t] - lines.otherLosses[t]
                let tax = max(preTax, 0) * taxRate
                let net = preTax - tax
                let before = cet1 + net - (deductions[t] - (t > 0 ? deductions[t - 1] : 0))
                let ratioBefore = rwa[t] >= CET1Waterfall.smallestDenominator ? before / rwa[t] : 0
                let constraint = ConservationBuffer.constraint(cet1Ratio: ratioBefore, minimum: requirements.minimumCET1,
                                                               combinedBuffer: requirements.combinedBuffer)
                // Above the buffer a bank may pay out only down to the trigger: a distribution
                // that takes CET1 below minimum + combined buffer is barred (CRD Art. 141(2)).
                // Within it, the RBC30.4 maximum distributable amount applies.
                let trigger = (requirements.minimumCET1 + requirements.combinedBuffer) * rwa[t]
                let mda = constraint.zone == .aboveBuffer ? max(before - trigger, 0)
                    : ConservationBuffer.maximumDistributableAmount(constraint, distributableProfit: net)
                let paid = restrict ? min(planned[t], mda ?? .infinity) : planned[t]
                cet1 = before - paid
                self.cet1.append(cet1)
                taxes.append(tax)
                self.paid.append(paid)
                decisions.append(DistributionPeriod(period: labels[t], cet1RatioBeforeDistributions: ratioBefore,
                                                    constraint: constraint, distributableProfit: net,
                                                    maximumDistributableAmount: mda, plannedDistributions: planned[t],
                                                    distributions: paid))
            }
        }
    }
}

/// PPNR's parts per period (METHODOLOGY §8): net interest income + non-interest income −
/// operating expenses.
public struct PPNRSplit: Sendable, Equatable {
    public var netInterestIncome: [Double]
    public var nonInterestIncome: [Double]
    public var operatingExpenses: [Double]

    public init(netInterestIncome: [Double], nonInterestIncome: [Double], operatingExpenses: [Double]) {
        self.netInterestIncome = netInterestIncome
        self.nonInterestIncome = nonInterestIncome
        self.operatingExpenses = operatingExpenses
    }

    /// Sums of the first `periods` periods: (NII, non-interest income, expenses).
    func summed(through periods: Int) -> (Double, Double, Double) {
        (netInterestIncome.prefix(periods).reduce(0, +), nonInterestIncome.prefix(periods).reduce(0, +),
         operatingExpenses.prefix(periods).reduce(0, +))
    }
}
