/// The stock of HQLA after haircuts and the Level 2B and Level 2 caps (LCR30;
/// the adjustment formula of BCBS d238 Annex 1, Basel Framework LCR30.46-30.47).
///
/// With adjusted (post-haircut) amounts L1, L2A, L2B and caps c₂ = 40%, c₂B = 15%:
///
///     adjustment for the 15% cap  a₁₅ = max(L2B − c₂B/(1 − c₂B)·(L1 + L2A),   (15/85)
///                                          L2B − c₂B/(1 − c₂)·L1,            (15/60)
///                                          0)
///     adjustment for the 40% cap  a₄₀ = max(L2A + L2B − a₁₅ − c₂/(1 − c₂)·L1, 0)   (2/3)
///     HQLA = L1 + L2A + L2B − a₁₅ − a₄₀
///
/// "Adjusted" in the Basel text also means after unwinding secured funding, lending
/// and collateral swaps maturing within 30 days (LCR30.46); the balance sheet gives
/// positions after that unwinding, so no unwinding is done here.
///
/// The Basel formula gives the total, not which level the 40% adjustment comes out
/// of; `countedLevel2A` and `countedLevel2B` take it out of Level 2B first, then
/// Level 2A, as the seed (creditriskengine 0.31.0 `stock_of_hqla`) does. The seed
/// caps Level 2B only by the 15/85 term before the 40% cap; its total and its
/// composition nevertheless equal this formula's in every case, because the 15/60
/// term can bind only when the 40% cap binds too (L2A > 5/12·L1).
public struct HQLAStock: Sendable, Equatable, Codable {
    /// Level 1 after haircuts (normally none).
    public var level1: Double
    /// Level 2A after haircuts, before the caps.
    public var level2A: Double
    /// Level 2B after haircuts, before the caps.
    public var level2B: Double
    /// Amount removed by the 15% Level 2B cap (a₁₅ ≥ 0).
    public var level2BCapAdjustment: Double
    /// Amount removed by the 40% Level 2 cap (a₄₀ ≥ 0).
    public var level2CapAdjustment: Double
    /// Level 2A counted in the stock (the 40% adjustment taken from Level 2B first).
    public var countedLevel2A: Double
    /// Level 2B counted in the stock.
    public var countedLevel2B: Double
    /// The stock of HQLA: L1 + L2A + L2B − a₁₅ − a₄₀.
    public var total: Double

    public var level2BCapBinds: Bool { level2BCapAdjustment > 0 }
    public var level2CapBinds: Bool { level2CapAdjustment > 0 }

    /// Applies the caps to adjusted (post-haircut) amounts, all ≥ 0.
    public init(level1: Double, level2A: Double, level2B: Double, caps: LiquidityCaps) {
        let c2 = caps.level2.rate, c2B = caps.level2B.rate
        let adjustment15 = max(level2B - c2B / (1 - c2B) * (level1 + level2A),
                               level2B - c2B / (1 - c2) * level1, 0)
        let adjustment40 = max(level2A + level2B - adjustment15 - c2 / (1 - c2) * level1, 0)
        let level2BAfter15 = level2B - adjustment15
        let fromLevel2B = min(adjustment40, level2BAfter15)
        self.level1 = level1
        self.level2A = level2A
        self.level2B = level2B
        self.level2BCapAdjustment = adjustment15
        self.level2CapAdjustment = adjustment40
        self.countedLevel2B = level2BAfter15 - fromLevel2B
        self.countedLevel2A = level2A - (adjustment40 - fromLevel2B)
        self.total = level1 + level2A + level2B - adjustment15 - adjustment40
    }

    enum CodingKeys: String, CodingKey {
        case level1 = "level1", level2A = "level2a", level2B = "level2b"
        case level2BCapAdjustment = "level2b_cap_adjustment", level2CapAdjustment = "level2_cap_adjustment"
        case countedLevel2A = "counted_level2a", countedLevel2B = "counted_level2b", total
    }
}
