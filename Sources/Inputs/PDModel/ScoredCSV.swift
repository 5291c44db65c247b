import Foundation
import RegulatoryTemplates
import StressCore

/// Writes a copy of a CSV with some columns set: each named column replaced where the
/// header has it, appended otherwise; every other field is copied as read (re-quoted
/// only where RFC 4180 needs it). A nil value keeps the field as read (empty in an appended
/// column). `pd apply` writes the `pd` and `rating` columns a stress run reads this way.
/// Written under a temporary name and renamed.
public enum ScoredCSV {
    public static func write(input: String, output: String, columns: [(name: String, values: [String?])]) throws(InputError) {
        let header = try LoanDataCSV.readHeader(input)
        var outHeader = header
        var position: [Int] = []
        for c in columns {
            if let i = header.firstIndex(of: c.name) { position.append(i) } else {
                position.append(outHeader.count)
                outHeader.append(c.name)
            }
        }
        let file = try StreamedFile(path: output)
        file.append(outHeader.map(field).joined(separator: ",") + "\n")
        var row = 0
        try LoanDataCSV.scan(input, fields: header.count) { (reader: CSVReader, line: Int) throws(InputError) in
            var fields = (0..<header.count).map { reader.string($0) }
            fields += [String](repeating: "", count: outHeader.count - header.count)
            for (c, p) in zip(columns, position) {
                guard row < c.values.count else {
                    throw InputError(file: input, line: line, message: "more rows than values for column \(c.name)")
                }
                if let value = c.values[row] { fields[p] = value }
            }
            row += 1
            file.append(fields.map(field).joined(separator: ",") + "\n")
        }
        try file.commit()
    }

    static func field(_ s: String) -> String { TemplateCSV.quoted(s) }
}
