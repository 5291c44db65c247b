import StressCore

/// Which of several stress plans (an attribution's coalitions) an exposure cannot tell apart.
/// An exposure's stressed PD and LGD paths, and so every figure it adds to a projection, read
/// its group's PD series and LGD terms and at most one property index: the residential
/// index for a collateralised mortgage, the commercial index for other collateralised
/// loans, none without collateral (METHODOLOGY §2.2). Two plans whose series those are hold
/// the same bits give the exposure the same figures, so a pass over the coalitions evaluates
/// each exposure once per distinct series and adds the result into every coalition that
/// shares it. The Fed's and the BoE's four attribution variables make 8 distinct paths of
/// the 15 coalitions for most exposures: GDP and unemployment move the PD, house prices the
/// LGD (the collateral, and the unsecured add-on without collateral).
public struct PathSharing: Sendable {
    /// Plans compared.
    public let plans: Int
    /// Each row's kind: group · 3 + the property index it reads (0 none, 1 residential,
    /// 2 commercial).
    public let kind: [UInt32]
    /// representative[kind · plans + j]: the first plan whose series for that kind hold the
    /// same bits as plan j's (j itself when none before it does).
    public let representative: [Int32]

    /// nil when the plans group the exposures differently or project different horizons.
    public init?(portfolio p: Portfolio, plans: [PreparedPlan]) {
        guard let first = plans.first,
              plans.allSatisfy({ $0.plan.groupOfExposure == first.plan.groupOfExposure
                                 && $0.flat.periods == first.flat.periods
                                 && $0.flat.zShift.count == first.flat.zShift.count }) else { return nil }
        let groups = first.flat.zShift.count
        let hasCollateral = p.collateralValue?.count == p.count
        kind = (0..<p.count).map { i in
            let g = UInt32(first.plan.groupOfExposure?[i] ?? 0)
            guard hasCollateral, let v = p.collateralValue?[i], v.isFinite, v > 0 else { return g * 3 }
            return g * 3 + (p.assetClass[i] == .residentialMortgage ? 1 : 2)
        }
        self.plans = plans.count
        var representative = [Int32](repeating: 0, count: groups * 3 * plans.count)
        for g in 0..<groups {
            for index in 0..<3 {
                let keys = plans.map { Self.key($0.flat, group: g, propertyIndex: index) }
                for j in plans.indices {
                    representative[(g * 3 + index) * plans.count + j] = Int32(keys.firstIndex(of: keys[j])!)
                }
            }
        }
        self.representative = representative
    }

    /// The bits of everything the paths of a group's exposure read from the plan.
    static func key(_ flat: CreditProjector.FlatPlan, group g: Int, propertyIndex: Int) -> [UInt64] {
        let t = flat.periods, row = (g * t)..<(g * t + t)
        var key: [UInt64] = [flat.zShift[g] ? 1 : 0, flat.collateral[g] ? 1 : 0, flat.haircut[g].bitPattern]
        key += flat.pdValues[row].map(\.bitPattern)
        key += flat.lgdValues[row].map(\.bitPattern)
        if propertyIndex == 1 { key += flat.residentialIndex[row].map(\.bitPattern) }
        if propertyIndex == 2 { key += flat.commercialIndex[row].map(\.bitPattern) }
        return key
    }

    /// Distinct evaluations per row over all plans, summed over the book: the pass's work.
    public var evaluations: Int {
        kind.reduce(0) { sum, k in
            sum + (0..<plans).reduce(0) { $0 + (representative[Int(k) * plans + $1] == Int32($1) ? 1 : 0) }
        }
    }
}
