/// The Liquidity Coverage Ratio and how it was made (LCR20-LCR40): HQLA by
/// category and level, outflows and inflows by category, the inflow cap, net cash
/// outflows and the ratio. Amounts in the balance sheet's currency; the ratio as a
/// fraction (1.0 = 100%).
public struct LCRResult: Sendable, Equatable, Codable {
    /// HQLA by category after the regulatory haircut (and any stress haircut), before the caps.
    public var hqlaByCategory: [String: Double]
    public var stock: HQLAStock
    /// Outflows by category: balance × run-off rate (stressed rate under a shock).
    public var outflowsByCategory: [String: Double]
    public var totalOutflows: Double
    /// Inflows by category: balance × inflow rate, before the cap.
    public var inflowsByCategory: [String: Double]
    public var totalInflows: Double
    /// min(total inflows, 75% of total outflows) (LCR40.1).
    public var recognisedInflows: Double
    /// Total outflows − recognised inflows; > 0.
    public var netCashOutflows: Double
    /// Stock of HQLA / net cash outflows.
    public var lcr: Double

    public var level2BCapBinds: Bool
    public var level2CapBinds: Bool
    /// Inflows above 75% of outflows: only the capped amount is recognised.
    public var inflowCapBinds: Bool
    /// LCR ≥ 100% (LCR20.1).
    public var meetsMinimum: Bool

    /// The stock of HQLA after the caps.
    public var hqla: Double { stock.total }

    public init(hqlaByCategory: [String: Double], stock: HQLAStock, outflowsByCategory: [String: Double],
                totalOutflows: Double, inflowsByCategory: [String: Double], totalInflows: Double,
                recognisedInflows: Double, netCashOutflows: Double) {
        self.hqlaByCategory = hqlaByCategory
        self.stock = stock
        self.outflowsByCategory = outflowsByCategory
        self.totalOutflows = totalOutflows
        self.inflowsByCategory = inflowsByCategory
        self.totalInflows = totalInflows
        self.recognisedInflows = recognisedInflows
        self.netCashOutflows = netCashOutflows
        self.lcr = stock.total / netCashOutflows
        self.level2BCapBinds = stock.level2BCapBinds
        self.level2CapBinds = stock.level2CapBinds
        self.inflowCapBinds = recognisedInflows < totalInflows
        self.meetsMinimum = lcr >= 1
    }

    enum CodingKeys: String, CodingKey {
        case hqlaByCategory = "hqla_by_category", stock = "hqla_stock"
        case outflowsByCategory = "outflows_by_category", totalOutflows = "total_outflows"
        case inflowsByCategory = "inflows_by_category", totalInflows = "total_inflows"
        case recognisedInflows = "recognised_inflows", netCashOutflows = "net_cash_outflows", lcr
        case level2BCapBinds = "level2b_cap_binds", level2CapBinds = "level2_cap_binds"
        case inflowCapBinds = "inflow_cap_binds", meetsMinimum = "meets_minimum"
    }
}
