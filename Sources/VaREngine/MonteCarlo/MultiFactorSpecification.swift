/// The multi-factor structure: a global factor G, one factor S_s per sector and one
/// C_c per country (levels of the portfolio's `sector` and `country` columns; a missing
/// column counts as one level). Exposure i in sector s and country c has the composite
///
///     Y_sc = (√a·G + √b·S_s + √c·C_c)/√v,   v = xᵀΣx,  x = (√a on G, √b on S_s, √c on C_c),
///
/// a standard normal, and A_i = √ρ_i·Y_sc + √(1 − ρ_i)·ε_i: its loadings on the factors
/// are w_i = √ρ_i·x/√v, so the systematic R² Σ_k w_ik² (with Σ = I) equals the Basel ρ_i.
/// Two exposures correlate through ρ_ij = √(ρ_i ρ_j)·corr(Y_i, Y_j), which with independent
/// factors is √(ρ_i ρ_j)·(a + b·[same sector] + c·[same country]): the shares a, b, c are
/// the fractions of systematic variance that are global, sector and country.
///
/// `factorCorrelation` (optional) is the correlation matrix Σ of the factors in the order
/// [global, sectors in level order, countries in level order] — for example from the
/// factor model's sector/country factor returns (METHODOLOGY §5) — so that VaR and the
/// attribution share one correlation structure. The simulator draws independent ξ and
/// uses Z = Lξ with Σ = LLᵀ (Cholesky).
public struct MultiFactorSpecification: Sendable, Equatable {
    public var globalShare: Double
    public var sectorShare: Double
    public var countryShare: Double
    public var factorCorrelation: [[Double]]?

    public init(globalShare: Double = 0.5, sectorShare: Double = 0.3, countryShare: Double = 0.2,
                factorCorrelation: [[Double]]? = nil) {
        self.globalShare = globalShare
        self.sectorShare = sectorShare
        self.countryShare = countryShare
        self.factorCorrelation = factorCorrelation
    }

    public static let standard = MultiFactorSpecification()

    func validate() throws(VaRError) {
        for (name, share) in [("global", globalShare), ("sector", sectorShare), ("country", countryShare)]
        where !(share >= 0 && share <= 1) {
            throw VaRError("multi-factor \(name) share must be in [0, 1], got \(share)")
        }
        guard abs(globalShare + sectorShare + countryShare - 1) <= 1e-9 else {
            throw VaRError("multi-factor shares must sum to 1, got \(globalShare + sectorShare + countryShare)")
        }
    }
}
