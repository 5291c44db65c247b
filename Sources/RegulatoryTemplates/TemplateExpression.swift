/// The small language a template's cells and checks are written in (docs/INTERFACES.md,
/// "Regulatory templates"):
///
/// - a results.json path: `/scenarios[id={scenario}]/capital/cet1_ratio` (quote a path with
///   spaces: `"/…/by_segment/Retail mortgages/impairment"`); a series is a vector;
/// - `fact(measure)`: the sum of `measure` over the template's fact rows that match the
///   cell's filters (block, row, column), `fact(measure, key=value, …)` with more filters;
/// - references to the template's own cells, which become spreadsheet formulas:
///   `row(0010)` (same column), `col(0200)` (same row), `cell(0010, 0200)`,
///   `sum_rows(0140, 0280)` (same column, rows in layout order), `sum_group(grades)` (the
///   rows a repeated row of that group expanded into);
/// - numbers, `+ - * /`, parentheses and the functions `sum first last min max mean at count
///   abs ratio rest take`. `ratio(a, b)` is a / b, and 0 when b is 0; `rest(x)` drops a series'
///   first value (the jump-off of a stock series); `take(x, n)` keeps its first n (a nine-quarter
///   horizon of a longer path).
/// A check is two expressions joined by `=`, `<=` or `>=`.
public indirect enum TemplateExpression: Sendable, Equatable {
    case number(Double)
    case path(String)
    case fact(measure: String, filters: [Filter])
    case row(String)
    case column(String)
    case cell(row: String, column: String)
    case sumRows(from: String, to: String)
    /// Σ of the rows a repeated row (`each`) expanded into, in the same column.
    case sumGroup(String)
    case call(String, [TemplateExpression])
    case negate(TemplateExpression)
    case binary(Operator, TemplateExpression, TemplateExpression)

    public struct Filter: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public enum Operator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    public static let functions: Set<String> = ["sum", "first", "last", "min", "max", "mean", "at", "count", "abs", "ratio",
                                               "rest", "take"]

    /// Whether the expression reads only the template's own cells and numbers: it is then
    /// written to the workbook as a formula.
    public var isFormula: Bool {
        switch self {
        case .number: return true
        case .row, .column, .cell, .sumRows: return true
        case .path, .fact, .sumGroup: return false
        case let .call(name, args): return (name == "ratio" || name == "abs") && args.allSatisfy(\.isFormula)
        case let .negate(e): return e.isFormula
        case let .binary(_, a, b): return a.isFormula && b.isFormula
        }
    }

    /// Whether it refers to any of the template's cells.
    public var refersToCells: Bool {
        switch self {
        case .row, .column, .cell, .sumRows, .sumGroup: return true
        case .number, .path, .fact: return false
        case let .call(_, args): return args.contains(where: \.refersToCells)
        case let .negate(e): return e.refersToCells
        case let .binary(_, a, b): return a.refersToCells || b.refersToCells
        }
    }

    /// The results.json paths it reads.
    public var paths: [String] {
        switch self {
        case let .path(p): return [p]
        case .number, .fact, .row, .column, .cell, .sumRows, .sumGroup: return []
        case let .call(_, args): return args.flatMap(\.paths)
        case let .negate(e): return e.paths
        case let .binary(_, a, b): return a.paths + b.paths
        }
    }
}

/// A check: `lhs op rhs`.
public struct TemplateCheck: Sendable, Equatable {
    public enum Relation: String, Sendable { case equal = "=", atMost = "<=", atLeast = ">=" }
    public var lhs: TemplateExpression
    public var relation: Relation
    public var rhs: TemplateExpression
}

public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// A check reads a cell the template marks as not produced: the check does not apply there.
    public var notApplicable = false
    public var description: String { message }

    public init(message: String, notApplicable: Bool = false) {
        self.message = message
        self.notApplicable = notApplicable
    }
}

/// Recursive-descent parser of `TemplateExpression`.
public struct ExpressionParser {
    enum Token: Equatable {
        case number(String)
        case word(String)
        case path(String)
        case quoted(String)
        case symbol(String)
    }

    private var tokens: [Token]
    private var position = 0
    private let source: String

    public static func parse(_ text: String) throws(ExpressionError) -> TemplateExpression {
        var parser = try ExpressionParser(text)
        let e = try parser.expression()
        guard parser.position == parser.tokens.count else { throw parser.error("unexpected \(parser.describe(parser.tokens[parser.position]))") }
        return e
    }

    public static func parseCheck(_ text: String) throws(ExpressionError) -> TemplateCheck {
        var parser = try ExpressionParser(text)
        let lhs = try parser.expression()
        guard parser.position < parser.tokens.count, case let .symbol(s) = parser.tokens[parser.position],
              let relation = TemplateCheck.Relation(rawValue: s) else {
            throw parser.error("a check needs =, <= or >= between two expressions")
        }
        parser.position += 1
        let rhs = try parser.expression()
        guard parser.position == parser.tokens.count else { throw parser.error("unexpected \(parser.describe(parser.tokens[parser.position]))") }
        return TemplateCheck(lhs: lhs, relation: relation, rhs: rhs)
    }

    init(_ text: String) throws(ExpressionError) {
        source = text
        tokens = try Self.tokenize(text)
    }

    func error(_ message: String) -> ExpressionError { ExpressionError(message: "'\(source)': \(message)") }

