import StressCore

/// The `sensitivities:` block of an RBI scenario: the single-factor shocks of the
/// Financial Stability Report, in the units the RBI publishes them (METHODOLOGY §2.4).
enum SensitivitiesSection {
    static let keys = ["interest_rate", "npa_increase_pp", "deposit_runoff_pct"]

    static func parse(_ value: YAMLValue) throws(InputError) -> RBISensitivities {
        let mapping = try value.mapping(accepting: keys)
        return RBISensitivities(
            interestRateShocks: try mapping.optional("interest_rate")?
                .numbers("fraction, e.g. 0.02 for 200 bp", rule: .rateShock) ?? [],
            npaIncreases: try mapping.optional("npa_increase_pp")?
                .numbers("percentage points, e.g. 2 for +2 pp", rule: .percentagePoints) ?? [],
            depositRunoffs: try mapping.optional("deposit_runoff_pct")?
                .numbers("percentage, e.g. 10 for 10%", rule: .percent) ?? [])
    }
}
