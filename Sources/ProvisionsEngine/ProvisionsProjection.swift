import Foundation
import RiskMath
import StressCore

/// Fills the stressed annual PD and the LGD of every period for the exposures of `rows`,
/// row-major: entry (i − rows.lowerBound)·T + t. The credit engine's satellites provide it
/// (StressRun wires `CreditProjector.stressedPaths`), so provisions and expected losses see
/// the same PDs.
public typealias StressedPathFiller = @Sendable (_ rows: Range<Int>, _ pd: UnsafeMutableBufferPointer<Double>,
                                                  _ lgd: UnsafeMutableBufferPointer<Double>) -> Void

/// The stock of provisions under a scenario (METHODOLOGY §9), exposure by exposure, as
/// expected amounts (EAD mass) in each stage rather than draws, so the result is exact and
/// the same for any thread count. Per period t, with q_t the period's PD (quarterly for
/// CCAR) and LGD_t from the scenario:
///
/// 1. defaults: q_t of stage 1 and stage 2 move to stage 3 as a new cohort (1→3, 2→3);
/// 2. run-off (the credit engine's `runoff` mode): amortisation repays performing EAD and a
///    loan at maturity rolls over into one of its original term; under a constant balance
///    sheet (`static`, CCAR) new lending of the same kind replaces each default, in stage 1;
/// 3. cures: `cureRate`·Δ of each stage 3 cohort returns to stage 2, on probation for
///    `probationYears` (EBA/GL/2016/07 on the definition of default, paragraph 71);
/// 4. write-offs: a cohort `writeOffYears` in default is written off — its LGD part as a
///    loss, the rest recovered (IFRS 9 5.4.4; 0 years charges off at default, as the Fed
///    does);
/// 5. staging: performing EAD is in stage 2 while the twelve-month PD seen at t passes the
///    significant-increase test against the origination PD (IFRS 9 5.5.9, B5.5.17; 12-month
///    PDs as B5.5.13 allows), or while a jump-off 30-days-past-due backstop (5.5.11) or a
///    cure's probation lasts; otherwise stage 1 (2→1);
/// 6. provisions: IFRS 9 — stage 1 twelve-month ECL, stage 2 lifetime ECL (5.5.3, 5.5.5),
///    stage 3 LGD (or the bank's held coverage for exposures in default at jump-off); CECL
///    — lifetime ECL on every performing loan (ASC 326-20-30-2); Ind AS 109 — IFRS 9 with
///    the RBI's floors by stage, class and years in default;
/// 7. impairment_t = provisions_t − provisions_t−1 + write-offs_t (the P&L charge).
///
/// ECL uses the scenario's path from t onwards, then reverts (`ForwardCurve`). Jump-off
/// provisions are the bank's where the portfolio gives them, else the model's at the
/// jump-off PD held flat (so they do not depend on the scenario). The regulatory EL of
/// CRR Art. 159 takes the jump-off PD and LGD of performing exposures and the LGD of
/// defaulted ones.
public enum ProvisionsProjection {
    public struct Inputs: Sendable {
        public var book: ProvisionBook
        public var rules: ProvisioningRules
        public var periods: [String]
        public var frequency: Frequency
        /// Defaults replaced by new lending and nothing repaid (EBA static, CCAR constant).
        public var constantBalanceSheet: Bool
        public var paths: StressedPathFiller
        public var threads: Int
        /// Whether to sum the breakdowns by segment, asset class and country; without them
        /// the result has its totals only (the same bits), for a re-projection.
        public var breakdowns = true

        public init(book: ProvisionBook, rules: ProvisioningRules, periods: [String], frequency: Frequency,
                    constantBalanceSheet: Bool, paths: @escaping StressedPathFiller, threads: Int) {
            self.book = book
            self.rules = rules
            self.periods = periods
            self.frequency = frequency
            self.constantBalanceSheet = constantBalanceSheet
            self.paths = paths
            self.threads = threads
        }
    }

    static let chunkSize = 8_192

    public static func project(_ input: Inputs) -> ProvisionsResult {
        combine(blocks(input), input)
    }

