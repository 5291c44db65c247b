import StressCore
import Yams

/// A YAML node together with where it is: its key path from the document root
/// (`variables.gdp_growth[2]`) and its line and column (Yams' `Node.mark`), so that
/// every semantic error points at the offending text (STYLE habit 3).
struct YAMLValue {
    let node: Node
    /// Key path from the root; empty for the root itself.
    let path: String
    let file: String

    /// An error at this node, keyed by its path.
    func error(_ message: String) -> InputError {
        InputError(file: file, line: node.mark?.line, column: node.mark?.column,
                   key: path.isEmpty ? nil : path, message: message)
    }

    func child(_ key: String, _ node: Node) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? key : path + "." + key, file: file)
    }

    // MARK: - Shapes

    /// This node as a mapping whose keys must all be in `accepted`.
    func mapping(accepting accepted: [String]) throws(InputError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of keys to values, found \(kind)")
        }
        var entries: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode, !scalar.string.isEmpty else {
                throw YAMLValue(node: keyNode, path: path, file: file).error("expected a key of text, found \(YAMLValue(node: keyNode, path: path, file: file).kind)")
            }
            let key = scalar.string
            let value = child(key, valueNode)
            guard accepted.contains(key) else {
                throw YAMLValue(node: keyNode, path: value.path, file: file)
                    .error("unknown key; accepted keys: " + accepted.joined(separator: ", "))
            }
            entries.append(YAMLMapping.Entry(key: key, keyNode: keyNode, value: value))
        }
        return YAMLMapping(value: self, entries: entries)
    }

    /// This node as a mapping whose keys are names chosen by the file's author
    /// (variables, liquidity categories).
    func namedEntries() throws(InputError) -> [YAMLMapping.Entry] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of names to values, found \(kind)")
        }
        var entries: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode, !scalar.string.isEmpty else {
                throw YAMLValue(node: keyNode, path: path, file: file).error("expected a name, found \(YAMLValue(node: keyNode, path: path, file: file).kind)")
            }
            entries.append(YAMLMapping.Entry(key: scalar.string, keyNode: keyNode, value: child(scalar.string, valueNode)))
        }
        return entries
    }

    /// The items of a list, each with its index in the path.
    func sequence() throws(InputError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, found \(kind)")
        }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, path: path + "[\(index)]", file: file)
        }
    }

    // MARK: - Scalars

    /// Non-empty text. Plain numbers are accepted as their text (`periods: [2025]`).
    func text() throws(InputError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected a text value, found \(kind)")
        }
        guard !isNull, !scalar.string.trimmingASCIISpaces().isEmpty else {
            throw error("expected a text value, found nothing")
        }
        return scalar.string
    }

    /// A finite decimal number written without quotes; `_` may separate digits.
    /// `expected` names the kind of number for the message, e.g. "fraction, e.g. 0.05".
    func number(_ expected: String) throws(InputError) -> Double {
        guard case .scalar(let scalar) = node else {
            throw error("expected a number (\(expected)), found \(kind)")
        }
        if isNull { throw error("expected a number (\(expected)), found nothing") }
        guard scalar.style == .plain else {
            let quotedNumber: Bool
            if case .value = NumberParsing.parseYAML(scalar.string) { quotedNumber = true } else { quotedNumber = false }
            throw error("expected a number (\(expected)), found the quoted text '\(scalar.string)'"
                        + (quotedNumber ? "; write numbers without quotes" : ""))
        }
        switch NumberParsing.parseYAML(scalar.string) {
        case .value(let value): return value
        case .notFinite: throw error("expected a finite number, found '\(scalar.string)'")
        case .blank: throw error("expected a number (\(expected)), found nothing")
        case .notANumber: throw error("expected a number (\(expected)), found '\(scalar.string)'")
        }
    }

    /// `true` or `false`, unquoted.
    func flag() throws(InputError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            throw error("expected true or false, found \(kind)")
        }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw error("expected true or false, found '\(scalar.string)'")
        }
    }

    /// A number that must satisfy `rule`, described by `expected` in messages.
    func number(_ expected: String, rule: NumericRule) throws(InputError) -> Double {
        let value = try number(expected)
        guard rule.accepts(value) else { throw error("\(rule.expectation(for: value)), found \(sourceText)") }
        return value
    }

    /// A list of numbers; each item's error names its index.
    func numbers(_ expected: String, rule: NumericRule? = nil) throws(InputError) -> [Double] {
        var values: [Double] = []
        for item in try sequence() {
            if let rule {
                values.append(try item.number(expected, rule: rule))
            } else {
                values.append(try item.number(expected))
            }
        }
        return values
    }

    // MARK: - Descriptions

    /// A plain scalar meaning "no value": empty, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The value as written, for messages.
    var sourceText: String {
        if case .scalar(let scalar) = node { return scalar.string }
        return kind
    }

    /// "a list", "a mapping", "the value 'x'", "nothing".
    var kind: String {
        switch node {
        case .scalar(let scalar): return isNull ? "nothing" : "the value '\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The entries of a YAML mapping in file order, with lookup by key.
struct YAMLMapping {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: YAMLValue
    }

    let value: YAMLValue
    let entries: [Entry]

    func optional(_ key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The value of `key`; a missing key is reported at the mapping's position.
    func required(_ key: String) throws(InputError) -> YAMLValue {
        guard let found = optional(key) else {
            throw value.child(key, value.node).error("required key is missing")
        }
        return found
    }
}

extension YAMLValue {
    /// One of an enumeration's spellings; the message lists them all, e.g.
    /// "unknown framework 'pra'; expected one of eba, boe, ccar, rbi".
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ what: String) throws(InputError) -> T
    where T.RawValue == String {
        let name = try text()
        guard let value = T(rawValue: name) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown \(what) '\(name)'; expected one of \(names)")
        }
        return value
    }
}
