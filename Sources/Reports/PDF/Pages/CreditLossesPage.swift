import CreditEngine
import StressCore
import StressRun

/// One framework's credit losses: the heaviest scenario's losses by period
/// stacked by segment, every scenario's cumulative loss, and the stressed PD and
/// LGD paths behind them (EAD-weighted averages of each period).
enum CreditLossesPage {
    static func draw(_ context: BoardPackContext, framework: Framework, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        // The same scenario order (lowest minimum CET1 first) as the capital page, so colours match.
        let indices = context.byMinimumCET1(context.scenarios(of: framework)).filter { r.scenarios[$0].credit != nil }
        guard let heaviest = indices.max(by: { r.scenarios[$0].credit!.cumulativeEL < r.scenarios[$1].credit!.cumulativeEL })
        else { return }
        let panels = area.rows(2, gap: 14).flatMap { $0.columns(2, gap: 18) }
        let periods = context.periods(indices) { $0.credit?.periods }
        let credit = r.scenarios[heaviest].credit!
        // Segments in the jump-off portfolio's EL order, so a segment keeps its colour on every page.
        let jumpOff = r.portfolio.bySegment
        let segments = credit.bySegment.keys.sorted().sorted {
            (jumpOff[$0]?.expectedLoss ?? 0) > (jumpOff[$1]?.expectedLoss ?? 0)
        }
        StackedColumnChart(title: "Losses by period and segment: \(r.scenarios[heaviest].id)",
                           categories: credit.periods.count == periods.count ? periods : credit.periods,
                           series: segments.map { PlotSeries(name: $0, values: credit.bySegment[$0]!.periodEL) },
                           format: BoardFigures.amount, showTotals: true, axisFormat: NumberFormat.amount)
            .draw(in: panels[0], on: pdf)
        BarChart(title: "Cumulative credit loss by scenario", labels: indices.map { r.scenarios[$0].id },
                 values: indices.map { r.scenarios[$0].credit!.cumulativeEL }, format: BoardFigures.amount,
                 axisFormat: NumberFormat.amount)
            .draw(in: panels[1], on: pdf)

        let quarterly = r.scenarios[heaviest].frequency == "quarterly"
        func paths(_ values: (CreditProjection) -> [Double]) -> [PlotSeries] {
            indices.map { PlotSeries(name: r.scenarios[$0].id,
                                      values: BoardPackContext.padded(values(r.scenarios[$0].credit!), to: periods.count)) }
        }
        LineChart(title: quarterly ? "Stressed PD (quarterly, EAD-weighted)" : "Stressed PD (EAD-weighted)",
                  categories: periods, series: paths(\.averagePD), format: { NumberFormat.percent($0, decimals: 2) },
                  includeZero: true)
            .draw(in: panels[2], on: pdf)
        LineChart(title: "Stressed LGD (EAD-weighted)", categories: periods, series: paths(\.averageLGD),
                  format: { NumberFormat.percent($0, decimals: 1) }, includeZero: false)
            .draw(in: panels[3], on: pdf)
    }
}
