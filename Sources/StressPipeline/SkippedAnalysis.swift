/// Analyses a user may leave out of a run (`stresspack run --skip`). Each re-projects the
/// whole book many times per scenario (attribution: one projection per coalition of
/// variables; reverse stress: one per step of the severity search), so on a large book
/// they are most of a run's time (BENCHMARKS.md). A skipped analysis is absent from
/// results.json and the reports, recorded in the manifest and replayed by `runs verify`.
public enum SkippedAnalysis: String, CaseIterable, Codable, Sendable, Comparable {
    case attribution
    case reverseStress = "reverse-stress"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The scenario stage it leaves out, as `ScenarioRunner` names it in the stage timings.
    public var stage: String { self == .attribution ? "attribution" : "reverse stress" }

    /// What a reader misses: for the finding.
    public var title: String { self == .attribution ? "Shapley attribution" : "reverse stress" }

    /// The values of `--skip`, checked: each must name an analysis.
    public static func parse(_ values: [String]) throws -> Set<SkippedAnalysis> {
        var chosen = Set<SkippedAnalysis>()
        for value in values {
            guard let analysis = SkippedAnalysis(rawValue: value) else {
                throw UsageError(message: "--skip \(value): expected one of "
                                 + allCases.map(\.rawValue).joined(separator: ", "))
            }
            chosen.insert(analysis)
        }
        return chosen
    }
}
