import Foundation

/// Per category (a rating grade): a confidence interval as a vertical whisker, the observed
/// value as a filled dot on it, and the predicted value as a diamond, on a log10 axis
/// so grades whose PDs span 0.03% to 30% each get the same room. A diamond outside its
/// whisker is a grade the test rejects; the legend says so.
struct IntervalChart {
    var title: String?
    var categories: [String]
    var lower: [Double]
    var upper: [Double]
    var observed: [Double]
    var predicted: [Double]
    var names: (interval: String, observed: String, predicted: String)

    func draw(in r: Rect, on pdf: PDFDocument) {
        let legend = [LegendEntry(name: names.interval, colour: .muted, key: .line(dash: .solid, marker: nil, width: 1.2)),
                      LegendEntry(name: names.observed, colour: .blue, key: .marker(0)),
                      LegendEntry(name: names.predicted, colour: .vermillion, key: .marker(3))]
        let area = ChartFrame.carve(r, title: title, legend: legend, on: pdf)
        let n = categories.count
        let values = (lower + upper + observed + predicted).filter { $0 > 0 && $0.isFinite }
        guard n > 0, let smallest = values.min(), let largest = values.max() else { return }
        // Decades from below the smallest positive value to above the largest; a zero observed
        // rate sits on the axis floor.
        let low = floor(log10(smallest)), high = max(ceil(log10(largest)), low + 1)
        let axisLH = pdf.lineHeight(.axis)
        let labels = stride(from: low, through: high, by: 1).map { (power: $0, text: Self.decade($0)) }
        let labelWidth = (labels.map { pdf.measure($0.text, .axis) }.max() ?? 0) + ValueAxis.labelGap
        let xAxis = CategoryAxis(labels: categories)
        let mode = xAxis.mode(width: area.width - labelWidth, on: pdf)
        let plot = Rect(x: area.x + labelWidth, y: area.y + axisLH / 2, width: area.width - labelWidth - 4,
                        height: area.height - axisLH / 2 - xAxis.height(mode: mode, on: pdf))
        guard plot.height > 30, plot.width > 30 else { return }
        func y(_ v: Double) -> Double {
            let t = v > 0 ? (log10(v) - low) / (high - low) : 0
            return plot.maxY - min(max(t, 0), 1) * plot.height
        }
        for l in labels {
            pdf.line(Point(plot.x, y(pow(10, l.power))), Point(plot.maxX, y(pow(10, l.power))), .grid, width: 0.5)
            pdf.text(l.text, x: plot.x - ValueAxis.labelGap, baseline: y(pow(10, l.power)) + pdf.capHeight(.axis) / 2, .axis,
                     align: .right)
        }
        pdf.line(Point(plot.x, plot.maxY), Point(plot.maxX, plot.maxY), .ink, width: 0.7)
        xAxis.draw(below: plot, mode: mode, bounds: (area.x, area.maxX), on: pdf)
        let cap = min(xAxis.slotWidth(plot) * 0.25, 6)
        for i in 0..<n {
            let x = xAxis.centre(i, in: plot)
            if i < lower.count, i < upper.count {
                let top = y(upper[i]), bottom = y(lower[i])
                pdf.line(Point(x, top), Point(x, bottom), .muted, width: 1.2)
                pdf.line(Point(x - cap, top), Point(x + cap, top), .muted, width: 1.2)
                pdf.line(Point(x - cap, bottom), Point(x + cap, bottom), .muted, width: 1.2)
            }
            if i < observed.count { pdf.marker(Point(x, y(observed[i])), index: 0, .blue) }
            if i < predicted.count { pdf.marker(Point(x, y(predicted[i])), index: 3, .vermillion) }
        }
    }

    /// 10^k as a percentage: 0.01%, 0.1%, 1%, 10%, 100%.
    static func decade(_ power: Double) -> String {
        let percent = pow(10, power + 2)
        return percent >= 1 ? String(format: "%.0f%%", percent) : String(format: "%.*f%%", Int(-log10(percent).rounded()), percent)
    }
}
