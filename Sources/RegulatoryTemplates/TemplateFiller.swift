import Foundation

/// Fills a template from a run's results.json: pure, so the same results give the same
/// template, and `templates show` can refill a stored run.
public enum TemplateFiller {
    public static func fill(_ t: TemplateDefinition, results tree: ResultValue) -> FilledTemplate {
        var facts: [ResultValue] = []
        if let path = t.facts, case let .success(.array(rows)) = tree.resolve(path) { facts = rows }
        var blocks: [FilledTemplate.Block] = []
        var checks: [FilledTemplate.CheckOutcome] = []
        // `{basis}`: the framework whose rules the fact rows follow (regulatory_facts.basis).
        let basis = tree["regulatory_facts"]?["basis"]?["framework"]?.selectorText
        for var spec in blockSpecs(t, tree: tree, facts: facts) {
            if let basis { spec.bindings["basis"] = [basis] }
            let block = fillBlock(t, spec, tree: tree, facts: facts)
            checks += runChecks(t, block, spec, tree: tree, facts: facts, first: blocks.isEmpty)
            blocks.append(block)
        }
        return FilledTemplate(definition: t, blocks: blocks, checks: checks)
    }

    struct BlockSpec {
        var label: String
        var bindings: [String: [String]]
        var filters: [String: String]
        var periods: [String]
    }

    static func blockSpecs(_ t: TemplateDefinition, tree: ResultValue, facts: [ResultValue]) -> [BlockSpec] {
        switch t.blocks {
        case .single:
            return [BlockSpec(label: t.code, bindings: [:], filters: [:], periods: [])]
        case let .factValues(field, total):
            var values: [String] = []
            for row in facts { if let v = row[field]?.selectorText, !values.contains(v) { values.append(v) } }
            var specs = total.map { [BlockSpec(label: $0, bindings: ["block": [$0]], filters: [:], periods: [])] } ?? []
            specs += values.map { BlockSpec(label: $0, bindings: ["block": [$0]], filters: [field: $0], periods: []) }
            return specs
        case let .scenarios(frameworks, severities, ids):
            guard case let .array(scenarios)? = tree["scenarios"] else { return [] }
            return scenarios.compactMap { s -> [BlockSpec]? in
                guard let id = s["id"]?.selectorText, let framework = s["framework"]?.selectorText,
                      frameworks.isEmpty || frameworks.contains(framework) else { return nil }
                let severity = s["severity"]?.selectorText ?? ""
                guard severities.isEmpty || severities.contains(severity) else { return nil }
                guard ids.isEmpty || ids.contains(where: { $0.hasSuffix("*") ? id.hasPrefix($0.dropLast()) : id == $0 }) else {
                    return nil
                }
                // The projection's periods (a Fed scenario file runs past the nine quarters the
                // engines project), else the scenario file's.
                var periods: [String] = []
                for source in [s["capital"]?["periods"], s["periods"]] {
                    if case let .array(p)? = source { periods = p.compactMap(\.selectorText); break }
                }
                let whole = BlockSpec(label: id, bindings: ["scenario": [id], "framework": [framework], "severity": [severity],
                                                            "block": [id]],
                                      filters: [:], periods: periods)
                guard let split = t.split else { return [whole] }
                // The whole scenario, then one block per member of the split (per country, by key).
                var specs: [BlockSpec] = []
                var total = whole
                total.bindings["scope"] = [ExpressionEvaluator.substitute(split.total, whole.bindings)]
                total.bindings["geography"] = [split.label]
                specs.append(total)
                let path = ExpressionEvaluator.substitute(split.path, whole.bindings)
                if case let .success(.object(members)) = tree.resolve(path) {
                    for key in members.keys.sorted() {
                        var one = whole
                        one.label = "\(id) · \(key)"
                        one.bindings["block"] = [one.label]
                        one.bindings["scope"] = [path + "/" + key]
                        one.bindings["geography"] = [key]
                        specs.append(one)
                    }
                }
                return specs
            }.flatMap { $0 }
        }
    }

    struct ExpandedRow {
        var line: FilledTemplate.Line
        var spec: TemplateDefinition.Row
        var bindings: [String: [String]]
        var filters: [String: String]
        var group: Int
    }

    struct ExpandedColumn {
        var line: FilledTemplate.Line
        var spec: TemplateDefinition.Column
        var bindings: [String: [String]]
    }

