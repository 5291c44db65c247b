/// A value of an expression: a number or a series (a path to an array, a per-period figure).
public enum TemplateValue: Sendable, Equatable {
    case scalar(Double)
    case vector([Double])

    var elements: [Double] {
        switch self {
        case let .scalar(x): return [x]
        case let .vector(v): return v
        }
    }
}

/// What an expression is evaluated against: results.json, the bindings of its block, row and
/// column, the template's fact rows with the cell's filters, and the template's own cells.
struct EvaluationContext {
    var tree: ResultValue
    /// Placeholder → values; several values expand a path and sum the results.
    var bindings: [String: [String]]
    var facts: [ResultValue]
    var factFilters: [String: String]
    /// The value of the cell (row, column) of the current block; throws when it has none.
    var cell: (_ row: String, _ column: String) throws(ExpressionError) -> Double
    /// Row codes from `from` to `to` in layout order.
    var rowRange: (_ from: String, _ to: String) throws(ExpressionError) -> [String]
    /// Row codes a repeated row's group expanded into.
    var group: (_ name: String) throws(ExpressionError) -> [String]
    var currentRow: String
    var currentColumn: String
    /// Placeholders that name members a run may lack (a row's asset classes): a path expands
    /// over their values and an absent member counts nothing.
    var params: Set<String> = []
}

enum ExpressionEvaluator {
    static func evaluate(_ e: TemplateExpression, _ c: EvaluationContext) throws(ExpressionError) -> TemplateValue {
        switch e {
        case let .number(x): return .scalar(x)
        case let .path(p): return try path(p, c)
        case let .fact(measure, filters):
            var wanted = c.factFilters
            for f in filters { wanted[f.key] = substitute(f.value, c.bindings) }
            var total = 0.0
            var matched = false
            for row in c.facts where FactFilter.matches(row, wanted) {
                guard let v = row[measure] else { throw ExpressionError(message: "fact rows have no measure '\(measure)'") }
                guard case let .number(x) = v else { throw ExpressionError(message: "fact measure '\(measure)' is not a number") }
                total += x
                matched = true
            }
            if !matched, c.facts.first.map({ $0[measure] == nil }) ?? false {
                throw ExpressionError(message: "fact rows have no measure '\(measure)'")
            }
            return .scalar(total)
        case let .row(r): return .scalar(try c.cell(r, c.currentColumn))
        case let .column(col): return .scalar(try c.cell(c.currentRow, col))
        case let .cell(r, col): return .scalar(try c.cell(r, col))
        case let .sumRows(from, to):
            var total = 0.0
            for r in try c.rowRange(from, to) { total += try c.cell(r, c.currentColumn) }
            return .scalar(total)
        case let .sumGroup(name):
            var total = 0.0
            for r in try c.group(name) { total += try c.cell(r, c.currentColumn) }
            return .scalar(total)
        case let .negate(x): return map(try evaluate(x, c)) { -$0 }
        case let .binary(op, a, b):
            let x = try evaluate(a, c), y = try evaluate(b, c)
            return try combine(x, y) { u, v in
                switch op {
                case .add: return u + v
                case .subtract: return u - v
                case .multiply: return u * v
                case .divide: return u / v
                }
            }
        case let .call(name, args):
            let values = try args.map { (a) throws(ExpressionError) -> TemplateValue in try evaluate(a, c) }
            let v = values[0].elements
            switch name {
            case "sum": return .scalar(v.reduce(0, +))
            case "first":
                guard let x = v.first else { throw ExpressionError(message: "first of an empty series") }
                return .scalar(x)
            case "last":
                guard let x = v.last else { throw ExpressionError(message: "last of an empty series") }
                return .scalar(x)
            case "min":
                guard let x = v.min() else { throw ExpressionError(message: "min of an empty series") }
                return .scalar(x)
            case "max":
                guard let x = v.max() else { throw ExpressionError(message: "max of an empty series") }
                return .scalar(x)
            case "mean":
                guard !v.isEmpty else { throw ExpressionError(message: "mean of an empty series") }
                return .scalar(v.reduce(0, +) / Double(v.count))
            case "count": return .scalar(Double(v.count))
            case "rest":
                if case .scalar = values[0] { return values[0] }
                return .vector(Array(v.dropFirst()))
            case "take":
                if case .scalar = values[0] { return values[0] }
                guard case let .scalar(k) = values[1], k == k.rounded(), k >= 0, Int(k) <= v.count else {
                    throw ExpressionError(message: "take: \(values[1].elements) values of a series of \(v.count)")
                }
                return .vector(Array(v.prefix(Int(k))))
            case "abs": return map(values[0]) { Swift.abs($0) }
            case "at":
                // A number is the same in every period (a sum over no positions is 0 throughout).
                if case let .scalar(x) = values[0] { return .scalar(x) }
                guard case let .scalar(k) = values[1], k == k.rounded(), Int(k) >= 0, Int(k) < v.count else {
                    throw ExpressionError(message: "at: index \(values[1].elements) outside a series of \(v.count)")
                }
                return .scalar(v[Int(k)])
            case "ratio":
                return try combine(values[0], values[1]) { u, w in w == 0 ? 0 : u / w }
            default: throw ExpressionError(message: "unknown function \(name)")
            }
        }
    }

