/// The anatomy every chart shares: optional title strip on top, legend strip
/// at the bottom (only when there is something to tell apart), and the rest
/// for axes and plot. Drawing the chrome first means the plot is sized to
/// what is actually left.
enum ChartFrame {
    static let titleGap = 6.0
    static let legendGap = 8.0

    /// A chart-style heading over anything else (a table, a note), so it lines
    /// up with the chart titles beside it; returns the rect below it.
    @discardableResult
    static func drawTitle(_ title: String, in r: Rect, on pdf: PDFDocument) -> Rect {
        let lh = pdf.lineHeight(.heading)
        let (top, below) = r.splitTop(lh + titleGap)
        pdf.fittedText(title, in: Rect(x: top.x, y: top.y, width: top.width, height: lh), .heading)
        return below
    }

    /// Draws title and legend inside `r`; returns the area left for axes and plot.
    static func carve(_ r: Rect, title: String?, legend: [LegendEntry], on pdf: PDFDocument) -> Rect {
        var rest = r
        if let title, !title.isEmpty {
            rest = drawTitle(title, in: rest, on: pdf)
        }
        if !legend.isEmpty {
            let h = Legend.height(legend, width: rest.width, on: pdf)
            if h + legendGap < rest.height * 0.5 {
                let (bottom, above) = rest.splitBottom(h + legendGap)
                Legend.draw(legend, in: Rect(x: bottom.x, y: bottom.y + legendGap, width: bottom.width, height: h), on: pdf)
                rest = above
            }
        }
        return rest
    }

    /// How many ticks fit a vertical axis of `height` without labels touching.
    /// At least 26 pt between gridlines: enough to read values off, few enough to stay light.
    static func maxTicks(forHeight height: Double, on pdf: PDFDocument, preferred: Int = 8) -> Int {
        let spacing = max(pdf.lineHeight(.axis) * 2.4, 26)
        return max(2, min(preferred, Int(height / spacing) + 1))
    }
}
