/// The anatomy every chart shares: optional title strip on top, legend strip
/// at the bottom (only when there is something to tell apart), and the rest
/// for axes and plot. Drawing the chrome first means the plot is sized to
/// what is actually left.
enum ChartFrame {
    static let titleGap = 6.0
    static let legendGap = 8.0

    /// Draws title and legend inside `r`; returns the area left for axes and plot.
    static func carve(_ r: Rect, title: String?, legend: [LegendEntry], on pdf: PDFDocument) -> Rect {
        var rest = r
        if let title, !title.isEmpty {
            let lh = pdf.lineHeight(.heading)
            let (top, below) = rest.splitTop(lh + titleGap)
            pdf.fittedText(title, in: Rect(x: top.x, y: top.y, width: top.width, height: lh), .heading)
            rest = below
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
    static func maxTicks(forHeight height: Double, on pdf: PDFDocument, preferred: Int = 6) -> Int {
        let spacing = pdf.lineHeight(.axis) * 2.2
        return max(2, min(preferred, Int(height / spacing) + 1))
    }
}
