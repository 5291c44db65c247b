/// Walk from a starting figure to an ending one (CET1 ratio from start to
/// trough, capital from plan to stress). Start and end are solid bars from
/// zero; each step floats from the running level. Start and end are dark
/// blue, increases a lighter green, decreases hatched vermillion, so all three
/// differ in greyscale as well as colour. An optional dashed reference (the hurdle) is labelled in the right
/// margin, clear of every bar label.
struct WaterfallChart {
    var title: String?
    var start: (label: String, value: Double)
    var steps: [(label: String, delta: Double)]
    var end: (label: String, value: Double)
    var format: (Double) -> String
    var deltaFormat: (Double) -> String
    var reference: (label: String, value: Double)? = nil
    /// Tick labels; defaults to `format`.
    var axisFormat: ((Double) -> String)? = nil
    /// A rise is bad news (a loss walk): increases take the hatched vermillion
    /// and decreases the green, so colour always reads as good or bad.
    var increaseIsAdverse = false
    /// Values the axis must include (panels side by side share one scale).
    var valueRange: ClosedRange<Double>? = nil
    /// The end figure fails its test: drawn in the breach colour.
    var endBreach = false

    static let total = Colour.blue
    /// Lighter than the totals so the two do not print as the same grey.
    static let increase = Colour.pass.tint(0.3)
    static let decrease = Colour.breach

    func draw(in r: Rect, on pdf: PDFDocument) {
        // Only the kinds of step the chart has; named for what they do when a rise is bad news.
        let rises = steps.contains { $0.delta > 0 }, falls = steps.contains { $0.delta < 0 }
        var legend: [LegendEntry] = []
        if increaseIsAdverse {
            if rises { legend.append(LegendEntry(name: "Adds to loss", colour: Self.decrease, key: .hatched)) }
            if falls { legend.append(LegendEntry(name: "Reduces loss", colour: Self.increase, key: .swatch)) }
        } else {
            if rises { legend.append(LegendEntry(name: "Increase", colour: Self.increase, key: .swatch)) }
            if falls { legend.append(LegendEntry(name: "Decrease", colour: Self.decrease, key: .hatched)) }
        }
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let labels = [start.label] + steps.map(\.label) + [end.label]
        let xAxis = CategoryAxis(labels: labels)
        let valueStyle = TextStyle.small.with(bold: true)
        let lh = pdf.lineHeight(valueStyle)

        // Running levels: level[i] before step i, level[i+1] after.
        var levels = [start.value.isFinite ? start.value : 0]
        for s in steps { levels.append(levels[levels.count - 1] + (s.delta.isFinite ? s.delta : 0)) }
        let endValue = end.value.isFinite ? end.value : levels[levels.count - 1]
        var extremes = levels + [endValue, 0]
        if let reference, reference.value.isFinite { extremes.append(reference.value) }
        if let valueRange { extremes += [valueRange.lowerBound, valueRange.upperBound] }

        let refStyle = TextStyle.small.with(colour: .threshold)
        let refWidth: Double = reference.map { ref in
            min(max(pdf.measure(ref.label, refStyle), pdf.measure(format(ref.value), refStyle)) + 8, area.width * 0.18)
        } ?? 4
        let mode = xAxis.mode(width: area.width * 0.85, on: pdf)
        let top = lh + 2
        let plotHeight = area.height - top - xAxis.height(mode: mode, on: pdf) - lh - 2
        guard plotHeight > 20 else { return }
        guard let (yAxis, plot) = ValueAxis.fitted(minimum: extremes.min() ?? 0, maximum: extremes.max() ?? 1,
                                                   includeZero: true, format: axisFormat ?? format, area: area, top: top,
                                                   height: plotHeight, rightMargin: refWidth, on: pdf) else { return }
        // Category labels go below the room reserved for labels under decreases at the bottom.
        let axisPlot = Rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height + lh + 2)

        yAxis.drawGrid(in: plot, on: pdf)
        xAxis.draw(below: axisPlot, mode: mode, bounds: (area.x, area.maxX), on: pdf)
        let slot = xAxis.slotWidth(plot)
        let barWidth = min(slot * 0.6, 70)
        func y(_ v: Double) -> Double { yAxis.y(v, in: plot) }

        // Bars: (from, to, kind) with kind 0 total, 1 increase, -1 decrease.
        var bars: [(from: Double, to: Double, kind: Int, label: String)] = [(0, levels[0], 0, format(levels[0]))]
        for (i, s) in steps.enumerated() {
            let d = s.delta.isFinite ? s.delta : 0
            // kind 1 draws as good news, -1 as bad; the label goes on the side the bar moves to.
            let good = (d >= 0) != increaseIsAdverse
            bars.append((levels[i], levels[i + 1], good ? 1 : -1, deltaFormat(d)))
        }
        bars.append((0, endValue, 0, format(endValue)))

        // The reference first: bars and their labels (on a white ground) sit in front of it.
        if let reference, reference.value.isFinite {
            let ry = y(reference.value)
            pdf.line(Point(plot.x, ry), Point(plot.maxX + 2, ry), .threshold, width: 1.2, dash: .dashed)
            let slh = pdf.lineHeight(refStyle)
            pdf.fittedText(reference.label, in: Rect(x: plot.maxX + 5, y: ry - slh, width: refWidth - 5, height: slh), refStyle)
            pdf.fittedText(format(reference.value), in: Rect(x: plot.maxX + 5, y: ry, width: refWidth - 5, height: slh),
                           refStyle.with(bold: true))
        }
        for (i, bar) in bars.enumerated() {
            let cx = xAxis.centre(i, in: plot)
            let y0 = y(bar.from), y1 = y(bar.to)
            let rect = Rect(x: cx - barWidth / 2, y: min(y0, y1), width: barWidth, height: max(abs(y1 - y0), 0.8))
            switch bar.kind {
            case 0: pdf.fill(rect, endBreach && i == bars.count - 1 ? Self.decrease : Self.total)
            case 1:
                pdf.fill(rect, Self.increase)
                pdf.stroke(rect, Colour.pass, width: 0.6)
            default:
                pdf.fill(rect, Self.decrease.tint(0.6))
                pdf.hatch(rect, Self.decrease)
                pdf.stroke(rect, Self.decrease, width: 0.6)
            }
            // Connector from this bar's closing level to the next bar.
            if i + 1 < bars.count {
                let level = bar.kind == 0 ? bar.to : bar.to
                pdf.line(Point(rect.maxX, y(level)), Point(cx + slot - barWidth / 2, y(level)), .muted, width: 0.5)
            }
            // Value label: above rising and total bars, below falling ones, within the slot.
            let goesDown = bar.kind == 0 ? bar.to < 0 : bar.to < bar.from
            let labelY = goesDown ? rect.maxY + 2 : rect.y - lh - 2
            let colour: Colour = bar.kind == 1 ? .pass : (bar.kind == -1 || (endBreach && i == bars.count - 1) ? .breach : .ink)
            let labelWidth = min(pdf.measure(bar.label, valueStyle), slot - 2)
            pdf.fill(Rect(x: cx - labelWidth / 2 - 1, y: labelY, width: labelWidth + 2, height: lh), .white)
            pdf.fittedText(bar.label, in: Rect(x: cx - slot / 2 + 1, y: labelY, width: slot - 2, height: lh),
                           valueStyle.with(colour: colour), align: .center)
        }
        yAxis.drawZero(in: plot, on: pdf)


    }
}
