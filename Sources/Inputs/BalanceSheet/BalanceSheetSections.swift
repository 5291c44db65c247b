import StressCore

/// The blocks of the balance sheet file, each validated into its domain struct.
enum BalanceSheetSections {
    static let amount = "amount, e.g. 12_000_000_000"
    static let rate = "fraction, e.g. 0.025"

    // MARK: - capital

    static let capitalRequired = ["cet1", "leverage_exposure"]
    static let capitalKeys = ["cet1", "at1", "tier2", "rwa", "other_rwa", "leverage_exposure",
                              "systemic_reference_point", "countercyclical_buffer", "systemic_buffer"]

    static func capital(_ value: YAMLValue) throws(InputError) -> BalanceSheet.Capital {
        let capital = try value.mapping(accepting: capitalKeys)
        for key in capitalRequired { _ = try capital.required(key) }
        func optional(_ key: String, _ rule: NumericRule, _ hint: String) throws(InputError) -> Double? {
            try capital.optional(key)?.number(hint, rule: rule)
        }
        return BalanceSheet.Capital(
            cet1: try capital.required("cet1").number(amount, rule: .positiveAmount),
            at1: try optional("at1", .amount, amount) ?? 0,
            tier2: try optional("tier2", .amount, amount) ?? 0,
            rwa: try optional("rwa", .positiveAmount, amount),
            otherRWA: try optional("other_rwa", .amount, amount) ?? 0,
            leverageExposure: try capital.required("leverage_exposure").number(amount, rule: .positiveAmount),
            systemicReferencePoint: try optional("systemic_reference_point", .fraction, rate) ?? 0,
            countercyclicalBuffer: try optional("countercyclical_buffer", .fraction, rate) ?? 0,
            systemicBuffer: try optional("systemic_buffer", .fraction, rate) ?? 0)
    }

    // MARK: - income

    static let incomeKeys = ["ppnr", "tax_rate", "distributions", "other_losses"]

    /// Per-period lists are not checked against a horizon here: the balance sheet
    /// serves scenarios of different lengths, and the run matches them.
    static func income(_ value: YAMLValue) throws(InputError) -> BalanceSheet.Income {
        let income = try value.mapping(accepting: incomeKeys)
        return BalanceSheet.Income(
            ppnr: try income.optional("ppnr")?.numbers(amount, rule: .signedAmount) ?? [],
            taxRate: try income.optional("tax_rate")?.number(rate, rule: .fraction) ?? 0,
            distributions: try income.optional("distributions")?.numbers(amount, rule: .amount) ?? [],
            otherLosses: try income.optional("other_losses")?.numbers(amount, rule: .amount) ?? [])
    }

    // MARK: - liquidity

    static let liquidityKeys = ["hqla", "outflows", "inflows", "nsfr"]
    static let nsfrKeys = ["asf", "rsf"]

    /// Category names are free here; the liquidity engine checks them against its
    /// rate tables (LCR30, NSFR) and reports unknown ones.
    static func liquidity(_ value: YAMLValue) throws(InputError) -> BalanceSheet.Liquidity {
        let liquidity = try value.mapping(accepting: liquidityKeys)
        try requireOutflows(liquidity)
        var result = BalanceSheet.Liquidity(
            hqla: try amounts(liquidity.optional("hqla")),
            outflows: try amounts(liquidity.optional("outflows")),
            inflows: try amounts(liquidity.optional("inflows")))
        if let nsfrValue = liquidity.optional("nsfr"), !nsfrValue.isNull {
            let nsfr = try nsfrValue.mapping(accepting: nsfrKeys)
            result.nsfrAvailable = try fundingSide(nsfr, "asf", "available stable funding", example: "retail_stable_deposits")
            result.nsfrRequired = try fundingSide(nsfr, "rsf", "required stable funding", example: "corporate_loans")
        }
        return result
    }

    /// The LCR divides by net cash outflows, so a liquidity section needs outflows;
    /// HQLA and inflows may be left out (they count as zero).
    private static func requireOutflows(_ liquidity: YAMLMapping) throws(InputError) {
        let expected = "expected the outflow categories with their balances (e.g. retail_stable: 1_000_000); "
            + "the LCR divides by net cash outflows, or leave out liquidity for no LCR"
        guard let value = liquidity.optional("outflows") else {
            throw liquidity.value.child("outflows", liquidity.value.node).error("required key is missing: " + expected)
        }
        guard try !amounts(value).isEmpty else { throw value.error("no categories: " + expected) }
    }

    /// One side of the NSFR: the ratio divides ASF by RSF, so a section with one side
    /// missing or empty would give a meaningless 0% or a division by zero. Both sides,
    /// or no `nsfr:` at all (then no NSFR is reported).
    private static func fundingSide(_ nsfr: YAMLMapping, _ key: String, _ noun: String,
                                    example: String) throws(InputError) -> [String: Double] {
        let expected = "expected the \(noun) categories with their amounts (e.g. \(example): 1_000_000); "
            + "the NSFR needs both asf and rsf, or leave out liquidity.nsfr for no NSFR"
        guard let value = nsfr.optional(key) else {
            throw nsfr.value.child(key, nsfr.value.node).error("required key is missing: " + expected)
        }
        let found = try amounts(value)
        guard !found.isEmpty else { throw value.error("no categories: " + expected) }
        return found
    }

    /// A mapping of category name to amount ≥ 0; a key with no value (`hqla:`) is
    /// an empty mapping, as a writer emits for a category list with nothing in it.
    private static func amounts(_ value: YAMLValue?) throws(InputError) -> [String: Double] {
        guard let value, !value.isNull else { return [:] }
        var result: [String: Double] = [:]
        for entry in try value.namedEntries() {
            result[entry.key] = try entry.value.number(amount, rule: .amount)
        }
        return result
    }

    // MARK: - rbi

    static let rbiKeys = ["npa_ratio", "car", "net_interest_income", "total_advances",
                          "total_assets", "duration_gap", "deposits"]

    /// All keys are required: each RBI sensitivity needs them (METHODOLOGY §2.4).
    static func rbi(_ value: YAMLValue) throws(InputError) -> BalanceSheet.RBIInputs {
        let rbi = try value.mapping(accepting: rbiKeys)
        for key in rbiKeys { _ = try rbi.required(key) }
        return BalanceSheet.RBIInputs(
            npaRatio: try rbi.required("npa_ratio").number(rate, rule: .fraction),
            car: try rbi.required("car").number(rate, rule: .fraction),
            netInterestIncome: try rbi.required("net_interest_income").number(amount, rule: .signedAmount),
            totalAdvances: try rbi.required("total_advances").number(amount, rule: .amount),
            totalAssets: try rbi.required("total_assets").number(amount, rule: .amount),
            durationGap: try rbi.required("duration_gap").number("years, e.g. 1.2", rule: .signedYears),
            deposits: try rbi.required("deposits").number(amount, rule: .amount))
    }
}
