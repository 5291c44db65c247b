/// The constraints a framework puts on projected income (METHODOLOGY §8.4), with the
/// text each comes from in `sources`.
///
/// The EBA's rules come from the NII and NFCI sections of the EU-wide stress test
/// methodological notes. Since 2023 the EBA projects net fee and commission income top-down
/// and since 2025 it centralises the NII projection (EBA press release, 12 November 2024);
/// the constraints below are the ones its notes have set on banks' own projections
/// (2018–2023 notes), which the centralised projections keep in substance. Paragraph numbers
/// of the 2025 note could not be confirmed here; each source says so.
public struct IncomeRules: Sendable, Equatable, Codable {
    /// In a scenario other than the baseline, NII in each period may not exceed the jump-off
    /// NII for the period's length.
    public var capNIIAtJumpOff: Bool
    /// In a scenario other than the baseline, net fee and commission income in each period may
    /// not exceed its jump-off level.
    public var capFeeIncomeAtJumpOff: Bool
    /// In every scenario, operating expenses may not fall below their jump-off level.
    public var floorOperatingExpensesAtJumpOff: Bool
    /// Share of a rise in the bank's funding spread passed to the rates of repricing market
    /// funding (wholesale funding, bonds issued).
    public var marketFundingSpreadPassThrough: Double
    /// Share passed to repricing deposits.
    public var depositSpreadPassThrough: Double
    /// Share passed to the margins of repricing assets (0: new-business margins stay at
    /// their jump-off level, the EBA's rule).
    public var assetSpreadPassThrough: Double
    /// Scenario variables giving the funding-spread shock, first found wins.
    /// `sovereign_spread_change` is the deviation from the jump-off spread in each period (the
    /// seed library's "spreads +500bps"); `corporate_spread` and `bbb_spread` are levels,
    /// taken as changes from the scenario's jump-off level.
    public var fundingSpreadVariables: [String]
    /// Lower bound on projected reference rates (−1%, the post-shock floor of the EBA IRRBB
    /// guidelines and BCBS d578 at the overnight tenor), unless the jump-off rate is lower.
    public var referenceRateLowerBound: Double
    /// Rule name → the text it comes from.
    public var sources: [String: String]

    public init(capNIIAtJumpOff: Bool = false, capFeeIncomeAtJumpOff: Bool = false,
                floorOperatingExpensesAtJumpOff: Bool = false, marketFundingSpreadPassThrough: Double = 1,
                depositSpreadPassThrough: Double = 0, assetSpreadPassThrough: Double = 0,
                fundingSpreadVariables: [String] = IncomeRules.defaultFundingSpreadVariables,
                referenceRateLowerBound: Double = -0.01, sources: [String: String] = [:]) {
        self.capNIIAtJumpOff = capNIIAtJumpOff
        self.capFeeIncomeAtJumpOff = capFeeIncomeAtJumpOff
        self.floorOperatingExpensesAtJumpOff = floorOperatingExpensesAtJumpOff
        self.marketFundingSpreadPassThrough = marketFundingSpreadPassThrough
        self.depositSpreadPassThrough = depositSpreadPassThrough
        self.assetSpreadPassThrough = assetSpreadPassThrough
        self.fundingSpreadVariables = fundingSpreadVariables
        self.referenceRateLowerBound = referenceRateLowerBound
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case capNIIAtJumpOff = "cap_nii_at_jump_off", capFeeIncomeAtJumpOff = "cap_fee_income_at_jump_off"
        case floorOperatingExpensesAtJumpOff = "floor_operating_expenses_at_jump_off"
        case marketFundingSpreadPassThrough = "market_funding_spread_pass_through"
        case depositSpreadPassThrough = "deposit_spread_pass_through", assetSpreadPassThrough = "asset_spread_pass_through"
        case fundingSpreadVariables = "funding_spread_variables", referenceRateLowerBound = "reference_rate_lower_bound"
        case sources
    }

    public static let defaultFundingSpreadVariables = ["sovereign_spread_change", "corporate_spread", "bbb_spread"]

    static let common: [String: String] = [
        "reference_rate_lower_bound": "reference rates floored at -1% unless already lower: the post-shock floor at "
            + "the overnight tenor (EBA/GL/2018/02; BCBS d578, July 2024), used here as a plausibility bound on scenario paths",
        "spread_pass_through": "a rise in the bank's funding spread is passed in full to repricing wholesale funding "
            + "and bonds issued, not to deposits; asset margins on new business stay at their jump-off level",
    ]

    static let ebaNII: String = "EBA EU-wide stress test methodological note, NII section: in the adverse scenario NII "
        + "may not exceed the starting-point NII in any year (2025 note; paragraph number not confirmed here)"
    static let ebaSpread: String = "EBA methodological note, NII section: the increase in the bank's funding spread "
        + "(sovereign spread shock) is passed through in full to repricing liabilities, while margins on repricing assets "
        + "may not rise above the starting point (2025 note; paragraph numbers not confirmed here)"
    static let ebaFees: String = "EBA methodological note, NFCI section: in the adverse scenario net fee and commission "
        + "income may not exceed the starting point (projected top-down by the EBA since 2023; paragraph not confirmed here)"
    static let ebaCosts: String = "EBA methodological note, non-interest expenses: administrative and other operating "
        + "expenses may not fall below the starting point (paragraph not confirmed here)"

    /// The rules of a framework.
    public static func of(_ framework: Framework) -> IncomeRules {
        switch framework {
        case .eba:
            return IncomeRules(
                capNIIAtJumpOff: true, capFeeIncomeAtJumpOff: true, floorOperatingExpensesAtJumpOff: true,
                marketFundingSpreadPassThrough: 1, depositSpreadPassThrough: 0, assetSpreadPassThrough: 0,
                sources: common.merging([
                    "cap_nii_at_jump_off": ebaNII, "spread_pass_through": ebaSpread,
                    "cap_fee_income_at_jump_off": ebaFees, "floor_operating_expenses_at_jump_off": ebaCosts,
                ]) { _, new in new })
        case .boe, .ccar, .rbi:
            let name = framework == .boe ? "Bank of England" : (framework == .ccar ? "Federal Reserve" : "RBI")
            let text: String = "\(name): no published cap on projected NII, fees or costs; the income engine's "
                + "repricing, pass-through and floors apply as the banking book states them"
            return IncomeRules(sources: common.merging(["constraints": text]) { _, new in new })
        }
    }
}