    static func expandRows(_ t: TemplateDefinition, _ b: BlockSpec, facts: [ResultValue]) -> [ExpandedRow] {
        var out: [ExpandedRow] = []
        for (g, r) in t.rows.enumerated() {
            let filters = r.filters.mapValues { ExpressionEvaluator.substitute($0, b.bindings) }
            guard let field = r.eachFactValue else {
                out.append(ExpandedRow(line: .init(code: r.code, label: r.label, level: r.level, kind: r.kind ?? .text, group: r.group), spec: r,
                                       bindings: r.params.merging(["row": [r.code]]) { a, _ in a },
                                       filters: filters, group: g))
                continue
            }
            var values: [String] = []
            let scope = b.filters.merging(filters) { a, _ in a }
            for row in facts where FactFilter.matches(row, scope) {
                if let v = row[field]?.selectorText, !values.contains(v) { values.append(v) }
            }
            for v in values.sorted() {
                let code = r.code.replacingLiteral("{value}", with: v)
                out.append(ExpandedRow(
                    line: .init(code: code, label: r.label.replacingLiteral("{value}", with: v), level: r.level,
                                kind: r.kind ?? .text, group: r.group),
                    spec: r, bindings: r.params.merging(["row": [code], "value": [v]]) { a, _ in a },
                    filters: filters.merging([field: v]) { _, b in b }, group: g))
            }
        }
        return out
    }

    static func expandColumns(_ t: TemplateDefinition, _ b: BlockSpec) -> [ExpandedColumn] {
        var out: [ExpandedColumn] = []
        for c in t.columns {
            guard c.eachPeriod else {
                let bindings = c.params.merging(["column": [c.code]]) { a, _ in a }
                out.append(ExpandedColumn(line: .init(code: c.code, label: c.label, level: 0, kind: c.kind, group: nil,
                                                      bindings: bindings),
                                          spec: c, bindings: bindings))
                continue
            }
            for (k, period) in b.periods.enumerated() {
                func bind(_ s: String) -> String {
                    s.replacingLiteral("{period}", with: period).replacingLiteral("{index}", with: "\(k)")
                }
                let code = bind(c.code)
                let bindings = c.params.merging(["column": [code], "period": [period], "index": ["\(k)"]]) { a, _ in a }
                out.append(ExpandedColumn(
                    line: .init(code: code, label: bind(c.label), level: 0, kind: c.kind, group: nil, bindings: bindings),
                    spec: c, bindings: bindings))
            }
        }
        return out
    }

    /// A block's cells: each evaluated once, on demand (formulas refer to other cells).
    final class BlockEvaluator {
        let t: TemplateDefinition
        let spec: BlockSpec
        let tree: ResultValue
        let facts: [ResultValue]
        var rows: [ExpandedRow]
        let columns: [ExpandedColumn]
        var rowIndex: [String: Int] = [:]
        var columnIndex: [String: Int] = [:]
        var cells: [[FilledTemplate.Cell?]]
        var evaluating: Set<Int> = []
        var overrides: [String: TemplateDefinition.CellOverride] = [:]
        var groups: [String: [String]] = [:]

        init(_ t: TemplateDefinition, _ spec: BlockSpec, tree: ResultValue, facts: [ResultValue]) {
            self.t = t
            self.spec = spec
            self.tree = tree
            self.facts = facts
            rows = TemplateFiller.expandRows(t, spec, facts: facts)
            columns = TemplateFiller.expandColumns(t, spec)
            for (k, r) in rows.enumerated() {
                rowIndex[r.line.code] = k
                if let g = r.spec.group { groups[g, default: []].append(r.line.code) }
            }
            for (k, c) in columns.enumerated() { columnIndex[c.line.code] = k }
            cells = Array(repeating: Array(repeating: nil, count: columns.count), count: rows.count)
            for o in t.cells { overrides[o.row + "\u{1}" + o.column] = o }
        }

