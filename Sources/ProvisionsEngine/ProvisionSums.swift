import StressCore

/// Where the breakdowns live in `ProvisionSums`' flat arrays.
struct ProvisionLayout: Sendable {
    let periods: Int
    let segments: [String]
    let countries: [String]
    /// Whether the breakdowns by segment, asset class and country are summed (else the
    /// totals alone, for a re-projection that reads only those).
    let breakdowns: Bool

    struct Groups {
        var segment: Int
        var assetClass: Int
        var country: Int
    }

    init(book: ProvisionBook, periods: Int, breakdowns: Bool = true) {
        self.periods = periods
        segments = book.segment.levels
        countries = book.country.levels
        self.breakdowns = breakdowns
    }

    static let classes = AssetClass.allCases.count
    /// Country × asset class groups.
    var countryClassGroups: Int { max(1, countries.count) * Self.classes }
    /// Transition flows of a country group: 1→2, 2→1, 1→3, 2→3, 3→2 per period.
    static let transitionSeries = 5

    static func classIndex(_ c: AssetClass) -> Int { AssetClass.allCases.firstIndex(of: c)! }

    /// Stocks: 6 series (EAD and provisions by stage) of T + 1 dates per group.
    var groupStockSize: Int { 6 * (periods + 1) }
}

/// Where the provisions kernel puts each exposure's figures: a block's sums
/// (`ProvisionSums`), or one record per row (`ProvisionRowRecords`).
protocol ProvisionSink {
    /// The kernel starts the row at `position` of its selection.
    mutating func beginRow(_ position: Int)
    mutating func addJumpOff(model: Double, held: Double?)
    mutating func appendJumpOffAllowance(_ allowance: Double)
    mutating func addStock(_ t: Int, _ g: ProvisionLayout.Groups, s1: Double, s2: Double, s3: Double,
                           p1: Double, p2: Double, p3: Double, elPerforming: Double, elDefaulted: Double)
    mutating func addFlows(_ t: Int, _ g: ProvisionLayout.Groups, writeOff: Double, repaid: Double, newLending: Double,
                           t12: Double, t21: Double, t13: Double, t23: Double, t32: Double)
}

/// Sums of one chunk of exposures; chunks are added in chunk order (fixed reduction order).
struct ProvisionSums: Sendable, ProvisionSink {
    let layout: ProvisionLayout
    /// [series × (T + 1)]: s1, s2, s3, p1, p2, p3, EL performing, EL defaulted.
    var stocks: [Double]
    /// [series × T]: write-offs, repaid, new lending, 1→2, 2→1, 1→3, 2→3, 3→2.
    var flows: [Double]
    var segmentStocks: [Double], classStocks: [Double]
    var segmentWriteOffs: [Double], classWriteOffs: [Double]
    /// [(country · classes + class) × …]: stocks, write-offs and transition flows.
    var countryStocks: [Double], countryWriteOffs: [Double], countryTransitions: [Double]
    var modelJumpOff = 0.0, heldJumpOff = 0.0, heldCount = 0
    /// Each exposure's jump-off allowance in row order, when asked for (`jumpOffAllowances`).
    var jumpOffByExposure: [Double]? = nil

    static let stockSeries = 8, flowSeries = 8

    init(layout: ProvisionLayout) {
        self.layout = layout
        let t = layout.periods
        stocks = .init(repeating: 0, count: Self.stockSeries * (t + 1))
        flows = .init(repeating: 0, count: Self.flowSeries * max(t, 1))
        guard layout.breakdowns else {
            segmentStocks = []; classStocks = []; segmentWriteOffs = []; classWriteOffs = []
            countryStocks = []; countryWriteOffs = []; countryTransitions = []
            return
        }
        segmentStocks = .init(repeating: 0, count: max(1, layout.segments.count) * layout.groupStockSize)
        classStocks = .init(repeating: 0, count: AssetClass.allCases.count * layout.groupStockSize)
        segmentWriteOffs = .init(repeating: 0, count: max(1, layout.segments.count) * max(t, 1))
        classWriteOffs = .init(repeating: 0, count: AssetClass.allCases.count * max(t, 1))
        countryStocks = .init(repeating: 0, count: layout.countryClassGroups * layout.groupStockSize)
        countryWriteOffs = .init(repeating: 0, count: layout.countryClassGroups * max(t, 1))
        countryTransitions = .init(repeating: 0, count: layout.countryClassGroups * ProvisionLayout.transitionSeries * max(t, 1))
    }

