import Foundation
import RegulatoryTemplates
import StressCore

/// Loads a supervisory template definition (`templates/regulatory/<id>.yaml`; the format is
/// in docs/INTERFACES.md, "Regulatory templates"). Every expression is parsed here, so a
/// mistyped cell is an error at its line, not a blank in a submission.
public enum RegulatoryTemplateFile {
    static let topKeys = ["id", "code", "title", "regulator", "source", "version", "sheet", "notes", "facts", "blocks",
                          "split", "rows", "columns", "cells", "checks"]
    static let rowKeys = ["code", "label", "level", "filter", "params", "value", "not_produced", "each", "order", "group",
                          "kind"]
    static let columnKeys = ["code", "label", "kind", "filter", "params", "value", "not_produced", "each"]

    public static func load(path: String) throws(InputError) -> TemplateDefinition {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    /// Every definition in a directory, by file name.
    public static func loadAll(directory: String) throws(InputError) -> [TemplateDefinition] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw InputError(file: directory, message: "cannot list the regulatory templates: \(error.localizedDescription)")
        }
        var out: [TemplateDefinition] = []
        for name in names {
            let t = try load(path: directory + "/" + name)
            if out.contains(where: { $0.id == t.id }) {
                throw InputError(file: directory + "/" + name, key: "id", message: "template id '\(t.id)' is used twice")
            }
            out.append(t)
        }
        return out
    }

    public static func parse(text: String, file: String) throws(InputError) -> TemplateDefinition {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a template with keys id, code, title, rows, columns")
        }
        let top = try root.mapping(accepting: topKeys)
        let idValue = try top.required("id")
        let id = try idValue.text()
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw idValue.error("expected an id of letters, digits, '-' and '_', found '\(id)'")
        }
        let sheetValue = try top.required("sheet")
        let sheet = try sheetValue.text()
        if let bad = sheet.first(where: { "[]:*?/\\".contains($0) }) { throw sheetValue.error("a sheet name cannot contain '\(bad)'") }
        guard sheet.count <= 31 else { throw sheetValue.error("expected a sheet name of at most 31 characters, found \(sheet.count)") }
        var notes: [String] = []
        if let list = top.optional("notes") { for item in try list.sequence() { notes.append(try item.text()) } }
        let facts = try top.optional("facts").map { v throws(InputError) -> String in
            let p = try v.text()
            guard p.hasPrefix("/") else { throw v.error("expected a results.json path starting with '/', found '\(p)'") }
            return p
        }

        var rows: [TemplateDefinition.Row] = []
        let rowsValue = try top.required("rows")
        for item in try rowsValue.sequence() {
            let r = try row(item)
            guard !rows.contains(where: { $0.code == r.code }) else { throw item.error("row code '\(r.code)' is used twice") }
            rows.append(r)
        }
        guard !rows.isEmpty else { throw rowsValue.error("expected at least one row") }
        var columns: [TemplateDefinition.Column] = []
        let columnsValue = try top.required("columns")
        for item in try columnsValue.sequence() {
            let c = try column(item)
            guard !columns.contains(where: { $0.code == c.code }) else { throw item.error("column code '\(c.code)' is used twice") }
            columns.append(c)
        }
        guard !columns.isEmpty else { throw columnsValue.error("expected at least one column") }

        var cells: [TemplateDefinition.CellOverride] = []
        if let list = top.optional("cells") {
            for item in try list.sequence() {
                let m = try item.mapping(accepting: ["row", "column", "value", "not_produced"])
                let rowValue = try m.required("row"), columnValue = try m.required("column")
                let r = try rowValue.text(), c = try columnValue.text()
                guard rows.contains(where: { $0.code == r }) else { throw rowValue.error("no row '\(r)' in the template") }
                guard columns.contains(where: { $0.code == c }) else { throw columnValue.error("no column '\(c)' in the template") }
                let value = try m.optional("value").map { v throws(InputError) in try expression(v) }
                let reason = try m.optional("not_produced").map { v throws(InputError) in try v.text() }
                guard (value == nil) != (reason == nil) else { throw item.error("expected either value or not_produced") }
                cells.append(.init(row: r, column: c, value: value, notProduced: reason))
            }
        }
        var checks: [TemplateDefinition.Check] = []
        if let list = top.optional("checks") {
            for item in try list.sequence() {
                let m = try item.mapping(accepting: ["id", "description", "check", "columns", "blocks", "tolerance", "when"])
                let checkValue = try m.required("check")
                let text = try checkValue.text()
                do throws(ExpressionError) {
                    _ = try ExpressionParser.parseCheck(placeholdersAsZero(text))
                } catch {
                    throw checkValue.error(error.message)
                }
                var onColumns: [String] = []
                if let cs = m.optional("columns") {
                    for c in try cs.sequence() {
                        let code = try c.text()
                        guard code == "all" || columns.contains(where: { $0.code == code || $0.eachPeriod }) else {
                            throw c.error("no column '\(code)' in the template")
                        }
                        onColumns.append(code)
                    }
                }
                let tolerance = try m.optional("tolerance").map { v throws(InputError) -> Double in
                    let x = try v.number("relative tolerance, e.g. 1e-9")
                    guard x >= 0, x < 1 else { throw v.error("expected a relative tolerance in [0, 1), found \(x)") }
                    return x
                } ?? 1e-9
                checks.append(.init(id: try m.required("id").text(), description: try m.required("description").text(),
                                    check: text, columns: onColumns,
                                    blocks: try m.optional("blocks").map { v throws(InputError) in try v.text() } ?? "all",
                                    tolerance: tolerance,
                                    when: try m.optional("when").map { v throws(InputError) in try v.text() }))
            }
        }
        let blockSpec = try blocks(top.optional("blocks"), hasFacts: facts != nil)
        var split: TemplateDefinition.Split? = nil
        if let value = top.optional("split") {
            guard case .scenarios = blockSpec else { throw value.error("'split' applies to blocks over scenarios") }
            let m = try value.mapping(accepting: ["path", "total", "label"])
            func path(_ key: String) throws(InputError) -> String {
                let v = try m.required(key)
                let p = try v.text()
                guard p.hasPrefix("/") else { throw v.error("expected a results.json path starting with '/', found '\(p)'") }
                return p
            }
            split = .init(path: try path("path"), total: try path("total"),
                          label: try m.optional("label").map { v throws(InputError) in try v.text() } ?? "Total")
        }
        return TemplateDefinition(
            id: id, code: try top.required("code").text(), title: try top.required("title").text(),
            regulator: try top.required("regulator").text(), source: try top.required("source").text(),
            version: try top.required("version").text(), sheet: sheet, notes: notes, facts: facts,
            blocks: blockSpec, split: split, rows: rows, columns: columns,
            cells: cells, checks: checks)
    }

    static func blocks(_ value: YAMLValue?, hasFacts: Bool) throws(InputError) -> TemplateDefinition.Blocks {
        guard let value else { return .single }
        let m = try value.mapping(accepting: ["each", "total", "frameworks", "severities", "scenarios"])
        let eachValue = try m.required("each")
        let each = try eachValue.text()
        if each == "scenario" {
            var frameworks: [String] = []
            if let list = m.optional("frameworks") {
                for item in try list.sequence() { frameworks.append(try item.choice(Framework.self, "framework").rawValue) }
            }
            var severities: [String] = []
            if let list = m.optional("severities") {
                for item in try list.sequence() { severities.append(try item.choice(Severity.self, "severity").rawValue) }
            }
            var ids: [String] = []
            if let list = m.optional("scenarios") { for item in try list.sequence() { ids.append(try item.text()) } }
            return .scenarios(frameworks: frameworks, severities: severities, ids: ids)
        }
        guard hasFacts else {
            throw eachValue.error("blocks over '\(each)' need a 'facts' path; expected 'scenario', or a fact field with facts")
        }
        return .factValues(field: each, total: try m.optional("total").map { v throws(InputError) in try v.text() })
    }

    static func row(_ item: YAMLValue) throws(InputError) -> TemplateDefinition.Row {
        let m = try item.mapping(accepting: rowKeys)
        let level = try m.optional("level").map { v throws(InputError) -> Int in
            let x = try v.number("indent level 0-4")
            guard x == x.rounded(), (0...4).contains(x) else { throw v.error("expected an indent level 0-4, found \(x)") }
            return Int(x)
        } ?? 0
        let each = try m.optional("each").map { v throws(InputError) in try v.text() }
        var orderByFirstColumn = false
        if let order = m.optional("order") {
            guard try order.text() == "first_column" else { throw order.error("expected 'first_column'") }
            guard each != nil else { throw order.error("'order' applies to rows with 'each'") }
            orderByFirstColumn = true
        }
        let code = try m.required("code").text()
        if each != nil, !code.contains("{value}") {
            throw try m.required("code").error("a row repeated with 'each' needs {value} in its code, found '\(code)'")
        }
        return .init(code: code, label: try m.required("label").text(), level: level,
                     filters: try filters(m.optional("filter")), params: try params(m.optional("params")),
                     value: try m.optional("value").map { v throws(InputError) in try expression(v) },
                     notProduced: try m.optional("not_produced").map { v throws(InputError) in try v.text() },
                     eachFactValue: each, orderByFirstColumn: orderByFirstColumn,
                     group: try m.optional("group").map { v throws(InputError) in try v.text() },
                     kind: try m.optional("kind").map { v throws(InputError) in try v.choice(TemplateDefinition.Kind.self, "kind") })
    }

    static func column(_ item: YAMLValue) throws(InputError) -> TemplateDefinition.Column {
        let m = try item.mapping(accepting: columnKeys)
        let kind = try m.optional("kind").map { v throws(InputError) in try v.choice(TemplateDefinition.Kind.self, "kind") }
            ?? .amount
        var eachPeriod = false
        if let each = m.optional("each") {
            guard try each.text() == "period" else { throw each.error("expected 'period': columns repeat per period") }
            eachPeriod = true
        }
        return .init(code: try m.required("code").text(), label: try m.required("label").text(), kind: kind,
                     filters: try filters(m.optional("filter")), params: try params(m.optional("params")),
                     value: try m.optional("value").map { v throws(InputError) in try expression(v) },
                     notProduced: try m.optional("not_produced").map { v throws(InputError) in try v.text() },
                     eachPeriod: eachPeriod)
    }

    static func filters(_ value: YAMLValue?) throws(InputError) -> [String: String] {
        guard let value else { return [:] }
        var out: [String: String] = [:]
        for e in try value.namedEntries() { out[e.key] = try e.value.text() }
        return out
    }

    static func params(_ value: YAMLValue?) throws(InputError) -> [String: [String]] {
        guard let value else { return [:] }
        var out: [String: [String]] = [:]
        for e in try value.namedEntries() {
            if let items = try? e.value.sequence() {
                var list: [String] = []
                for item in items { list.append(try item.text()) }
                out[e.key] = list
            } else {
                out[e.key] = [try e.value.text()]
            }
        }
        return out
    }

    /// An expression, checked by parsing it with its placeholders as 0.
    static func expression(_ v: YAMLValue) throws(InputError) -> String {
        let text = try v.text()
        do throws(ExpressionError) {
            _ = try ExpressionParser.parse(placeholdersAsZero(text))
        } catch {
            throw v.error(error.message)
        }
        return text
    }

    static func placeholdersAsZero(_ text: String) -> String {
        // Inside a path a placeholder is part of the path's text; elsewhere it stands for a value.
        // A placeholder that starts a path (`{scope}/ead`) stands for a path.
        var out = ""
        var inPlaceholder = false
        let chars = Array(text)
        for (k, ch) in chars.enumerated() {
            if ch == "{" { inPlaceholder = true; continue }
            if ch == "}" && inPlaceholder {
                inPlaceholder = false
                let startsPath = k + 1 < chars.count && chars[k + 1] == "/" && !(out.last.map { $0.isLetter || $0 == "/" || $0 == "_" || $0 == "=" || $0 == "[" } ?? false)
                out += startsPath ? "/p" : "0"
                continue
            }
            if !inPlaceholder { out.append(ch) }
        }
        return out
    }
}
