/// A filled template as a long CSV (`templates/<id>.csv` beside the workbook): one line per
/// cell with the regulator's row and column codes, the value, its unit, whether it is a
/// value, a formula, not produced or unavailable, and where it comes from (the results.json
/// path or formula, or the reason). Numbers in their shortest exact form, so equal runs give
/// equal bytes and a reader recovers every bit.
public enum TemplateCSV {
    public static let header = ["template", "version", "block", "row", "row_label", "column", "column_label", "value",
                                "unit", "status", "source"]

    public static func render(_ f: FilledTemplate, currency: String) -> String {
        var out = header.joined(separator: ",") + "\n"
        let t = f.definition
        for b in f.blocks {
            for (r, row) in b.rows.enumerated() {
                for (c, column) in b.columns.enumerated() {
                    let cell = b.cells[r][c]
                    let value = cell.number.map(number) ?? ""
                    let source: String
                    switch cell.content {
                    case let .notProduced(reason), let .unavailable(reason): source = reason
                    case .value, .formula: source = cell.source
                    }
                    let fields = [t.code, t.version, b.label, row.code, row.label, column.code, column.label, value,
                                  unit(row.kind(in: column), currency: currency), cell.status, source]
                    out += fields.map(quoted).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    public static func unit(_ kind: TemplateDefinition.Kind, currency: String) -> String {
        switch kind {
        case .amount: return currency
        case .percent: return "fraction"
        case .count: return "count"
        case .years: return "years"
        case .number, .text: return ""
        }
    }

    /// Shortest round-trip text of a double; integers without a decimal point.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A CSV field, quoted only where RFC 4180 needs it (a separator, quote or line break).
    public static func quoted(_ s: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.utf8.contains(where: {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }) else { return s }
        return "\"" + s.replacingLiteral("\"", with: "\"\"") + "\""
    }
}
