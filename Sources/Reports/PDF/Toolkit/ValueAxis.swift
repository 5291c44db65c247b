import Foundation

/// A vertical value axis: nice ticks as light gridlines across the plot,
/// labels right-aligned to the left of it, and the zero line in ink so the
/// sign of every bar reads at a glance.
struct ValueAxis {
    var scale: NiceScale
    var format: (Double) -> String
    /// One label per tick. If the caller's format prints two ticks the same
    /// (1e-7 as "0"), plain numbers with enough decimals are used instead:
    /// an axis whose labels repeat is worse than one without a unit.
    let labels: [String]

    static let labelGap = 5.0

    init(scale: NiceScale, format: @escaping (Double) -> String) {
        self.scale = scale
        self.format = format
        let formatted = scale.ticks.map(format)
        if Set(formatted).count == formatted.count {
            labels = formatted
        } else {
            let decimals = scale.step > 0 ? max(0, min(12, Int((-log10(scale.step)).rounded(.up)))) : 2
            labels = scale.ticks.map { NumberFormat.plain($0, decimals: decimals) }
        }
    }

    /// The axis for values in [minimum, maximum] with as many ticks as `height`
    /// allows, and the plot right of its labels in `area` from `top` down, leaving
    /// `rightMargin`; nil when the plot would be too narrow to draw.
    static func fitted(minimum: Double, maximum: Double, includeZero: Bool, format: @escaping (Double) -> String,
                       area: Rect, top: Double, height: Double, rightMargin: Double,
                       on pdf: PDFDocument) -> (axis: ValueAxis, plot: Rect)? {
        let scale = NiceScale.readable(minimum: minimum, maximum: maximum,
                                       maxTicks: ChartFrame.maxTicks(forHeight: height, on: pdf), includeZero: includeZero,
                                       format: format)
        let axis = ValueAxis(scale: scale, format: format)
        let left = axis.labelWidth(on: pdf) + labelGap
        let plot = Rect(x: area.x + left, y: area.y + top, width: area.width - left - rightMargin, height: height)
        return plot.width > 20 ? (axis, plot) : nil
    }

    func labelWidth(on pdf: PDFDocument) -> Double {
        labels.map { pdf.measure($0, .axis) }.max() ?? 0
    }

    func y(_ v: Double, in plot: Rect) -> Double {
        plot.maxY - scale.fraction(v) * plot.height
    }

    /// Gridlines and labels; call before drawing data so data sits on top.
    func drawGrid(in plot: Rect, on pdf: PDFDocument) {
        let cap = pdf.capHeight(.axis)
        for (t, label) in zip(scale.ticks, labels) {
            let y = y(t, in: plot)
            pdf.line(Point(plot.x, y), Point(plot.maxX, y), .grid, width: 0.5)
            pdf.text(label, x: plot.x - Self.labelGap, baseline: y + cap / 2, .axis, align: .right)
        }
    }

    /// The zero line, drawn after the data fills so it stays visible.
    func drawZero(in plot: Rect, on pdf: PDFDocument) {
        guard scale.lower < 0, scale.upper > 0 else {
            let y = scale.lower >= 0 ? plot.maxY : plot.y
            pdf.line(Point(plot.x, y), Point(plot.maxX, y), .ink, width: 0.7)
            return
        }
        let y = y(0, in: plot)
        pdf.line(Point(plot.x, y), Point(plot.maxX, y), .ink, width: 0.7)
    }
}

/// A horizontal category axis with one slot per category. Labels are centred
/// on their slot; when they do not fit they wrap to two lines, and when that
/// is not enough only every k-th label is shown — labels never overlap.
struct CategoryAxis {
    var labels: [String]
    static let gap = 4.0

    enum Mode: Equatable { case oneLine, twoLines, thinned }

    var count: Int { max(1, labels.count) }

    func slotWidth(_ plot: Rect) -> Double { plot.width / Double(count) }

    func centre(_ i: Int, in plot: Rect) -> Double { plot.x + (Double(i) + 0.5) * slotWidth(plot) }

    func mode(width: Double, on pdf: PDFDocument) -> Mode {
        let slot = width / Double(count) - Self.gap
        let widths = labels.map { pdf.measure($0, .axis) }
        if (widths.max() ?? 0) <= slot { return .oneLine }
        if slot >= 30, labels.allSatisfy({ label in
            let lines = pdf.wrapLines(label, width: slot, .axis)
            return lines.count <= 2 && lines.allSatisfy { pdf.measure($0, .axis) <= slot }
        }) { return .twoLines }
        return .thinned
    }

    func height(mode: Mode, on pdf: PDFDocument) -> Double {
        let lh = pdf.lineHeight(.axis)
        return Self.gap + (mode == .twoLines ? 2 * lh : lh)
    }

    /// `bounds` is how far left and right labels may reach: the chart's area,
    /// since the space under the value axis labels is free.
    func draw(below plot: Rect, mode: Mode, bounds: (lower: Double, upper: Double)? = nil, on pdf: PDFDocument) {
        let lowerBound = min(bounds?.lower ?? plot.x, plot.x), upperBound = max(bounds?.upper ?? plot.maxX, plot.maxX)
        let lh = pdf.lineHeight(.axis)
        let slot = slotWidth(plot)
        let top = plot.maxY + Self.gap
        switch mode {
        case .oneLine, .twoLines:
            for (i, label) in labels.enumerated() {
                let r = Rect(x: plot.x + Double(i) * slot + Self.gap / 2, y: top, width: slot - Self.gap,
                             height: mode == .twoLines ? 2 * lh : lh)
                if mode == .twoLines {
                    pdf.wrappedText(label, in: r, .axis, align: .center)
                } else {
                    pdf.fittedText(label, in: r, .axis, align: .center)
                }
            }
        case .thinned:
            let widest = labels.map { pdf.measure($0, .axis) }.max() ?? 0
            let k = max(1, Int(((widest + Self.gap) / max(slot, 0.01)).rounded(.up)))
            for i in stride(from: 0, to: labels.count, by: k) {
                let c = centre(i, in: plot)
                // Centred on its slot, never reaching past the bounds.
                let w = min(Double(k) * slot - Self.gap, 2 * (c - lowerBound), 2 * (upperBound - c))
                pdf.fittedText(labels[i], in: Rect(x: c - w / 2, y: top, width: w, height: lh), .axis, align: .center)
            }
        }
    }
}
