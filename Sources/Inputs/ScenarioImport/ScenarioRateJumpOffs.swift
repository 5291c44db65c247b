/// The levels of the bundled scenarios' rate and spread variables at their jump-off, as the
/// importer reads them from the published files (`ScenarioDocument.rateJumpOff`): the
/// Federal Reserve's 2025Q4 row of fed-2026-historic-domestic.csv and the Bank of England's
/// 2024Q4 rows of boe-2025-bcst-macro.csv and boe-2025-bcst-yields.csv, in fractions.
///
/// The income engine measures a scenario's rate moves from them, so a bank's own jump-off
/// rates move by what the scenario moves (`IncomeProjection.Inputs.scenarioJumpOff`). The
/// scenario file has no key for them; a test checks this table against the importer's
/// figures, so a change to the published files or the importer shows here.
public enum ScenarioRateJumpOffs {
    static let fed2025Q4: [String: Double] = [
        "treasury_3m": 0.037, "treasury_5y": 0.037, "treasury_10y": 0.041, "bbb_yield": 0.051, "bbb_spread": 0.01,
        "mortgage_rate": 0.062, "prime_rate": 0.07,
    ]
    static let boe2024Q4: [String: Double] = [
        "bank_rate": 0.0485, "corporate_spread": 0.0101, "corporate_spread_hy": 0.0385, "short_rate": 0.0452,
        "long_rate": 0.0432,
        "eur_policy_rate": 0.0327, "eur_short_rate": 0.0296, "eur_swap_2y": 0.022, "eur_swap_5y": 0.0221,
        "eur_long_rate": 0.0231,
    ]

    /// Scenario id → variable → jump-off level. Scenarios without rate variables (the EBA's,
    /// the RBI's) or whose rates are changes (the seed library's) have no entry.
    public static let bundled: [String: [String: Double]] = [
        "fed-2026-baseline": fed2025Q4,
        "fed-2026-severely-adverse": fed2025Q4,
        "boe-2025-bcst": boe2024Q4,
    ]
}
