/// Scenario fan: one thin line per scenario over a shaded band from the
/// lowest to the highest path, with one scenario (the adverse one under
/// test) drawn thick. More than `colouredLimit` scenarios turn into grey
/// context lines, with a legend naming only the highlighted one, the others and
/// the band: a legend of a dozen look-alike lines cannot be read. The band
/// spans the lines only where at least two have a value.
struct FanChart {
    var title: String?
    var categories: [String]
    var lines: [PlotSeries]
    var format: (Double) -> String
    var highlight: Int? = nil
    /// Tick labels; defaults to `format`.
    var axisFormat: ((Double) -> String)? = nil

    static let colouredLimit = 5

    func draw(in r: Rect, on pdf: PDFDocument) {
        let coloured = lines.count <= Self.colouredLimit
        let looks: [SeriesLook] = lines.indices.map { i in
            let isHighlight = i == highlight
            if !coloured {
                return SeriesLook(colour: isHighlight ? .blue : .muted, dash: .solid, marker: nil,
                                  width: isHighlight ? 2.4 : 0.6)
            }
            return SeriesLook(colour: Palette.lineColour(i), dash: isHighlight ? .solid : Palette.dash(i), marker: nil,
                              width: isHighlight ? 2.6 : 1.2)
        }
        var legend: [LegendEntry] = []
        if coloured, lines.count > 1 {
            legend = zip(lines, looks).map { LegendEntry(name: $0.name, colour: $1.colour,
                                                         key: .line(dash: $1.dash, marker: nil, width: $1.width)) }
        } else if !coloured {
            if let h = highlight, lines.indices.contains(h) {
                legend.append(LegendEntry(name: lines[h].name, colour: looks[h].colour,
                                          key: .line(dash: .solid, marker: nil, width: looks[h].width)))
            }
            legend.append(LegendEntry(name: "other scenarios", colour: .muted, key: .line(dash: .solid, marker: nil, width: 0.8)))
            legend.append(LegendEntry(name: "range", colour: .band, key: .swatch))
        }
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let n = max(categories.count, lines.map(\.values.count).max() ?? 0)
        let xAxis = CategoryAxis(labels: (0..<n).map { $0 < categories.count ? categories[$0] : "" })
        let axisLH = pdf.lineHeight(.axis)
        let mode = xAxis.mode(width: area.width * 0.85, on: pdf)
        let top = axisLH / 2
        let plotHeight = area.height - top - xAxis.height(mode: mode, on: pdf)
        guard plotHeight > 20 else { return }
        let values = lines.flatMap(\.values).finiteValues
        guard let (yAxis, plot) = ValueAxis.fitted(minimum: values.min() ?? 0, maximum: values.max() ?? 1, includeZero: false,
                                                   format: axisFormat ?? format, area: area, top: top, height: plotHeight,
                                                   rightMargin: 4, on: pdf) else { return }
        let scale = yAxis.scale

        yAxis.drawGrid(in: plot, on: pdf)
        xAxis.draw(below: plot, mode: mode, bounds: (area.x, area.maxX), on: pdf)

        // Band: min and max across lines per category, broken where no line has a value.
        let envelope: [(lo: Double, hi: Double)?] = (0..<n).map { i in
            let vs = lines.map { $0.value(at: i) }.finiteValues
            guard vs.count >= 2, let lo = vs.min(), let hi = vs.max() else { return nil }
            return (lo, hi)
        }
        var run: [Int] = []
        func flush() {
            if run.count > 1 {
                let upper = run.compactMap { i in envelope[i].map { Point(xAxis.centre(i, in: plot), yAxis.y($0.hi, in: plot)) } }
                let lower = run.reversed().compactMap { i in envelope[i].map { Point(xAxis.centre(i, in: plot), yAxis.y($0.lo, in: plot)) } }
                pdf.fillPolygon(upper + lower, .band)
            }
            run = []
        }
        for i in 0..<n {
            if envelope[i] != nil { run.append(i) } else { flush() }
        }
        flush()
        if scale.lower < 0, scale.upper > 0 { yAxis.drawZero(in: plot, on: pdf) }
        pdf.line(Point(plot.x, plot.maxY), Point(plot.maxX, plot.maxY), .ink, width: 0.7)

        let order = lines.indices.filter { $0 != highlight } + lines.indices.filter { $0 == highlight }
        for i in order {
            let pts = (0..<n).map { c -> Point in
                let v = lines[i].value(at: c)
                return Point(xAxis.centre(c, in: plot), v.isFinite ? yAxis.y(v, in: plot) : .nan)
            }
            pdf.polyline(pts, looks[i].colour, width: looks[i].width, dash: looks[i].dash)
        }
    }
}