        func context(row r: Int, column c: Int) -> EvaluationContext {
            var bindings = spec.bindings
            for (k, v) in rows[r].bindings { bindings[k] = v }
            for (k, v) in columns[c].bindings { bindings[k] = v }
            var filters = spec.filters
            for (k, v) in rows[r].filters { filters[k] = v }
            for (k, v) in columns[c].spec.filters { filters[k] = ExpressionEvaluator.substitute(v, bindings) }
            return EvaluationContext(
                tree: tree, bindings: bindings, facts: facts, factFilters: filters,
                cell: { [unowned self] (row, column) throws(ExpressionError) -> Double in
                    guard let i = self.rowIndex[row] else { throw ExpressionError(message: "no row \(row)") }
                    guard let j = self.columnIndex[column] else { throw ExpressionError(message: "no column \(column)") }
                    let cell = self.cell(i, j)
                    guard let x = cell.number else {
                        throw ExpressionError(message: "cell (\(row), \(column)) has no value")
                    }
                    return x
                },
                rowRange: { [unowned self] (from, to) throws(ExpressionError) -> [String] in
                    guard let a = self.rowIndex[from], let b = self.rowIndex[to], a <= b else {
                        throw ExpressionError(message: "no rows \(from) to \(to)")
                    }
                    return self.rows[a...b].map(\.line.code)
                },
                group: { [unowned self] (name) throws(ExpressionError) -> [String] in
                    guard let codes = self.groups[name] else {
                        if self.t.rows.contains(where: { $0.group == name }) { return [] }
                        throw ExpressionError(message: "no row group \(name)")
                    }
                    return codes
                },
                currentRow: rows[r].line.code, currentColumn: columns[c].line.code)
        }

        func cell(_ r: Int, _ c: Int) -> FilledTemplate.Cell {
            if let known = cells[r][c] { return known }
            let key = r * columns.count + c
            guard !evaluating.contains(key) else {
                return .init(content: .unavailable("refers to itself"), source: "")
            }
            evaluating.insert(key)
            defer { evaluating.remove(key) }
            let row = rows[r], column = columns[c]
            let o = overrides[row.spec.code + "\u{1}" + column.spec.code]
            let result: FilledTemplate.Cell
            if let reason = o?.notProduced ?? (o?.value == nil ? row.spec.notProduced ?? column.spec.notProduced : nil) {
                result = .init(content: .notProduced(reason), source: "")
            } else if let text = o?.value ?? row.spec.value ?? column.spec.value {
                // A row's or column's params stay placeholders for the path to expand: a member
                // the run lacks (an asset class the bank does not hold) then counts nothing.
                let params = Set(row.spec.params.keys).union(column.spec.params.keys)
                var ctx = context(row: r, column: c)
                ctx.params = params
                let bound = ExpressionEvaluator.substitute(text, ctx.bindings.filter { !params.contains($0.key) })
                do throws(ExpressionError) {
                    let e = try ExpressionParser.parse(bound)
                    let v = try ExpressionEvaluator.evaluate(e, ctx)
                    guard case let .scalar(x) = v else {
                        throw ExpressionError(message: "a series of \(v.elements.count) values, not one number")
                    }
                    result = .init(content: e.isFormula && e.refersToCells ? .formula(e, x) : .value(x), source: bound)
                } catch {
                    result = .init(content: .unavailable(error.message), source: bound)
                }
            } else {
                result = .init(content: .notProduced("no source given"), source: "")
            }
            cells[r][c] = result
            return result
        }

        /// The codes each group's rows expanded into, from a filled block (rows keep their group's name).
        static func groupCodes(_ t: TemplateDefinition, _ block: FilledTemplate.Block) -> [String: [String]] {
            var out: [String: [String]] = [:]
            for r in t.rows { if let g = r.group { out[g] = [] } }
            for row in block.rows { if let g = row.group { out[g, default: []].append(row.code) } }
            return out
        }

        func block() -> FilledTemplate.Block {
            for r in rows.indices { for c in columns.indices { _ = cell(r, c) } }
            // Pattern rows ordered by their first column, where asked (best grade first).
            var order = Array(rows.indices)
            var k = 0
            while k < order.count {
                var end = k
                while end + 1 < order.count && rows[order[end + 1]].group == rows[order[k]].group { end += 1 }
                if rows[order[k]].spec.orderByFirstColumn && end > k && !columns.isEmpty {
                    let sorted = order[k...end].sorted {
                        let a = cells[$0][0]?.number ?? .infinity, b = cells[$1][0]?.number ?? .infinity
                        return a != b ? a < b : rows[$0].line.code < rows[$1].line.code
                    }
                    order.replaceSubrange(k...end, with: sorted)
                }
                k = end + 1
            }
            return FilledTemplate.Block(
                label: spec.label, bindings: spec.bindings, rows: order.map { rows[$0].line },
                columns: columns.map(\.line), cells: order.map { r in cells[r].map { $0! } })
        }
    }

