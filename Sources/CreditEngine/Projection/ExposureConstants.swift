import RiskMath
import StressCore

/// The per-exposure terms of a projection that no scenario moves: Φ⁻¹ of the floored PD,
/// the Z-shift's √ρ and √(1 − ρ) (METHODOLOGY §2.1), the default flag and the IRB weight at
/// jump-off (§3.1). A scenario's re-projections (attribution coalitions, severity steps)
/// share one set. The kernel reads them where it would compute the same functions of the
/// same arguments, so every figure keeps its bits.
public struct ExposureConstants: Sendable {
    let pdFloor: Double
    /// Φ⁻¹(max(PD, floor)).
    let probit: [Double]
    let sqrtRho: [Double]
    let sqrtOneMinusRho: [Double]
    /// 1 for an exposure in default at jump-off (when the portfolio says which); else empty.
    let defaulted: [UInt8]
    /// RW at the jump-off PD and LGD (PD 1 in default at jump-off); empty without IRB weights.
    let jumpOffRiskWeight: [Double]
    /// What the terms were computed from, to check that a projection reads its own.
    private let source: Source

    private struct Source: Equatable {
        var pd: [Double], lgd: [Double], assetClass: [AssetClass], turnover: [Double]?
        var stage: [UInt8]?, defaultFlag: [UInt8]?, hasCreditQuality: Bool
        var irb: RiskWeightColumns?

        init(_ p: Portfolio, irb: RiskWeightColumns?) {
            pd = p.pd; lgd = p.lgd; assetClass = p.assetClass; turnover = p.turnoverEURm
            stage = p.stage; defaultFlag = p.defaultFlag; hasCreditQuality = p.hasCreditQuality
            self.irb = irb
        }
    }

    public init(portfolio p: Portfolio, pdFloor: Double, rwa: RWAColumns?, threads: Int) {
        self.pdFloor = pdFloor
        source = Source(p, irb: rwa?.irb)
        let flags: [UInt8] = p.hasCreditQuality ? p.defaultedFlags() : []
        defaulted = flags
        let n = p.count, hasIRB = rwa?.irb != nil
        var probit = [Double](repeating: 0, count: n), sqrtRho = probit, sqrtOneMinusRho = probit
        var weight = [Double](repeating: 0, count: hasIRB ? n : 0)
        probit.withUnsafeMutableBufferPointer { probitOut in
        sqrtRho.withUnsafeMutableBufferPointer { sqrtRhoOut in
        sqrtOneMinusRho.withUnsafeMutableBufferPointer { sqrtOneMinusRhoOut in
        weight.withUnsafeMutableBufferPointer { weightOut in
            // Workers write disjoint rows of the columns.
            let out = Output(probit: probitOut, sqrtRho: sqrtRhoOut, sqrtOneMinusRho: sqrtOneMinusRhoOut, weight: weightOut)
            CreditProjector.withWeightViews(rwa) { irb, _ in
                ExposureColumns.with(p, groups: nil) { base in
                    flags.withUnsafeBufferPointer { flags in
                        var withFlags = base
                        withFlags.defaulted = flags
                        let c = withFlags
                        _ = parallelMap(blocks: BlockPartition(count: n, blockSize: CreditProjector.chunkSize),
                                        threads: max(1, threads)) { rows, _ in
                            for i in rows {
                                let pd0 = max(c.pd[i], pdFloor)
                                let stress = Self.stress(i, columns: c, pd0: pd0)
                                out.probit[i] = stress.probit
                                out.sqrtRho[i] = stress.sqrtRho
                                out.sqrtOneMinusRho[i] = stress.sqrtOneMinusRho
                                if let irb {
                                    let inDefault = !c.defaulted.isEmpty && c.defaulted[i] != 0
                                    out.weight[i] = irb.riskWeight(i, pd: inDefault ? 1 : pd0, lgd: c.lgd[i])
                                }
                            }
                            return 0
                        }
                    }
                }
            }
        }
        }
        }
        }
        self.probit = probit
        self.sqrtRho = sqrtRho
        self.sqrtOneMinusRho = sqrtOneMinusRho
        jumpOffRiskWeight = weight
    }

    private struct Output: @unchecked Sendable {
        let probit, sqrtRho, sqrtOneMinusRho, weight: UnsafeMutableBufferPointer<Double>
    }

    /// Whether these are the terms of `p` at `pdFloor` with the IRB weights of `rwa`.
    public func matches(_ p: Portfolio, pdFloor floor: Double, rwa: RWAColumns?) -> Bool {
        floor == pdFloor && source == Source(p, irb: rwa?.irb)
    }

    /// Φ⁻¹(PD₀) and the Z-shift's ρ terms of exposure `i`: the one formula, whether the
    /// terms are kept here or computed on the fly.
    @inline(__always)
    static func stress(_ i: Int, columns c: ExposureColumns, pd0: Double)
        -> (probit: Double, sqrtRho: Double, sqrtOneMinusRho: Double) {
        let rho = AssetCorrelation.value(c.assetClass[i], pd: pd0,
                                         turnoverEURm: c.turnover.count == c.count ? c.turnover[i] : .nan)
        return (Normal.quantile(pd0), rho.squareRoot(), (1 - rho).squareRoot())
    }

    /// The terms as borrowed buffers, valid inside `body` only.
    func withView<R>(_ body: (View) -> R) -> R {
        probit.withUnsafeBufferPointer { probit in
            sqrtRho.withUnsafeBufferPointer { sqrtRho in
                sqrtOneMinusRho.withUnsafeBufferPointer { sqrtOneMinusRho in
                    jumpOffRiskWeight.withUnsafeBufferPointer { weight in
                        body(View(probit: probit, sqrtRho: sqrtRho, sqrtOneMinusRho: sqrtOneMinusRho,
                                  jumpOffRiskWeight: weight))
                    }
                }
            }
        }
    }

    struct View: @unchecked Sendable {
        let probit: UnsafeBufferPointer<Double>
        let sqrtRho: UnsafeBufferPointer<Double>
        let sqrtOneMinusRho: UnsafeBufferPointer<Double>
        let jumpOffRiskWeight: UnsafeBufferPointer<Double>

        /// No terms: for a kernel that holds a view only when it has them.
        static let none = View(probit: .init(start: nil, count: 0), sqrtRho: .init(start: nil, count: 0),
                               sqrtOneMinusRho: .init(start: nil, count: 0),
                               jumpOffRiskWeight: .init(start: nil, count: 0))
    }
}
