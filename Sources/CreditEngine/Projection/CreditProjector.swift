import RiskMath
import StressCore

/// Projects PD, LGD and EAD through a stress plan (METHODOLOGY §2.2–2.3):
///
///   annual:    PD_t = stressed PD, LGD_t = stressed LGD, EL_t = PD_t·LGD_t·EAD_t,
///              EAD_t+1 = max(EAD_t − PD_t·EAD_t − r_t·EAD_t, 0)   (run-off; static keeps EAD)
///   quarterly: q = 1 − (1 − PD)^(1/4); L_q = min(q·m_q, 1)·LGD_q·EAD (no run-off, as the seed)
///
/// Exposures are processed in fixed chunks in parallel and the chunk sums are
/// added in chunk order, so every figure is the same for any thread count.
/// Φ⁻¹(PD) and the asset correlation are computed once per exposure.
public enum CreditProjector {
    static let chunkSize = 16_384

    public static func project(portfolio p: Portfolio, plan: StressPlan, periodLabels: [String],
                               options: ProjectionOptions) -> CreditProjection {
        let periods = plan.periods
        precondition(periodLabels.count == periods, "one label per projected period")
        let layout = BreakdownLayout(portfolio: p, periods: periods)
        let partition = BlockPartition(count: p.count, blockSize: chunkSize)
        let chunks = parallelMap(blocks: partition, threads: max(1, options.threads)) { range, _ in
            var acc = Accumulator(layout: layout)
            projectChunk(range, portfolio: p, plan: plan, options: options, into: &acc)
            return acc
        }
        var total = Accumulator(layout: layout)
        for chunk in chunks { total.add(chunk) }
        return total.projection(portfolio: p, labels: periodLabels)
    }

    // MARK: - Kernel

    static func projectChunk(_ rows: Range<Int>, portfolio p: Portfolio, plan: StressPlan,
                             options: ProjectionOptions, into acc: inout Accumulator) {
        let periods = plan.periods
        let quarterly = options.frequency == .quarterly
        let runoff = !quarterly && options.balanceSheet == .runoff
        let turnover = p.turnoverEURm
        let collateral = p.collateralValue
        let amortisationColumn = p.amortisation
        let amortisationScale = quarterly ? 0.25 : 1.0
        for i in rows {
            let pd0 = max(p.pd[i], options.pdFloor)
            let lgd0 = p.lgd[i]
            var ead = p.ead[i]
            let assetClass = p.assetClass[i]
            let group = plan.groups[Int(plan.groupOfExposure?[i] ?? 0)]
            let q0 = quarterly ? quarterlyPD(pd0) : pd0
            acc.baselineEL += q0 * lgd0 * ead

            // Per-exposure constants of the Z-shift: Φ⁻¹(PD), √ρ and √(1 − ρ).
            var threshold = 0.0, sqrtRho = 0.0, sqrtOneMinusRho = 1.0
            if case .zShift = group.pd {
                threshold = Normal.quantile(pd0)
                let rho = AssetCorrelation.value(assetClass, pd: pd0, turnoverEURm: turnover?[i] ?? .nan)
                sqrtRho = rho.squareRoot()
                sqrtOneMinusRho = (1 - rho).squareRoot()
            }
            let collateralValue = collateral.map { $0[i].isFinite && $0[i] > 0 ? $0[i] : 0 } ?? 0
            let exposureAmortisation = amortisationColumn.map { $0[i].isFinite ? $0[i] : 0 } ?? 0

            let segmentCode = acc.layout.segment.isEmpty ? 0 : Int(p.segment.codes[i])
            let sectorCode = acc.layout.sector.isEmpty ? 0 : Int(p.sector.codes[i])
            let countryCode = acc.layout.country.isEmpty ? 0 : Int(p.country.codes[i])
            let classCode = acc.layout.assetClassIndex[assetClass]!
            acc.addStartEAD(ead, segment: segmentCode, assetClass: classCode, sector: sectorCode, country: countryCode)

            for t in 0..<periods {
                let pdT: Double
                switch group.pd {
                case let .multipliers(m):
                    pdT = min(q0 * m[t], 1)
                case let .zShift(z):
                    let annual = Normal.cdf((threshold - sqrtRho * z[t]) / sqrtOneMinusRho)
                    pdT = quarterly ? quarterlyPD(annual) : annual
                }
                let lgdT: Double
                switch group.lgd {
                case let .addOns(a):
                    lgdT = min(max(lgd0 + a[t], 0), 1)
                case let .collateral(c):
                    if collateralValue > 0 && ead > 0 {
                        let index = assetClass == .residentialMortgage ? c.residentialIndex[t] : c.commercialIndex[t]
                        let shortfall = (ead - (1 - c.haircut) * collateralValue * index) / ead
                        lgdT = min(max(max(lgd0, shortfall), 0), 1)
                    } else {
                        lgdT = min(max(lgd0 + c.unsecuredAddOns[t], 0), 1)
                    }
                }
                let el = pdT * lgdT * ead
                acc.add(period: t, el: el, ead: ead, pd: pdT, lgd: lgdT,
                        segment: segmentCode, assetClass: classCode, sector: sectorCode, country: countryCode)
                if runoff {
                    let r = (options.amortisation?[t] ?? exposureAmortisation) * amortisationScale
                    ead = max(ead - pdT * ead - r * ead, 0)
                }
            }
        }
    }

    /// Annual PD to quarterly: 1 − (1 − PD)^(1/4) (METHODOLOGY §2.3).
    @inline(__always)
    static func quarterlyPD(_ annual: Double) -> Double {
        1 - pow(max(1 - annual, 0), 0.25)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
