/// Column widths (in characters) and header row heights of a sheet, from what
/// its cells hold: layout only, no figure is computed.
struct ColumnWidths {
    static let minimum = 8.0, maximum = 66.0
    /// Field values longer than this overflow to the right instead of widening their column.
    static let fieldWidth = 30
    /// Longer headers wrap onto more lines rather than widen their column.
    static let headerWidth = 22
    /// Text with spaces (messages, references) wraps at this width; tokens
    /// without spaces (paths, SHA-256) widen their column up to `maximum`.
    static let proseWidth = 44
    /// Tables longer than this are not measured for wrapping, row by row.
    static let wrapRows = 5_000

    private(set) var widths: [Int: Double] = [:]

    init(_ sheet: ReportSheet) {
        for block in sheet.blocks {
            switch block {
            case .heading, .note: break
            case let .fields(fields):
                for f in fields {
                    widen(0, f.label.count)
                    widen(1, min(Self.width(f.value), Self.fieldWidth))
                }
            case let .links(links):
                for l in links {
                    widen(0, l.sheet.count)
                    widen(1, l.description.count)
                }
            case let .table(table):
                for (c, column) in table.columns.enumerated() {
                    widen(c, min(column.header.count, Self.headerWidth))
                    widen(c, Self.width(column, rows: table.rowCount))
                }
                for row in table.summaryRows {
                    for (c, cell) in row.cells.enumerated() {
                        switch cell {
                        // Labels above a long list overflow into the empty cells beside them.
                        case let .value(v): widen(c, min(Self.width(v), table.summaryAbove ? Self.fieldWidth / 2 : 44))
                        case let .formula(f): widen(c, Self.width(f.kind))
                        case .empty: break
                        }
                    }
                }
            }
        }
    }

    func width(_ column: Int) -> Double? { widths[column] }

    /// Characters across columns `0..<count`.
    func total(_ count: Int) -> Double { (0..<count).reduce(0) { $0 + (widths[$1] ?? Self.minimum) } }

    /// Lines a header needs in its column, for the row height.
    func lines(_ header: String, column: Int) -> Int {
        let w = max(1, Int(widths[column] ?? Self.minimum) - 1)
        return max(1, (header.count + w - 1) / w)
    }

    private mutating func widen(_ column: Int, _ characters: Int) {
        let w = min(max(Double(characters) + 2, Self.minimum), Self.maximum)
        widths[column] = max(widths[column] ?? 0, w)
    }

    static func width(_ kind: ValueKind) -> Int {
        switch kind {
        case .text: return 10
        case .amount: return 17
        case .percent: return 9
        case .basisPoints: return 10
        case .count: return 10
        case .date: return 10
        case let .number(decimals): return 6 + decimals
        case .multiple: return 7
        case .scientific: return 8
        }
    }

    static func width(_ value: CellValue) -> Int {
        switch value {
        case let .text(s): return s.count
        case let .number(_, kind): return width(kind)
        case .date: return 10
        case .blank: return 0
        }
    }

    /// Lines a text needs in a column: more than one only for prose (text with
    /// spaces) wider than the column, which is then wrapped.
    func lines(text: String, column: Int) -> Int {
        let w = max(1, Int(widths[column] ?? Self.minimum) - 1)
        let n = text.count
        guard n > w, text.contains(" ") else { return 1 }
        // Lines break between words, so a line holds about 90% of the width.
        return Int((Double(n) / (0.9 * Double(w))).rounded(.up))
    }

    /// The widest text of the first rows (ids and names are of similar length
    /// throughout; a million rows need not be measured); prose counts up to `proseWidth`.
    static func width(_ column: ReportColumn, rows: Int) -> Int {
        let sample = min(rows, 2_000)
        switch column.values {
        case .numbers: return width(column.kind)
        case let .texts(values):
            return values.prefix(sample).reduce(0) { max($0, $1.contains(" ") ? min($1.count, proseWidth) : $1.count) }
        case let .categories(_, levels): return levels.reduce(0) { max($0, $1.count) }
        case let .cells(values): return values.prefix(sample).reduce(0) { max($0, width($1)) }
        case let .formulas(values):
            return values.prefix(sample).reduce(0) { r, f in
                if case let .text(s) = f.cached { return max(r, s.count) }
                return max(r, width(f.kind))
            }
        }
    }
}
