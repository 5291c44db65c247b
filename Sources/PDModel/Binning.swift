import Foundation

/// One attribute of a characteristic after coarse classing: a range of a numeric
/// characteristic, a set of categories, or the missing values, with its counts and
/// weight of evidence.
public struct Bin: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// lower ≤ x < upper; nil: unbounded.
        case range(lower: Double?, upper: Double?)
        case categories([String])
        case missing
    }

    public var rule: Rule
    public var loans: Int
    public var defaults: Int
    /// ln((defaults_i / defaults) / (non-defaults_i / non-defaults)): positive is riskier.
    public var woe: Double

    public init(rule: Rule, loans: Int, defaults: Int, woe: Double = 0) {
        self.rule = rule
        self.loans = loans
        self.defaults = defaults
        self.woe = woe
    }

    public var defaultRate: Double { loans > 0 ? Double(defaults) / Double(loans) : 0 }

    func contains(_ x: Double) -> Bool {
        guard case let .range(lower, upper) = rule else { return false }
        return (lower.map { x >= $0 } ?? true) && (upper.map { x < $0 } ?? true)
    }
}

/// A characteristic's coarse classes, their weights of evidence and its information value.
public struct CharacteristicBinning: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case numeric, categorical }

    public var name: String
    public var kind: Kind
    public var bins: [Bin]
    /// Σ (share of defaults − share of non-defaults) · WoE over the bins.
    public var informationValue: Double

    public init(name: String, kind: Kind, bins: [Bin], informationValue: Double) {
        self.name = name
        self.kind = kind
        self.bins = bins
        self.informationValue = informationValue
    }

    /// The bin a value falls in. Values the development data never saw (a new category,
    /// a missing value where none was missing) go to the riskiest bin: the conservative
    /// choice a validator expects, counted by the caller as unmatched.
    public func binIndex(numeric value: Double?) -> (index: Int, matched: Bool) {
        if let value, value.isFinite, let i = bins.firstIndex(where: { $0.contains(value) }) { return (i, true) }
        if value == nil || !(value!.isFinite), let i = bins.firstIndex(where: { $0.rule == .missing }) { return (i, true) }
        return (riskiest, false)
    }

    public func binIndex(category value: String?) -> (index: Int, matched: Bool) {
        if let value, let i = bins.firstIndex(where: {
            if case .categories(let c) = $0.rule { return c.contains(value) } else { return false }
        }) { return (i, true) }
        if value == nil, let i = bins.firstIndex(where: { $0.rule == .missing }) { return (i, true) }
        return (riskiest, false)
    }

    var riskiest: Int { bins.indices.max { bins[$0].woe < bins[$1].woe } ?? 0 }
}

/// Coarse classing: fine classes first (quantiles of a numeric characteristic, each
/// category of a categorical one), then adjacent classes merged until the default rate is
/// monotone across them (numeric; pool-adjacent-violators, in the direction of the larger
/// information value), every class holds at least `minimumShare` of the loans and has
/// defaults and non-defaults, and at most `maximumBins` remain. Missing values are a bin
/// of their own. Weights of evidence follow (METHODOLOGY §11).
public struct Binner: Sendable {
    public var fineBins = 20
    public var maximumBins = 8
    public var minimumShare = 0.05

    public init(fineBins: Int = 20, maximumBins: Int = 8, minimumShare: Double = 0.05) {
        self.fineBins = fineBins
        self.maximumBins = maximumBins
        self.minimumShare = minimumShare
    }

    /// A group of loans during merging: its rule, counts, and (numeric) the first value.
    struct Group {
        var lower: Double?
        var categories: [String]
        var loans: Int
        var defaults: Int
        var rate: Double { Double(defaults) / Double(max(loans, 1)) }
        mutating func absorb(_ other: Group) {
            loans += other.loans
            defaults += other.defaults
            categories += other.categories
            if let l = other.lower { lower = lower.map { min($0, l) } ?? l }
        }
    }

