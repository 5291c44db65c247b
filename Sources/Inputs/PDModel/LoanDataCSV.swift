import Foundation
import PDModel
import StressCore

/// Loan-level data for PD modelling (`pd fit`, `pd apply`, INTERFACES "Loan data"): a CSV
/// with a header row, one loan a row. A column whose every non-blank value is a number is
/// numeric (unless named in `categorical`), any other is categorical; blank is missing.
/// The target, when asked for, is 0/1, or text with `bad` naming the default value.
public enum LoanDataCSV {
    public struct Options: Sendable {
        public var target: String?
        /// The target's default value when the target is text ("bad").
        public var bad: String?
        /// Characteristics to read (nil: every column but the target and `exclude`).
        public var columns: [String]?
        public var exclude: [String] = []
        /// Numeric-looking columns to read as categories (codes such as 1, 2, 3).
        public var categorical: [String] = []

        public init(target: String? = nil, bad: String? = nil, columns: [String]? = nil, exclude: [String] = [],
                    categorical: [String] = []) {
            self.target = target
            self.bad = bad
            self.columns = columns
            self.exclude = exclude
            self.categorical = categorical
        }
    }

    /// Reads the file twice: once to learn each column's type, once to load it, so a
    /// large file is never held as text.
    public static func load(path: String, options: Options) throws(InputError) -> LoanSample {
        let header = try readHeader(path)
        for name in (options.columns ?? []) + options.categorical + [options.target].compactMap({ $0 })
        where !header.contains(name) {
            throw InputError(file: path, line: 1, key: name,
                             message: "no column '\(name)': the header has \(header.joined(separator: ", "))")
        }
        let chosen = options.columns ?? header.filter { $0 != options.target && !options.exclude.contains($0) }
        let indices = chosen.map { header.firstIndex(of: $0)! }
        let targetIndex = options.target.map { header.firstIndex(of: $0)! }

        // Pass 1: which chosen columns hold anything but numbers.
        var textual = Set(options.categorical.compactMap { chosen.firstIndex(of: $0) })
        try scan(path, fields: header.count) { (reader: CSVReader, _: Int) throws(InputError) in
            for (c, i) in indices.enumerated() where !textual.contains(c) {
                switch reader.number(i) {
                case .value, .blank: break
                default: textual.insert(c)
                }
            }
        }
        // Pass 2: the values and the target.
        var numbers = [[Double?]](repeating: [], count: chosen.count)
        var texts = [[String?]](repeating: [], count: chosen.count)
        var defaults: [UInt8] = []
        try scan(path, fields: header.count) { (reader: CSVReader, line: Int) throws(InputError) in
            for (c, i) in indices.enumerated() {
                if textual.contains(c) {
                    let s = reader.string(i).spacesTrimmed
                    texts[c].append(s.isEmpty ? nil : s)
                } else if case .value(let v) = reader.number(i) {
                    numbers[c].append(v)
                } else {
                    numbers[c].append(nil)
                }
            }
            if let t = targetIndex {
                let raw = reader.string(t).spacesTrimmed
                if let bad = options.bad {
                    defaults.append(raw == bad ? 1 : 0)
                } else if raw == "1" || raw == "1.0" {
                    defaults.append(1)
                } else if raw == "0" || raw == "0.0" {
                    defaults.append(0)
                } else {
                    throw InputError(file: path, line: line, key: options.target,
                                     message: "the target must be 0 or 1, found '\(raw)'"
                                        + (Double(raw) == nil ? " (for a text target name its default value with --bad)" : ""))
                }
            }
        }
        let rows = max(numbers.first(where: { !$0.isEmpty })?.count ?? 0, texts.first(where: { !$0.isEmpty })?.count ?? 0,
                       defaults.count)
        guard rows > 0 else { throw InputError(file: path, message: "no data rows after the header") }
        if targetIndex == nil { defaults = [UInt8](repeating: 0, count: rows) }
        let columns: [LoanSample.Column] = chosen.indices.map { textual.contains($0) ? .categorical(texts[$0]) : .numeric(numbers[$0]) }
        return LoanSample(names: chosen, columns: columns, defaults: defaults)
    }

    public static func readHeader(_ path: String) throws(InputError) -> [String] {
        let reader = CSVReader(source: try ByteSource(path: path))
        try reading(path) {
            guard try reader.nextRecord() else { throw InputError(file: path, message: "empty file: expected a header row") }
        }
        let header = (0..<reader.fieldCount).map { reader.string($0).spacesTrimmed }
        if let duplicate = header.first(where: { name in header.filter { $0 == name }.count > 1 }) {
            throw InputError(file: path, line: 1, key: duplicate, message: "the column appears twice in the header")
        }
        return header
    }

    /// Calls `body` with each data row, after checking it has the header's field count.
    static func scan(_ path: String, fields: Int,
                     _ body: (CSVReader, Int) throws(InputError) -> Void) throws(InputError) {
        let reader = CSVReader(source: try ByteSource(path: path))
        try reading(path) {
            _ = try reader.nextRecord()
            while try reader.nextRecord() {
                guard reader.fieldCount == fields else {
                    throw InputError(file: path, line: reader.recordLine,
                                     message: "expected \(fields) fields as in the header, found \(reader.fieldCount)")
                }
                try body(reader, reader.recordLine)
            }
        }
    }

    /// Runs `body`, turning the reader's syntax errors into input errors naming the file and line.
    static func reading(_ path: String, _ body: () throws -> Void) throws(InputError) {
        do {
            try body()
        } catch let e as CSVReader.SyntaxError {
            throw InputError(file: path, line: e.line, message: e.message)
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(file: path, message: "\(error)")
        }
    }
}

private extension String {
    var spacesTrimmed: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension LoanDataCSV {
    /// Writes a sample as loan data: its characteristics, then the target as 0/1. Numbers
    /// carry six significant digits (integers as integers), missing values are blank.
    /// Written under a temporary name and renamed.
    public static func write(_ sample: LoanSample, target: String, to path: String) throws(InputError) {
        let file = try StreamedFile(path: path)
        file.append((sample.names + [target]).map(ScoredCSV.field).joined(separator: ",") + "\n")
        for i in 0..<sample.count {
            var text = ""
            for column in sample.columns {
                switch column {
                case .numeric(let v):
                    if let x = v[i] { text += x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.6g", x) }
                case .categorical(let v):
                    if let s = v[i] { text += ScoredCSV.field(s) }
                }
                text += ","
            }
            file.append(text + (sample.defaults[i] == 1 ? "1\n" : "0\n"))
        }
        try file.commit()
    }
}
