import Foundation

/// A loss distribution: probability mass per bin, with dashed vertical lines
/// for risk measures (EL, VaR, ES). Marker labels ("VaR 99.9% 2.4bn") are
/// placed in stacked rows above the plot so that close measures — VaR and ES
/// often sit a few pixels apart — never print over each other.
struct Histogram {
    var title: String?
    var lower: Double
    var binWidth: Double
    var masses: [Double]
    var markers: [(label: String, x: Double)]
    var xFormat: (Double) -> String
    var yFormat: (Double) -> String
    /// The figures in marker labels; defaults to `xFormat` (the tick format).
    var markerFormat: ((Double) -> String)? = nil

    static let barColour = Colour.skyBlue
    static let markerColour = Colour.ink

    func draw(in r: Rect, on pdf: PDFDocument) {
        let area = ChartFrame.carve(r, title: title, legend: [], on: pdf)
        let width = binWidth.isFinite && binWidth > 0 ? binWidth : 1
        let lo = lower.isFinite ? lower : 0
        let hi = lo + width * Double(max(masses.count, 1))
        let markerXs = markers.map(\.x).filter(\.isFinite)
        let axisLH = pdf.lineHeight(.axis)
        let st = TextStyle.small
        let lh = pdf.lineHeight(st)

        let yMax = masses.finiteValues.max() ?? 0
        // Provisional plot to size the x axis; markers widen the range if outside the bins.
        let xMin = min(lo, markerXs.min() ?? lo), xMax = max(hi, markerXs.max() ?? hi)
        let provisionalWidth = area.width * 0.9
        var xTicks = 8
        var xScale = NiceScale.readable(minimum: xMin, maximum: xMax, maxTicks: xTicks, format: xFormat)
        while xTicks > 2 {
            let labelWidth = xScale.ticks.map { pdf.measure(xFormat($0), .axis) }.max() ?? 0
            if (labelWidth + 12) * Double(xScale.ticks.count) <= provisionalWidth { break }
            xTicks -= 1
            xScale = NiceScale.readable(minimum: xMin, maximum: xMax, maxTicks: xTicks, format: xFormat)
        }

        let texts = markers.map { "\($0.label) \((markerFormat ?? xFormat)($0.x))" }
        let tickHalf = (xScale.ticks.map { pdf.measure(xFormat($0), .axis) }.max() ?? 0) / 2
        // The label rows set the plot's height, which sets the y labels' width, which moves
        // the lines: repeat until the number of rows settles (it only grows, up to one per marker).
        var labelRows = 0
        var plot = area
        var yAxis = ValueAxis(scale: NiceScale(minimum: 0, maximum: 1), format: yFormat)
        var placed: [(x: Double, width: Double, row: Int)] = []
        for _ in 0...markers.count {
            let top = Double(labelRows) * lh + axisLH / 2
            let plotHeight = area.height - top - axisLH - 4
            guard plotHeight > 20 else { return }
            let yScale = NiceScale.readable(minimum: 0, maximum: yMax,
                                            maxTicks: ChartFrame.maxTicks(forHeight: plotHeight, on: pdf),
                                            includeZero: true, format: yFormat)
            yAxis = ValueAxis(scale: yScale, format: yFormat)
            let left = yAxis.labelWidth(on: pdf) + ValueAxis.labelGap
            plot = Rect(x: area.x + left, y: area.y + top, width: area.width - left - tickHalf, height: plotHeight)
            guard plot.width > 20 else { return }
            placed = placeLabels(texts: texts, plotX: plot.x, plotWidth: plot.width, scale: xScale, on: pdf)
            let needed = (placed.map(\.row).max() ?? -1) + 1
            if needed <= labelRows { break }
            labelRows = needed
        }
        func x(_ v: Double) -> Double { plot.x + xScale.fraction(v) * plot.width }

        yAxis.drawGrid(in: plot, on: pdf)
        for t in xScale.ticks {
            pdf.line(Point(x(t), plot.maxY), Point(x(t), plot.maxY + 3), .muted, width: 0.5)
            pdf.text(xFormat(t), x: x(t), baseline: plot.maxY + 4 + pdf.capHeight(.axis) + 1, .axis, align: .center)
        }
        for (i, m) in masses.enumerated() where m.isFinite && m > 0 {
            let x0 = x(lo + Double(i) * width), x1 = x(lo + Double(i + 1) * width)
            let gap = x1 - x0 > 3 ? 0.4 : 0
            let y1 = yAxis.y(m, in: plot)
            pdf.fill(Rect(x: x0 + gap, y: y1, width: x1 - x0 - 2 * gap, height: plot.maxY - y1), Self.barColour)
        }
        yAxis.drawZero(in: plot, on: pdf)

        func labelTop(_ row: Int) -> Double { plot.y - Double(row + 1) * lh - axisLH / 2 }
        // Label boxes first, so each marker line can leave out the stretches where it
        // would cross another marker's label (a higher label's line passing a lower one).
        let boxes: [Rect?] = markers.indices.map { i in
            guard markers[i].x.isFinite, placed[i].row < labelRows else { return nil }
            return Rect(x: placed[i].x - 2, y: labelTop(placed[i].row) - 1, width: placed[i].width + 4, height: lh + 2)
        }
        for (i, m) in markers.enumerated() where m.x.isFinite {
            let lineX = x(m.x)
            let top = placed[i].row < labelRows ? labelTop(placed[i].row) + lh * 0.15 : plot.y
            let gaps = boxes.indices.compactMap { j -> (Double, Double)? in
                guard j != i, let b = boxes[j], b.x <= lineX, lineX <= b.maxX else { return nil }
                return (b.y, b.maxY)
            }.sorted { $0.0 < $1.0 }
            var from = top
            for (gapTop, gapBottom) in gaps where gapBottom > from {
                if gapTop > from {
                    pdf.line(Point(lineX, from), Point(lineX, gapTop), Self.markerColour, width: 0.9, dash: .dashed)
                }
                from = max(from, gapBottom)
            }
            if from < plot.maxY {
                pdf.line(Point(lineX, from), Point(lineX, plot.maxY), Self.markerColour, width: 0.9, dash: .dashed)
            }
        }
        for (i, box) in boxes.enumerated() {
            guard let box else { continue }
            pdf.fill(box, .white)
            pdf.fittedText(texts[i], in: Rect(x: placed[i].x, y: box.y + 1, width: placed[i].width, height: lh),
                           st.with(bold: true))
        }
    }