    public func bin(_ name: String, _ column: LoanSample.Column, defaults: [UInt8]) throws(PDModelError) -> CharacteristicBinning {
        let total = defaults.count
        let totalDefaults = defaults.reduce(0) { $0 + Int($1) }
        guard totalDefaults > 0, totalDefaults < total else {
            throw PDModelError("the sample needs both defaults and non-defaults (\(totalDefaults) of \(total) defaulted)")
        }
        let minimum = max(1, Int((minimumShare * Double(total)).rounded(.up)))
        var missingLoans = 0, missingDefaults = 0
        var bins: [Bin] = []
        let kind: CharacteristicBinning.Kind
        switch column {
        case .numeric(let values):
            kind = .numeric
            var pairs: [(Double, UInt8)] = []
            pairs.reserveCapacity(values.count)
            for (v, d) in zip(values, defaults) {
                if let v, v.isFinite { pairs.append((v, d)) } else { missingLoans += 1; missingDefaults += Int(d) }
            }
            guard !pairs.isEmpty else { throw PDModelError("every value is missing", characteristic: name) }
            pairs.sort { $0.0 < $1.0 }
            guard pairs.first!.0 < pairs.last!.0 else {
                throw PDModelError("the characteristic is constant (\(pairs.first!.0)): it cannot rank risk", characteristic: name)
            }
            let fine = fineGroups(pairs)
            let up = merge(fine, increasing: true, minimum: minimum)
            let down = merge(fine, increasing: false, minimum: minimum)
            let chosen = iv(up, totalDefaults, total) >= iv(down, totalDefaults, total) ? up : down
            for (i, g) in chosen.enumerated() {
                let upper = i + 1 < chosen.count ? chosen[i + 1].lower : nil
                bins.append(Bin(rule: .range(lower: i == 0 ? nil : g.lower, upper: upper), loans: g.loans, defaults: g.defaults))
            }
        case .categorical(let values):
            kind = .categorical
            var counts: [String: (Int, Int)] = [:]
            for (v, d) in zip(values, defaults) {
                if let v { counts[v, default: (0, 0)].0 += 1; counts[v, default: (0, 0)].1 += Int(d) } else {
                    missingLoans += 1; missingDefaults += Int(d)
                }
            }
            guard counts.count >= 2 else {
                throw PDModelError("the characteristic has \(counts.count) category: it cannot rank risk", characteristic: name)
            }
            // Categories in order of default rate (ties by name), so merging pools similar risks.
            var groups = counts.map { Group(lower: nil, categories: [$0.key], loans: $0.value.0, defaults: $0.value.1) }
                .sorted { ($0.rate, $0.categories[0]) < ($1.rate, $1.categories[0]) }
            groups = enforceSize(groups, minimum: minimum)
            groups = enforceCount(groups)
            for g in groups {
                bins.append(Bin(rule: .categories(g.categories.sorted()), loans: g.loans, defaults: g.defaults))
            }
        }
        if missingLoans > 0 { bins.append(Bin(rule: .missing, loans: missingLoans, defaults: missingDefaults)) }
        return Self.withWeightsOfEvidence(name: name, kind: kind, bins: bins, defaults: totalDefaults, loans: total)
    }

    /// WoE and IV of given bins. A bin with no defaults or no non-defaults gets 0.5 added
    /// to both counts (the usual adjustment), so its WoE is finite.
    public static func withWeightsOfEvidence(name: String, kind: CharacteristicBinning.Kind, bins: [Bin], defaults: Int,
                                             loans: Int) -> CharacteristicBinning {
        let goods = Double(loans - defaults), bads = Double(defaults)
        var out = bins
        var iv = 0.0
        for i in out.indices {
            var b = Double(out[i].defaults), g = Double(out[i].loans - out[i].defaults)
            if b == 0 || g == 0 { b += 0.5; g += 0.5 }
            let woe = log((b / bads) / (g / goods))
            out[i].woe = woe
            iv += (b / bads - g / goods) * woe
        }
        return CharacteristicBinning(name: name, kind: kind, bins: out, informationValue: iv)
    }

    /// Up to `fineBins` classes of about equal size, cut only between distinct values.
    func fineGroups(_ pairs: [(Double, UInt8)]) -> [Group] {
        var groups: [Group] = []
        let target = max(1, pairs.count / fineBins)
        var i = 0
        while i < pairs.count {
            var j = min(i + target, pairs.count)
            // Never split a run of equal values.
            while j < pairs.count && pairs[j].0 == pairs[j - 1].0 { j += 1 }
            var defaults = 0
            for k in i..<j { defaults += Int(pairs[k].1) }
            groups.append(Group(lower: pairs[i].0, categories: [], loans: j - i, defaults: defaults))
            i = j
        }
        return groups
    }

    /// Monotone default rates by pooling adjacent violators, then the size and count rules.
    func merge(_ fine: [Group], increasing: Bool, minimum: Int) -> [Group] {
        var pools: [Group] = []
        for g in fine {
            pools.append(g)
            while pools.count >= 2 {
                let a = pools[pools.count - 2], b = pools[pools.count - 1]
                let violates = increasing ? a.rate >= b.rate : a.rate <= b.rate
                guard violates else { break }
                var merged = a
                merged.absorb(b)
                pools.removeLast(2)
                pools.append(merged)
            }
        }
        return enforceCount(enforceSize(pools, minimum: minimum))
    }

    /// Classes under the minimum size, or without defaults or non-defaults, merged into the
    /// neighbour whose default rate is closest.
    func enforceSize(_ groups: [Group], minimum: Int) -> [Group] {
        var g = groups
        while g.count > 1, let i = g.indices.filter({ g[$0].loans < minimum || g[$0].defaults == 0 || g[$0].defaults == g[$0].loans })
                .min(by: { g[$0].loans < g[$1].loans }) {
            let j: Int
            if i == 0 { j = 1 } else if i == g.count - 1 { j = i - 1 } else {
                j = abs(g[i - 1].rate - g[i].rate) <= abs(g[i + 1].rate - g[i].rate) ? i - 1 : i + 1
            }
            let (keep, drop) = (min(i, j), max(i, j))
            g[keep].absorb(g[drop])
            g.remove(at: drop)
        }
        return g
    }

    /// At most `maximumBins`: the adjacent pair with the closest default rates merged first.
    func enforceCount(_ groups: [Group]) -> [Group] {
        var g = groups
        while g.count > maximumBins {
            let i = (0..<(g.count - 1)).min { abs(g[$0].rate - g[$0 + 1].rate) < abs(g[$1].rate - g[$1 + 1].rate) }!
            g[i].absorb(g[i + 1])
            g.remove(at: i + 1)
        }
        return g
    }

    func iv(_ groups: [Group], _ defaults: Int, _ loans: Int) -> Double {
        let bins = groups.map { Bin(rule: .missing, loans: $0.loans, defaults: $0.defaults) }
        return Self.withWeightsOfEvidence(name: "", kind: .numeric, bins: bins, defaults: defaults, loans: loans).informationValue
    }
}
