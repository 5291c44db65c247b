import StressCore

/// Read-only views of a portfolio's columns for the projection kernel, valid
/// only inside `withColumns` (the arrays are borrowed, never copied).
struct ExposureColumns: @unchecked Sendable {
    let count: Int
    let pd: UnsafeBufferPointer<Double>
    let lgd: UnsafeBufferPointer<Double>
    let ead: UnsafeBufferPointer<Double>
    let assetClass: UnsafeBufferPointer<AssetClass>
    let segment: UnsafeBufferPointer<UInt32>
    let sector: UnsafeBufferPointer<UInt32>
    let country: UnsafeBufferPointer<UInt32>
    /// Empty when the portfolio has no such column.
    let turnover: UnsafeBufferPointer<Double>
    let collateral: UnsafeBufferPointer<Double>
    let amortisation: UnsafeBufferPointer<Double>
    let group: UnsafeBufferPointer<UInt16>
    /// 1 for exposures in default at jump-off when the portfolio carries credit quality
    /// (their loss is the provisions engine's); empty otherwise.
    var defaulted = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    static func with<R>(_ p: Portfolio, groups: [UInt16]?, _ body: (ExposureColumns) -> R) -> R {
        let empty: [Double] = []
        let noGroups: [UInt16] = []
        return p.pd.withUnsafeBufferPointer { pd in
            p.lgd.withUnsafeBufferPointer { lgd in
                p.ead.withUnsafeBufferPointer { ead in
                    p.assetClass.withUnsafeBufferPointer { ac in
                        p.segment.codes.withUnsafeBufferPointer { seg in
                            p.sector.codes.withUnsafeBufferPointer { sec in
                                p.country.codes.withUnsafeBufferPointer { cty in
                                    (p.turnoverEURm ?? empty).withUnsafeBufferPointer { to in
                                        (p.collateralValue ?? empty).withUnsafeBufferPointer { col in
                                            (p.amortisation ?? empty).withUnsafeBufferPointer { am in
                                                (groups ?? noGroups).withUnsafeBufferPointer { g in
                                                    body(ExposureColumns(
                                                        count: p.count, pd: pd, lgd: lgd, ead: ead, assetClass: ac,
                                                        segment: seg, sector: sec, country: cty, turnover: to,
                                                        collateral: col, amortisation: am, group: g))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
