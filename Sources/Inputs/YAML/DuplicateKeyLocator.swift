import StressCore
import Yams

/// Finds where a duplicated YAML key occurs again, and the key path of its mapping.
///
/// Yams 6 rejects a mapping with a repeated key but reports only the key's text and
/// the position of its first occurrence. The second occurrence is the next line at the
/// same indentation, within the same block, that starts with the same key (or the
/// same key later in a flow mapping on the first line); the parent keys are the lines
/// of smaller indentation above it. Keys inside lists of mappings are reported
/// without a parent path, as the path would need the item's index.
struct DuplicateKeyLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    func error(key: String, first: Mark, file: String) -> InputError {
        let path = (parentKeys(line: first.line, column: first.column) ?? []) + [key]
        let keyPath = path.joined(separator: ".")
        if let again = secondOccurrence(of: key, after: first) {
            let lines = again.line == first.line
                ? "twice on line \(first.line)" : "first on line \(first.line), again on line \(again.line)"
            return InputError(file: file, line: again.line, column: again.column, key: keyPath,
                              message: "duplicate key '\(key)' (\(lines))")
        }
        return InputError(file: file, line: first.line, column: first.column, key: keyPath,
                          message: "duplicate key '\(key)' (first on line \(first.line)); each key may appear once in a mapping")
    }

    // MARK: - Second occurrence

    private func secondOccurrence(of key: String, after first: Mark) -> (line: Int, column: Int)? {
        let indent = first.column - 1
        guard first.line >= 1, first.line <= lines.count else { return nil }
        // A flow mapping on the same line: `{model: linear, model: hpi}`.
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        if let column = flowKey(key, in: firstLine, from: indent + key.unicodeScalars.count) {
            return (first.line, column + 1)
        }
        var number = first.line + 1
        while number <= lines.count {
            let text = lines[number - 1]
            defer { number += 1 }
            guard let lineIndent = indentation(text) else { continue }
            if lineIndent < indent { return nil }
            if lineIndent == indent, leadingKey(text) == key {
                return (number, indent + 1)
            }
        }
        return nil
    }

    /// The column (0-based) of `key:` after `start` that follows `{` or `,`.
    private func flowKey(_ key: String, in line: [Unicode.Scalar], from start: Int) -> Int? {
        let target = Array(key.unicodeScalars)
        var i = max(start, 0)
        while i < line.count {
            if line[i] == "," || line[i] == "{" {
                var j = i + 1
                while j < line.count, line[j] == " " { j += 1 }
                if j + target.count < line.count, Array(line[j..<(j + target.count)]) == target {
                    var k = j + target.count
                    while k < line.count, line[k] == " " { k += 1 }
                    if k < line.count, line[k] == ":" { return j }
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Parent keys

    /// Keys of the enclosing block mappings, outermost first; nil when an enclosing
    /// node is a list item.
    private func parentKeys(line: Int, column: Int) -> [String]? {
        guard line >= 1, line <= lines.count else { return nil }
        var keys: [String] = []
        let text = lines[line - 1]
        guard var limit = indentation(text) else { return nil }
        let prefix = text.unicodeScalars.prefix(column - 1).dropFirst(limit)
        if !prefix.isEmpty {
            // The key is inside a flow mapping, or follows a list dash.
            if prefix.first == "-" { return nil }
            guard let parent = leadingKey(text) else { return nil }
            keys.append(parent)
        } else {
            limit = column - 1
        }
        var number = line - 1
        while number >= 1, limit > 0 {
            let above = lines[number - 1]
            number -= 1
            guard let aboveIndent = indentation(above), aboveIndent < limit else { continue }
            if above.dropFirst(aboveIndent).hasPrefix("-") { return nil }
            guard let parent = leadingKey(above) else { return nil }
            keys.insert(parent, at: 0)
            limit = aboveIndent
        }
        return keys
    }

    // MARK: - Line helpers

    /// Leading spaces, or nil for a blank or comment-only line.
    private func indentation(_ line: Substring) -> Int? {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        if rest.allSatisfy({ $0 == " " || $0 == "\t" }) || rest.hasPrefix("#") { return nil }
        return spaces
    }

    /// The key a block mapping line starts with (`  gdp_growth: [...]` → gdp_growth).
    private func leadingKey(_ line: Substring) -> String? {
        var rest = line.drop { $0 == " " }
        var quote: Character?
        if let first = rest.first, first == "\"" || first == "'" {
            quote = first
            rest = rest.dropFirst()
        }
        let isEnd: (Character) -> Bool = { character in
            if let quote { return character == quote }
            return character == ":" || character == " "
        }
        guard let end = rest.firstIndex(where: isEnd) else { return nil }
        let key = String(rest[..<end])
        var after = rest[end...]
        if quote != nil { after = after.dropFirst() }
        after = after.drop { $0 == " " }
        guard !key.isEmpty, after.hasPrefix(":") else { return nil }
        return key
    }
}
