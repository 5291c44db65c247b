import StressCore
import Yams

/// Reads a small YAML input file and composes it into a node tree with positions.
///
/// Yams errors become `InputError`s in this one place (STYLE habit 8): syntax
/// errors keep libyaml's line, column and problem text; a duplicate key, which
/// Yams 6 reports with the first occurrence only, is located again in the text so
/// the message can name both lines.
enum YAMLDocument {
    /// The file's text. Scenario and balance sheet files are a few kilobytes, so
    /// they are read whole; invalid UTF-8 is reported at its line and column.
    static func read(path: String) throws(InputError) -> String {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        let chunkSize = 1 << 16
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        while true {
            switch source.read(into: chunk, capacity: chunkSize) {
            case .success(0):
                return try decode(bytes, file: path)
            case .success(let count):
                bytes.append(contentsOf: UnsafeBufferPointer(start: chunk, count: count))
            case .failure(let failure):
                throw InputError(file: path, message: "cannot read the file: " + failure.message)
            }
        }
    }

    /// UTF-8 bytes as text, without a leading byte-order mark.
    static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let invalid: (offset: Int, byte: String)? = body.withUnsafeBufferPointer { buffer in
            UTF8Validation.firstInvalidOffset(buffer).map { ($0, UTF8Validation.describeByte(buffer, at: $0)) }
        }
        if let invalid {
            let before = body.prefix(invalid.offset)
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = String(decoding: body[lineStart..<(body.startIndex + invalid.offset)], as: UTF8.self).unicodeScalars.count + 1
            throw InputError(file: file, line: line, column: column,
                             message: "not valid UTF-8 (\(invalid.byte)); save the file as UTF-8")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The root node, or nil for a document with no content (empty or comments only).
    static func compose(_ text: String, file: String) throws(InputError) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            if case .scalar = node, YAMLValue(node: node, path: "", file: file).isNull { return nil }
            return YAMLValue(node: node, path: "", file: file)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw InputError(file: file, message: "invalid YAML: \(error)")
        }
    }

    // MARK: - Yams errors

    private static func translate(_ error: YamlError, text: String, file: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: " + problem
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return InputError(file: file, line: mark.line, column: mark.column, message: message)
        case .reader(let problem, let offset, _, _):
            guard let offset else { return InputError(file: file, message: "invalid YAML: " + problem) }
            let before = text.prefix(offset)
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count + 1 } ?? 1
            return InputError(file: file, line: line, column: column, message: "invalid YAML: " + problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DuplicateKeyLocator(text: text).error(key: duplicates.first ?? "?", first: context.mark, file: file)
        default:
            return InputError(file: file, message: "invalid YAML: \(error)")
        }
    }
}
