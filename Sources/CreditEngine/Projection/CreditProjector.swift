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

    /// `constants`: the scenario-independent terms of `p` (a re-projection's shared set);
    /// nil computes them on the way. Either way the same bits.
    public static func project(portfolio p: Portfolio, plan: StressPlan, periodLabels: [String],
                               options: ProjectionOptions, constants: ExposureConstants? = nil) -> CreditProjection {
        precondition(periodLabels.count == plan.periods, "one label per projected period")
        let chunks = accumulators(portfolio: p, plan: plan, options: options, constants: constants)
        var total = Accumulator(layout: chunks.first?.layout ?? layout(p, plan: plan, options: options))
        for chunk in chunks { total.add(chunk) }
        return total.projection(portfolio: p, labels: periodLabels, withIRB: options.rwa?.irb != nil,
                                withStandardised: options.rwa?.standardised != nil)
    }

    static func layout(_ p: Portfolio, plan: StressPlan, options: ProjectionOptions) -> BreakdownLayout {
        options.breakdowns ? BreakdownLayout(portfolio: p, periods: plan.periods) : .totalsOnly(periods: plan.periods)
    }

    /// Each chunk's sums, in chunk order.
    static func accumulators(portfolio p: Portfolio, plan: StressPlan, options: ProjectionOptions,
                             constants: ExposureConstants?) -> [Accumulator] {
        precondition(constants.map { $0.matches(p, pdFloor: options.pdFloor, rwa: options.rwa) } ?? true,
                     "CreditProjector: constants of another portfolio, floor or weights")
        let layout = layout(p, plan: plan, options: options)
        let partition = BlockPartition(count: p.count, blockSize: chunkSize)
        let flat = FlatPlan(plan)
        // Exposures in default at jump-off, when the file says which: the provisions engine
        // carries their loss (its stage 3 stock); here they keep only their RWA.
        let defaulted: [UInt8] = constants?.defaulted ?? (p.hasCreditQuality ? p.defaultedFlags() : [])
        // The weight columns as borrowed buffers: reading the structs' arrays per period
        // retained and released each of them, a fifth of a re-projection's time.
        return withWeightViews(options.rwa) { irb, standardised in
            withConstantsView(constants) { known in
            ExposureColumns.with(p, groups: plan.groupOfExposure) { base in
                defaulted.withUnsafeBufferPointer { flags in
                    var withFlags = base
                    withFlags.defaulted = flags
                    let columns = withFlags
                    return parallelMap(blocks: partition, threads: max(1, options.threads)) { range, _ in
                        var acc = Accumulator(layout: layout)
                        projectChunk(RowSelection(range), columns: columns, plan: flat, options: options, irb: irb,
                                     standardised: standardised, constants: known, into: &acc)
                        return acc
                    }
                }
            }
            }
        }
    }

    /// A filler of the stressed annual PD and LGD of every period for a range of exposures,
    /// row-major (entry (i − rows.lowerBound)·T + t), from the same formulas as the projection:
    /// what the provisions engine reads (METHODOLOGY §9). LGDs follow the exposure's
    /// outstanding EAD as the projection runs it off.
    /// `constants` are used when they are `p`'s (else computed on the way).
    public static func pathFiller(portfolio p: Portfolio, plan: StressPlan, options: ProjectionOptions,
                                  constants: ExposureConstants? = nil)
        -> @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void {
        let constants = constants.flatMap { $0.matches(p, pdFloor: options.pdFloor, rwa: options.rwa) ? $0 : nil }
        let flat = FlatPlan(plan)
        return { rows, pdOut, lgdOut in
            withConstantsView(constants) { known in
                ExposureColumns.with(p, groups: plan.groupOfExposure) { c in
                    fillPaths(RowSelection(rows), columns: c, plan: flat, options: options, constants: known,
                              pd: pdOut, lgd: lgdOut)
                }
            }
        }
    }

    /// The filler's loop over `rows`: entry position·T + t of `pdOut` and `lgdOut`.
    static func fillPaths(_ rows: RowSelection, columns c: ExposureColumns, plan flat: FlatPlan,
                          options: ProjectionOptions, constants known: ExposureConstants.View?,
                          pd pdOut: UnsafeMutableBufferPointer<Double>, lgd lgdOut: UnsafeMutableBufferPointer<Double>) {
        let periods = flat.periods
        let quarterly = options.frequency == .quarterly
        let runoff = !quarterly && options.balanceSheet == .runoff
        let floor = options.pdFloor
        flat.pdValues.withUnsafeBufferPointer { pdValues in
        flat.lgdValues.withUnsafeBufferPointer { lgdValues in
        flat.residentialIndex.withUnsafeBufferPointer { residential in
        flat.commercialIndex.withUnsafeBufferPointer { commercial in
            let hasGroups = c.group.count == c.count, hasAmortisation = c.amortisation.count == c.count
            for position in 0..<rows.count {
                let i = rows[position]
                let g = hasGroups ? Int(c.group[i]) : 0
                let stress = ExposureStress(i, columns: c, plan: flat, pd0: max(c.pd[i], floor), group: g,
                                            residential: residential, commercial: commercial, quarterly: quarterly,
                                            constants: known)
                var ead = c.ead[i]
                let a = hasAmortisation && c.amortisation[i].isFinite ? c.amortisation[i] : 0
                let base = position * periods
                for t in 0..<periods {
                    let (pdT, annualPD) = stress.pd(t, pdValues: pdValues, quarterly: quarterly)
                    let lgdT = stress.lgd(t, ead: ead, lgdValues: lgdValues)
                    pdOut[base + t] = annualPD
                    lgdOut[base + t] = lgdT
                    if runoff { ead = max(ead - pdT * ead - a * ead, 0) }
                }
            }
        }
        }
        }
        }
    }

    // MARK: - Kernel

    static func withConstantsView<R>(_ constants: ExposureConstants?, _ body: (ExposureConstants.View?) -> R) -> R {
        guard let constants else { return body(nil) }
        return constants.withView { body($0) }
    }

    static func withWeightViews<R>(_ rwa: RWAColumns?, _ body: (RiskWeightView?, StandardisedWeightView?) -> R) -> R {
        func withStandardised(_ irb: RiskWeightView?) -> R {
            if let standardised = rwa?.standardised { return standardised.withView { body(irb, $0) } }
            return body(irb, nil)
        }
        if let irb = rwa?.irb { return irb.withView { withStandardised($0) } }
        return withStandardised(nil)
    }

    /// The plan as flat arrays (group × period), so the inner loop reads plain
    /// numbers: no enum payloads, no reference counting per exposure.
    struct FlatPlan: Sendable {
        let periods: Int
        let zShift: [Bool]
        let pdValues: [Double]
        let collateral: [Bool]
        let lgdValues: [Double]
        let residentialIndex: [Double]
        let commercialIndex: [Double]
        let haircut: [Double]

        init(_ plan: StressPlan) {
            let t = plan.periods
            var zShift: [Bool] = [], pd: [Double] = [], collateral: [Bool] = [], lgd: [Double] = []
            var residential: [Double] = [], commercial: [Double] = [], haircut: [Double] = []
            for g in plan.groups {
                switch g.pd {
                case let .multipliers(m): zShift.append(false); pd += m.prefix(t)
                case let .zShift(z): zShift.append(true); pd += z.prefix(t)
                }
                switch g.lgd {
                case let .addOns(a):
                    collateral.append(false); lgd += a.prefix(t)
                    residential += repeatElement(1, count: t); commercial += repeatElement(1, count: t); haircut.append(0)
                case let .collateral(c):
                    collateral.append(true); lgd += c.unsecuredAddOns.prefix(t)
                    residential += c.residentialIndex.prefix(t); commercial += c.commercialIndex.prefix(t)
                    haircut.append(c.haircut)
                }
            }
            periods = t
            self.zShift = zShift; pdValues = pd; self.collateral = collateral; lgdValues = lgd
            residentialIndex = residential; commercialIndex = commercial; self.haircut = haircut
        }
    }

    /// `records`: instead of summing, write each row's terms at position·`CreditRowRecord.stride`
    /// (totals only), for a pass that adds them into several coalitions' sums.
    static func projectChunk(_ rows: RowSelection, columns c: ExposureColumns, plan flat: FlatPlan,
                             options: ProjectionOptions, irb: RiskWeightView?, standardised: StandardisedWeightView?,
                             constants known: ExposureConstants.View?, paths: BlockPaths? = nil,
                             records: UnsafeMutablePointer<Double>? = nil, into acc: inout Accumulator) {
        let periods = flat.periods
        let quarterly = options.frequency == .quarterly
        let runoff = !quarterly && options.balanceSheet == .runoff
        let amortisationScale = quarterly ? 0.25 : 1.0
        let layout = acc.layout
        let bySegment = !layout.segment.isEmpty, bySector = !layout.sector.isEmpty, byCountry = !layout.country.isEmpty
        let byClass = !layout.assetClass.isEmpty
        let hasGroups = c.group.count == c.count
        let hasDefaultedFlags = c.defaulted.count == c.count
        let hasAmortisation = c.amortisation.count == c.count
        let floor = options.pdFloor
        let globalAmortisation = options.amortisation.map { Array($0.prefix(periods)) + Array(repeating: 0, count: max(0, periods - $0.count)) }

        // Chunk-local sums in plain buffers, added into the accumulator at the end
        // (no copy-on-write, exclusivity or bounds checks in the loop): the six period
        // series, then the baseline EL and the two jump-off RWAs.
        let stride = CreditRowRecord.stride(periods: periods)
        let chunkTotals = LocalSums(count: stride)
        var totals = chunkTotals
        precondition(records == nil || !(bySegment || bySector || byCountry || byClass),
                     "CreditProjector: per-row records carry the totals only")
        // Non-optional copies and flags: `if let` on these large optionals inside the loop
        // copied them per exposure and period.
        let hasIRB = irb != nil, hasStandardised = standardised != nil
        let weights = irb ?? .none, saWeights = standardised ?? .none
        let hasConstants = known != nil, constants = known ?? .none
        let retainDefaults = options.rwa?.retainDefaults ?? false
        let ratingPhilosophy = options.rwa?.ratingPhilosophy ?? []
        let segmentEL = LocalSums(count: acc.segmentEL.count), sectorEL = LocalSums(count: acc.sectorEL.count)
        let countryEL = LocalSums(count: acc.countryEL.count), classEL = LocalSums(count: acc.classEL.count)
        let segmentEAD = LocalSums(count: acc.segmentEAD.count), sectorEAD = LocalSums(count: acc.sectorEAD.count)
        let countryEAD = LocalSums(count: acc.countryEAD.count), classEAD = LocalSums(count: acc.classEAD.count)
        defer {
            for b in [chunkTotals, segmentEL, sectorEL, countryEL, classEL, segmentEAD, sectorEAD, countryEAD, classEAD] { b.free() }
        }
        let baseline = 6 * periods, startRWA = baseline + 1, standardisedStartRWA = baseline + 2

        flat.pdValues.withUnsafeBufferPointer { pdValues in
        flat.lgdValues.withUnsafeBufferPointer { lgdValues in
        flat.residentialIndex.withUnsafeBufferPointer { residential in
        flat.commercialIndex.withUnsafeBufferPointer { commercial in
        (globalAmortisation ?? []).withUnsafeBufferPointer { amortisationPath in
            for position in 0..<rows.count {
                let i = rows[position]
                if let records {
                    totals = LocalSums(borrowing: records + position * stride, count: stride)
                }
                if hasDefaultedFlags && c.defaulted[i] != 0 {
                    // In default at jump-off: no further expected loss here (the provisions
                    // engine's stage 3), RWA held at its jump-off figure on PD 1.
                    let ead = c.ead[i]
                    let irb = !hasIRB ? 0
                        : (hasConstants ? constants.jumpOffRiskWeight[i] : weights.riskWeight(i, pd: 1, lgd: c.lgd[i])) * ead
                    let sa = hasStandardised
                        ? saWeights.defaultedRWAPerUnit(i, coverage: c.lgd[i]) * saWeights.exposureFactor[i] * ead : 0
                    totals[startRWA] += irb
                    totals[standardisedStartRWA] += sa
                    for t in 0..<periods {
                        totals[4 * periods + t] += irb
                        totals[5 * periods + t] += sa
                    }
                    continue
                }
                let pd0 = max(c.pd[i], floor)
                let lgd0 = c.lgd[i]
                var ead = c.ead[i]
                let assetClass = c.assetClass[i]
                let g = hasGroups ? Int(c.group[i]) : 0
                let row = g * periods
                let q0 = quarterly ? quarterlyPD(pd0) : pd0
                totals[baseline] += q0 * lgd0 * ead
                let weight0 = !hasIRB ? 0
                    : hasConstants ? constants.jumpOffRiskWeight[i] : weights.riskWeight(i, pd: pd0, lgd: lgd0)
                if hasIRB { totals[startRWA] += weight0 * ead }
                let exposureFactor = hasStandardised ? saWeights.exposureFactor[i] : 1
                // A loan in default at jump-off is weighted as defaulted on its amount net of
                // provisions, taken as LGD × EAD until the portfolio carries its own.
                let defaultedAtStart = hasStandardised
                    ? saWeights.defaultedRWAPerUnit(i, coverage: lgd0) * exposureFactor * ead : 0
                if hasStandardised {
                    totals[standardisedStartRWA] += pd0 >= 1 ? defaultedAtStart : saWeights.weight[i] * exposureFactor * ead
                }
                // Defaults of the horizon kept on the balance sheet net of provisions (RWA).
                var retainedRWA = 0.0

                let stress = ExposureStress(i, columns: c, plan: flat, pd0: pd0, group: g, residential: residential,
                                            commercial: commercial, quarterly: quarterly, constants: known)
                let isZShift = stress.isZShift, threshold = stress.threshold, sqrtRho = stress.sqrtRho
                let sqrtOneMinusRho = stress.sqrtOneMinusRho
                var exposureAmortisation = 0.0
                if hasAmortisation {
                    let a = c.amortisation[i]
                    if a.isFinite { exposureAmortisation = a }
                }
                let segmentCode = bySegment ? Int(c.segment[i]) : 0
                let sectorCode = bySector ? Int(c.sector[i]) : 0
                let countryCode = byCountry ? Int(c.country[i]) : 0
                let classCode = assetClassOrdinal(assetClass)
                let alpha = hasIRB ? ratingPhilosophy[classCode] : 1
                // Φ⁻¹(PD_0) for the rating philosophy, once per exposure when it is needed.
                let probit0 = alpha > 0 && alpha < 1
                    ? (hasConstants ? constants.probit[i] : isZShift ? threshold : Normal.quantile(pd0)) : .nan
                if bySegment { segmentEAD[segmentCode] += ead }
                if byClass { classEAD[classCode] += ead }
                if bySector { sectorEAD[sectorCode] += ead }
                if byCountry { countryEAD[countryCode] += ead }
                // The last regulatory (PD, LGD) weighted: RW is a function of them alone, so a
                // period that repeats them (or the jump-off's) reuses the weight.
                var lastPD = pd0, lastLGD = lgd0, lastWeight = weight0

                for t in 0..<periods {
                    var (pdT, annualPD) = (0.0, 0.0), lgdT = 0.0
                    if let paths {
                        // The filler's figures: the same formulas, run once for credit and provisions.
                        let k = position * periods + t
                        annualPD = paths.pd[k]
                        lgdT = paths.lgd[k]
                        pdT = !quarterly ? annualPD
                            : isZShift ? quarterlyPD(annualPD) : min(stress.q0 * pdValues[row + t], 1)
                    } else {
                        (pdT, annualPD) = stress.pd(t, pdValues: pdValues, quarterly: quarterly)
                        lgdT = stress.lgd(t, ead: ead, lgdValues: lgdValues)
                    }
                    let el = pdT * lgdT * ead
                    totals[t] += el
                    totals[periods + t] += ead
                    totals[2 * periods + t] += pdT * ead
                    totals[3 * periods + t] += lgdT * ead
                    if hasIRB {
                        let probitT = isZShift && !probit0.isNaN
                            ? (threshold - sqrtRho * pdValues[row + t]) / sqrtOneMinusRho : Double.nan
                        let regulatory = RWAColumns.regulatory(alpha: alpha, pd0: pd0, lgd0: lgd0, pdT: annualPD,
                                                               lgdT: lgdT, probit0: probit0, probitT: probitT)
                        let weight: Double
                        if regulatory.pd.bitPattern == lastPD.bitPattern && regulatory.lgd.bitPattern == lastLGD.bitPattern {
                            weight = lastWeight
                        } else if regulatory.pd.bitPattern == pd0.bitPattern && regulatory.lgd.bitPattern == lgd0.bitPattern {
                            weight = weight0
                        } else {
                            weight = weights.riskWeight(i, pd: regulatory.pd, lgd: regulatory.lgd)
                        }
                        (lastPD, lastLGD, lastWeight) = (regulatory.pd, regulatory.lgd, weight)
                        totals[4 * periods + t] += weight * ead
                    }
                    if bySegment { segmentEL[segmentCode * periods + t] += el }
                    if byClass { classEL[classCode * periods + t] += el }
                    if bySector { sectorEL[sectorCode * periods + t] += el }
                    if byCountry { countryEL[countryCode * periods + t] += el }
                    let defaulted = pdT * ead
                    if runoff {
                        let r = (globalAmortisation != nil ? amortisationPath[t] : exposureAmortisation) * amortisationScale
                        ead = max(ead - pdT * ead - r * ead, 0)
                    }
                    if hasStandardised {
                        // The balance at the period's end: performing EAD after run-off, and the
                        // period's defaults net of provisions (LGD) when they stay on the book.
                        if pd0 >= 1 {
                            totals[5 * periods + t] += runoff && !retainDefaults ? 0 : defaultedAtStart
                        } else {
                            if retainDefaults {
                                retainedRWA += defaulted * exposureFactor
                                    * saWeights.defaultedRWAPerUnit(i, coverage: lgdT)
                            }
                            totals[5 * periods + t] += saWeights.weight[i] * exposureFactor * ead + retainedRWA
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
        guard records == nil else { return }
        CreditRowRecord.fold(chunkTotals.buffer, periods: periods, into: &acc)
        segmentEL.add(into: &acc.segmentEL); sectorEL.add(into: &acc.sectorEL)
        countryEL.add(into: &acc.countryEL); classEL.add(into: &acc.classEL)
        segmentEAD.add(into: &acc.segmentEAD); sectorEAD.add(into: &acc.sectorEAD)
        countryEAD.add(into: &acc.countryEAD); classEAD.add(into: &acc.classEAD)
    }

    /// The stress formulas of one exposure (METHODOLOGY §2.1–2.3) with its constants: the
    /// Z-shift's Φ⁻¹(PD), √ρ and √(1 − ρ), and the collateral revaluation. Shared by the
    /// projection kernel and `stressedPaths`, so both see the same PDs and LGDs.
    struct ExposureStress {
        let pd0: Double
        let lgd0: Double
        let q0: Double
        let isZShift: Bool
        var threshold = 0.0, sqrtRho = 0.0, sqrtOneMinusRho = 1.0
        var collateralValue = 0.0
        let haircut: Double
        let row: Int
        let propertyIndex: UnsafeBufferPointer<Double>

        @inline(__always)
        init(_ i: Int, columns c: ExposureColumns, plan flat: FlatPlan, pd0: Double, group g: Int,
             residential: UnsafeBufferPointer<Double>, commercial: UnsafeBufferPointer<Double>, quarterly: Bool = false,
             constants: ExposureConstants.View? = nil) {
            self.pd0 = pd0
            lgd0 = c.lgd[i]
            q0 = quarterly ? CreditProjector.quarterlyPD(pd0) : pd0
            isZShift = flat.zShift[g]
            let assetClass = c.assetClass[i]
            if isZShift {
                if let k = constants {
                    (threshold, sqrtRho, sqrtOneMinusRho) = (k.probit[i], k.sqrtRho[i], k.sqrtOneMinusRho[i])
                } else {
                    (threshold, sqrtRho, sqrtOneMinusRho) = ExposureConstants.stress(i, columns: c, pd0: pd0)
                }
            }
            if flat.collateral[g] && c.collateral.count == c.count {
                let v = c.collateral[i]
                if v.isFinite && v > 0 { collateralValue = v }
            }
            propertyIndex = assetClass == .residentialMortgage ? residential : commercial
            haircut = flat.haircut[g]
            row = g * flat.periods
        }

        /// (the period's PD — quarterly for CCAR —, the annual PD), period t; `quarterly` as at init.
        @inline(__always)
        func pd(_ t: Int, pdValues: UnsafeBufferPointer<Double>, quarterly: Bool) -> (Double, Double) {
            if isZShift {
                let annualPD = Normal.cdf((threshold - sqrtRho * pdValues[row + t]) / sqrtOneMinusRho)
                return (quarterly ? quarterlyPD(annualPD) : annualPD, annualPD)
            }
            let pdT = min(q0 * pdValues[row + t], 1)
            // The IRB formula takes a one-year PD: the multiplier on the annual PD.
            return (pdT, quarterly ? min(pd0 * pdValues[row + t], 1) : pdT)
        }

        /// LGD in period t at the exposure's outstanding EAD.
        @inline(__always)
        func lgd(_ t: Int, ead: Double, lgdValues: UnsafeBufferPointer<Double>) -> Double {
            if collateralValue > 0 && ead > 0 {
                let shortfall = (ead - (1 - haircut) * collateralValue * propertyIndex[row + t]) / ead
                return min(max(max(lgd0, shortfall), 0), 1)
            }
            return min(max(lgd0 + lgdValues[row + t], 0), 1)
        }
    }

    /// A zeroed buffer of sums owned by one chunk.
    struct LocalSums {
        let buffer: UnsafeMutableBufferPointer<Double>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: 0)
        }
        /// `count` zeroed doubles at `start`, owned by the caller (never `free`d).
        init(borrowing start: UnsafeMutablePointer<Double>, count: Int) {
            buffer = UnsafeMutableBufferPointer(start: start, count: count)
            buffer.update(repeating: 0)
        }
        @inline(__always)
        subscript(i: Int) -> Double {
            get { buffer[i] }
            nonmutating set { buffer[i] = newValue }
        }
        func add(into target: inout [Double]) { for k in target.indices { target[k] += buffer[k] } }
        func free() { buffer.deallocate() }
    }

    @inline(__always)
    static func assetClassOrdinal(_ c: AssetClass) -> Int {
        switch c {
        case .corporate: return 0
        case .sovereign: return 1
        case .bank: return 2
        case .sme: return 3
        case .residentialMortgage: return 4
        case .qrre: return 5
        case .otherRetail: return 6
        case .cre: return 7
        }
    }

    /// Annual PD to quarterly: 1 − (1 − PD)^(1/4) (METHODOLOGY §2.3), as two square roots
    /// (correctly rounded, and several times cheaper than `pow`).
    @inline(__always)
    static func quarterlyPD(_ annual: Double) -> Double {
        1 - max(1 - annual, 0).squareRoot().squareRoot()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
