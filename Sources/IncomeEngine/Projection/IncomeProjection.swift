import StressCore

/// Net interest income, non-interest income and expenses, and PPNR of one scenario
/// (METHODOLOGY §8). Per period t of length Δ (1 year or a quarter), on a constant balance
/// sheet (every position keeps its amount; what reprices or matures is replaced like for
/// like at the period's rates — the EBA's static balance sheet, the Fed's constant one):
///
///   rates_t        = `ScenarioRates.build`: the scenario's rate paths, or a stated default
///   interest_p,t   = Σ_{months m of t} `PositionProjection` interest of position p in m
///                    × (1 − non-accruing share_p,t) for assets (stage 3 stops accruing)
///   NII_t (before) = Σ_assets interest − Σ_liabilities interest
///   NII_t          = min(NII_t (before), NII₀·Δ) when the framework caps NII in a stressed
///                    scenario (EBA), else NII_t (before); NII₀ = the reported jump-off NII,
///                    else the book's run-rate Σ ± amount × customer rate
///   non-interest   = `NonInterestProjection` (fees capped, costs floored under EBA rules)
///   PPNR_t         = NII_t + fee_t + trading_t + other_t − operating expenses_t
///
/// A "stressed" scenario is any whose severity is not `baseline`. Operational-risk losses
/// are reported beside PPNR, not in it. Every choice that is not the scenario's own figure
/// (a rate held at jump-off, an interpolated rate, a missing variable, a non-accrual path
/// shorter than the projection) is a finding in `IncomeResult.findings`.
///
/// Simplifications, stated: one currency (the book's); repricing dates spread evenly
/// within each bucket on a monthly grid; new business takes the position's own repricing
/// profile; the non-performing share stays funded at the liability rates; no hedges.
public enum IncomeProjection {
    public struct Inputs: Sendable {
        public var bankingBook: BankingBook
        public var nonInterest: NonInterestLines?
        /// Framework, severity, frequency, period labels and variables.
        public var scenario: Scenario
        /// The first `periodCount` periods are projected (CCAR: 9 of the Fed's 13).
        public var periodCount: Int
        /// The book's currency (the balance sheet's).
        public var currency: String
        public var rules: IncomeRules
        /// The levels of the scenario's own rate variables at its jump-off (e.g.
        /// `treasury_3m` at 2025Q4); their changes then apply to the bank's rates.
        public var scenarioJumpOff: [String: Double]
        /// Per product (`mortgages`) or position name: the share of the balance that is
        /// non-performing and does not accrue, per period.
        public var nonAccrual: [String: [Double]]?
        /// How the scenario and the balance sheet are named in findings.
        public var scenarioFile: String
        public var balanceSheetFile: String

        public init(bankingBook: BankingBook, nonInterest: NonInterestLines? = nil, scenario: Scenario,
                    periodCount: Int? = nil, currency: String, rules: IncomeRules? = nil,
                    scenarioJumpOff: [String: Double] = [:], nonAccrual: [String: [Double]]? = nil,
                    scenarioFile: String = "scenario", balanceSheetFile: String = "balance sheet") {
            let n = periodCount ?? scenario.periodCount
            precondition(n >= 1 && n <= scenario.periodCount, "IncomeProjection: 1 to \(scenario.periodCount) periods")
            precondition(bankingBook.positions.allSatisfy { bankingBook.referenceRates[$0.referenceRate] != nil },
                         "IncomeProjection: every position's reference rate needs a jump-off level")
            self.bankingBook = bankingBook
            self.nonInterest = nonInterest
            self.scenario = scenario
            self.periodCount = n
            self.currency = currency
            self.rules = rules ?? IncomeRules.of(scenario.framework)
            self.scenarioJumpOff = scenarioJumpOff
            self.nonAccrual = nonAccrual
            self.scenarioFile = scenarioFile
            self.balanceSheetFile = balanceSheetFile
        }
    }