    /// Greedy rows: each label sits right of its line (or left when that would
    /// leave the plot) in the lowest row where it clears every label already
    /// there. A taller line may pass behind a lower label; labels are drawn on
    /// a white ground, so the text stays clean.
    private func placeLabels(texts: [String], plotX: Double, plotWidth: Double, scale: NiceScale,
                             on pdf: PDFDocument) -> [(x: Double, width: Double, row: Int)] {
        let st = TextStyle.small.with(bold: true)
        var result = Array(repeating: (x: 0.0, width: 0.0, row: 0), count: texts.count)
        var rows: [[(x0: Double, x1: Double)]] = []
        let order = markers.indices.filter { markers[$0].x.isFinite }.sorted { markers[$0].x < markers[$1].x }
        for i in order {
            let lineX = plotX + scale.fraction(markers[i].x) * plotWidth
            let w = min(pdf.measure(texts[i], st) + 1, plotWidth)
            var x = lineX + 3
            if x + w > plotX + plotWidth { x = max(plotX, lineX - 3 - w) }
            var row = 0
            while row < rows.count, rows[row].contains(where: { x < $0.x1 + 6 && $0.x0 < x + w + 6 }) { row += 1 }
            if row == rows.count { rows.append([]) }
            rows[row].append((x, x + w))
            result[i] = (x, w, row)
        }
        return result
    }
}
