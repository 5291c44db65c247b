import ProvisionsEngine
import StressCore
import XCTest

/// The provisions projection (METHODOLOGY §9): a hand-worked book, the identities every
/// result must meet, monotonicity in severity, and the fully provisioned book.
final class ProvisionsProjectionTests: XCTestCase {
    /// PD_t = min(PD_0·m_t, 1), LGD as given: a filler of the kind the credit engine provides.
    static func filler(_ book: ProvisionBook, multipliers m: [Double], lgdAddOn: Double = 0) -> StressedPathFiller {
        { rows, pd, lgd in
            for i in rows {
                for t in m.indices {
                    pd[(i - rows.lowerBound) * m.count + t] = min(book.pd0[i] * m[t], 1)
                    lgd[(i - rows.lowerBound) * m.count + t] = min(book.lgd0[i] + lgdAddOn, 1)
                }
            }
        }
    }

    static func project(_ book: ProvisionBook, _ rules: ProvisioningRules, _ m: [Double], lgdAddOn: Double = 0,
                        constant: Bool = false, threads: Int = 2) -> ProvisionsResult {
        ProvisionsProjection.project(.init(
            book: book, rules: rules, periods: m.indices.map { "\(2026 + $0)" }, frequency: .annual,
            constantBalanceSheet: constant, paths: filler(book, multipliers: m, lgdAddOn: lgdAddOn), threads: threads))
    }

    static func book(_ p: Portfolio, _ rules: ProvisioningRules) -> ProvisionBook {
        ProvisionBook(portfolio: p, rules: rules, pdFloor: 0.0003, asOf: "2025-12-31")
    }

    static func portfolio(pd: [Double], lgd: [Double], ead: [Double], stage: [UInt8]? = nil,
                          provision: [Double]? = nil, term: [Double]? = nil) -> Portfolio {
        var p = Portfolio()
        p.ids = pd.indices.map { "E\($0)" }
        p.pd = pd; p.lgd = lgd; p.ead = ead
        p.assetClass = Array(repeating: .corporate, count: pd.count)
        p.segment = CategoricalColumn(pd.indices.map { $0 % 2 == 0 ? "A" : "B" })
        p.stage = stage
        p.provision = provision
        p.remainingTerm = term ?? Array(repeating: 10, count: pd.count)
        p.eir = Array(repeating: 0, count: pd.count)
        p.originationPD = pd.map { min($0, 1) }
        return p
    }

    /// One loan, PD 10% flat, LGD 40%, EAD 1,000, no discounting, no cures, write-off after 5 years:
    ///   jump-off: stage 1, 12-month ECL 0.1·0.4 = 4% → 40
    ///   t1: 100 defaults (stage 3 at 40%: 40), 900 in stage 1 (36): impairment 76 − 40 = 36
    ///   t2: 90 defaults (stage 3 190 at 40%: 76), 810 in stage 1 (32.4): impairment 108.4 − 76 = 32.4
    func testHandWorkedLoan() {
        let rules = ProvisioningRules(standard: .ifrs9, cureRate: 0, writeOffYears: 5, reversionYears: 0)
        let p = Self.portfolio(pd: [0.1], lgd: [0.4], ead: [1_000])
        let r = Self.project(Self.book(p, rules), rules, [1, 1])
        XCTAssertEqual(r.ead.stage1, [1_000, 900, 810])
        XCTAssertEqual(r.ead.stage3[1], 100, accuracy: 1e-9)
        XCTAssertEqual(r.ead.stage3[2], 190, accuracy: 1e-9)
        for (a, e) in zip(r.provisions.total, [40.0, 76, 108.4]) { XCTAssertEqual(a, e, accuracy: 1e-9) }
        for (a, e) in zip(r.impairment, [36.0, 32.4]) { XCTAssertEqual(a, e, accuracy: 1e-9) }
        XCTAssertEqual(r.transitions.stage1To3, [100, 90])
        XCTAssertEqual(r.coverage.stage3[1], 0.4, accuracy: 1e-12)
        XCTAssertEqual(r.modelJumpOffProvisions, 40, accuracy: 1e-9)
    }

