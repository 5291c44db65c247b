import StressCore

/// A scenario's income projection: results.json `income` (METHODOLOGY §8). Amounts per
/// period are for the period's length (a quarter's income in a quarterly projection), in
/// the balance sheet's currency; interest income and expense are positive numbers.
///
/// Identities (tested): per period
///   net interest income before cap = interest income − interest expense
///                                  = Σ products (asset interest − liability interest)
///   net interest income = before cap + cap adjustment   (adjustment ≤ 0)
///   non-interest income = fee + trading + other income
///   PPNR = net interest income + non-interest income − operating expenses
/// Operational-risk losses are not in PPNR: the capital engine takes them as other losses.
public struct IncomeResult: Sendable, Equatable, Codable {
    public var periods: [String]
    /// Years per period: 1 (annual) or 0.25 (quarterly).
    public var periodLength: Double

    // MARK: Net interest income
    public var interestIncome: [Double]
    public var interestExpense: [Double]
    public var netInterestIncomeBeforeCap: [Double]
    public var netInterestIncome: [Double]
    /// Annual NII at jump-off that the EBA cap refers to: the balance sheet's reported figure
    /// (`banking_book.net_interest_income`), else the book's run-rate.
    public var jumpOffNetInterestIncome: Double
    /// Annual NII of the positions at their jump-off customer rates.
    public var runRateNetInterestIncome: Double
    public var niiCap: NIICap
    public var byProduct: [ProductIncome]
    public var positions: [PositionIncome]

    // MARK: Non-interest lines
    public var feeIncome: [Double]
    public var tradingIncome: [Double]
    public var otherIncome: [Double]
    public var nonInterestIncome: [Double]
    public var operatingExpenses: [Double]
    public var operationalRiskLosses: [Double]
    /// The fee cap (EBA, adverse) bound in the period.
    public var feeCapApplied: [Bool]
    /// The operating-expense floor (EBA) bound in the period.
    public var expenseFloorApplied: [Bool]

    // MARK: PPNR
    /// Pre-provision net revenue: NII + non-interest income − operating expenses.
    public var ppnr: [Double]
    /// Operating expenses / (NII + non-interest income); 0 when income is not positive.
    public var costIncomeRatio: [Double]

    // MARK: Rates and rules
    public var ratePaths: [RatePath]
    /// Funding-spread shock Δs per period and the variable it came from.
    public var fundingSpread: [Double]
    public var fundingSpreadVariable: String?
    public var rules: IncomeRules

    /// Data-quality findings (default rate paths, missing variables, non-accrual gaps);
    /// for results.json `data_quality`, not encoded here.
    public var findings: [DataQualityFinding] = []

    /// A rate path not taken from the scenario was used.
    public var usesDefaultRatePath: Bool { ratePaths.contains { $0.isDefault } }

    enum CodingKeys: String, CodingKey {
        case periods, periodLength = "period_length"
        case interestIncome = "interest_income", interestExpense = "interest_expense"
        case netInterestIncomeBeforeCap = "net_interest_income_before_cap", netInterestIncome = "net_interest_income"
        case jumpOffNetInterestIncome = "jump_off_net_interest_income"
        case runRateNetInterestIncome = "run_rate_net_interest_income"
        case niiCap = "nii_cap", byProduct = "by_product", positions
        case feeIncome = "fee_income", tradingIncome = "trading_income", otherIncome = "other_income"
        case nonInterestIncome = "non_interest_income", operatingExpenses = "operating_expenses"
        case operationalRiskLosses = "operational_risk_losses"
        case feeCapApplied = "fee_cap_applied", expenseFloorApplied = "expense_floor_applied"
        case ppnr, costIncomeRatio = "cost_income_ratio"
        case ratePaths = "rate_paths", fundingSpread = "funding_spread", fundingSpreadVariable = "funding_spread_variable"
        case rules
    }
}

/// The EBA's cap on NII in the adverse scenario (IncomeRules.capNIIAtJumpOff).
public struct NIICap: Sendable, Equatable, Codable {
    /// The cap applies to this scenario (the rule is on and the scenario is not a baseline).
    public var applies: Bool
    /// Jump-off NII × period length, per period (the cap's level).
    public var limit: [Double]
    /// The cap bound in the period.
    public var applied: [Bool]
    /// min(NII before cap, limit) − NII before cap: ≤ 0.
    public var adjustment: [Double]
    public var source: String?

    enum CodingKeys: String, CodingKey {
        case applies, limit, applied, adjustment, source
    }
}

/// Interest by product (positions of one product summed).
public struct ProductIncome: Sendable, Equatable, Codable {
    public var product: BankingBook.Product
    public var side: BankingBook.Side
    public var balance: Double
    /// Income (assets) or expense (liabilities) per period, after non-accrual.
    public var interest: [Double]

    enum CodingKeys: String, CodingKey {
        case product, side, balance, interest
    }
}

/// One position's interest per period.
public struct PositionIncome: Sendable, Equatable, Codable {
    public var name: String
    public var product: BankingBook.Product
    public var side: BankingBook.Side
    public var balance: Double
    /// Income (assets) or expense (liabilities) per period, after non-accrual.
    public var interest: [Double]
    /// Interest before non-accrual / (balance × period length): the average customer rate.
    public var averageRate: [Double]
    /// Share of the balance not accruing (stage 3), per period; zeros for liabilities.
    public var nonAccruingShare: [Double]

    enum CodingKeys: String, CodingKey {
        case name, product, side, balance, interest, averageRate = "average_rate"
        case nonAccruingShare = "non_accruing_share"
    }
}
