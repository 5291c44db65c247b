/// Grade migration between two ratings of the same obligors (ECB instructions for reporting
/// validation results, 2019, §2.5.5 "customer migrations"): the matrix of counts from the
/// reference grade (rows) to the sample grade (columns), the shares that stay, move one notch
/// or more, and the matrix weighted bandwidths (§2.5.5.1) above and below the diagonal.
/// Grades are master-scale indices, riskier with the index, so above the diagonal is a
/// downgrade.
public struct GradeMigration: Sendable, Equatable, Codable {
    /// Grade labels of the rows and columns: the scale from the best to the worst grade used.
    public var grades: [String]
    /// counts[i][j]: obligors in grade i of the reference and grade j of the sample.
    public var counts: [[Int]]
    /// Obligors found in both samples.
    public var obligors: Int
    public var stayed: Double
    public var withinOneNotch: Double
    public var downgraded: Double
    public var upgraded: Double
    /// MWB above the diagonal (downgrades) and below it (upgrades): 0 when every mover moves
    /// one notch, 1 when every mover goes to the far end of the scale.
    public var upperMWB: Double
    public var lowerMWB: Double

    enum CodingKeys: String, CodingKey {
        case grades, counts, obligors, stayed, withinOneNotch = "within_one_notch", downgraded, upgraded
        case upperMWB = "upper_mwb", lowerMWB = "lower_mwb"
    }

    /// The migration of obligors present in both: `referenceGrade` and `sampleGrade` are the
    /// grade indices (0..<labels.count) of the same obligors, in any order of pairing.
    public static func of(referenceGrade: [Int], sampleGrade: [Int], labels: [String]) -> GradeMigration {
        precondition(referenceGrade.count == sampleGrade.count)
        let k = labels.count
        var full = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (i, j) in zip(referenceGrade, sampleGrade) { full[i][j] += 1 }
        let (upper, lower) = bandwidths(full)
        let n = referenceGrade.count
        func share(_ test: (Int, Int) -> Bool) -> Double {
            guard n > 0 else { return 0 }
            return Double(zip(referenceGrade, sampleGrade).filter { test($0, $1) }.count) / Double(n)
        }
        let used = (0..<k).filter { g in full[g].contains { $0 > 0 } || full.contains { $0[g] > 0 } }
        let range = used.isEmpty ? 0..<0 : used.first!..<(used.last! + 1)
        return GradeMigration(grades: Array(labels[range]), counts: range.map { Array(full[$0][range]) }, obligors: n,
                              stayed: share(==), withinOneNotch: share { abs($0 - $1) <= 1 },
                              downgraded: share(<), upgraded: share(>), upperMWB: upper, lowerMWB: lower)
    }

    /// MWB (ECB §2.5.5.1) of a K × K count matrix, rows the initial grade:
    ///   upper = Σ_{i<j} |i − j|·n_ij / Σ_i max(|i − K|, |i − 1|)·Σ_{j>i} n_ij (1-based grades),
    /// and the same below the diagonal. 0 when nothing migrates that way.
    public static func bandwidths(_ counts: [[Int]]) -> (upper: Double, lower: Double) {
        let k = counts.count
        var upperSum = 0.0, upperMax = 0.0, lowerSum = 0.0, lowerMax = 0.0
        for i in 0..<k {
            let reach = Double(max(k - 1 - i, i))
            for j in 0..<k where j != i {
                let n = Double(counts[i][j])
                if j > i {
                    upperSum += Double(j - i) * n
                    upperMax += reach * n
                } else {
                    lowerSum += Double(i - j) * n
                    lowerMax += reach * n
                }
            }
        }
        return (upperMax > 0 ? upperSum / upperMax : 0, lowerMax > 0 ? lowerSum / lowerMax : 0)
    }
}

extension GradeMigration {
    /// Pairs obligors by `idColumn` (text, in both samples) and builds the migration of those
    /// in both. An obligor twice in one sample, or a sample without the column, is refused.
    static func of(idColumn: String, sample: LoanSample, sampleGrade: [Int], reference: LoanSample,
                   referenceGrade: [Int], labels: [String]) throws(PDModelError) -> GradeMigration {
        func ids(_ s: LoanSample, _ which: String) throws(PDModelError) -> [String?] {
            switch s.column(idColumn) {
            case .categorical(let v)?: return v
            case .numeric(let v)?: return v.map { $0.map { String($0) } }
            case nil: throw PDModelError("the \(which) sample has no obligor id column '\(idColumn)'", characteristic: idColumn)
            }
        }
        var referenceRow: [String: Int] = [:]
        for (row, id) in try ids(reference, "reference").enumerated() {
            guard let id else { continue }
            guard referenceRow.updateValue(row, forKey: id) == nil else {
                throw PDModelError("obligor '\(id)' appears twice in the reference sample: a migration needs one rating "
                                   + "per obligor", characteristic: idColumn)
            }
        }
        var seen = Set<String>()
        var from: [Int] = [], to: [Int] = []
        for (row, id) in try ids(sample, "validation").enumerated() {
            guard let id else { continue }
            guard seen.insert(id).inserted else {
                throw PDModelError("obligor '\(id)' appears twice in the validation sample: a migration needs one rating "
                                   + "per obligor", characteristic: idColumn)
            }
            if let r = referenceRow[id] {
                from.append(referenceGrade[r])
                to.append(sampleGrade[row])
            }
        }
        guard !from.isEmpty else {
            throw PDModelError("no obligor of the validation sample is in the reference sample (by '\(idColumn)'): "
                               + "no migration to report", characteristic: idColumn)
        }
        return of(referenceGrade: from, sampleGrade: to, labels: labels)
    }
}