    public static func project(_ input: Inputs) -> IncomeResult {
        let n = input.periodCount
        let book = input.bankingBook
        let scenario = input.scenario
        let monthsPerPeriod = scenario.frequency == .quarterly ? 3 : 12
        let periodLength = Double(monthsPerPeriod) / 12
        let stressed = scenario.severity != .baseline
        var findings: [DataQualityFinding] = []

        let rates = ScenarioRates.build(jumpOff: book.referenceRates, scenario: scenario, periodCount: n,
                                        scenarioJumpOff: input.scenarioJumpOff, rules: input.rules,
                                        currency: input.currency, scenarioFile: input.scenarioFile)
        findings += rates.findings

        // Interest per position and period.
        let nonAccrual = NonAccrual(input.nonAccrual, periodCount: n, book: book,
                                    balanceSheetFile: input.balanceSheetFile)
        findings += nonAccrual.findings
        var positions: [PositionIncome] = []
        for p in book.positions {
            let monthly = Self.monthlyInterest(p, months: n * monthsPerPeriod, monthsPerPeriod: monthsPerPeriod,
                                               paths: rates, jumpOff: book.referenceRates, rules: input.rules)
            let gross = (0..<n).map { t in
                monthly[(t * monthsPerPeriod)..<((t + 1) * monthsPerPeriod)].reduce(0, +)
            }
            let share = p.side == .asset ? nonAccrual.share(for: p) : [Double](repeating: 0, count: n)
            positions.append(PositionIncome(
                name: p.name, product: p.product, side: p.side, balance: p.amount,
                interest: (0..<n).map { gross[$0] * (1 - share[$0]) },
                averageRate: gross.map { p.amount != 0 ? $0 / (p.amount * periodLength) : 0 },
                nonAccruingShare: share))
        }

        let income = (0..<n).map { t in positions.filter { $0.side == .asset }.reduce(0) { $0 + $1.interest[t] } }
        let expense = (0..<n).map { t in positions.filter { $0.side == .liability }.reduce(0) { $0 + $1.interest[t] } }
        let before = (0..<n).map { income[$0] - expense[$0] }

        // The EBA cap.
        let runRate = book.runRateNetInterestIncome
        let jumpOff = book.reportedNetInterestIncome ?? runRate
        let capApplies = input.rules.capNIIAtJumpOff && stressed
        let limit = [Double](repeating: jumpOff * periodLength, count: n)
        let nii = (0..<n).map { capApplies ? min(before[$0], limit[$0]) : before[$0] }
        let cap = NIICap(applies: capApplies, limit: limit, applied: (0..<n).map { capApplies && before[$0] > limit[$0] },
                         adjustment: (0..<n).map { nii[$0] - before[$0] },
                         source: input.rules.capNIIAtJumpOff ? input.rules.sources["cap_nii_at_jump_off"] : nil)
        if book.reportedNetInterestIncome == nil && input.rules.capNIIAtJumpOff {
            findings.append(DataQualityFinding(
                severity: .info, file: input.balanceSheetFile, field: "banking_book.net_interest_income",
                message: "no reported jump-off NII: the NII cap takes the book's run-rate \(whole(runRate))"))
        } else if let reported = book.reportedNetInterestIncome, reported != 0,
                  abs(runRate - reported) > 0.05 * abs(reported) {
            findings.append(DataQualityFinding(
                severity: .warning, file: input.balanceSheetFile, field: "banking_book.net_interest_income",
                message: "the positions' run-rate NII \(whole(runRate)) differs from the reported \(whole(reported)) "
                    + "by more than 5%: check the customer rates and amounts"))
        }

        // Non-interest lines and PPNR.
        let other = NonInterestProjection(lines: input.nonInterest, scenario: scenario, periodCount: n,
                                          periodLength: periodLength, rules: input.rules, stressed: stressed,
                                          scenarioFile: input.scenarioFile)
        findings += other.findings
        if input.nonInterest == nil {
            findings.append(DataQualityFinding(
                severity: .warning, file: input.balanceSheetFile, field: "non_interest",
                message: "no non_interest section: PPNR is net interest income alone (no fees, trading income or costs)"))
        }
        let nonInterestIncome = (0..<n).map { other.feeIncome[$0] + other.tradingIncome[$0] + other.otherIncome[$0] }
        let ppnr = (0..<n).map { nii[$0] + nonInterestIncome[$0] - other.operatingExpenses[$0] }
        let costIncome = (0..<n).map { t -> Double in
            let revenue = nii[t] + nonInterestIncome[t]
            return revenue > 0 ? other.operatingExpenses[t] / revenue : 0
        }

        var byProduct: [ProductIncome] = []
        for product in BankingBook.Product.allCases {
            let members = positions.filter { $0.product == product }
            guard !members.isEmpty else { continue }
            byProduct.append(ProductIncome(
                product: product, side: product.side, balance: members.reduce(0) { $0 + $1.balance },
                interest: (0..<n).map { t in members.reduce(0) { $0 + $1.interest[t] } }))
        }

        return IncomeResult(
            periods: Array(scenario.periods.prefix(n)), periodLength: periodLength,
            interestIncome: income, interestExpense: expense, netInterestIncomeBeforeCap: before,
            netInterestIncome: nii, jumpOffNetInterestIncome: jumpOff, runRateNetInterestIncome: runRate,
            niiCap: cap, byProduct: byProduct, positions: positions,
            feeIncome: other.feeIncome, tradingIncome: other.tradingIncome, otherIncome: other.otherIncome,
            nonInterestIncome: nonInterestIncome, operatingExpenses: other.operatingExpenses,
            operationalRiskLosses: other.operationalRiskLosses, feeCapApplied: other.feeCapApplied,
            expenseFloorApplied: other.expenseFloorApplied, ppnr: ppnr, costIncomeRatio: costIncome,
            ratePaths: ReferenceRate.allCases.compactMap { rates.rates[$0] },
            fundingSpread: rates.fundingSpread, fundingSpreadVariable: rates.fundingSpreadVariable,
            rules: input.rules, findings: findings)
    }

