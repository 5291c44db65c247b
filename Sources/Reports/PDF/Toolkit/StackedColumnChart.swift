/// Composition per period (losses by segment, RWA by risk type). Positive
/// parts stack up from zero and negative parts (releases, gains) stack down,
/// so the column's reach equals the gross amounts while the printed total is
/// the net.
struct StackedColumnChart {
    var title: String?
    var categories: [String]
    var series: [PlotSeries]
    var format: (Double) -> String
    var showTotals = true
    /// Tick labels; defaults to `format`.
    var axisFormat: ((Double) -> String)? = nil

    func draw(in r: Rect, on pdf: PDFDocument) {
        let colours = series.indices.map(Palette.colour)
        let legend = series.count > 1
            ? zip(series, colours).map { LegendEntry(name: $0.name, colour: $1, key: .swatch) }
            : []
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let n = max(categories.count, series.map(\.values.count).max() ?? 0)
        let labels = (0..<n).map { $0 < categories.count ? categories[$0] : "" }
        let xAxis = CategoryAxis(labels: labels)

        func part(_ s: Int, _ i: Int) -> Double {
            let v = series[s].value(at: i)
            return v.isFinite ? v : 0
        }
        let up = (0..<n).map { i in series.indices.map { max(0, part($0, i)) }.reduce(0, +) }
        let down = (0..<n).map { i in series.indices.map { min(0, part($0, i)) }.reduce(0, +) }

        let axisLH = pdf.lineHeight(.axis)
        let totalLH = showTotals ? pdf.lineHeight(.small) + 2 : 0
        let mode = xAxis.mode(width: area.width * 0.85, on: pdf)
        let top = max(axisLH / 2, totalLH)
        let plotHeight = area.height - top - xAxis.height(mode: mode, on: pdf)
        guard plotHeight > 20 else { return }

        guard let (yAxis, plot) = ValueAxis.fitted(minimum: down.min() ?? 0, maximum: up.max() ?? 0, includeZero: true,
                                                   format: axisFormat ?? format, area: area, top: top, height: plotHeight,
                                                   rightMargin: 4, on: pdf) else { return }

        yAxis.drawGrid(in: plot, on: pdf)
        xAxis.draw(below: plot, mode: mode, bounds: (area.x, area.maxX), on: pdf)
        let slot = xAxis.slotWidth(plot)
        let barWidth = min(slot * 0.62, 60)
        for i in 0..<n {
            let x = xAxis.centre(i, in: plot) - barWidth / 2
            var above = 0.0, below = 0.0
            for s in series.indices {
                let v = part(s, i)
                guard v != 0 else { continue }
                let from = v > 0 ? above : below
                let to = from + v
                if v > 0 { above = to } else { below = to }
                let y0 = yAxis.y(from, in: plot), y1 = yAxis.y(to, in: plot)
                let seg = Rect(x: x, y: min(y0, y1), width: barWidth, height: abs(y1 - y0))
                pdf.fill(seg, colours[s])
                // A hairline of white keeps same-grey neighbours apart in print.
                pdf.line(Point(seg.x, v > 0 ? seg.y : seg.maxY), Point(seg.maxX, v > 0 ? seg.y : seg.maxY), .white, width: 0.6)
            }
        }
        if showTotals {
            drawTotals(up: up, n: n, slot: slot, barWidth: barWidth, plot: plot, xAxis: xAxis, yAxis: yAxis, lh: totalLH, on: pdf)
        }
        yAxis.drawZero(in: plot, on: pdf)
    }

    /// Net totals above the columns, all in one size (a mix of sizes reads as
    /// emphasis). If even 75 % is too wide for a column, every k-th total is shown.
    private func drawTotals(up: [Double], n: Int, slot: Double, barWidth: Double, plot: Rect, xAxis: CategoryAxis, yAxis: ValueAxis,
                            lh: Double, on pdf: PDFDocument) {
        let base = TextStyle.small.with(bold: true)
        let texts: [String?] = (0..<n).map { i in
            guard series.contains(where: { $0.value(at: i).isFinite }) else { return nil }
            return format(series.map { $0.value(at: i) }.filter(\.isFinite).reduce(0, +))
        }
        let widest = texts.compactMap { $0.map { pdf.measure($0, base) } }.max() ?? 0
        guard widest > 0 else { return }
        let room = slot - 2
        // Shrink (not below 75 %) if that lets every column carry its total; else keep the size and thin.
        let shrunk = base.size * room / widest
        let st = shrunk >= base.size * 0.75 ? base.with(size: min(base.size, shrunk)) : base
        let k = max(1, Int((widest * st.size / base.size / max(room, 0.01) - 1e-9).rounded(.up)))
        for i in stride(from: 0, to: n, by: k) {
            guard let t = texts[i] else { continue }
            let c = xAxis.centre(i, in: plot)
            let w = min(pdf.measure(t, st) + 1, Double(k) * slot - 2)
            // Sit above this column and above any neighbour the label reaches over.
            var yTop = yAxis.y(up[i], in: plot)
            for j in max(0, i - k)...min(n - 1, i + k) {
                let cj = xAxis.centre(j, in: plot)
                if cj - barWidth / 2 < c + w / 2, c - w / 2 < cj + barWidth / 2 {
                    yTop = min(yTop, yAxis.y(up[j], in: plot))
                }
            }
            pdf.fittedText(t, in: Rect(x: c - w / 2, y: max(plot.y - lh, yTop - lh), width: w, height: lh), st,
                           align: .center)
        }
    }
}
