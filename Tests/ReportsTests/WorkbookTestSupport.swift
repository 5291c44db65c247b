import Foundation
import Inputs
import Reports
import StressCore
import TestSupport
import XCTest

/// The pack templates as shipped (templates/*.yaml), through the real loader.
enum Packs {
    static let ids = ["quarterly-submission", "board", "audit"]

    static func template(_ id: String) throws -> ReportTemplate {
        try ReportTemplateFile.load(path: TestSupport.repositoryRoot.appendingPathComponent("templates/\(id).yaml").path)
    }
}

/// A figure of results.json by its JSON Pointer (RFC 6901), read with
/// JSONSerialization: independent of the Codable types the report was built from.
struct ResultsDocument {
    let root: Any

    init(_ data: Data) throws { root = try JSONSerialization.jsonObject(with: data) }

    func value(at pointer: ResultPointer) -> Any? {
        var node: Any? = root
        for token in pointer.tokens {
            if let object = node as? [String: Any] {
                node = object[token]
            } else if let array = node as? [Any], let i = Int(token), array.indices.contains(i) {
                node = array[i]
            } else {
                return nil
            }
        }
        return node
    }

    func number(at pointer: ResultPointer) -> Double? {
        switch value(at: pointer) {
        case let n as NSNumber: return n.doubleValue
        default: return nil
        }
    }
}

/// Processes the tests start: unzip, LibreOffice.
enum Tools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Names of the files in a zip package.
    static func zipEntries(_ path: String) throws -> [String] {
        let (status, output) = try run("/usr/bin/unzip", ["-Z1", path])
        guard status == 0 else { throw Failure(description: "unzip -Z1 \(path): \(output)") }
        return output.split(separator: "\n").map(String.init)
    }

    /// One member of a zip package as text.
    static func zipMember(_ path: String, _ member: String) throws -> String {
        let (status, output) = try run("/usr/bin/unzip", ["-p", path, member])
        guard status == 0 else { throw Failure(description: "unzip -p \(path) \(member): \(output)") }
        return output
    }

    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}

/// LibreOffice headless: opens a workbook, recalculates every formula (a
/// private profile sets "recalculate on load: always" for OOXML, which is
/// otherwise "never") and writes every sheet as CSV (filter option 12 = -1,
/// LibreOffice 7.2 and later): raw values, not as shown, UTF-8.
enum LibreOffice {
    static let profileSetting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
        <value>0</value></prop></item>
        </oor:items>
        """

    /// Sheet name → rows of fields.
    static func sheetsAsCSV(_ workbook: URL, soffice: String, work: URL) throws -> [String: [[String]]] {
        let profile = work.appendingPathComponent("lo-profile/user")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        try profileSetting.write(to: profile.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let (status, log) = try Tools.run(soffice, [
            "-env:UserInstallation=" + work.appendingPathComponent("lo-profile").absoluteString,
            "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir", out.path, workbook.path,
        ])
        guard status == 0 else { throw Tools.Failure(description: "soffice failed (\(status)): \(log)") }
        let base = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasPrefix(base + "-") {
            let name = String(file.dropFirst(base.count + 1).dropLast(4))
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            sheets[name] = CSV.parse(text)
        }
        guard !sheets.isEmpty else { throw Tools.Failure(description: "soffice wrote no CSV: \(log)") }
        return sheets
    }
}

enum CSV {
    /// RFC 4180 fields: quoted fields may hold commas, quotes ("") and newlines.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, atStart = true
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { field.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && atStart {
                quoted = true
                atStart = false
            } else if c == "," {
                row.append(field); field = ""; atStart = true
            } else if c == "\n" || c == "\r" {
                if c == "\r" && it.first == "\n" { it.removeFirst() }
                row.append(field); rows.append(row); row = []; field = ""; atStart = true
            } else {
                field.unicodeScalars.append(c)
                atStart = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// A fresh folder per test, removed afterwards.
class WorkbookTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }
}
