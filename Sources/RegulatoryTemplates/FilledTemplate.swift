/// A template filled from a run: per block, every cell's value and where it came from, and
/// the outcome of every check.
public struct FilledTemplate: Sendable {
    public var definition: TemplateDefinition
    public var blocks: [Block]
    public var checks: [CheckOutcome]

    public struct Block: Sendable {
        /// "Total", an exposure class, a scenario id.
        public var label: String
        public var bindings: [String: [String]]
        public var rows: [Line]
        public var columns: [Line]
        /// [row][column]
        public var cells: [[Cell]]
    }

    /// A row or column as laid out in this block (patterns expanded).
    public struct Line: Sendable, Equatable {
        public var code: String
        public var label: String
        public var level: Int
        public var kind: TemplateDefinition.Kind
        /// The group of a repeated row.
        public var group: String?
        /// A column's placeholders (`period`, `index`, its params), for the checks run in it.
        public var bindings: [String: [String]] = [:]

        /// How a cell of this row in `column` is shown: the row's kind where it sets one.
        public func kind(in column: Line) -> TemplateDefinition.Kind { kind == .text ? column.kind : kind }
    }

    public struct Cell: Sendable {
        public var content: Content
        /// The expression that fills it, placeholders bound (for `templates show` and the CSV).
        public var source: String

        public enum Content: Sendable {
            case value(Double)
            /// A formula over the template's own cells, with its value.
            case formula(TemplateExpression, Double)
            /// The template asks for it and StressPack does not produce it (the reason).
            case notProduced(String)
            /// It should be filled but the run lacks the figure (the reason).
            case unavailable(String)
        }

        public var number: Double? {
            switch content {
            case let .value(x), let .formula(_, x): return x
            case .notProduced, .unavailable: return nil
            }
        }

        public var status: String {
            switch content {
            case .value: return "value"
            case .formula: return "formula"
            case .notProduced: return "not_produced"
            case .unavailable: return "unavailable"
            }
        }
    }

    public struct CheckOutcome: Sendable, Equatable {
        public var id: String
        public var description: String
        public var block: String
        public var column: String?
        public var lhs: Double
        public var rhs: Double
        public var passed: Bool
        /// Why it could not be evaluated (then it has not passed).
        public var error: String?
    }

    public var failedChecks: [CheckOutcome] { checks.filter { !$0.passed } }

    /// Cells that should be filled and are not, with where: block, row, column and reason.
    public var unavailableCells: [(block: String, row: String, column: String, reason: String)] {
        var out: [(String, String, String, String)] = []
        for b in blocks {
            for (r, row) in b.rows.enumerated() {
                for (c, column) in b.columns.enumerated() {
                    if case let .unavailable(reason) = b.cells[r][c].content { out.append((b.label, row.code, column.code, reason)) }
                }
            }
        }
        return out
    }

    /// Columns (or single cells) not produced, with the reason: each reason once.
    public var notProduced: [(cells: String, reason: String)] {
        var seen: [String: [String]] = [:]
        var order: [String] = []
        for b in blocks.prefix(1) {
            for (r, row) in b.rows.enumerated() {
                for (c, column) in b.columns.enumerated() {
                    guard case let .notProduced(reason) = b.cells[r][c].content else { continue }
                    if seen[reason] == nil { order.append(reason) }
                    let allRows = b.rows.indices.allSatisfy {
                        if case .notProduced = b.cells[$0][c].content { return true } else { return false }
                    }
                    let name = allRows ? "column \(column.code)" : "row \(row.code) column \(column.code)"
                    if !(seen[reason]?.contains(name) ?? false) { seen[reason, default: []].append(name) }
                }
            }
        }
        return order.map { (seen[$0]!.joined(separator: ", "), $0) }
    }
}