    @inline(__always) mutating func beginRow(_ position: Int) {}

    @inline(__always) mutating func appendJumpOffAllowance(_ allowance: Double) {
        jumpOffByExposure?.append(allowance)
    }

    mutating func addJumpOff(model: Double, held: Double?) {
        modelJumpOff += model
        if let held { heldJumpOff += held; heldCount += 1 }
    }

    mutating func addStock(_ t: Int, _ g: ProvisionLayout.Groups, s1: Double, s2: Double, s3: Double,
                           p1: Double, p2: Double, p3: Double, elPerforming: Double, elDefaulted: Double) {
        let w = layout.periods + 1
        guard layout.breakdowns else {
            stocks.withUnsafeMutableBufferPointer { total in
                total[t] += s1; total[w + t] += s2; total[2 * w + t] += s3
                total[3 * w + t] += p1; total[4 * w + t] += p2; total[5 * w + t] += p3
                total[6 * w + t] += elPerforming
                total[7 * w + t] += elDefaulted
            }
            return
        }
        let segment = g.segment * layout.groupStockSize + t, assetClass = g.assetClass * layout.groupStockSize + t
        let country = (g.country * ProvisionLayout.classes + g.assetClass) * layout.groupStockSize + t
        // One uniqueness check per array and call, not one per element: this runs for every
        // exposure and period (the same additions in the same order, so the same sums).
        stocks.withUnsafeMutableBufferPointer { total in
        segmentStocks.withUnsafeMutableBufferPointer { bySegment in
        classStocks.withUnsafeMutableBufferPointer { byClass in
        countryStocks.withUnsafeMutableBufferPointer { byCountry in
            @inline(__always) func add(_ k: Int, _ v: Double) {
                total[k * w + t] += v
                bySegment[segment + k * w] += v
                byClass[assetClass + k * w] += v
                byCountry[country + k * w] += v
            }
            add(0, s1); add(1, s2); add(2, s3); add(3, p1); add(4, p2); add(5, p3)
            total[6 * w + t] += elPerforming
            total[7 * w + t] += elDefaulted
        }
        }
        }
        }
    }

    mutating func addFlows(_ t: Int, _ g: ProvisionLayout.Groups, writeOff: Double, repaid: Double, newLending: Double,
                           t12: Double, t21: Double, t13: Double, t23: Double, t32: Double) {
        let w = layout.periods, k = t - 1
        flows.withUnsafeMutableBufferPointer { f in
            f[k] += writeOff; f[w + k] += repaid; f[2 * w + k] += newLending; f[3 * w + k] += t12
            f[4 * w + k] += t21; f[5 * w + k] += t13; f[6 * w + k] += t23; f[7 * w + k] += t32
        }
        guard layout.breakdowns else { return }
        segmentWriteOffs[g.segment * w + k] += writeOff
        classWriteOffs[g.assetClass * w + k] += writeOff
        let country = g.country * ProvisionLayout.classes + g.assetClass
        countryWriteOffs[country * w + k] += writeOff
        let base = country * ProvisionLayout.transitionSeries * w + k
        countryTransitions.withUnsafeMutableBufferPointer { c in
            c[base] += t12; c[base + w] += t21; c[base + 2 * w] += t13; c[base + 3 * w] += t23; c[base + 4 * w] += t32
        }
    }

