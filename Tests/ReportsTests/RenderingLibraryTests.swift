import Foundation
import Reports
import XCTest

/// The C libraries link, report their errors, and give byte-identical files
/// when the creation date is pinned (METHODOLOGY §7).
final class RenderingLibraryTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private let asOf = Date(timeIntervalSince1970: 1_767_139_200) // 2025-12-31T00:00:00Z

    private func writeWorkbook(_ name: String) throws -> Data {
        let path = directory.appendingPathComponent(name).path
        let workbook = try XlsxWorkbook(path: path)
        try workbook.setProperties(title: "Test", author: "StressPack", company: "Sample Bank", created: asOf)
        let sheet = try workbook.addWorksheet(named: "Figures")
        try sheet.write(row: 0, column: 0, string: "EL")
        try sheet.write(row: 1, column: 0, number: 1.5)
        try sheet.write(row: 2, column: 0, number: 2.25)
        try sheet.write(row: 3, column: 0, formula: "=SUM(A2:A3)")
        try workbook.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testWorkbookIsByteIdenticalWithPinnedDate() throws {
        let a = try writeWorkbook("a.xlsx")
        let b = try writeWorkbook("b.xlsx")
        XCTAssertGreaterThan(a.count, 1000)
        XCTAssertEqual(a.prefix(2), Data("PK".utf8), "an .xlsx is a zip package")
        XCTAssertEqual(a, b)
    }

    func testDuplicateSheetNameIsAnError() throws {
        let workbook = try XlsxWorkbook(path: directory.appendingPathComponent("dup.xlsx").path)
        _ = try workbook.addWorksheet(named: "Same")
        XCTAssertThrowsError(try workbook.addWorksheet(named: "Same"))
        try workbook.close()
        XCTAssertThrowsError(try workbook.close(), "close is allowed exactly once")
    }

    func testWorkbookInMissingDirectoryReportsLibraryMessage() throws {
        let workbook = try XlsxWorkbook(path: "/nonexistent-dir/x.xlsx")
        _ = try workbook.addWorksheet(named: "S")
        XCTAssertThrowsError(try workbook.close()) { error in
            XCTAssertTrue(String(describing: error).contains("libxlsxwriter"), "\(error)")
        }
    }

    private func writePDF(_ name: String) throws -> Data {
        let path = directory.appendingPathComponent(name).path
        let pdf = try PDFDocument(path: path)
        pdf.setMetadata(title: "Board pack", author: "Sample Bank", created: asOf)
        pdf.text("Page one", x: 72, y: 72, size: 18, bold: true)
        pdf.rectangle(x: 72, y: 100, width: 200, height: 20, grey: 0.5)
        pdf.showPage()
        pdf.text("Page two", x: 72, y: 72, size: 12)
        pdf.showPage()
        try pdf.finish()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testPDFIsByteIdenticalWithPinnedDate() throws {
        let a = try writePDF("a.pdf")
        let b = try writePDF("b.pdf")
        XCTAssertEqual(a.prefix(5), Data("%PDF-".utf8))
        XCTAssertEqual(a, b)
    }

    func testPDFPageCountAndMetadataWithPoppler() throws {
        _ = try writePDF("c.pdf")
        let info = try Tools.run("/usr/bin/pdfinfo", [directory.appendingPathComponent("c.pdf").path]).output
        XCTAssertTrue(info.contains("Pages:           2"), info)
        XCTAssertTrue(info.contains("Title:           Board pack"), info)
        XCTAssertTrue(info.contains("Author:          Sample Bank"), info)
    }
}