    static func mixedBook(_ n: Int) -> Portfolio {
        var state: UInt64 = 99
        func u() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var pd: [Double] = [], lgd: [Double] = [], ead: [Double] = [], stage: [UInt8] = [], provision: [Double] = []
        var term: [Double] = []
        for i in 0..<n {
            let s: UInt8 = i % 50 == 0 ? 3 : (i % 10 == 0 ? 2 : 1)
            pd.append(s == 3 ? 1 : 0.001 + 0.05 * u() * u())
            lgd.append(0.1 + 0.6 * u())
            ead.append(1_000 + 100_000 * u())
            stage.append(s)
            provision.append(s == 3 ? ead[i] * lgd[i] : .nan)
            term.append(1 + 20 * u())
        }
        var p = portfolio(pd: pd, lgd: lgd, ead: ead, stage: stage, provision: provision, term: term)
        p.originationPD = zip(pd, stage).map { $1 == 2 ? $0 / 4 : min($0, 1) }
        p.amortisation = (0..<n).map { $0 % 3 == 0 ? 0.1 : 0 }
        p.collateralValue = (0..<n).map { $0 % 4 == 0 ? 50_000 : .nan }
        return p
    }

    static let ifrs9 = ProvisioningRules(standard: .ifrs9, sicrRelative: 2, sicrAbsolute: 0.005, sicrCombination: .all,
                                         cureRate: 0.1, writeOffYears: 2, reversionYears: 1)

    /// Stage 1 + 2 + 3 EAD + cumulative repaid + cumulative written off = jump-off EAD +
    /// cumulative new lending, each period; impairment = Δ provisions + write-offs; no
    /// negative provision; every stage's coverage in [0, 1].
    func testIdentities() {
        let p = Self.mixedBook(5_000)
        for standard in ProvisioningRules.Standard.allCases {
            var rules = Self.ifrs9
            rules.standard = standard
            rules.floors = standard == .indAS109 ? .init(stage1: [.corporate: 0.004], stage2: [.corporate: 0.05],
                                                         stage3: .init(yearsUpTo: [1], secured: [0.25, 1], unsecured: [0.4, 1])) : nil
            for constant in [false, true] {
                let r = Self.project(Self.book(p, rules), rules, [2.5, 2, 1.2, 1], lgdAddOn: 0.05, constant: constant)
                let start = p.ead.reduce(0, +)
                var repaid = 0.0, writtenOff = 0.0, lending = 0.0
                for t in 0...4 {
                    if t > 0 { repaid += r.repaid[t - 1]; writtenOff += r.writeOffs[t - 1]; lending += r.newLending[t - 1] }
                    let stages = r.ead.stage1[t] + r.ead.stage2[t] + r.ead.stage3[t]
                    XCTAssertEqual(stages + repaid + writtenOff, start + lending, accuracy: 1e-9 * start, "\(standard) t\(t)")
                    for series in [r.provisions.stage1, r.provisions.stage2, r.provisions.stage3] { XCTAssertGreaterThanOrEqual(series[t], 0) }
                    for series in [r.coverage.stage1, r.coverage.stage2, r.coverage.stage3] {
                        XCTAssertGreaterThanOrEqual(series[t], 0); XCTAssertLessThanOrEqual(series[t], 1)
                    }
                }
                for t in 0..<4 {
                    XCTAssertEqual(r.impairment[t], r.provisions.total[t + 1] - r.provisions.total[t] + r.writeOffs[t],
                                   accuracy: 1e-9 * start)
                }
                if constant { XCTAssertEqual(r.newLending.reduce(0, +), r.transitions.stage1To3.reduce(0, +) + r.transitions.stage2To3.reduce(0, +), accuracy: 1e-9 * start, "new lending replaces defaults") }
                // Breakdowns add up to the totals.
                for t in 0...4 {
                    let bySegment = r.bySegment.values.reduce(0) { $0 + $1.provisions.total[t] }
                    XCTAssertEqual(bySegment, r.provisions.total[t], accuracy: 1e-9 * start)
                }
                XCTAssertEqual(r.bySegment.values.reduce(0) { $0 + $1.impairment.reduce(0, +) }, r.cumulativeImpairment,
                               accuracy: 1e-9 * start)
            }
        }
    }

