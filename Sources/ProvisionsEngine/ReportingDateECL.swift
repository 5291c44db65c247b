import Foundation
import RiskMath
import StressCore

/// The expected credit loss at the reporting date under one forward-looking scenario, by
/// stage and segment: the quarter-end calculation of IFRS 9 5.5.17, which weights such
/// figures by the scenarios' probabilities (`weighted`). Stages are the bank's at the
/// reporting date; stage 1 takes twelve-month ECL, stage 2 lifetime ECL (CECL: lifetime for
/// every performing loan), stage 3 LGD or the bank's held coverage, Ind AS 109 the RBI's
/// floors — the same formulas as `ProvisionsProjection` at t = 0, with the scenario's path
/// instead of the flat jump-off PD.
public struct ReportingDateECL: Sendable, Equatable, Codable {
    public var ead: [Double]
    /// Stage 1, 2, 3.
    public var ecl: [Double]
    public var total: Double
    public var bySegment: [String: [Double]]

    enum CodingKeys: String, CodingKey { case ead, ecl, total, bySegment = "by_segment" }

    public static func compute(book b: ProvisionBook, rules: ProvisioningRules, periods: Int, frequency: Frequency,
                               paths: StressedPathFiller, threads: Int) -> ReportingDateECL {
        let segments = b.segment.levels
        let chunks = parallelMap(blocks: BlockPartition(count: b.count, blockSize: 8_192), threads: max(1, threads)) { rows, _ in
            var ead = [Double](repeating: 0, count: 3), ecl = ead
            var bySegment = [Double](repeating: 0, count: 3 * max(1, segments.count))
            let pd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, rows.count * periods))
            let lgd = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, rows.count * periods))
            defer { pd.deallocate(); lgd.deallocate() }
            if periods > 0 { paths(rows, pd, lgd) }
            let step = frequency == .quarterly ? 0.25 : 1.0
            let reversion = Int((rules.reversionYears / step - 1e-9).rounded(.up))
            let floors = rules.standard == .indAS109 ? rules.floors : nil
            let scratchQ = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, periods + reversion))
            let scratchLGD = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, periods + reversion))
            defer { scratchQ.deallocate(); scratchLGD.deallocate() }
            var curve = ForwardCurve(step: step, periods: periods, reversionSteps: reversion, scratchQ: scratchQ,
                                     scratchLGD: scratchLGD)
            for i in rows {
                curve.load(pd: UnsafeBufferPointer(pd), lgd: UnsafeBufferPointer(lgd), offset: (i - rows.lowerBound) * periods,
                           scenarioPeriods: periods, longRunPD: b.pd0[i], longRunLGD: b.lgd0[i])
                let s = Int(b.stage0[i]) - 1, c = b.assetClass[i]
                var unit: Double
                if s == 2 {
                    let held = b.heldProvision[i]
                    unit = rules.stage3Coverage == .held && held.isFinite && b.ead0[i] > 0 ? held / b.ead0[i] : b.lgd0[i]
                    if let floors { unit = max(unit, floors.stage3Floor(c, yearsInDefault: b.yearsInDefault[i], secured: b.secured[i])) }
                } else {
                    let e = curve.evaluate(after: 0, remainingYears: b.remainingTerm[i], discount: ForwardCurve.discountFactor(eir: b.eir[i], step: step),
                                           amortisation: b.amortisation[i])
                    unit = s == 0 && rules.standard != .cecl ? e.twelveMonthECL : e.lifetimeECL
                    if let floors { unit = max(unit, (s == 0 ? floors.stage1[c] : floors.stage2[c]) ?? 0) }
                }
                ead[s] += b.ead0[i]
                ecl[s] += unit * b.ead0[i]
                bySegment[Int(b.segment.codes[i]) * 3 + s] += unit * b.ead0[i]
            }
            return (ead, ecl, bySegment)
        }
        var ead = [0.0, 0, 0], ecl = ead, bySegment = [Double](repeating: 0, count: 3 * max(1, segments.count))
        for (e, l, g) in chunks {
            for k in 0..<3 { ead[k] += e[k]; ecl[k] += l[k] }
            for k in bySegment.indices { bySegment[k] += g[k] }
        }
        var segmentsOut: [String: [Double]] = [:]
        for (k, name) in segments.enumerated() where bySegment[(3 * k)..<(3 * k + 3)].contains(where: { $0 != 0 }) {
            segmentsOut[name.isEmpty ? "unspecified" : name] = Array(bySegment[(3 * k)..<(3 * k + 3)])
        }
        return ReportingDateECL(ead: ead, ecl: ecl, total: ecl.reduce(0, +), bySegment: segmentsOut)
    }

    /// Σ w_s·ECL_s stage by stage and segment by segment (IFRS 9 5.5.17(a)); the weights
    /// must add up to 1 (the caller checks).
    public static func weighted(_ items: [(weight: Double, ecl: ReportingDateECL)]) -> ReportingDateECL {
        var ead = items.first?.ecl.ead ?? [0, 0, 0], ecl = [0.0, 0, 0]
        var bySegment: [String: [Double]] = [:]
        for (w, e) in items {
            for k in 0..<3 { ecl[k] += w * e.ecl[k] }
            for (name, values) in e.bySegment {
                var sum = bySegment[name] ?? [0, 0, 0]
                for k in 0..<3 { sum[k] += w * values[k] }
                bySegment[name] = sum
            }
        }
        if items.isEmpty { ead = [0, 0, 0] }
        return ReportingDateECL(ead: ead, ecl: ecl, total: ecl.reduce(0, +), bySegment: bySegment)
    }
}
