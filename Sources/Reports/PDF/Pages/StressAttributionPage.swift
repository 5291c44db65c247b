import StressCore
import StressRun

/// What drives each framework's heaviest loss: the exact Shapley contribution of
/// every scenario variable, from the neutral path's cumulative EL to the
/// scenario's (METHODOLOGY §5; the steps add up to the change by efficiency).
enum StressAttributionPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        let chosen = context.frameworks.compactMap { f -> Int? in
            context.scenarios(of: f).filter { r.scenarios[$0].attribution != nil }
                .max { r.scenarios[$0].attribution!.stressedEL < r.scenarios[$1].attribution!.stressedEL }
        }
        guard !chosen.isEmpty else { return }
        let shown = chosen.count > 3 ? 4 : 6
        let without = context.frameworks.filter { f in !chosen.contains { r.scenarios[$0].framework == f.rawValue } }
        var charts = area
        if !without.isEmpty {
            let (top, note) = area.splitTop(area.height - 16)
            charts = top
            pdf.wrappedText("No attribution for " + without.map(\.displayName).joined(separator: ", ")
                            + ": their scenarios are sensitivity shocks (PD and LGD multipliers), not macro paths. "
                            + "The neutral path holds every macro variable at its satellite baseline.",
                            in: note.inset(1), TextStyle.small.with(colour: .muted))
        }
        for (k, panel) in zip(chosen, BoardGrid.panels(chosen.count, in: charts, stacked: true)) {
            let a = r.scenarios[k].attribution!
            WaterfallChart(title: "\(r.scenarios[k].id): cumulative credit loss", start: (label: "Neutral path", value: a.neutralEL),
                           steps: steps(a.byVariable, largest: shown), end: (label: "Scenario", value: a.stressedEL),
                           format: BoardFigures.amount,
                           deltaFormat: { ($0 < 0 ? NumberFormat.minus : "+") + NumberFormat.figure(abs($0)) },
                           axisFormat: NumberFormat.amount, increaseIsAdverse: true)
                .draw(in: panel, on: pdf)
        }
    }

    /// The `largest` contributions by size, the rest summed as "Other variables"
    /// (the sum of all steps is unchanged, so the walk still ends at the scenario).
    static func steps(_ byVariable: [String: Double], largest: Int) -> [(label: String, delta: Double)] {
        let ordered = byVariable.keys.sorted().sorted { abs(byVariable[$0]!) > abs(byVariable[$1]!) }
        guard ordered.count > largest else { return ordered.map { (MacroVariableNames.name($0), byVariable[$0]!) } }
        let kept = ordered.prefix(largest - 1)
        let rest = ordered.dropFirst(largest - 1).reduce(0) { $0 + byVariable[$1]! }
        return kept.map { (MacroVariableNames.name($0), byVariable[$0]!) } + [("Other variables", rest)]
    }
}