    /// The country breakdown (`by_country`, the EBA's geographical split): the countries add
    /// up to the book in every stock, flow and transition, each country's asset classes add
    /// up to the country, and a country's rates are its flows over its own stocks.
    func testCountryBreakdownAddsUp() {
        var p = Self.mixedBook(3_000)
        p.country = CategoricalColumn((0..<p.count).map { ["DE", "FR", "IT", "ES"][$0 % 4] })
        p.assetClass = (0..<p.count).map { $0 % 5 == 0 ? .residentialMortgage : ($0 % 7 == 0 ? .sme : .corporate) }
        let rules = Self.ifrs9
        let r = Self.project(Self.book(p, rules), rules, [2.5, 2, 1.2, 1], lgdAddOn: 0.05, constant: false)
        XCTAssertEqual(Set(r.byCountry.keys), ["DE", "FR", "IT", "ES"])
        let scale = p.ead.reduce(0, +) * 1e-12
        func sum(_ f: (ProvisionsResult.Breakdown) -> [Double], _ parts: [ProvisionsResult.Breakdown]) -> [Double] {
            parts.map(f).reduce(into: Array(repeating: 0.0, count: f(parts[0]).count)) { a, b in for k in a.indices { a[k] += b[k] } }
        }
        let countries = Array(r.byCountry.values)
        let series: [(String, (ProvisionsResult.Breakdown) -> [Double], [Double])] = [
            ("stage 1 EAD", { $0.ead.stage1 }, r.ead.stage1), ("stage 3 EAD", { $0.ead.stage3 }, r.ead.stage3),
            ("stage 2 provisions", { $0.provisions.stage2 }, r.provisions.stage2),
            ("write-offs", { $0.writeOffs }, r.writeOffs), ("impairment", { $0.impairment }, r.impairment),
            ("1→2", { $0.transitions!.stage1To2 }, r.transitions.stage1To2),
            ("2→3", { $0.transitions!.stage2To3 }, r.transitions.stage2To3),
            ("3→2", { $0.transitions!.stage3To2 }, r.transitions.stage3To2),
        ]
        for (name, f, total) in series {
            for (a, b) in zip(sum(f, countries), total) { XCTAssertEqual(a, b, accuracy: scale, name) }
        }
        for (name, country) in r.byCountry {
            let classes = Array(country.byAssetClass!.values)
            XCTAssertGreaterThan(classes.count, 1, name)
            for (a, b) in zip(sum({ $0.provisions.total }, classes), country.provisions.total) { XCTAssertEqual(a, b, accuracy: scale, name) }
            let rates = country.transitionRates!, moved = country.transitions!
            for t in 0..<4 where country.ead.stage1[t] > 0 {
                XCTAssertEqual(rates.stage1To2[t], moved.stage1To2[t] / country.ead.stage1[t], accuracy: 1e-15, name)
            }
            XCTAssertNil(classes[0].byAssetClass, "one level of nesting")
        }
    }

    /// Harsher scenarios give more provisions and more EAD outside stage 1, period by period.
    func testMonotoneInSeverity() {
        let p = Self.mixedBook(4_000)
        let book = Self.book(p, Self.ifrs9)
        var previous: ProvisionsResult? = nil
        for k in [1.0, 1.5, 2.5, 4.0] {
            let r = Self.project(book, Self.ifrs9, [k, k, (1 + k) / 2], lgdAddOn: 0.02 * k)
            if let previous {
                for t in 1...3 {
                    XCTAssertGreaterThanOrEqual(r.provisions.total[t], previous.provisions.total[t], "k \(k) t\(t)")
                    XCTAssertGreaterThanOrEqual(r.ead.stage2[t] + r.ead.stage3[t], previous.ead.stage2[t] + previous.ead.stage3[t])
                    XCTAssertGreaterThanOrEqual(r.ead.stage3[t], previous.ead.stage3[t])
                }
                XCTAssertGreaterThan(r.cumulativeImpairment, previous.cumulativeImpairment)
            }
            previous = r
        }
    }

    /// Every exposure in stage 3 with LGD 1 and provisions of its whole EAD: no scenario adds an impairment.
    func testFullyProvisionedBookTakesNoFurtherImpairment() {
        let n = 500
        let ead = (0..<n).map { 1_000 + Double($0) }
        let p = Self.portfolio(pd: Array(repeating: 1, count: n), lgd: Array(repeating: 1, count: n), ead: ead,
                               stage: Array(repeating: 3, count: n), provision: ead)
        for cure in [0.0, 0.2] {
            var rules = Self.ifrs9
            rules.cureRate = cure
            for m in [[1.0, 1, 1], [3.0, 4, 2]] {
                let r = Self.project(Self.book(p, rules), rules, m)
                for x in r.impairment { XCTAssertLessThanOrEqual(x, 1e-9 * ead.reduce(0, +), "cure \(cure) \(m)") }
                if cure == 0 { for x in r.impairment { XCTAssertEqual(x, 0, accuracy: 1e-9 * ead.reduce(0, +)) } }
            }
        }
    }

    func testThreadCountChangesNothing() {
        let p = Self.mixedBook(30_000)
        let book = Self.book(p, Self.ifrs9)
        XCTAssertEqual(Self.project(book, Self.ifrs9, [2, 1.5, 1], threads: 1),
                       Self.project(book, Self.ifrs9, [2, 1.5, 1], threads: 8))
    }
}
