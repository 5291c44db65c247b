/// Income and expense lines other than interest (INTERFACES.md, "Balance sheet file",
/// `non_interest:`), each a jump-off annual amount with its sensitivities to scenario
/// variables (METHODOLOGY §8.2). Every line is optional; an absent line is zero.
public struct NonInterestLines: Sendable, Equatable {
    /// Net fee and commission income.
    public var feeIncome: Line?
    /// Net trading income (client and market-making revenues).
    public var tradingIncome: Line?
    /// Other operating income.
    public var otherIncome: Line?
    /// Administrative and other operating expenses (staff, IT, premises, depreciation).
    public var operatingExpenses: Line?
    /// Operational-risk losses (conduct and other); the capital engine takes them as other
    /// losses, below PPNR.
    public var operationalRiskLosses: Line?

    public init(feeIncome: Line? = nil, tradingIncome: Line? = nil, otherIncome: Line? = nil,
                operatingExpenses: Line? = nil, operationalRiskLosses: Line? = nil) {
        self.feeIncome = feeIncome
        self.tradingIncome = tradingIncome
        self.otherIncome = otherIncome
        self.operatingExpenses = operatingExpenses
        self.operationalRiskLosses = operationalRiskLosses
    }

    /// One line: L_t = annual·Δ·m_t with m_t = max(0, 1 + Σ_k s_k·(x_k,t − n_k)) (a level
    /// response), or with `cumulative`, m_t = m_t−1·max(0, 1 + Σ_k s_k·(x_k,t − n_k)·Δ),
    /// m_0 = 1 (a growth response, for costs that follow the price level). Δ is the period
    /// length in years.
    public struct Line: Sendable, Equatable {
        /// The jump-off annual amount (income or expense as a positive number; trading and
        /// other income may be negative).
        public var annual: Double
        public var sensitivities: [Sensitivity]
        public var cumulative: Bool

        public init(annual: Double, sensitivities: [Sensitivity] = [], cumulative: Bool = false) {
            self.annual = annual
            self.sensitivities = sensitivities
            self.cumulative = cumulative
        }
    }

    /// The response s to a scenario variable x away from its neutral value n.
    public struct Sensitivity: Sendable, Equatable {
        public var variable: String
        public var sensitivity: Double
        public var neutral: Double

        public init(variable: String, sensitivity: Double, neutral: Double = 0) {
            self.variable = variable
            self.sensitivity = sensitivity
            self.neutral = neutral
        }
    }

    /// The lines by their file key, in a fixed order.
    public var lines: [(key: String, line: Line?)] {
        [("fee_income", feeIncome), ("trading_income", tradingIncome), ("other_income", otherIncome),
         ("operating_expenses", operatingExpenses), ("operational_risk_losses", operationalRiskLosses)]
    }

    public static let keys = ["fee_income", "trading_income", "other_income", "operating_expenses",
                              "operational_risk_losses"]
}
