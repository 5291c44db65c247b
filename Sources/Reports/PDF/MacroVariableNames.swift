/// Scenario variable keys (INTERFACES.md) as a board reads them. Index
/// variables are period changes, so "House prices" reads as their change.
enum MacroVariableNames {
    static let names: [String: String] = [
        "gdp_growth": "Real GDP growth", "nominal_gdp_growth": "Nominal GDP growth", "unemployment": "Unemployment rate",
        "house_price_index": "House prices (change)", "commercial_property_index": "Commercial property prices (change)",
        "inflation": "Inflation", "inflation_change": "Inflation (change)", "policy_rate": "Policy rate",
        "policy_rate_change": "Policy rate (change)", "bank_rate": "Bank Rate", "long_rate": "Long-term rate",
        "short_rate": "Short-term rate", "bbb_spread": "BBB spread", "bbb_yield": "BBB yield",
        "corporate_spread": "Corporate spread", "corporate_spread_hy": "High-yield spread",
        "equity_index": "Equity prices (change)", "fx_change": "Exchange rate (change)",
        "sovereign_spread_change": "Sovereign spread (change)", "treasury_10y": "10-year Treasury yield",
        "treasury_5y": "5-year Treasury yield", "treasury_3m": "3-month Treasury rate", "mortgage_rate": "Mortgage rate",
        "prime_rate": "Prime rate", "vix": "VIX", "deposit_runoff": "Deposit run-off",
        "disposable_income_growth": "Real disposable income growth",
        "nominal_disposable_income_growth": "Nominal disposable income growth",
    ]

    /// The board name of `key`; unknown keys capitalised with underscores as spaces.
    static func name(_ key: String) -> String {
        if let known = names[key] { return known }
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Levels, not fractions (shown as plain numbers, not percentages).
    static func isLevel(_ key: String) -> Bool { key == "vix" }
}
