import ProvisionsEngine
import StressCore
import StressRun

/// Provisions under the binding scenario (the lowest minimum CET1 ratio of the run): EAD by
/// IFRS 9 stage at jump-off and each period end, coverage of each stage, the impairment
/// charge against the expected loss of the same periods, and for every framework's
/// binding scenario the cumulative impairment and the peak stage 2 and stage 3 shares.
enum ProvisionsPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        guard let k = context.bindingScenario(r.scenarios.indices.filter { r.scenarios[$0].provisions != nil }),
              let p = r.scenarios[k].provisions else { return }
        let (top, bottom) = area.splitTop(area.height * 0.58)
        let panels = top.columns(3, gap: 18)
        let dates = ["Jump-off"] + p.periods
        StackedColumnChart(title: "EAD by stage: \(r.scenarios[k].id)", categories: dates,
                           series: [PlotSeries(name: "Stage 1", values: p.ead.stage1),
                                    PlotSeries(name: "Stage 2", values: p.ead.stage2),
                                    PlotSeries(name: "Stage 3", values: p.ead.stage3)],
                           format: BoardFigures.amount, showTotals: false, axisFormat: NumberFormat.amount)
            .draw(in: panels[0], on: pdf)
        LineChart(title: "Coverage by stage (provisions ÷ EAD)", categories: dates,
                  series: [PlotSeries(name: "Stage 2", values: p.coverage.stage2),
                           PlotSeries(name: "Stage 3", values: p.coverage.stage3)],
                  format: { NumberFormat.percent($0, decimals: 1) }, includeZero: true)
            .draw(in: panels[1], on: pdf)
        let el = r.scenarios[k].credit?.periodEL ?? []
        StackedColumnChart(title: "Impairment charge by period", categories: p.periods,
                           series: [PlotSeries(name: "Impairment", values: p.impairment)],
                           format: BoardFigures.amount, showTotals: false, axisFormat: NumberFormat.amount)
            .draw(in: panels[2], on: pdf)

        let rows: [[TableCell]] = context.frameworks.compactMap { f -> [TableCell]? in
            guard let j = context.bindingScenario(context.scenarios(of: f)), let q = r.scenarios[j].provisions else { return nil }
            let total = q.ead.total
            func peak(_ stage: [Double]) -> String {
                NumberFormat.percent(zip(stage, total).map { $1 > 0 ? $0 / $1 : 0 }.max() ?? 0, decimals: 1)
            }
            func start(_ stage: [Double]) -> String { NumberFormat.percent(total[0] > 0 ? stage[0] / total[0] : 0, decimals: 1) }
            let expected = r.scenarios[j].credit?.cumulativeEL ?? 0
            return [TableCell(text: "\(f.displayName): \(r.scenarios[j].id)"),
                    TableCell(text: shortStandard(q)),
                    TableCell(text: "\(start(q.ead.stage2)) → \(peak(q.ead.stage2))"),
                    TableCell(text: "\(start(q.ead.stage3)) → \(peak(q.ead.stage3))"),
                    TableCell(text: (q.ead.stage3.last ?? 0) > 0 ? NumberFormat.percent(q.coverage.stage3.last ?? 0, decimals: 1) : "—"),
                    TableCell(text: BoardFigures.amount(q.cumulativeImpairment), style: .bold),
                    TableCell(text: BoardFigures.amount(expected))]
        }
        let used = TableDrawing(columns: [
            TableColumn(header: "Binding scenario", weight: 3.0, align: .left),
            TableColumn(header: "Standard", weight: 1.0, align: .left),
            TableColumn(header: "Stage 2: start → peak", weight: 1.5, align: .right),
            TableColumn(header: "Stage 3: start → peak", weight: 1.5, align: .right),
            TableColumn(header: "Stage 3 coverage", weight: 1.2, align: .right),
            TableColumn(header: "Impairment", weight: 1.1, align: .right),
            TableColumn(header: "EL, performing", weight: 1.2, align: .right),
        ], rows: rows, style: TextStyle.body.with(size: 8.5))
            .draw(in: Rect(x: bottom.x, y: bottom.y + 10, width: bottom.width, height: bottom.height - 40), on: pdf)
        pdf.wrappedText(
            "Impairment is the P&L charge: the change in the stock of provisions plus write-offs (IFRS 9, CECL, Ind AS 109); "
                + "it is the credit loss line of the capital path. Stage 2 holds lifetime expected loss after a significant "
                + "increase in credit risk; stage 3 is in default. Expected loss: the credit engine's PD × LGD × EAD of the "
                + "performing book over the horizon, shown for comparison. Stage 3 coverage at the horizon's end (— no stage 3: "
                + "CECL charges off at default). Impairment in \(r.scenarios[k].id): "
                + p.impairment.map(BoardFigures.amount).joined(separator: ", ")
                + (el.isEmpty ? "" : "; expected loss " + el.map(BoardFigures.amount).joined(separator: ", ")) + ".",
            in: Rect(x: bottom.x, y: bottom.y + 14 + used, width: bottom.width, height: max(0, bottom.maxY - bottom.y - used - 14)),
            TextStyle.small.with(colour: .muted))
    }

    static func shortStandard(_ p: ProvisionsResult) -> String {
        switch ProvisioningRules.Standard(rawValue: p.standard) {
        case .ifrs9: return "IFRS 9"
        case .cecl: return "CECL"
        case .indAS109: return "Ind AS 109"
        case nil: return p.standard
        }
    }
}
