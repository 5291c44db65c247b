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
        for (k, panel) in zip(chosen, BoardGrid.panels(chosen.count, in: area)) {
            let a = r.scenarios[k].attribution!
            let variables = a.byVariable.keys.sorted().sorted { abs(a.byVariable[$0]!) > abs(a.byVariable[$1]!) }
            WaterfallChart(title: r.scenarios[k].id, start: (label: "Neutral path", value: a.neutralEL),
                           steps: variables.map { (label: MacroVariableNames.name($0), delta: a.byVariable[$0]!) },
                           end: (label: "Scenario", value: a.stressedEL),
                           format: NumberFormat.amount, deltaFormat: NumberFormat.signedAmount)
                .draw(in: panel, on: pdf)
        }
    }
}
