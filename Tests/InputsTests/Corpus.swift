import Foundation
import XCTest

/// The test corpus copied into the test bundle (`.copy("Corpus")` in Package.swift).
enum Corpus {
    /// The corpus directory, without a trailing slash.
    static var directory: String {
        guard let url = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
            fatalError("the Corpus resource is missing from the test bundle")
        }
        return url.path
    }

    static func path(_ relative: String) -> String { directory + "/" + relative }

    /// `String(describing: error)` with the corpus directory removed from the front,
    /// so expected messages read `portfolio/nan-pd.csv:3: pd: ...` on every machine.
    static func relativeDescription(_ error: Error) -> String {
        let text = String(describing: error)
        let prefix = directory + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    /// The rows of `expected.tsv`: file relative to the corpus, expected message.
    static func expectations() throws -> [(file: String, message: String)] {
        let text = try String(contentsOfFile: path("expected.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.isEmpty { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2 else {
                throw NSError(domain: "Corpus", code: 1, userInfo: [NSLocalizedDescriptionKey: "bad expected.tsv line: \(line)"])
            }
            return (String(columns[0]), String(columns[1]))
        }
    }

    /// Files of the malformed-input folders, relative to the corpus.
    static func malformedFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["portfolio", "scenario", "balance_sheet"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: path(folder)) where !name.hasPrefix(".") {
                files.append(folder + "/" + name)
            }
        }
        return files.sorted()
    }
}
