/// Paths over time (capital ratios, loss rates) against optional hurdles.
/// Each series has a colour, a dash and a marker, so the chart survives
/// greyscale printing; hurdles are dashed in the threshold colour.
struct LineChart {
    var title: String?
    var categories: [String]
    var series: [PlotSeries]
    var format: (Double) -> String
    var yAxisTitle: String? = nil
    var includeZero = false
    /// Marks the minimum of series 0 (the trough of a stress path) with its value.
    var labelMinimum: Bool = false
    /// The first index the minimum label considers (1 skips a jump-off value in front).
    var minimumFrom = 0
    /// Prints each series' last value at the right end of the plot.
    var labelLast: Bool = false
    /// Tick labels; defaults to `format`.
    var axisFormat: ((Double) -> String)? = nil

    init(title: String?, categories: [String], series: [PlotSeries], format: @escaping (Double) -> String,
         yAxisTitle: String? = nil, includeZero: Bool = false, labelMinimum: Bool = false, labelLast: Bool = false,
         axisFormat: ((Double) -> String)? = nil, minimumFrom: Int = 0) {
        self.minimumFrom = minimumFrom
        self.title = title
        self.categories = categories
        self.series = series
        self.format = format
        self.yAxisTitle = yAxisTitle
        self.includeZero = includeZero
        self.labelMinimum = labelMinimum
        self.labelLast = labelLast
        self.axisFormat = axisFormat
    }

    func draw(in r: Rect, on pdf: PDFDocument) {
        let looks = SeriesLook.looks(for: series)
        let legend = series.count > 1
            ? zip(series, looks).map { LegendEntry(name: $0.name, colour: $1.colour,
                                                   key: .line(dash: $1.dash, marker: $1.marker, width: $1.width)) }
            : []
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let n = max(categories.count, series.map(\.values.count).max() ?? 0)
        let labels = (0..<n).map { $0 < categories.count ? categories[$0] : "" }
        let xAxis = CategoryAxis(labels: labels)

        let axisLH = pdf.lineHeight(.axis)
        let valueLH = pdf.lineHeight(.small)
        let titleWidth = yAxisTitle == nil ? 0 : axisLH + 4
        let mode = xAxis.mode(width: area.width * 0.85, on: pdf)
        let top = axisLH / 2
        let plotHeight = area.height - top - xAxis.height(mode: mode, on: pdf)
        guard plotHeight > 20 else { return }

        let values = series.flatMap(\.values).finiteValues
        let tickFormat = axisFormat ?? format
        let maxTicks = ChartFrame.maxTicks(forHeight: plotHeight, on: pdf)
        var scale = NiceScale.readable(minimum: values.min() ?? 0, maximum: values.max() ?? 1, maxTicks: maxTicks,
                                       includeZero: includeZero, format: tickFormat)
        if labelMinimum, let m = values.min(), (m - scale.lower) / max(scale.upper - scale.lower, 1e-300) < 0.12 {
            // Leave room under the trough for its label.
            scale = NiceScale.readable(minimum: m - (scale.upper - m) * 0.15, maximum: values.max() ?? 1,
                                       maxTicks: maxTicks, includeZero: includeZero, format: tickFormat)
        }
        let yAxis = ValueAxis(scale: scale, format: tickFormat)
        let lastLabels: [(text: String, value: Double, colour: Colour)] = labelLast
            ? zip(series, looks).compactMap { s, look in
                guard let v = s.values.last(where: \.isFinite) else { return nil }
                return (format(v), v, look.colour)
            }
            : []
        let rightPad = lastLabels.map { pdf.measure($0.text, .small.with(bold: true)) + 6 }.max() ?? 4
        let left = titleWidth + yAxis.labelWidth(on: pdf) + ValueAxis.labelGap
        let plot = Rect(x: area.x + left, y: area.y + top, width: area.width - left - rightPad, height: plotHeight)
        guard plot.width > 20 else { return }

        yAxis.drawGrid(in: plot, on: pdf)
        if scale.lower < 0, scale.upper > 0 { yAxis.drawZero(in: plot, on: pdf) }
        pdf.line(Point(plot.x, plot.maxY), Point(plot.maxX, plot.maxY), .ink, width: 0.7)
        if let yAxisTitle {
            pdf.verticalText(yAxisTitle, centre: Point(area.x + axisLH / 2, plot.midY), .axis, maxLength: plot.height)
        }
        xAxis.draw(below: plot, mode: mode, bounds: (area.x, area.maxX), on: pdf)

        func point(_ i: Int, _ v: Double) -> Point {
            Point(xAxis.centre(i, in: plot), v.isFinite ? yAxis.y(v, in: plot) : .nan)
        }
        // Hurdles first, so data lines cross over them.
        let order = series.indices.filter { series[$0].isThreshold } + series.indices.filter { !series[$0].isThreshold }
        for si in order {
            let s = series[si], look = looks[si]
            let pts = (0..<n).map { point($0, s.value(at: $0)) }
            pdf.polyline(pts, look.colour, width: look.width, dash: look.dash)
            // Markers need about 8 pt per category; denser, they merge into a band.
            if let m = look.marker, xAxis.slotWidth(plot) >= 8 {
                for p in pts where p.isFinite { pdf.marker(p, index: m, look.colour) }
            }
        }

        if labelMinimum, let first = series.first,
           let (i, v) = first.values.enumerated().filter({ $0.offset >= minimumFrom && $0.element.isFinite })
               .min(by: { $0.element < $1.element }) {
            let p = point(i, v)
            let st = TextStyle.small.with(bold: true)
            let text = format(v)
            let w = pdf.measure(text, st) + 2
            let below = p.y + 5 + valueLH <= plot.maxY
            let y = below ? p.y + 5 : p.y - 5 - valueLH
            let x = min(max(p.x - w / 2, plot.x), plot.maxX - w)
            pdf.fittedText(text, in: Rect(x: x, y: y, width: w, height: valueLH), st, align: .center)
        }

        if !lastLabels.isEmpty {
            // Stack end labels top to bottom by value, pushing apart so none overlap.
            let st = TextStyle.small.with(bold: true)
            var placed = lastLabels.map { (label: $0, y: yAxis.y($0.value, in: plot) - valueLH / 2) }
            placed.sort { $0.y < $1.y }
            for i in placed.indices.dropFirst() where placed[i].y < placed[i - 1].y + valueLH {
                placed[i].y = placed[i - 1].y + valueLH
            }
            if let last = placed.last, last.y + valueLH > area.maxY {
                let shift = last.y + valueLH - area.maxY
                for i in placed.indices { placed[i].y -= shift }
            }
            for p in placed {
                pdf.fittedText(p.label.text, in: Rect(x: plot.maxX + 4, y: p.y, width: rightPad - 4, height: valueLH),
                               st.with(colour: p.label.colour.luma > 0.7 ? .ink : p.label.colour))
            }
        }
    }
}
