import StressCore

/// The header row of a portfolio file: where each known column is, and which
/// columns are ignored.
struct PortfolioHeader {
    /// Column names as written (spaces trimmed), in file order, for messages.
    var names: [String]
    /// Field index of each known column present in the file.
    var positions: [PortfolioColumn: Int]
    /// Columns that are not part of the format, in file order.
    var unknown: [String]
    var line: Int

    var fieldCount: Int { names.count }

    /// Reads the header from the reader's current record. Throws for a duplicate
    /// column name or a missing required column.
    init(reader: CSVReader, file: String) throws(InputError) {
        line = reader.recordLine
        names = []
        positions = [:]
        unknown = []
        var firstIndex: [String: Int] = [:]
        for index in 0..<reader.fieldCount {
            let field = reader.field(index)
            if let offset = UTF8Validation.firstInvalidOffset(field) {
                throw InputError(file: file, line: line, message:
                    "header column \(index + 1) is not valid UTF-8 (\(UTF8Validation.describeByte(field, at: offset))); save the file as UTF-8")
            }
            let name = reader.string(index).trimmingASCIISpaces()
            names.append(name)
            let key = name.lowercased()
            if !key.isEmpty, let first = firstIndex[key] {
                throw InputError(file: file, line: line, key: name, message:
                    "duplicate column '\(key)' in the header (columns \(first + 1) and \(index + 1))")
            }
            firstIndex[key] = index
            if let column = PortfolioColumn(rawValue: key) {
                positions[column] = index
            } else {
                unknown.append(name.isEmpty ? "(unnamed column \(index + 1))" : name)
            }
        }
        for column in PortfolioColumn.required where positions[column] == nil {
            throw InputError(file: file, line: line, message:
                "missing required column '\(column.rawValue)'; required columns are id, pd, lgd, ead and the header has: "
                + names.joined(separator: ", "))
        }
    }

    /// The name of field `index` for messages: the header's spelling.
    func name(of index: Int) -> String {
        index < names.count ? names[index] : "column \(index + 1)"
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
