/// One legend item: a key drawn exactly as the data is, then its name.
struct LegendEntry: Sendable {
    enum Key: Sendable {
        case line(dash: LineDash, marker: Int?, width: Double)
        case swatch
        case hatched
        /// A marker alone (points with no line through them).
        case marker(Int)
    }

    var name: String
    var colour: Colour
    var key: Key
}

/// A legend under the plot, items flowing left to right and wrapping to new
/// rows; every width is measured so items never collide.
enum Legend {
    static let keyWidth = 20.0
    static let keyGap = 4.0
    static let itemGap = 14.0
    static var style: TextStyle { .small }

    /// Item frames (relative to a row start) grouped in rows for `width`.
    static func layout(_ entries: [LegendEntry], width: Double, on pdf: PDFDocument)
        -> [[(entry: LegendEntry, x: Double, textWidth: Double)]] {
        var rows: [[(entry: LegendEntry, x: Double, textWidth: Double)]] = [[]]
        var x = 0.0
        let maxText = max(0, width - keyWidth - keyGap)
        for e in entries {
            let tw = min(pdf.measure(e.name, style), maxText)
            let w = keyWidth + keyGap + tw
            if x > 0, x + w > width {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((e, x, tw))
            x += w + itemGap
        }
        return rows.filter { !$0.isEmpty }
    }

    static func height(_ entries: [LegendEntry], width: Double, on pdf: PDFDocument) -> Double {
        guard !entries.isEmpty else { return 0 }
        return Double(layout(entries, width: width, on: pdf).count) * (pdf.lineHeight(style) + 2)
    }

    static func draw(_ entries: [LegendEntry], in r: Rect, on pdf: PDFDocument) {
        let lh = pdf.lineHeight(style) + 2
        for (i, row) in layout(entries, width: r.width, on: pdf).enumerated() {
            let y = r.y + Double(i) * lh
            guard y + lh <= r.maxY + 0.5 else { break }
            let midY = y + lh / 2
            for item in row {
                let x = r.x + item.x
                drawKey(item.entry, x: x, midY: midY, on: pdf)
                pdf.fittedText(item.entry.name,
                               in: Rect(x: x + keyWidth + keyGap, y: y, width: item.textWidth + 0.5, height: lh),
                               style)
            }
        }
    }

    static func drawKey(_ e: LegendEntry, x: Double, midY: Double, on pdf: PDFDocument) {
        switch e.key {
        case let .line(dash, marker, width):
            pdf.line(Point(x, midY), Point(x + keyWidth, midY), e.colour, width: width, dash: dash)
            if let marker { pdf.marker(Point(x + keyWidth / 2, midY), index: marker, e.colour) }
        case let .marker(index):
            pdf.marker(Point(x + keyWidth / 2, midY), index: index, e.colour)
        case .swatch:
            pdf.fill(Rect(x: x + 4, y: midY - 4.5, width: keyWidth - 8, height: 9), e.colour)
        case .hatched:
            let box = Rect(x: x + 4, y: midY - 4.5, width: keyWidth - 8, height: 9)
            pdf.fill(box, e.colour.tint(0.6))
            pdf.hatch(box, e.colour)
            pdf.stroke(box, e.colour, width: 0.6)
        }
    }
}
