import StressCore

/// A small CSV file as published by a supervisor (data/regulators/*.csv): a header
/// row and one row per quarter, read whole. Cells are looked up by column name so a
/// reordered or renamed column is an error naming the column, not a silent shift.
struct RegulatorTable {
    struct Row {
        /// The physical line of the row in the file, for error messages.
        var line: Int
        var cells: [String]
    }

    /// How the table is named in errors: the repository-relative path.
    let file: String
    let header: [String]
    let rows: [Row]

    /// Reads the CSV at `path`; `file` names it in errors.
    static func load(path: String, file: String) throws(InputError) -> RegulatorTable {
        try read(ByteSource(path: path), file: file)
    }

    /// Parses CSV text (tests).
    static func parse(text: String, file: String) throws(InputError) -> RegulatorTable {
        try read(ByteSource(bytes: Array(text.utf8)), file: file)
    }

    private static func read(_ source: ByteSource, file: String) throws(InputError) -> RegulatorTable {
        let reader = CSVReader(source: source)
        var header: [String] = []
        var rows: [Row] = []
        do {
            guard try reader.nextRecord() else {
                throw InputError(file: file, message: "empty file: expected a header row")
            }
            header = (0..<reader.fieldCount).map { reader.string($0).trimmingASCIISpaces() }
            while try reader.nextRecord() {
                let cells = (0..<reader.fieldCount).map { reader.string($0).trimmingASCIISpaces() }
                guard cells.count == header.count else {
                    throw InputError(file: file, line: reader.recordLine,
                                     message: "has \(cells.count) fields but the header has \(header.count)")
                }
                rows.append(Row(line: reader.recordLine, cells: cells))
            }
        } catch let error as CSVReader.SyntaxError {
            throw InputError(file: file, line: error.line, message: error.message)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, message: "\(error)")
        }
        return RegulatorTable(file: file, header: header, rows: rows)
    }

    /// The index of the column named `name`.
    func column(_ name: String) throws(InputError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputError(file: file, line: 1, key: name, message: "column missing from the header")
        }
        return index
    }

    /// The text of `row` in column `name`.
    func text(_ row: Row, _ name: String) throws(InputError) -> String {
        row.cells[try column(name)]
    }

    /// The number in `row`, column `name`; a blank or non-numeric cell is an error.
    func number(_ row: Row, _ name: String) throws(InputError) -> Double {
        let cell = try text(row, name)
        switch NumberParsing.parseYAML(cell) {
        case .value(let value): return value
        case .blank: throw InputError(file: file, line: row.line, key: name, message: "expected a number, found an empty cell")
        case .notFinite, .notANumber: throw InputError(file: file, line: row.line, key: name, message: "expected a number, found '\(cell)'")
        }
    }
}