    static func map(_ v: TemplateValue, _ f: (Double) -> Double) -> TemplateValue {
        switch v {
        case let .scalar(x): return .scalar(f(x))
        case let .vector(xs): return .vector(xs.map(f))
        }
    }

    static func combine(_ a: TemplateValue, _ b: TemplateValue,
                        _ f: (Double, Double) -> Double) throws(ExpressionError) -> TemplateValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(f(x, y))
        case let (.vector(xs), .scalar(y)): return .vector(xs.map { f($0, y) })
        case let (.scalar(x), .vector(ys)): return .vector(ys.map { f(x, $0) })
        case let (.vector(xs), .vector(ys)):
            guard xs.count == ys.count else {
                throw ExpressionError(message: "series of \(xs.count) and \(ys.count) values do not line up")
            }
            return .vector(zip(xs, ys).map(f))
        }
    }

    /// `{name}` replaced by its single bound value.
    static func substitute(_ text: String, _ bindings: [String: [String]]) -> String {
        guard text.containsASCII("{") else { return text }
        var out = text
        for (name, values) in bindings.sorted(by: { $0.key < $1.key }) where values.count == 1 {
            out = out.replacingLiteral("{\(name)}", with: values[0])
        }
        return out
    }

    /// A path, its placeholders bound; a placeholder bound to several values expands the
    /// path once per value and sums what is there (an absent member counts nothing, but the
    /// path up to it must exist, so a misspelt path is an error, not a zero).
    static func path(_ raw: String, _ c: EvaluationContext) throws(ExpressionError) -> TemplateValue {
        let p = substitute(raw, c.bindings.filter { !c.params.contains($0.key) })
        // Searched on the bytes: a Character search runs grapheme breaking over the whole path.
        guard let open = p.utf8.firstIndex(of: UInt8(ascii: "{")),
              let close = p.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else {
            switch c.tree.resolve(p) {
            case let .success(v): return try value(v, path: p)
            case let .failure(e): throw ExpressionError(message: e.description)
            }
        }
        let name = String(p[p.utf8.index(after: open)..<close])
        guard let values = c.bindings[name] else { throw ExpressionError(message: "\(raw): nothing is bound to {\(name)}") }
        // The path up to the segment holding the placeholder must exist (a selector such as
        // `by_product[product={products}]` holds it inside the segment).
        let prefix = p[..<open]
        let parent = prefix.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(prefix[..<$0]) } ?? ""
        if !parent.isEmpty, case let .failure(e) = c.tree.resolve(parent) { throw ExpressionError(message: e.description) }
        var total: TemplateValue? = nil
        for v in values {
            var one = c
            one.bindings[name] = [v]
            let expanded = p.replacingLiteral("{\(name)}", with: v)
            let item: TemplateValue
            do {
                item = try path(expanded, one)
            } catch {
                if expanded.containsASCII("{") { throw error }
                continue
            }
            total = try total.map { (t) throws(ExpressionError) -> TemplateValue in try combine(t, item, +) } ?? item
        }
        return total ?? .scalar(0)
    }

    static func value(_ v: ResultValue, path: String) throws(ExpressionError) -> TemplateValue {
        guard let numbers = v.numbers else { throw ExpressionError(message: "\(path) is not a number or a series of numbers") }
        return v.isArray ? .vector(numbers) : .scalar(numbers[0])
    }
}

/// Fact rows matching filters; a filter value `a|b` matches either.
enum FactFilter {
    static func matches(_ row: ResultValue, _ filters: [String: String]) -> Bool {
        filters.allSatisfy { key, wanted in
            guard let v = row[key]?.selectorText else { return false }
            return wanted.containsASCII("|") ? wanted.split(separator: "|").contains { $0 == v } : v == wanted
        }
    }
}
