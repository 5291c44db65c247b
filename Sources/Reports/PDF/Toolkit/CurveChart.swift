/// Curves on the unit square, both axes shares from 0% to 100%: ROC and CAP curves of a
/// rating model. The diagonal (a random model) is drawn dashed; an optional second
/// reference (the perfect model of a CAP) dotted. Axis titles say what each share is.
struct CurveChart {
    var title: String?
    var xTitle: String
    var yTitle: String
    var curves: [PlotSeries.Points]
    var references: [PlotSeries.Points] = []

    func draw(in r: Rect, on pdf: PDFDocument) {
        let looks = curves.indices.map { (colour: Palette.lineColour($0), dash: Palette.dash($0)) }
        let legend = zip(curves, looks).map { LegendEntry(name: $0.name, colour: $1.colour, key: .line(dash: $1.dash, marker: nil, width: 1.8)) }
            + references.enumerated().map { LegendEntry(name: $1.name, colour: .threshold,
                                                        key: .line(dash: $0 == 0 ? .dashed : .dotted, marker: nil, width: 1)) }
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let axisLH = pdf.lineHeight(.axis)
        let ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        let labelWidth = pdf.measure("100%", .axis) + ValueAxis.labelGap
        let side = min(area.width - axisLH - 4 - labelWidth - 8, area.height - 2 * axisLH - 8 - axisLH / 2)
        guard side > 40 else { return }
        let plot = Rect(x: area.x + axisLH + 4 + labelWidth, y: area.y + axisLH / 2, width: side, height: side)
        func point(_ x: Double, _ y: Double) -> Point { Point(plot.x + x * plot.width, plot.maxY - y * plot.height) }
        for t in ticks {
            let label = NumberFormat.percent(t, decimals: 0)
            pdf.line(point(t, 0), point(t, 1), .grid, width: 0.5)
            pdf.line(point(0, t), point(1, t), .grid, width: 0.5)
            pdf.text(label, x: point(t, 0).x, baseline: plot.maxY + 4 + pdf.capHeight(.axis), .axis, align: .center)
            pdf.text(label, x: plot.x - ValueAxis.labelGap, baseline: point(0, t).y + pdf.capHeight(.axis) / 2, .axis,
                     align: .right)
        }
        pdf.stroke(plot, .ink, width: 0.7)
        pdf.fittedText(xTitle, in: Rect(x: plot.x, y: plot.maxY + 4 + axisLH, width: plot.width, height: axisLH), .axis,
                       align: .center)
        pdf.verticalText(yTitle, centre: Point(area.x + axisLH / 2, plot.midY), .axis, maxLength: plot.height)
        for (i, reference) in references.enumerated() {
            pdf.polyline(reference.points.map { point($0.x, $0.y) }, .threshold, width: 1, dash: i == 0 ? .dashed : .dotted)
        }
        for (curve, look) in zip(curves, looks) {
            pdf.polyline(curve.points.map { point($0.x, $0.y) }, look.colour, width: 1.8, dash: look.dash)
        }
    }
}

extension PlotSeries {
    /// A named curve of (x, y) points, both in 0…1.
    struct Points: Sendable {
        var name: String
        var points: [(x: Double, y: Double)]
    }
}