    /// One position's interest per month under the scenario's paths.
    static func monthlyInterest(_ p: BankingBook.Position, months: Int, monthsPerPeriod: Int,
                                paths: ScenarioRates.Paths, jumpOff: [ReferenceRate: Double],
                                rules: IncomeRules) -> [Double] {
        let r0 = jumpOff[p.referenceRate] ?? 0
        let path = paths.rates[p.referenceRate]?.values ?? []
        let projection = PositionProjection(position: p, jumpOffReference: r0,
                                            spreadPassThrough: spreadPassThrough(p.product, rules))
        return projection.monthlyInterest(
            months: months,
            reference: { m in m < 0 || path.isEmpty ? r0 : path[min(m / monthsPerPeriod, path.count - 1)] },
            spread: { m in paths.fundingSpread.isEmpty ? 0 : paths.fundingSpread[min(m / monthsPerPeriod, paths.fundingSpread.count - 1)] })
    }

    static func spreadPassThrough(_ product: BankingBook.Product, _ rules: IncomeRules) -> Double {
        if product.side == .asset { return rules.assetSpreadPassThrough }
        return product.isMarketFunding ? rules.marketFundingSpreadPassThrough : rules.depositSpreadPassThrough
    }

    static func whole(_ x: Double) -> String { String(Int64(x.rounded())) }
}

/// The non-accruing shares of the asset positions, by product or position name.
struct NonAccrual {
    let shares: [String: [Double]]
    let periodCount: Int
    var findings: [DataQualityFinding] = []

    init(_ given: [String: [Double]]?, periodCount n: Int, book: BankingBook, balanceSheetFile: String) {
        periodCount = n
        var shares: [String: [Double]] = [:]
        for (key, values) in given ?? [:] {
            if values.count < n {
                findings.append(DataQualityFinding(
                    severity: .warning, file: balanceSheetFile, field: "banking_book",
                    message: "non-accrual path for \(key) has \(values.count) periods of \(n): the rest counted as zero"))
            }
            shares[key] = (0..<n).map { $0 < values.count ? min(max(values[$0], 0), 1) : 0 }
            let known = book.positions.contains { $0.name == key || $0.product.rawValue == key }
            if !known {
                findings.append(DataQualityFinding(
                    severity: .warning, file: balanceSheetFile, field: "banking_book",
                    message: "non-accrual path for \(key): no position or product of that name in the banking book"))
            }
        }
        self.shares = shares
    }

    /// The position's own path, else its product's, else zeros.
    func share(for p: BankingBook.Position) -> [Double] {
        shares[p.name] ?? shares[p.product.rawValue] ?? [Double](repeating: 0, count: periodCount)
    }
}
