/// A model formula in spreadsheet syntax, once its table is placed:
/// `.sum(.column(5))` → `SUM(F8:F10)`. Relative references, so a reviewer reads
/// the formula as the rows it adds. Nil when a span is empty (no rows shown) or
/// falls outside its table: the writer then shows the cached value alone.
enum FormulaText {
    static func text(_ formula: Formula, in table: SheetLayout.TablePlacement) -> String? {
        guard let body = expression(formula, table, nested: false) else { return nil }
        return "=" + body
    }

    static func range(_ span: Span, _ t: SheetLayout.TablePlacement) -> String? {
        switch span {
        case let .column(column, rows):
            // A table without rows (a section left out of the inputs) has no span: 0...(-1) would trap.
            guard t.table.rowCount > 0, t.table.columns.indices.contains(column) else { return nil }
            let rows = rows ?? 0...(t.table.rowCount - 1)
            guard rows.lowerBound >= 0, rows.upperBound < t.table.rowCount else { return nil }
            return A1.range(t.dataRow(rows.lowerBound), column, t.dataRow(rows.upperBound), column)
        case let .row(row, columns):
            guard row >= 0, row < t.table.rowCount, columns.lowerBound >= 0,
                  columns.upperBound < t.table.columns.count else { return nil }
            return A1.range(t.dataRow(row), columns.lowerBound, t.dataRow(row), columns.upperBound)
        }
    }

    private static func expression(_ f: Formula, _ t: SheetLayout.TablePlacement, nested: Bool) -> String? {
        func binary(_ a: Formula, _ op: String, _ b: Formula) -> String? {
            guard let x = expression(a, t, nested: true), let y = expression(b, t, nested: true) else { return nil }
            return nested ? "(\(x)\(op)\(y))" : "\(x)\(op)\(y)"
        }
        switch f {
        case let .sum(span): return range(span, t).map { "SUM(\($0))" }
        case let .minimum(span): return range(span, t).map { "MIN(\($0))" }
        case let .maximum(span): return range(span, t).map { "MAX(\($0))" }
        case let .count(span): return range(span, t).map { "COUNT(\($0))" }
        case let .countText(span, text):
            return range(span, t).map { "COUNTIF(\($0),\(quoted(text)))" }
        case let .sumProduct(spans):
            let ranges = spans.compactMap { range($0, t) }
            guard ranges.count == spans.count, !ranges.isEmpty else { return nil }
            return "SUMPRODUCT(\(ranges.joined(separator: ",")))"
        case let .cell(reference):
            guard t.contains(reference) else { return nil }
            let (row, column) = t.position(reference)
            return A1.cell(row, column)
        case let .constant(x): return number(x)
        case let .add(a, b): return binary(a, "+", b)
        case let .subtract(a, b): return binary(a, "-", b)
        case let .multiply(a, b): return binary(a, "*", b)
        case let .divide(a, b): return binary(a, "/", b)
        case let .passFail(value, expected, tolerance):
            guard let v = expression(value, t, nested: true), let e = expression(expected, t, nested: true),
                  let tol = expression(tolerance, t, nested: false) else { return nil }
            return "IF(ABS(\(v)-\(e))<=\(tol),\"pass\",\"FAIL\")"
        }
    }

    /// Shortest text that reads back as the same double.
    static func number(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)".replacingOccurrences(of: "e", with: "E")
    }

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