    mutating func add(_ o: ProvisionSums) {
        func addInPlace(_ a: inout [Double], _ b: [Double]) { for k in a.indices { a[k] += b[k] } }
        addInPlace(&stocks, o.stocks); addInPlace(&flows, o.flows)
        addInPlace(&segmentStocks, o.segmentStocks); addInPlace(&classStocks, o.classStocks)
        addInPlace(&segmentWriteOffs, o.segmentWriteOffs); addInPlace(&classWriteOffs, o.classWriteOffs)
        addInPlace(&countryStocks, o.countryStocks); addInPlace(&countryWriteOffs, o.countryWriteOffs)
        addInPlace(&countryTransitions, o.countryTransitions)
        modelJumpOff += o.modelJumpOff
        heldJumpOff += o.heldJumpOff
        heldCount += o.heldCount
        if let more = o.jumpOffByExposure { jumpOffByExposure = (jumpOffByExposure ?? []) + more }
    }

    // MARK: - The result

    func result(standard: ProvisioningRules.Standard, periods labels: [String]) -> ProvisionsResult {
        let n = layout.periods, w = n + 1
        func stock(_ k: Int, _ array: [Double] = [], base: Int = 0) -> [Double] {
            let source = array.isEmpty ? stocks : array
            return Array(source[(base + k * w)..<(base + k * w + w)])
        }
        func flow(_ k: Int) -> [Double] { n == 0 ? [] : Array(flows[(k * n)..<(k * n + n)]) }
        func byStage(_ first: Int, _ array: [Double] = [], base: Int = 0) -> ProvisionsResult.ByStage {
            .init(stage1: stock(first, array, base: base), stage2: stock(first + 1, array, base: base),
                  stage3: stock(first + 2, array, base: base))
        }
        let ead = byStage(0), provisions = byStage(3)
        func ratio(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $1 > 0 ? $0 / $1 : 0 } }
        let coverage = ProvisionsResult.ByStage(stage1: ratio(provisions.stage1, ead.stage1),
                                                stage2: ratio(provisions.stage2, ead.stage2),
                                                stage3: ratio(provisions.stage3, ead.stage3))
        let writeOffs = flow(0)
        func impairment(_ total: [Double], _ writeOffs: [Double]) -> [Double] {
            (0..<n).map { total[$0 + 1] - total[$0] + writeOffs[$0] }
        }
        let charge = impairment(provisions.total, writeOffs)
        let transitions = ProvisionsResult.Transitions(stage1To2: flow(3), stage2To1: flow(4), stage1To3: flow(5),
                                                       stage2To3: flow(6), stage3To2: flow(7))
        func rate(_ amounts: [Double], _ source: [Double]) -> [Double] {
            (0..<n).map { source[$0] > 0 ? amounts[$0] / source[$0] : 0 }
        }
        /// Each flow over the stock of the stage it leaves.
        func rates(_ moved: ProvisionsResult.Transitions, _ ead: ProvisionsResult.ByStage) -> ProvisionsResult.Transitions {
            .init(stage1To2: rate(moved.stage1To2, ead.stage1), stage2To1: rate(moved.stage2To1, ead.stage2),
                  stage1To3: rate(moved.stage1To3, ead.stage1), stage2To3: rate(moved.stage2To3, ead.stage2),
                  stage3To2: rate(moved.stage3To2, ead.stage3))
        }
        let transitionRates = rates(transitions, ead)
        let elP = stock(6), elD = stock(7)
        let pP = zip(provisions.stage1, provisions.stage2).map { $0 + $1 }, pD = provisions.stage3
        let shortfall = (0..<w).map { max(elP[$0] - pP[$0], 0) + max(elD[$0] - pD[$0], 0) }
        let excess = (0..<w).map { max(pP[$0] - elP[$0], 0) + max(pD[$0] - elD[$0], 0) }
        let totalEAD = ead.total
        let gross = ratio(ead.stage3, totalEAD)
        let net = (0..<w).map { k -> Double in
            let denominator = totalEAD[k] - provisions.stage3[k]
            return denominator > 0 ? max(ead.stage3[k] - provisions.stage3[k], 0) / denominator : 0
        }
        func breakdowns(_ names: [String], _ stocks: [Double], _ writeOffs: [Double]) -> [String: ProvisionsResult.Breakdown] {
            var out: [String: ProvisionsResult.Breakdown] = [:]
            for (k, name) in names.enumerated() {
                let base = k * layout.groupStockSize
                let e = byStage(0, stocks, base: base), p = byStage(3, stocks, base: base)
                guard e.total.contains(where: { $0 != 0 }) || p.total.contains(where: { $0 != 0 }) else { continue }
                let wo = n == 0 ? [] : Array(writeOffs[(k * n)..<(k * n + n)])
                out[name.isEmpty ? "unspecified" : name] = .init(ead: e, provisions: p, impairment: impairment(p.total, wo),
                                                                  writeOffs: wo)
            }
            return out
        }
        // By country: each country's classes, then the country as their sum (classes in
        // AssetClass order), with its transitions and their rates.
        var byCountry: [String: ProvisionsResult.Breakdown] = [:]
        let classNames = AssetClass.allCases.map(\.rawValue), groupSize = layout.groupStockSize, ts = ProvisionLayout.transitionSeries
        for (k, name) in (layout.countries.isEmpty ? [""] : layout.countries).enumerated() where layout.breakdowns {
            let first = k * ProvisionLayout.classes, count = ProvisionLayout.classes
            let stocksOf = Array(countryStocks[(first * groupSize)..<((first + count) * groupSize)])
            let writeOffsOf = n == 0 ? [] : Array(countryWriteOffs[(first * n)..<((first + count) * n)])
            let classes = breakdowns(classNames, stocksOf, writeOffsOf)
            guard !classes.isEmpty else { continue }
            var summed = [Double](repeating: 0, count: groupSize), summedWriteOffs = [Double](repeating: 0, count: n)
            var flows = [Double](repeating: 0, count: ts * n)
            for c in 0..<count {
                for j in 0..<groupSize { summed[j] += stocksOf[c * groupSize + j] }
                for j in 0..<n { summedWriteOffs[j] += writeOffsOf[c * n + j] }
                for j in 0..<(ts * n) { flows[j] += countryTransitions[(first + c) * ts * n + j] }
            }
            var total = breakdowns(["total"], summed, summedWriteOffs)["total"]!
            func series(_ q: Int) -> [Double] { n == 0 ? [] : Array(flows[(q * n)..<(q * n + n)]) }
            let moved = ProvisionsResult.Transitions(stage1To2: series(0), stage2To1: series(1), stage1To3: series(2),
                                                     stage2To3: series(3), stage3To2: series(4))
            total.transitions = moved
            total.transitionRates = rates(moved, total.ead)
            total.byAssetClass = classes
            byCountry[name.isEmpty ? "unspecified" : name] = total
        }
        let lean = !layout.breakdowns
        return ProvisionsResult(
            standard: standard.rawValue, periods: labels, ead: ead, provisions: provisions, coverage: coverage,
            transitions: transitions, transitionRates: transitionRates, writeOffs: writeOffs, repaid: flow(1), newLending: flow(2),
            impairment: charge, cumulativeImpairment: charge.reduce(0, +), heldJumpOffProvisions: heldJumpOff,
            modelJumpOffProvisions: modelJumpOff, exposuresWithHeldProvisions: heldCount,
            expectedLoss: .init(regulatoryELPerforming: elP, regulatoryELDefaulted: elD, provisionsPerforming: pP,
                                provisionsDefaulted: pD, shortfall: shortfall, excess: excess),
            grossNPARatio: gross, netNPARatio: net,
            bySegment: lean ? [:] : breakdowns(layout.segments, segmentStocks, segmentWriteOffs),
            byAssetClass: lean ? [:] : breakdowns(AssetClass.allCases.map(\.rawValue), classStocks, classWriteOffs),
            byCountry: byCountry)
    }
}
