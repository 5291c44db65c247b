/// The Net Stable Funding Ratio with its breakdown by category (NSF20-NSF30).
/// Amounts in the balance sheet's currency; the ratio as a fraction (1.0 = 100%).
public struct NSFRResult: Sendable, Equatable, Codable {
    /// Available stable funding by category: carrying value × ASF factor.
    public var availableByCategory: [String: Double]
    /// Required stable funding by category: carrying value × RSF factor.
    public var requiredByCategory: [String: Double]
    public var availableStableFunding: Double
    public var requiredStableFunding: Double
    /// ASF / RSF.
    public var nsfr: Double
    /// NSFR ≥ 100% (NSF20.1).
    public var meetsMinimum: Bool

    public init(availableByCategory: [String: Double], requiredByCategory: [String: Double],
                availableStableFunding: Double, requiredStableFunding: Double) {
        self.availableByCategory = availableByCategory
        self.requiredByCategory = requiredByCategory
        self.availableStableFunding = availableStableFunding
        self.requiredStableFunding = requiredStableFunding
        self.nsfr = availableStableFunding / requiredStableFunding
        self.meetsMinimum = nsfr >= 1
    }

    enum CodingKeys: String, CodingKey {
        case availableByCategory = "asf_by_category", requiredByCategory = "rsf_by_category"
        case availableStableFunding = "available_stable_funding", requiredStableFunding = "required_stable_funding"
        case nsfr, meetsMinimum = "meets_minimum"
    }
}