    func describe(_ t: Token) -> String {
        switch t {
        case let .number(s), let .word(s), let .path(s), let .symbol(s): return "'\(s)'"
        case let .quoted(s): return "\"\(s)\""
        }
    }

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let chars = Array(text)
        var out: [Token] = []
        var i = 0
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "\"" {
                var j = i + 1
                var s = ""
                while j < chars.count && chars[j] != "\"" { s.append(chars[j]); j += 1 }
                guard j < chars.count else { throw ExpressionError(message: "'\(text)': unterminated quote") }
                out.append(s.hasPrefix("/") ? .path(s) : .quoted(s))
                i = j + 1
                continue
            }
            if c == "/" && (out.isEmpty || Self.expectsOperand(out.last!)) {
                // A path: up to whitespace, ',' or ')' outside brackets.
                var depth = 0
                var s = ""
                while i < chars.count {
                    let d = chars[i]
                    if d == "[" { depth += 1 }
                    if d == "]" { depth -= 1 }
                    if depth == 0 && (d.isWhitespace || d == "," || d == ")") { break }
                    s.append(d)
                    i += 1
                }
                out.append(.path(s))
                continue
            }
            if c.isNumber {
                var s = ""
                while i < chars.count && (chars[i].isNumber || chars[i] == "." || chars[i].isLetter
                                          || ((chars[i] == "-" || chars[i] == "+") && (s.last == "e" || s.last == "E"))) {
                    s.append(chars[i]); i += 1
                }
                out.append(Double(s) != nil ? .number(s) : .word(s))
                continue
            }
            if isWord(c) {
                var s = ""
                while i < chars.count && isWord(chars[i]) { s.append(chars[i]); i += 1 }
                out.append(.word(s))
                continue
            }
            if (c == "<" || c == ">") && i + 1 < chars.count && chars[i + 1] == "=" {
                out.append(.symbol(String([c, "="]))); i += 2; continue
            }
            if "+-*/(),=".contains(c) { out.append(.symbol(String(c))); i += 1; continue }
            throw ExpressionError(message: "'\(text)': unexpected character '\(c)'")
        }
        return out
    }

    /// After these tokens an operand comes next, so '/' starts a path rather than dividing.
    static func expectsOperand(_ t: Token) -> Bool {
        if case let .symbol(s) = t { return s != ")" }
        return false
    }

    mutating func expression() throws(ExpressionError) -> TemplateExpression {
        var lhs = try product()
        while let op = peekSymbol(["+", "-"]) {
            position += 1
            let rhs = try product()
            lhs = .binary(op == "+" ? .add : .subtract, lhs, rhs)
        }
        return lhs
    }

    mutating func product() throws(ExpressionError) -> TemplateExpression {
        var lhs = try unary()
        while let op = peekSymbol(["*", "/"]) {
            position += 1
            let rhs = try unary()
            lhs = .binary(op == "*" ? .multiply : .divide, lhs, rhs)
        }
        return lhs
    }

    mutating func unary() throws(ExpressionError) -> TemplateExpression {
        if peekSymbol(["-"]) != nil {
            position += 1
            return .negate(try unary())
        }
        return try primary()
    }

    func peekSymbol(_ options: [String]) -> String? {
        guard position < tokens.count, case let .symbol(s) = tokens[position], options.contains(s) else { return nil }
        return s
    }

    mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard peekSymbol([symbol]) != nil else {
            throw error(position < tokens.count ? "expected '\(symbol)', found \(describe(tokens[position]))"
                                                : "expected '\(symbol)' at the end")
        }
        position += 1
    }

    mutating func code() throws(ExpressionError) -> String {
        guard position < tokens.count else { throw error("expected a row or column code at the end") }
        switch tokens[position] {
        case let .number(s), let .word(s), let .quoted(s):
            position += 1
            return s
        default: throw error("expected a row or column code, found \(describe(tokens[position]))")
        }
    }

    mutating func primary() throws(ExpressionError) -> TemplateExpression {
        guard position < tokens.count else { throw error("expression ends too early") }
        let t = tokens[position]
        position += 1
        switch t {
        case let .number(s): return .number(Double(s)!)
        case let .path(p): return .path(p)
        case let .quoted(s): throw error("text \"\(s)\" is not a value")
        case .symbol("("):
            let e = try expression()
            try expect(")")
            return e
        case let .symbol(s): throw error("unexpected '\(s)'")
        case let .word(name):
            try expect("(")
            switch name {
            case "row": let c = try code(); try expect(")"); return .row(c)
            case "col": let c = try code(); try expect(")"); return .column(c)
            case "cell":
                let r = try code(); try expect(","); let c = try code(); try expect(")")
                return .cell(row: r, column: c)
            case "sum_rows":
                let a = try code(); try expect(","); let b = try code(); try expect(")")
                return .sumRows(from: a, to: b)
            case "sum_group":
                let g = try code(); try expect(")")
                return .sumGroup(g)
            case "fact":
                let measure = try code()
                var filters: [TemplateExpression.Filter] = []
                while peekSymbol([","]) != nil {
                    position += 1
                    let key = try code()
                    try expect("=")
                    filters.append(.init(key: key, value: try code()))
                }
                try expect(")")
                return .fact(measure: measure, filters: filters)
            default:
                guard TemplateExpression.functions.contains(name) else {
                    throw error("unknown function '\(name)'; expected one of row, col, cell, sum_rows, fact, "
                                + TemplateExpression.functions.sorted().joined(separator: ", "))
                }
                var args: [TemplateExpression] = []
                if peekSymbol([")"]) == nil {
                    args.append(try expression())
                    while peekSymbol([","]) != nil { position += 1; args.append(try expression()) }
                }
                try expect(")")
                let arity: [String: ClosedRange<Int>] = ["at": 2...2, "ratio": 2...2, "take": 2...2]
                guard (arity[name] ?? 1...1).contains(args.count) else {
                    throw error("\(name) takes \(arity[name].map { "\($0.lowerBound)" } ?? "1") argument(s), given \(args.count)")
                }
                return .call(name, args)
            }
        }
    }
}