    /// Each block's sums, in row order.
    static func blocks(_ input: Inputs) -> [ProvisionsBlock] {
        let periods = input.periods.count
        return parallelMap(blocks: BlockPartition(count: input.book.count, blockSize: chunkSize),
                                 threads: max(1, input.threads)) { rows, _ in
            let pd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, rows.count * periods))
            let lgd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, rows.count * periods))
            defer { pd.deallocate(); lgd.deallocate() }
            if periods > 0 { input.paths(rows, pd, lgd) }
            return projectBlock(rows, input, pd: UnsafeBufferPointer(pd), lgd: UnsafeBufferPointer(lgd))
        }
    }

    /// Rows per block; blocks are summed in row order.
    public static var blockSize: Int { chunkSize }

    /// The sums of one block of rows given its stressed PDs and LGDs (the filler's layout),
    /// for a pass that fills the paths once for several engines (a re-projection).
    public static func projectBlock(_ rows: Range<Int>, _ input: Inputs, pd: UnsafeBufferPointer<Double>,
                                    lgd: UnsafeBufferPointer<Double>) -> ProvisionsBlock {
        var sums = ProvisionSums(layout: ProvisionLayout(book: input.book, periods: input.periods.count,
                                                         breakdowns: input.breakdowns))
        ExposureProvisions.run(RowSelection(rows), input: input, pd: pd, lgd: lgd, into: &sums)
        return ProvisionsBlock(sums: sums)
    }

    /// The result of blocks in row order (each `blockSize` rows but the last).
    public static func combine(_ blocks: [ProvisionsBlock], _ input: Inputs) -> ProvisionsResult {
        var total = ProvisionSums(layout: ProvisionLayout(book: input.book, periods: input.periods.count,
                                                          breakdowns: input.breakdowns))
        for block in blocks { total.add(block.sums) }
        return total.result(standard: input.rules.standard, periods: input.periods)
    }

    /// Each exposure's allowance at jump-off, in portfolio order: the bank's where the
    /// portfolio gives it, else the model's at the jump-off PD held flat (raised to the RBI's
    /// floors under Ind AS 109): the stock `project` starts from, for the jump-off templates
    /// (COREP value adjustments, Pillar 3 CR6 column m). It does not depend on a scenario.
    public static func jumpOffAllowances(book: ProvisionBook, rules: ProvisioningRules, frequency: Frequency,
                                         threads: Int) -> [Double] {
        let input = Inputs(book: book, rules: rules, periods: [], frequency: frequency, constantBalanceSheet: false,
                           paths: { _, _, _ in }, threads: threads)
        let layout = ProvisionLayout(book: book, periods: 0)
        let chunks = parallelMap(blocks: BlockPartition(count: book.count, blockSize: chunkSize),
                                 threads: max(1, threads)) { rows, _ in
            var sums = ProvisionSums(layout: layout)
            sums.jumpOffByExposure = []
            sums.jumpOffByExposure!.reserveCapacity(rows.count)
            let none = UnsafeBufferPointer<Double>(start: nil, count: 0)
            ExposureProvisions.run(RowSelection(rows), input: input, pd: none, lgd: none, into: &sums)
            return sums.jumpOffByExposure!
        }
        return chunks.flatMap { $0 }
    }
}

/// The provision sums of one block of rows (`ProvisionsProjection.projectBlock`).
public struct ProvisionsBlock: Sendable {
    let sums: ProvisionSums
}

/// The kernel: one exposure's stage masses through the horizon, summed into `sums`.
enum ExposureProvisions {
    struct Cohort {
        var amount: Double
        var lgd: Double
        var coverage: Double
        var years: Double
    }

