/// How well scores rank defaults above non-defaults.
public enum Discrimination {
    /// Area under the ROC curve: the probability that a random default scores higher
    /// (riskier) than a random non-default, ties counting one half (Mann–Whitney U from
    /// mid-ranks). Gini (accuracy ratio) = 2·AUC − 1.
    public static func auc(scores: [Double], defaults: [UInt8]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumDefaults = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            // Ranks i+1 ... j+1 share their mean.
            let midRank = Double(i + j + 2) / 2
            for k in i...j where defaults[order[k]] == 1 { rankSumDefaults += midRank }
            i = j + 1
        }
        let bads = Double(defaults.reduce(0) { $0 + Int($1) }), goods = Double(defaults.count) - bads
        return (rankSumDefaults - bads * (bads + 1) / 2) / (bads * goods)
    }

    /// Kolmogorov–Smirnov: the largest gap between the cumulative score distributions of
    /// defaults and non-defaults (ties taken together).
    public static func ks(scores: [Double], defaults: [UInt8]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        let bads = Double(defaults.reduce(0) { $0 + Int($1) }), goods = Double(defaults.count) - bads
        var cb = 0.0, cg = 0.0, best = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { if defaults[order[k]] == 1 { cb += 1 } else { cg += 1 } }
            best = max(best, abs(cb / bads - cg / goods))
            i = j + 1
        }
        return best
    }
}
