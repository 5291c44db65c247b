import StressCore
import StressRun

/// Reverse stress of every scenario on one sheet (results.json
/// `scenarios[i].reverse_stress`): the uniform PD multiplier at which one
/// year's losses take CET1 to the floor, and the factor k by which the
/// scenario's deviations from neutral must be scaled to breach it.
enum ReverseStressBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let rows = context.results.scenarios.filter { $0.reverseStress != nil }
        guard !rows.isEmpty else { return [] }
        let r = rows.map { $0.reverseStress! }
        let table = ReportTable(id: "reverse-stress", columns: [
            .text("Scenario", rows.map(\.id)),
            .text("Framework", rows.map { Framework(rawValue: $0.framework)?.displayName ?? $0.framework }),
            .numbers("CET1 floor", .percent, r.map(\.cet1Floor)),
            .numbers("PD multiplier to breach (one year)", .multiple, r.map { $0.capitalBreachMultiplier ?? .nan }),
            .numbers(context.amountHeader("EL at breach"), .amount, r.map { $0.capitalBreachEL ?? .nan }),
            .numbers("Severity scaling k to breach (1 = as published)", .multiple, r.map { $0.severityScalingFactor ?? .nan }),
            .text("Note", r.map { $0.capitalBreachNote ?? ($0.severityScalingFactor == nil ? "not breached at k = 5" : "") }),
        ], filter: true, freezeHeader: true)
        return [ReportSheet(name: Naming.tab(entry.title ?? "Reverse stress", nil), title: "Reverse stress test",
                            subtitle: ScenarioSheets.subtitle(context),
                            blocks: [.table(table),
                                     .note("PD multiplier: the uniform multiplier of every PD at which one year's expected "
                                           + "loss takes CET1 to the floor (RWA held). Severity scaling: every satellite "
                                           + "variable becomes neutral + k·(path − neutral); k is the smallest that breaches.")])]
    }
}
