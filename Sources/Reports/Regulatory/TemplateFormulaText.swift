import RegulatoryTemplates

/// A template formula (`row(0010) - col(0030)`, `sum_rows(0140, 0280)`) in spreadsheet
/// syntax, once the block's rows and columns have their sheet positions.
enum TemplateFormulaText {
    struct Placement {
        /// Sheet row of each row code, sheet column of each column code (0-based).
        var rows: [String: Int]
        var columns: [String: Int]
        var row: Int
        var column: Int
    }

    static func text(_ e: TemplateExpression, _ p: Placement) -> String? {
        guard let body = expression(e, p) else { return nil }
        return "=" + body
    }

    private static func expression(_ e: TemplateExpression, _ p: Placement) -> String? {
        func ref(_ r: Int?, _ c: Int?) -> String? {
            guard let r, let c else { return nil }
            return A1.cell(r, c)
        }
        switch e {
        case let .number(x): return FormulaText.number(x)
        case let .row(code): return ref(p.rows[code], p.column)
        case let .column(code): return ref(p.row, p.columns[code])
        case let .cell(r, c): return ref(p.rows[r], p.columns[c])
        case let .sumRows(from, to):
            guard let a = p.rows[from], let b = p.rows[to] else { return nil }
            return "SUM(\(A1.cell(a, p.column)):\(A1.cell(b, p.column)))"
        case let .negate(x): return expression(x, p).map { "-(\($0))" }
        case let .binary(op, a, b):
            guard let x = expression(a, p), let y = expression(b, p) else { return nil }
            return "(\(x)\(op.rawValue)\(y))"
        case let .call("ratio", args) where args.count == 2:
            guard let x = expression(args[0], p), let y = expression(args[1], p) else { return nil }
            return "IF(\(y)=0,0,\(x)/\(y))"
        case let .call("abs", args) where args.count == 1:
            return expression(args[0], p).map { "ABS(\($0))" }
        case .path, .fact, .sumGroup, .call: return nil
        }
    }
}
