import IncomeEngine
import StressCore
import StressRun

/// Income under the scenarios (METHODOLOGY §8): PPNR per period of every annual scenario
/// and of the quarterly CCAR scenarios, net interest income beside it, and the interest
/// rate risk in the banking book — ΔEVE and ΔNII under the six BCBS d368 shocks with the
/// supervisory outlier test.
enum IncomePage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        let withIncome = r.scenarios.indices.filter { r.scenarios[$0].income != nil }
        let annual = withIncome.filter { r.scenarios[$0].frequency != "quarterly" }
        let quarterly = withIncome.filter { r.scenarios[$0].frequency == "quarterly" }
        let panels = area.rows(2, gap: 16).flatMap { $0.columns(2, gap: 18) }
        func lines(_ indices: [Int], _ values: (IncomeResult) -> [Double]) -> ([String], [PlotSeries]) {
            let n = indices.map { r.scenarios[$0].income!.periods.count }.max() ?? 0
            let quarterlyAxis = indices.allSatisfy { r.scenarios[$0].frequency == "quarterly" }
            let labels = (1...max(n, 1)).map { quarterlyAxis ? "Q\($0)" : "Year \($0)" }
            let ordered = context.byMinimumCET1(indices)
            return (labels, ordered.map { k in
                PlotSeries(name: r.scenarios[k].id,
                           values: BoardPackContext.padded(values(r.scenarios[k].income!), to: labels.count))
            })
        }
        if !annual.isEmpty {
            let (labels, series) = lines(annual, \.ppnr)
            LineChart(title: "PPNR by year (EBA, BoE, RBI, library scenarios)", categories: labels, series: series,
                      format: BoardFigures.amount, includeZero: true, axisFormat: NumberFormat.amount)
                .draw(in: panels[0], on: pdf)
            let (_, nii) = lines(annual, \.netInterestIncome)
            LineChart(title: "Net interest income by year", categories: labels, series: nii,
                      format: BoardFigures.amount, includeZero: false, axisFormat: NumberFormat.amount)
                .draw(in: panels[1], on: pdf)
        }
        if !quarterly.isEmpty {
            let (labels, series) = lines(quarterly, \.ppnr)
            LineChart(title: "PPNR by quarter (CCAR)", categories: labels, series: series,
                      format: BoardFigures.amount, includeZero: true, axisFormat: NumberFormat.amount)
                .draw(in: panels[2], on: pdf)
        }
        guard let irrbb = r.irrbb else { return }
        let names = irrbb.shocks.map { $0.shock.rawValue.replacingOccurrences(of: "_", with: " ") }
        BarChart(title: "IRRBB: ΔEVE and ΔNII by BCBS shock", labels: names, values: irrbb.shocks.map(\.deltaEVE),
                 format: BoardFigures.amount, secondary: irrbb.shocks.map(\.deltaNII), secondaryName: "ΔNII (12 months)",
                 primaryName: "ΔEVE", axisFormat: NumberFormat.amount)
            .draw(in: Rect(x: panels[3].x, y: panels[3].y, width: panels[3].width, height: panels[3].height - 30), on: pdf)
        let verdict = irrbb.eveOutlier ? "✗ an outlier (above 15%)" : "✓ not an outlier (15% limit)"
        pdf.wrappedText("Supervisory outlier test (BCBS d368): the worst ΔEVE loss is "
                        + NumberFormat.percent(irrbb.eveRatio, decimals: 1) + " of Tier 1, \(verdict); the worst NII decline "
                        + NumberFormat.percent(irrbb.niiRatio, decimals: 1) + " of Tier 1. Duration gap "
                        + String(format: "%.2f", irrbb.durationGap) + " years.",
                        in: Rect(x: panels[3].x, y: panels[3].maxY - 26, width: panels[3].width, height: 26),
                        TextStyle.small.with(colour: irrbb.eveOutlier ? .breach : .muted))
    }
}
