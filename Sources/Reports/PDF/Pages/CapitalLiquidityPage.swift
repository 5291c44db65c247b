import CapitalEngine
import StressCore
import StressRun

/// One framework's capital and liquidity paths: the CET1 ratio and the leverage
/// ratio of every scenario against their hurdles, the LCR against 100%, and a
/// table of each scenario's minima.
enum CapitalLiquidityPage {
    static func draw(_ context: BoardPackContext, framework: Framework, in area: Rect, on pdf: PDFDocument) {
        let indices = context.byMinimumCET1(context.scenarios(of: framework))
        let r = context.results
        let periods = context.periods(indices) { s in
            s.capital?.periods ?? s.liquidity.map { Array(s.periods.prefix($0.lcr.count)) }
        }
        let categories = BoardPackContext.withJumpOff(periods)
        let n = categories.count
        let panels = area.rows(2, gap: 14).flatMap { $0.columns(2, gap: 18) }

        let capital = indices.filter { r.scenarios[$0].capital != nil }
        func series(_ path: (CapitalResult) -> [Double]) -> [PlotSeries] {
            capital.map { k in
                PlotSeries(name: r.scenarios[k].id, values: BoardPackContext.padded(path(r.scenarios[k].capital!), to: n))
            }
        }
        func thresholds(_ label: String, dash: LineDash = .dashed, _ value: (CapitalResult) -> Double?) -> [PlotSeries] {
            let distinct = capital.compactMap { value(r.scenarios[$0].capital!) }.reduce(into: [Double]()) { list, x in
                if !list.contains(x) { list.append(x) }
            }
            return distinct.map { h in
                PlotSeries(name: "\(label) \(BoardFigures.ratio(h))", values: Array(repeating: h, count: n), isThreshold: true,
                           thresholdDash: dash)
            }
        }
        if !capital.isEmpty {
            // The hurdle dashed; where payouts become restricted (minimum + combined buffer) dotted.
            let hurdles = thresholds("hurdle") { $0.hurdle }
            let triggers = thresholds("MDA trigger", dash: .dotted) { CapitalReading.mdaTrigger($0) }
            LineChart(title: hurdles.isEmpty ? "CET1 ratio against the MDA trigger" : "CET1 ratio against the hurdle",
                      categories: categories, series: series { [$0.startCET1Ratio] + $0.cet1Ratio } + hurdles + triggers,
                      format: { NumberFormat.percent($0, decimals: 2) }, includeZero: false, labelMinimum: true,
                      axisFormat: { NumberFormat.percent($0, decimals: 1) }, minimumFrom: 1)
                .draw(in: panels[0], on: pdf)
            let leverageHurdles = thresholds("hurdle") { $0.leverageHurdle }
            LineChart(title: leverageHurdles.isEmpty ? "Leverage ratio (no leverage test in this framework)"
                        : "Leverage ratio against the hurdle",
                      categories: categories, series: series { [$0.startLeverageRatio] + $0.leverageRatio } + leverageHurdles,
                      format: { NumberFormat.percent($0, decimals: 2) }, includeZero: false, labelMinimum: true,
                      axisFormat: { NumberFormat.percent($0, decimals: 1) }, minimumFrom: 1)
                .draw(in: panels[1], on: pdf)
        }
        let liquid = indices.filter { r.scenarios[$0].liquidity != nil }
        if !liquid.isEmpty {
            let lcr = liquid.map { k -> PlotSeries in
                let l = r.scenarios[k].liquidity!
                return PlotSeries(name: r.scenarios[k].id, values: BoardPackContext.padded([l.jumpOff.lcr] + l.lcr, to: n))
            }
            let minimum = r.scenarios[liquid[0]].liquidity!.hurdle
            // Say where the shocks come from: without scenario shocks the table's severity defaults apply.
            let defaults = liquid.allSatisfy { r.scenarios[$0].liquidity!.shocks.depositRunoffSource == .severityDefault }
            LineChart(title: defaults ? "LCR against 100% (severity-default liquidity shocks)"
                        : "Liquidity coverage ratio against the 100% minimum", categories: categories,
                      series: lcr + [PlotSeries(name: "minimum \(BoardFigures.lcr(minimum))",
                                                 values: Array(repeating: minimum, count: n), isThreshold: true)],
                      format: { NumberFormat.percent($0, decimals: 1) }, includeZero: false, labelMinimum: true,
                      axisFormat: { NumberFormat.percent($0, decimals: 0) }, minimumFrom: 1)
                .draw(in: panels[2], on: pdf)
        }
        drawTable(context, indices, in: panels[3], on: pdf)
    }

    static func drawTable(_ context: BoardPackContext, _ indices: [Int], in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        pdf.text("Minima by scenario", x: area.x, baseline: area.y + 12, .heading)
        let rows: [[TableCell]] = indices.map { k in
            let s = r.scenarios[k]
            var row = [TableCell(text: s.id, style: .bold)]
            if let c = s.capital {
                row += [MinimumCells.cet1(c), TableCell(text: NumberFormat.signedBasisPoints(-c.depletionBP / 10_000)),
                        MinimumCells.leverage(c)]
            } else {
                row += [MinimumCells.none, MinimumCells.none, MinimumCells.none]
            }
            if let l = s.liquidity {
                row += [MinimumCells.lcr(l, withPeriod: false),
                        TableCell(text: l.survivalDays >= l.survivalCapDays ? "≥ \(l.survivalCapDays)" : "\(l.survivalDays)")]
            } else {
                row += [MinimumCells.none, MinimumCells.none]
            }
            return row
        }
        TableDrawing(columns: [
            TableColumn(header: "Scenario", weight: 2.6, align: .left),
            TableColumn(header: "Min CET1", weight: 1.7, align: .right),
            TableColumn(header: "Change", weight: 0.9, align: .right),
            TableColumn(header: "Leverage", weight: 1.0, align: .right),
            TableColumn(header: "Min LCR", weight: 1.0, align: .right),
            TableColumn(header: "Days", weight: 0.6, align: .right),
        ], rows: rows, style: TextStyle.body.with(size: 8.5))
            .draw(in: Rect(x: area.x, y: area.y + 22, width: area.width, height: area.height - 22), on: pdf)
    }
}