    /// `pd` and `lgd` at position·T + t for the row at `position` of `rows`.
    static func run<Sink: ProvisionSink>(_ rows: RowSelection, input: ProvisionsProjection.Inputs,
                                         pd: UnsafeBufferPointer<Double>, lgd: UnsafeBufferPointer<Double>,
                                         into sums: inout Sink) {
        let b = input.book, rules = input.rules
        let periods = input.periods.count
        let step = input.frequency == .quarterly ? 0.25 : 1.0
        let reversionSteps = Int((rules.reversionYears / step - 1e-9).rounded(.up))
        let constant = input.constantBalanceSheet
        let lifetimeForAll = rules.standard == .cecl
        let floors = rules.standard == .indAS109 ? rules.floors : nil
        var cohorts = CohortBuffer(capacity: periods + 1)
        defer { cohorts.deallocate() }
        let scratchQ = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, periods + reversionSteps))
        let scratchLGD = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, periods + reversionSteps))
        let none = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        defer { scratchQ.deallocate(); scratchLGD.deallocate() }
        var curve = ForwardCurve(step: step, periods: periods, reversionSteps: reversionSteps, scratchQ: scratchQ,
                                 scratchLGD: scratchLGD)
        var flat = ForwardCurve(step: step, periods: 0, reversionSteps: 0, scratchQ: none, scratchLGD: none)

        for position in 0..<rows.count {
            let i = rows[position]
            sums.beginRow(position)
            let pd0 = b.pd0[i], lgd0 = b.lgd0[i], ead0 = b.ead0[i]
            curve.load(pd: pd, lgd: lgd, offset: position * periods, scenarioPeriods: periods,
                       longRunPD: pd0, longRunLGD: lgd0)
            flat.load(pd: pd, lgd: lgd, offset: 0, scenarioPeriods: 0, longRunPD: pd0, longRunLGD: lgd0)
            let c = b.assetClass[i]
            let floor1 = floors?.stage1[c] ?? 0, floor2 = floors?.stage2[c] ?? 0
            let discount = ForwardCurve.discountFactor(eir: b.eir[i], step: step), amortisation = b.amortisation[i], writeOff = b.writeOffYears[i]
            let originationQ = curve.stepPD(min(b.originationPD[i], 1))
            var term = b.remainingTerm[i]
            let g = ProvisionLayout.Groups(segment: Int(b.segment.codes[i]), assetClass: ProvisionLayout.classIndex(c),
                                           country: Int(b.country.codes[i]))

            /// Provisions per unit in stage 1 and 2, and whether credit risk has increased
            /// significantly: lifetime PD over the remaining term against the lifetime PD the
            /// origination PD implies for the same term (IFRS 9 5.5.9).
            func unitProvisions(_ curve: ForwardCurve, after t: Int) -> (Double, Double, Bool) {
                let e = curve.evaluate(after: t, remainingYears: term, discount: discount, amortisation: amortisation)
                let steps = max(1, Int((term / step - 1e-9).rounded(.up)))
                let originationLifetime = 1 - ForwardCurve.power(1 - originationQ, steps)
                let stage1 = lifetimeForAll ? e.lifetimeECL : e.twelveMonthECL
                return (max(stage1, floor1), max(e.lifetimeECL, floor2),
                        rules.significantIncrease(pd: e.lifetimePD, originationPD: originationLifetime))
            }
            func stage3Coverage(_ cohort: Cohort) -> Double {
                guard let floors else { return cohort.coverage }
                return max(cohort.coverage, floors.stage3Floor(c, yearsInDefault: cohort.years, secured: b.secured[i]))
            }

            // MARK: Jump-off
            var m1 = 0.0, m2 = 0.0, probation = 0.0, probationLeft = 0.0
            cohorts.removeAll()
            let held = b.heldProvision[i]
            switch b.stage0[i] {
            case 3:
                let coverage = rules.stage3Coverage == .held && held.isFinite && ead0 > 0 ? held / ead0 : lgd0
                cohorts.append(Cohort(amount: ead0, lgd: lgd0, coverage: coverage, years: b.yearsInDefault[i]))
            case 2: m2 = ead0
            default: m1 = ead0
            }
            let backstopYears = b.pastDueBackstop[i] ? rules.probationYears : 0
            let (flat1, flat2, _) = unitProvisions(flat, after: 0)
            var model0 = m1 * flat1 + m2 * flat2
            for cohort in cohorts { model0 += cohort.amount * stage3Coverage(cohort) }
            sums.addJumpOff(model: model0, held: held.isFinite ? held : nil)
            // The RBI's floors bind from the jump-off: provisions held below them are raised
            // there (a transition adjustment, reported in the jump-off stock), not in the stress.
            var p0 = held.isFinite ? held : model0
            if floors != nil, held.isFinite {
                var floor = m1 * floor1 + m2 * floor2
                for k in cohorts.indices {
                    cohorts[k].coverage = stage3Coverage(cohorts[k])
                    floor += cohorts[k].amount * cohorts[k].coverage
                }
                p0 = max(p0, floor)
            }
            sums.appendJumpOffAllowance(p0)
            sums.addStock(0, g, s1: m1, s2: m2, s3: ead0 - m1 - m2, p1: m1 > 0 ? p0 : 0, p2: m2 > 0 ? p0 : 0,
                          p3: m1 + m2 > 0 ? 0 : p0, elPerforming: (m1 + m2) * pd0 * lgd0,
                          elDefaulted: cohorts.first.map { $0.amount * $0.lgd } ?? 0)
            guard periods > 0 else { continue }

            // MARK: Periods
            var elapsed = 0.0
            for t in 1...periods {
                elapsed += step
                let q = curve.q[t - 1], lgdT = curve.lgd[t - 1]
                // 1. defaults
                let d1 = m1 * q, d2 = m2 * q
                m1 -= d1; m2 -= d2; probation -= probation * q
                for k in cohorts.indices { cohorts[k].years += step }
                if d1 + d2 > 0 { cohorts.append(Cohort(amount: d1 + d2, lgd: lgdT, coverage: lgdT, years: step / 2)) }
                // 2. run-off, or replacement under a constant balance sheet
                var repaid = 0.0, newLending = 0.0
                if constant {
                    newLending = d1 + d2
                    m1 += newLending
                } else {
                    // Scheduled amortisation repays, as in the credit engine's run-off; a loan
                    // reaching maturity rolls over into one of the same term (neither engine
                    // shrinks the book at maturity: the EBA's static balance sheet replaces
                    // maturing assets).
                    let r = min(amortisation * step, 1)
                    repaid = (m1 + m2) * r
                    m1 -= m1 * r; m2 -= m2 * r; probation -= probation * r
                    term = term - step > 1e-9 ? term - step : b.remainingTerm[i]
                }
                // 3. cures and 4. write-offs
                var cured = 0.0, writtenOff = 0.0
                var k = 0
                while k < cohorts.count {
                    // LGD already weighs the chance of cure (CRE36.83): a cure moves EAD back to
                    // stage 2 but leaves the cohort's expected loss, so the rest carries more per unit.
                    let before = cohorts[k].amount
                    let cure = before * min(rules.cureRate * step, 1)
                    cohorts[k].amount -= cure
                    if cohorts[k].amount > 0 {
                        let scale = before / cohorts[k].amount
                        cohorts[k].lgd = min(cohorts[k].lgd * scale, 1)
                        cohorts[k].coverage = min(cohorts[k].coverage * scale, 1)
                    }
                    cured += cure
                    if cohorts[k].years >= writeOff - 1e-9 {
                        writtenOff += cohorts[k].amount * cohorts[k].lgd
                        repaid += cohorts[k].amount * (1 - cohorts[k].lgd)
                        cohorts.remove(at: k)
                    } else {
                        k += 1
                    }
                }
                if cured > 0 { m2 += cured; probation += cured; probationLeft = rules.probationYears }
                // 5. staging of performing EAD, 6. provisions
                probationLeft -= step
                if probationLeft <= 1e-9 { probation = 0 }
                let (u1, u2, increase) = unitProvisions(curve, after: t)
                var t12 = 0.0, t21 = 0.0
                if increase || elapsed < backstopYears - 1e-9 {
                    t12 = m1; m2 += m1; m1 = 0
                } else {
                    t21 = max(m2 - probation, 0); m1 += t21; m2 -= t21
                }
                var s3 = 0.0, p3 = 0.0, elDefaulted = 0.0
                for cohort in cohorts {
                    s3 += cohort.amount
                    p3 += cohort.amount * stage3Coverage(cohort)
                    elDefaulted += cohort.amount * cohort.lgd
                }
                sums.addStock(t, g, s1: m1, s2: m2, s3: s3, p1: m1 * u1, p2: m2 * u2, p3: p3,
                              elPerforming: (m1 + m2) * pd0 * lgd0, elDefaulted: elDefaulted)
                sums.addFlows(t, g, writeOff: writtenOff, repaid: repaid, newLending: newLending, t12: t12, t21: t21,
                              t13: d1, t23: d2, t32: cured)
            }
        }
    }
}