    static func fillBlock(_ t: TemplateDefinition, _ spec: BlockSpec, tree: ResultValue,
                          facts: [ResultValue]) -> FilledTemplate.Block {
        BlockEvaluator(t, spec, tree: tree, facts: facts).block()
    }

    static func runChecks(_ t: TemplateDefinition, _ block: FilledTemplate.Block, _ spec: BlockSpec, tree: ResultValue,
                          facts: [ResultValue], first: Bool) -> [FilledTemplate.CheckOutcome] {
        var out: [FilledTemplate.CheckOutcome] = []
        let rowIndex = Dictionary(block.rows.enumerated().map { ($1.code, $0) }) { a, _ in a }
        let columnIndex = Dictionary(block.columns.enumerated().map { ($1.code, $0) }) { a, _ in a }
        let groupCodes = BlockEvaluator.groupCodes(t, block)
        for check in t.checks {
            if let when = check.when, case .failure = tree.resolve(ExpressionEvaluator.substitute(when, spec.bindings)) {
                continue
            }
            switch check.blocks {
            case "all": break
            case "total": if !first { continue }
            default: if check.blocks != block.label { continue }
            }
            // `all`: every column of the block; a column whose operands are not produced is skipped.
            // A pattern (`Prov Stock|{period}`) runs in each column it expanded into.
            let columns: [String?] = check.columns.isEmpty ? [nil]
                // `all`: every column of amounts or counts (ratios and averages do not add up).
                : check.columns == ["all"] ? block.columns.filter { $0.kind == .amount || $0.kind == .count }.map(\.code)
                : check.columns.flatMap { (c: String) -> [String] in
                    guard c.containsASCII("{") else { return [c] }
                    return block.columns.filter { ExpressionEvaluator.substitute(c, $0.bindings) == $0.code }.map(\.code)
                }
            for column in columns {
                var bindings = spec.bindings
                if let column, let j = columnIndex[column] {
                    for (k, v) in block.columns[j].bindings where k != "column" { bindings[k] = v }
                }
                let ctx = EvaluationContext(
                    tree: tree, bindings: bindings, facts: facts, factFilters: spec.filters,
                    cell: { (row, col) throws(ExpressionError) -> Double in
                        guard let i = rowIndex[row], let j = columnIndex[col] else {
                            throw ExpressionError(message: "no cell (\(row), \(col))")
                        }
                        if case .notProduced = block.cells[i][j].content {
                            throw ExpressionError(message: "cell (\(row), \(col)) is not produced", notApplicable: true)
                        }
                        guard let x = block.cells[i][j].number else {
                            throw ExpressionError(message: "cell (\(row), \(col)) has no value")
                        }
                        return x
                    },
                    rowRange: { (from, to) throws(ExpressionError) -> [String] in
                        guard let a = rowIndex[from], let b = rowIndex[to], a <= b else {
                            throw ExpressionError(message: "no rows \(from) to \(to)")
                        }
                        return block.rows[a...b].map(\.code)
                    },
                    group: { (name) throws(ExpressionError) -> [String] in
                        guard let codes = groupCodes[name] else { throw ExpressionError(message: "no row group \(name)") }
                        return codes
                    },
                    currentRow: "", currentColumn: column ?? "")
                var outcome = FilledTemplate.CheckOutcome(id: check.id, description: check.description, block: block.label,
                                                          column: column, lhs: .nan, rhs: .nan, passed: false, error: nil)
                do throws(ExpressionError) {
                    let parsed = try ExpressionParser.parseCheck(ExpressionEvaluator.substitute(check.check, bindings))
                    let l = try ExpressionEvaluator.evaluate(parsed.lhs, ctx), r = try ExpressionEvaluator.evaluate(parsed.rhs, ctx)
                    guard case let .scalar(a) = l, case let .scalar(b) = r else {
                        throw ExpressionError(message: "a check compares two numbers, not series")
                    }
                    outcome.lhs = a
                    outcome.rhs = b
                    let slack = check.tolerance * max(1, abs(a), abs(b))
                    switch parsed.relation {
                    case .equal: outcome.passed = abs(a - b) <= slack
                    case .atMost: outcome.passed = a <= b + slack
                    case .atLeast: outcome.passed = a >= b - slack
                    }
                } catch {
                    if error.notApplicable { continue }
                    outcome.error = error.message
                }
                out.append(outcome)
            }
        }
        return out
    }
}
