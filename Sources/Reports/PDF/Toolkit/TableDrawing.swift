/// One table cell. Pass and breach carry a symbol as well as a colour, so a
/// result reads correctly in greyscale and for colour-blind readers.
struct TableCell: Sendable {
    enum Style: Sendable { case normal, bold, pass, caution, breach, muted }

    var text: String
    var style: Style = .normal
}

struct TableColumn: Sendable {
    var header: String
    /// Share of the table width, relative to the other columns' weights.
    var weight: Double
    var align: TextAlign
    /// Cells in DejaVu Sans Mono (digests, codes).
    var monospace = false
}

/// A table that always fits its box: header in bold over a rule, zebra rows,
/// every cell fitted (shrunk, then "…"). Rows that do not fit are dropped and
/// counted in a closing "… n more rows" line rather than spilling off the page.
struct TableDrawing {
    var columns: [TableColumn]
    var rows: [[TableCell]]
    var style: TextStyle = .body

    static let padding = 4.0

    @discardableResult
    func draw(in r: Rect, on pdf: PDFDocument) -> Double {
        guard !columns.isEmpty, r.width > 0 else { return 0 }
        let widths = columnWidths(r.width, on: pdf)
        var xs: [Double] = []
        var x = r.x
        for w in widths { xs.append(x); x += w }
        let rowHeight = pdf.lineHeight(style) + 2 * Self.padding - 1
        let headerStyle = style.with(bold: true)
        guard rowHeight <= r.height else { return 0 }

        func cellRect(_ c: Int, _ y: Double) -> Rect {
            Rect(x: xs[c] + Self.padding, y: y, width: widths[c] - 2 * Self.padding, height: rowHeight)
        }
        for (c, col) in columns.enumerated() {
            pdf.fittedText(col.header, in: cellRect(c, r.y), headerStyle, align: col.align)
        }
        var y = r.y + rowHeight
        pdf.line(Point(r.x, y), Point(r.maxX, y), .ink, width: 0.8)

        let capacity = Int(((r.maxY - y) / rowHeight + 0.001).rounded(.down))
        let shown = rows.count <= capacity ? rows.count : max(0, capacity - 1)
        for (i, row) in rows.prefix(shown).enumerated() {
            if i % 2 == 1 { pdf.fill(Rect(x: r.x, y: y, width: r.width, height: rowHeight), .zebra) }
            for (c, col) in columns.enumerated() where c < row.count {
                let (text, st) = styled(row[c])
                pdf.fittedText(text, in: cellRect(c, y), col.monospace ? st.with(monospace: true) : st, align: col.align)
            }
            y += rowHeight
        }
        if shown < rows.count {
            let more = rows.count - shown
            pdf.fittedText("… \(more) more row\(more == 1 ? "" : "s")", in: cellRect(0, y).with(width: r.width - 2 * Self.padding),
                           style.with(colour: .muted))
            y += rowHeight
        }
        pdf.line(Point(r.x, y), Point(r.maxX, y), .grid, width: 0.5)
        return y - r.y
    }

    /// Widths from the content: each column gets what its widest cell (or header)
    /// needs, and the room left over is shared by weight; when the content does not
    /// fit, every column gives up the same share, so no one column's text shrinks alone.
    func columnWidths(_ total: Double, on pdf: PDFDocument) -> [Double] {
        let weights = columns.map { max(0, $0.weight.isFinite ? $0.weight : 0) }
        let totalWeight = weights.reduce(0, +)
        let natural = columns.indices.map { c -> Double in
            let header = pdf.measure(columns[c].header, style.with(bold: true))
            let cells = rows.compactMap { row -> Double? in
                guard c < row.count else { return nil }
                let (text, st) = styled(row[c])
                return pdf.measure(text, columns[c].monospace ? st.with(monospace: true) : st)
            }
            return max(header, cells.max() ?? 0) + 2 * Self.padding + 1
        }
        let needed = natural.reduce(0, +)
        guard needed > 0 else {
            return weights.map { totalWeight > 0 ? total * $0 / totalWeight : total / Double(columns.count) }
        }
        if needed <= total {
            let extra = total - needed
            return natural.indices.map { natural[$0] + (totalWeight > 0 ? extra * weights[$0] / totalWeight
                                                                         : extra / Double(columns.count)) }
        }
        return natural.map { total * $0 / needed }
    }

    private func styled(_ cell: TableCell) -> (String, TextStyle) {
        switch cell.style {
        case .normal: return (cell.text, style)
        case .bold: return (cell.text, style.with(bold: true))
        case .muted: return (cell.text, style.with(colour: .muted))
        case .pass: return ("✓ " + cell.text, style.with(colour: .pass))
        case .caution: return ("! " + cell.text, style.with(bold: true, colour: .caution))
        case .breach: return ("✗ " + cell.text, style.with(bold: true, colour: .breach))
        }
    }
}

extension Rect {
    func with(width: Double) -> Rect { Rect(x: x, y: y, width: width, height: height) }
}
