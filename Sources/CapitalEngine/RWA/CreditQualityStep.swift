/// Credit quality steps (CQS 1–6) from the portfolio's `rating` column, for the
/// standardised approach's rating-based risk weights (CRE20).
///
/// Accepted spellings, case-insensitive, surrounding spaces ignored:
/// - the step itself: `1` … `6`, `CQS1` … `CQS6`, `CQS 1`;
/// - S&P and Fitch long-term ratings: AAA to AA− → 1, A+ to A− → 2, BBB+ to BBB− → 3,
///   BB+ to BB− → 4, B+ to B− → 5, CCC+ and below (CCC, CC, C, RD, SD, D) → 6;
/// - Moody's: Aaa to Aa3 → 1, A1 to A3 → 2, Baa1 to Baa3 → 3, Ba1 to Ba3 → 4, B1 to B3 → 5,
///   Caa1 and below (Ca, C) → 6;
/// - unrated: empty, `NR`, `WR`, `unrated`, `none`, `n/a`, `-`.
///
/// This is the usual mapping of the ECAIs' long-term scales to the six steps (as in the
/// EU's ECAI mapping, Commission Implementing Regulation (EU) 2016/1799); a jurisdiction
/// with another mapping can write the step numbers in the column instead.
public enum CreditQualityStep {
    public enum Parsed: Sendable, Equatable {
        case step(Int)
        case unrated
        case unrecognised
    }

    public static func parse(_ rating: String) -> Parsed {
        let text = String(rating.uppercased().filter { $0 != " " })
        if unrated.contains(text) { return .unrated }
        if let step = steps[text] { return .step(step) }
        var digits = Substring(text)
        if digits.hasPrefix("CQS") { digits = digits.dropFirst(3) }
        if let n = Int(digits), (1...6).contains(n) { return .step(n) }
        return .unrecognised
    }

    static let unrated: Set<String> = ["", "NR", "WR", "UNRATED", "NONE", "N/A", "NA", "-"]

    static let steps: [String: Int] = {
        var table: [String: Int] = [:]
        let groups: [(Int, [String])] = [
            (1, ["AAA", "AA+", "AA", "AA-", "AA1", "AA2", "AA3"]),
            (2, ["A+", "A", "A-", "A1", "A2", "A3"]),
            (3, ["BBB+", "BBB", "BBB-", "BAA1", "BAA2", "BAA3"]),
            (4, ["BB+", "BB", "BB-", "BA1", "BA2", "BA3"]),
            (5, ["B+", "B", "B-", "B1", "B2", "B3"]),
            (6, ["CCC+", "CCC", "CCC-", "CC", "C", "RD", "SD", "D", "CAA1", "CAA2", "CAA3", "CA"]),
        ]
        for (step, names) in groups { for name in names { table[name] = step } }
        return table
    }()
}
