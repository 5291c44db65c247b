/// Horizontal bars for ranked contributions (risk contributions, exposures
/// by sector). Names sit left of the axis, values at the bar ends; negative
/// values (hedges, diversification) extend left in a different colour. An
/// optional second bar per row compares two measures, e.g. VaR and ES.
struct BarChart {
    var title: String?
    var labels: [String]
    var values: [Double]
    var format: (Double) -> String
    var secondary: [Double]? = nil
    var secondaryName: String? = nil
    var primaryName: String? = nil
    /// Tick labels; defaults to `format`.
    var axisFormat: ((Double) -> String)? = nil

    static let positive = Colour.blue
    static let negative = Colour.orange
    static let secondaryPositive = Colour.skyBlue

    func draw(in r: Rect, on pdf: PDFDocument) {
        let anyNegative = (values + (secondary ?? [])).contains { $0 < 0 }
        let legend: [LegendEntry] = secondary == nil ? [] : [
            LegendEntry(name: primaryName ?? "Primary", colour: Self.positive, key: .swatch),
            LegendEntry(name: secondaryName ?? "Secondary", colour: Self.secondaryPositive, key: .swatch),
        ] + (anyNegative ? [LegendEntry(name: "Negative", colour: Self.negative, key: .swatch)] : [])
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let n = labels.count
        guard n > 0 else { return }
        let all = (values + (secondary ?? [])).finiteValues
        let axisLH = pdf.lineHeight(.axis)
        let valueStyle = TextStyle.small
        let labelColumn = min((labels.map { pdf.measure($0, .small) }.max() ?? 0) + 8, area.width * 0.3)

        let plotWidth0 = area.width - labelColumn
        let fmt = axisFormat ?? format
        // As many ticks as their labels allow, so the bars use the width.
        var maxTicks = 8
        var scale = NiceScale.readable(minimum: all.min() ?? 0, maximum: all.max() ?? 0, maxTicks: maxTicks, includeZero: true,
                                   format: fmt)
        while maxTicks > 2 {
            let widest = scale.ticks.map { pdf.measure(fmt($0), .axis) }.max() ?? 0
            if (widest + 10) * Double(scale.ticks.count) <= plotWidth0 { break }
            maxTicks -= 1
            scale = NiceScale.readable(minimum: all.min() ?? 0, maximum: all.max() ?? 0, maxTicks: maxTicks, includeZero: true,
                                   format: fmt)
        }
        let tickHalf = (scale.ticks.map { pdf.measure(fmt($0), .axis) }.max() ?? 0) / 2
        // Room beyond the nice range for an end-of-bar value, and for the outer tick labels.
        let valueRoom = (all.map { pdf.measure(format($0), valueStyle) }.max() ?? 0) + 6
        let padLeft = max(tickHalf, scale.lower < 0 ? valueRoom * 0.5 : 0)
        let padRight = max(tickHalf, valueRoom * 0.5)
        let plot = Rect(x: area.x + labelColumn + padLeft, y: area.y,
                        width: area.width - labelColumn - padLeft - padRight, height: area.height - axisLH - 4)
        guard plot.width > 20, plot.height > 10 else { return }

        func x(_ v: Double) -> Double { plot.x + scale.fraction(v) * plot.width }
        for t in scale.ticks {
            pdf.line(Point(x(t), plot.y), Point(x(t), plot.maxY), .grid, width: 0.5)
            pdf.text(fmt(t), x: x(t), baseline: plot.maxY + 4 + pdf.capHeight(.axis), .axis, align: .center)
        }
        let row = plot.height / Double(n)
        let lh = pdf.lineHeight(valueStyle)
        let pairs = secondary != nil
        let thickness = min(row * (pairs ? 0.38 : 0.62), pairs ? 12 : 18)
        for i in 0..<n {
            let rowTop = plot.y + Double(i) * row
            // A label too wide for its column wraps onto a second line when the row has room, before shrinking.
            let labelRect = Rect(x: area.x, y: rowTop, width: labelColumn - 8, height: row)
            let lines = pdf.wrapLines(labels[i], width: labelRect.width, .small)
            if pdf.measure(labels[i], .small) > labelRect.width, lines.count == 2, row >= 2.2 * lh,
               lines.allSatisfy({ pdf.measure($0, .small) <= labelRect.width }) {
                pdf.wrappedText(labels[i], in: Rect(x: labelRect.x, y: rowTop + row / 2 - lh, width: labelRect.width,
                                                    height: 2 * lh), .small, align: .right)
            } else {
                pdf.fittedText(labels[i], in: labelRect, .small, align: .right)
            }
            var bars: [(Double, Bool)] = [(i < values.count ? values[i] : .nan, false)]
            if let secondary { bars.append((i < secondary.count ? secondary[i] : .nan, true)) }
            let blockTop = rowTop + (row - thickness * Double(bars.count) - (pairs ? 1 : 0)) / 2
            for (j, (v, isSecondary)) in bars.enumerated() where v.isFinite {
                let y = blockTop + Double(j) * (thickness + 1)
                let x0 = x(0), x1 = x(v)
                let bar = Rect(x: min(x0, x1), y: y, width: abs(x1 - x0), height: thickness)
                if v >= 0 {
                    pdf.fill(bar, isSecondary ? Self.secondaryPositive : Self.positive)
                } else if isSecondary {
                    pdf.fill(bar, Self.negative.tint(0.55))
                    pdf.hatch(bar, Self.negative)
                } else {
                    pdf.fill(bar, Self.negative)
                }
                drawValue(format(v), bar: bar, negative: v < 0, plot: plot, area: area, lh: lh, on: pdf)
            }
        }
        pdf.line(Point(x(0), plot.y), Point(x(0), plot.maxY), .ink, width: 0.8)
    }

    /// Outside the bar end when there is room, else inside in white, else
    /// whatever fits outside; never across the plot edge or the label column.
    private func drawValue(_ s: String, bar: Rect, negative: Bool, plot: Rect, area: Rect, lh: Double,
                           on pdf: PDFDocument) {
        let st = TextStyle.small
        let w = pdf.measure(s, st)
        let y = bar.midY - lh / 2
        if negative {
            let room = bar.x - 3 - (plot.x - 2)
            if w <= room || w + 4 > bar.width {
                pdf.fittedText(s, in: Rect(x: bar.x - 3 - min(w, max(room, 0)), y: y, width: min(w, max(room, 0)) + 0.5,
                                           height: lh), st, align: .right)
            } else {
                pdf.fittedText(s, in: Rect(x: bar.x + 3, y: y, width: bar.width - 6, height: lh),
                               st.with(colour: .ink), align: .left)
            }
        } else {
            let room = area.maxX - bar.maxX - 3
            if w <= room || w + 4 > bar.width {
                pdf.fittedText(s, in: Rect(x: bar.maxX + 3, y: y, width: max(0, room), height: lh), st)
            } else {
                pdf.fittedText(s, in: Rect(x: bar.x + 3, y: y, width: bar.width - 6, height: lh),
                               st.with(colour: .white), align: .right)
            }
        }
    }
}
