import CapitalEngine
import StressCore
import StressRun

/// For each framework's binding scenario, the CET1 ratio from jump-off to its
/// minimum step by step (METHODOLOGY §3): PPNR, credit losses, other losses and
/// taxes, distributions and the effect of RWA growth, with the hurdle marked.
enum CET1WaterfallPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        let chosen = context.frameworks.compactMap { f in context.bindingScenario(context.scenarios(of: f)) }
        guard !chosen.isEmpty else { return }
        let (charts, note) = area.splitTop(area.height - 26)
        pdf.wrappedText("Steps in basis points of jump-off RWA, summed to the period of the minimum. NII, fees & other, "
                        + "expenses: PPNR's parts (a single PPNR step when income is a fixed list). Tax & other: "
                        + "other losses and taxes. Impairments: the change in provisions plus write-offs. EL shortfall: the "
                        + "change in the IRB expected-loss shortfall deducted from CET1 (CRR Art. 159). Payouts: dividends and other distributions after any MDA restriction. "
                        + "RWA growth: the effect on the ratio of risk-weighted assets rising under stress.",
                        in: note.inset(2), TextStyle.small.with(colour: .muted))
        // One scale for every panel, so the falls compare at a glance.
        let walks = chosen.map { r.scenarios[$0].capital!.waterfallToMinimum ?? r.scenarios[$0].capital!.waterfall }
        let levels = walks.flatMap { w -> [Double] in
            // Every running level of the walk, so no bar leaves the shared scale.
            var level = w.startBP
            var out = [level]
            for step in income(w).map({ $0.delta * 10_000 }) + [w.creditLossesBP] {
                level += step
                out.append(level)
            }
            out.append(w.endBP)
            return out.map { $0 / 10_000 }
        } + chosen.compactMap { r.scenarios[$0].capital!.hurdle }
        let range = (min(levels.min() ?? 0, 0))...(levels.max() ?? 0.2)
        for (k, panel) in zip(chosen, BoardGrid.panels(chosen.count, in: charts)) {
            let c = r.scenarios[k].capital!
            let w = c.waterfallToMinimum ?? c.waterfall
            let framework = Framework(rawValue: r.scenarios[k].framework)?.displayName ?? r.scenarios[k].framework
            let endLabel = c.waterfallToMinimum == nil ? "End" : "Min (\(w.minPeriod))"
            WaterfallChart(title: "\(framework): \(r.scenarios[k].id)", start: (label: "Jump-off", value: w.startBP / 10_000),
                           steps: income(w) + [
                                   (label: "Impairments", delta: w.creditLossesBP / 10_000),
                                   (label: "Tax & other", delta: w.otherLossesAndTaxesBP / 10_000)]
                               + (w.deductionsBP == 0 ? [] : [(label: "EL shortfall", delta: w.deductionsBP / 10_000)])
                               + [(label: "Payouts", delta: w.distributionsBP / 10_000),
                                  (label: "RWA growth", delta: w.rwaGrowthBP / 10_000)],
                           end: (label: endLabel, value: w.endBP / 10_000),
                           format: { NumberFormat.percent($0, decimals: 2) },
                           deltaFormat: NumberFormat.signedBasisPoints,
                           reference: c.hurdle.map { (label: "hurdle", value: $0) }
                               ?? (label: "MDA trigger", value: CapitalReading.mdaTrigger(c)),
                           valueRange: range, endBreach: c.breach)
                .draw(in: panel, on: pdf)
        }
    }
}

extension CET1WaterfallPage {
    /// PPNR as one step, or as NII, non-interest income and expenses when the income engine made it.
    static func income(_ w: CET1Waterfall) -> [(label: String, delta: Double)] {
        guard let nii = w.netInterestIncomeBP, let other = w.nonInterestIncomeBP, let costs = w.operatingExpensesBP else {
            return [(label: "PPNR", delta: w.ppnrBP / 10_000)]
        }
        return [(label: "NII", delta: nii / 10_000), (label: "Fees & other", delta: other / 10_000),
                (label: "Expenses", delta: costs / 10_000)]
    }
}

/// Up to four panels: one full-size, two side by side, three or four in a 2 × 2
/// grid; `stacked` puts up to three full-width panels one above the other (long
/// category labels).
enum BoardGrid {
    static func panels(_ count: Int, in area: Rect, stacked: Bool = false) -> [Rect] {
        if stacked, count <= 3 { return area.rows(max(count, 1), gap: 12) }
        switch count {
        case ...1: return [area]
        case 2: return area.columns(2, gap: 18)
        default: return area.rows(2, gap: 14).flatMap { $0.columns(2, gap: 18) }
        }
    }
}
