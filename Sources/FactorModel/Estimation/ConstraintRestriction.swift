import RiskMath

/// The restriction f = R·g that imposes the dummy-block constraints of the cross-sectional
/// regression (METHODOLOGY §5): with a market factor, the industry dummies and the market
/// intercept are collinear (each asset has exactly one industry), so the industry factor
/// returns are constrained to a cap-weighted sum of zero,
///
///     Σ_j c_j f_j = 0,   c_j = Σ_{i ∈ industry j} cap_i,
///
/// and likewise the country block. Without a market factor the first dummy block takes the
/// intercept's place and only the later blocks are constrained. Each constrained block's
/// largest-cap factor j* is the dependent one, f_j* = −Σ_{j≠j*} (c_j/c_j*)·f_j, which keeps
/// the coefficients of R at most 1 in magnitude. A dummy with no (available) asset is
/// dropped: its row of R is zero, so its factor return is 0 on that date.
///
/// The constrained WLS is then the ordinary WLS of r on Z = X·R (full column rank), and
/// f = R·ĝ (Ruud 2000, ch. 4; the "Barra industry constraint").
struct ConstraintRestriction {
    /// K × K'.
    let matrix: Matrix
    /// Full-factor index of each free coefficient g_a.
    let freeFactors: [Int]
    /// Factors dropped on this date (no asset with weight).
    let droppedFactors: [Int]

    /// - Parameters:
    ///   - factors: the model's factors (kinds decide the blocks).
    ///   - dummyWeights: c_j per factor, Σ cap_i·X_ij over the available assets (only
    ///     read for industry and country factors).
    static func make(factors: [Factor], dummyWeights: [Double]) -> ConstraintRestriction {
        let k = factors.count
        let hasMarket = factors.contains { $0.kind == .market }
        var blocks: [[Int]] = []
        for kind in [FactorKind.industry, .country] {
            let members = factors.indices.filter { factors[$0].kind == kind }
            if !members.isEmpty { blocks.append(members) }
        }
        var dropped: [Int] = []
        var dependent: [Int: (members: [Int], anchor: Int)] = [:]
        for (b, members) in blocks.enumerated() {
            let present = members.filter { dummyWeights[$0] > 0 }
            dropped += members.filter { !(dummyWeights[$0] > 0) }
            let constrained = hasMarket || b > 0
            guard constrained, let anchor = present.max(by: { dummyWeights[$0] < dummyWeights[$1] }) else { continue }
            dependent[anchor] = (present, anchor)
        }
        let droppedSet = Set(dropped)
        let free = (0..<k).filter { !droppedSet.contains($0) && dependent[$0] == nil }
        let column = Dictionary(uniqueKeysWithValues: free.enumerated().map { ($1, $0) })
        var r = [Double](repeating: 0, count: k * free.count)
        for (a, j) in free.enumerated() { r[j * free.count + a] = 1 }
        for (anchor, block) in dependent {
            for j in block.members where j != anchor {
                r[anchor * free.count + column[j]!] = -dummyWeights[j] / dummyWeights[anchor]
            }
        }
        return ConstraintRestriction(matrix: makeMatrix(rows: k, columns: free.count, r),
                                     freeFactors: free, droppedFactors: dropped.sorted())
    }
}
