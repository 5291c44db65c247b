import Foundation
@testable import Reports
import XCTest

/// The chart toolkit on realistic stress-test figures: scales and formats are
/// exact, text never leaves its box, every chart kind renders (also on
/// degenerate data), and the same input gives a byte-identical PDF.
final class ChartToolkitTests: XCTestCase {
    private var directory: URL!
    private let asOf = Date(timeIntervalSince1970: 1_767_139_200) // 2025-12-31T00:00:00Z

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Scales and formats

    func testNiceScaleForCapitalRatio() {
        let s = NiceScale(minimum: 0, maximum: 0.142)
        XCTAssertEqual(s.ticks, [0, 0.05, 0.1, 0.15])
        XCTAssertLessThanOrEqual(s.ticks.count, 6)
        // With room for more ticks the step drops to 2 %.
        let fine = NiceScale(minimum: 0, maximum: 0.142, maxTicks: 9)
        XCTAssertEqual(fine.step, 0.02)
        XCTAssertEqual(fine.ticks, [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16])
    }

    func testNiceScaleAcrossZero() {
        let s = NiceScale(minimum: -3.2, maximum: 7.9)
        XCTAssertLessThanOrEqual(s.lower, -3.2)
        XCTAssertGreaterThanOrEqual(s.upper, 7.9)
        XCTAssertTrue(s.ticks.contains(0))
        XCTAssertLessThanOrEqual(s.ticks.count, 6)
        XCTAssertEqual(s.ticks, [-5, 0, 5, 10])
        let eight = NiceScale(minimum: -3.2, maximum: 7.9, maxTicks: 8)
        XCTAssertEqual(eight.ticks, [-4, -2, 0, 2, 4, 6, 8])
    }

    func testNiceScaleDegenerateInputs() {
        let flat = NiceScale(minimum: 5, maximum: 5)
        XCTAssertLessThan(flat.lower, 5)
        XCTAssertGreaterThan(flat.upper, 5)
        XCTAssertTrue(flat.ticks.contains(5))
        XCTAssertEqual(NiceScale(minimum: 0, maximum: 0).ticks.first, 0)
        let nan = NiceScale(minimum: .nan, maximum: .nan)
        XCTAssertTrue(nan.ticks.allSatisfy(\.isFinite))
        XCTAssertGreaterThan(nan.upper, nan.lower)
        let huge = NiceScale(minimum: 0, maximum: 3.7e15)
        XCTAssertGreaterThanOrEqual(huge.upper, 3.7e15)
        let tiny = NiceScale(minimum: 1e-9, maximum: 7e-9)
        XCTAssertTrue(tiny.ticks.allSatisfy(\.isFinite))
        XCTAssertGreaterThanOrEqual(tiny.upper, 7e-9)
        let reversed = NiceScale(minimum: 10, maximum: -10)
        XCTAssertEqual(reversed.lower, -10)
        XCTAssertEqual(reversed.upper, 10)
        XCTAssertEqual(NiceScale(minimum: 2, maximum: 3, includeZero: true).lower, 0)
    }

    func testNumberFormats() {
        XCTAssertEqual(NumberFormat.amount(1_234_000_000), "1.23bn")
        XCTAssertEqual(NumberFormat.amount(456_700_000), "456.7m")
        XCTAssertEqual(NumberFormat.amount(12_300), "12.3k")
        XCTAssertEqual(NumberFormat.amount(950), "950")
        XCTAssertEqual(NumberFormat.amount(-2_500_000_000), "−2.5bn")
        XCTAssertEqual(NumberFormat.amount(999_960), "1m")
        XCTAssertEqual(NumberFormat.amount(0), "0")
        XCTAssertEqual(NumberFormat.amount(.nan), "–")
        XCTAssertEqual(NumberFormat.percent(0.123), "12.3%")
        XCTAssertEqual(NumberFormat.percent(-0.0451, decimals: 2), "−4.51%")
        XCTAssertEqual(NumberFormat.percent(-0.00001), "0.0%", "no negative zero")
        XCTAssertEqual(NumberFormat.basisPoints(-0.0187), "−187 bp")
        XCTAssertEqual(NumberFormat.basisPoints(0.142), "1,420 bp")
        XCTAssertEqual(NumberFormat.signedAmount(1_200_000_000), "+1.2bn")
        XCTAssertEqual(NumberFormat.signedAmount(-450_000_000), "−450m")
        XCTAssertEqual(NumberFormat.signedAmount(0), "0")
        XCTAssertEqual(NumberFormat.signedPercent(0.012), "+1.2%")
        XCTAssertEqual(NumberFormat.signedPercentagePoints(-0.004), "−0.4pp")
        XCTAssertEqual(NumberFormat.signedBasisPoints(0.031), "+310 bp")
        XCTAssertEqual(NumberFormat.signedBasisPoints(-0.052), "−520 bp")
        XCTAssertEqual(NumberFormat.plain(1234.5, decimals: 1), "1,234.5")
        XCTAssertEqual(NumberFormat.plain(-1_234_567, decimals: 0), "−1,234,567")
        XCTAssertEqual(NumberFormat.plain(12, decimals: 2), "12.00")
        // Stated figures keep their unit's decimals; ticks drop trailing zeros.
        XCTAssertEqual(NumberFormat.figure(1_004_324_265), "1.00bn")
        XCTAssertEqual(NumberFormat.figure(21_000_000), "21.0m")
        XCTAssertEqual(NumberFormat.figure(214_822_130), "214.8m")
        XCTAssertEqual(NumberFormat.figure(999_960), "1.0m", "promoted to the next unit")
        XCTAssertEqual(NumberFormat.figure(-2_500_000_000), "−2.50bn")
        XCTAssertEqual(NumberFormat.amount(1_004_324_265), "1bn")
    }

    // MARK: - Text fitting

    func testFittedTextNeverExceedsWidth() throws {
        let pdf = try PDFDocument(path: directory.appendingPathComponent("fit.pdf").path)
        let samples = ["Retail mortgages", "Commercial real estate (incl. development lending)", "✓ Pass", "",
                       "Probability-weighted expected credit loss across all IFRS 9 stages", "W"]
        for s in samples {
            for width in [0.0, 3, 10, 25, 60, 120, 400] {
                for style in [TextStyle.title, .heading, .body, .small, .axis] {
                    let (text, fitted) = pdf.fit(s, width: width, style)
                    XCTAssertLessThanOrEqual(pdf.measure(text, fitted), width + 1e-9, "\(s) in \(width)")
                    XCTAssertGreaterThanOrEqual(fitted.size, style.size * 0.75 - 1e-9)
                    if text != s { XCTAssertTrue(text.isEmpty || text.hasSuffix("…"), text) }
                }
            }
        }
        let lines = pdf.wrapLines("Credit losses peak in the second year of the adverse scenario", width: 120, .body)
        XCTAssertGreaterThan(lines.count, 1)
        let used = pdf.wrappedText("one two three four five six seven eight nine ten eleven twelve",
                                   in: Rect(x: 0, y: 0, width: 60, height: 30), .body)
        XCTAssertLessThanOrEqual(used, 30)
        try pdf.finish()
    }

    func testRectCarving() {
        let r = Rect(x: 10, y: 20, width: 100, height: 50)
        XCTAssertEqual(r.maxX, 110)
        XCTAssertEqual(r.splitTop(10).rest, Rect(x: 10, y: 30, width: 100, height: 40))
        XCTAssertEqual(r.splitLeft(200).rest.width, 0)
        let cols = r.columns(3, gap: 5)
        XCTAssertEqual(cols.count, 3)
        XCTAssertEqual(cols[2].maxX, r.maxX, accuracy: 1e-9)
        XCTAssertEqual(r.rows(0, gap: 1), [])
        XCTAssertEqual(r.inset(40).height, 0)
    }

    // MARK: - Rendering

    func testSamplePackRendersDeterministicallyWithLabels() throws {
        let a = directory.appendingPathComponent("a.pdf").path
        let b = directory.appendingPathComponent("b.pdf").path
        try ChartSamplePack.render(to: a, asOf: asOf)
        try ChartSamplePack.render(to: b, asOf: asOf)
        let da = try Data(contentsOf: URL(fileURLWithPath: a))
        let db = try Data(contentsOf: URL(fileURLWithPath: b))
        XCTAssertEqual(da.prefix(5), Data("%PDF-".utf8))
        XCTAssertEqual(da, db, "same input, same bytes")

        let info = try run("/usr/bin/pdfinfo", [a])
        XCTAssertTrue(info.contains("Pages:           3"), info)
        let text = try run("/usr/bin/pdftotext", ["-layout", a, "-"])
        for label in ["Capital adequacy", "CET1 ratio", "Hurdle", "10.5%", "9.8%", "✓", "✗", "Breach",
                      "+310 bp", "−520 bp", "Credit losses", "Retail mortgages", "EL ", "VaR 99.9%", "ES 99.9%",
                      "GDP growth", "other scenarios", "Page 1 of 3", "Page 3 of 3", "more rows"] {
            XCTAssertTrue(text.contains(label), "missing \(label)")
        }
    }

    func testDegenerateDataDoesNotCrash() throws {
        let path = directory.appendingPathComponent("degenerate.pdf").path
        let pdf = try PDFDocument(path: path)
        ChartSamplePack.drawDegenerate(on: pdf)
        pdf.showPage()
        XCTAssertNoThrow(try pdf.checkDrawing())
        try pdf.finish()
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        try Tools.run(executable, arguments).output
    }
}

/// Three sample pages with every chart kind on a sample bank's adverse-scenario figures.
enum ChartSamplePack {
    static func render(to path: String, asOf: Date) throws {
        let pdf = try PDFDocument(path: path)
        pdf.setMetadata(title: "Stress test 2025 — chart toolkit sample", author: "Sample Bank", created: asOf)
        let footer = "run-2025-adverse-7f3c9e1 · as of 2025-12-31 · Sample Bank plc"
        let years = ["2024 (actual)", "2025", "2026", "2027"]

        // Page 1: executive summary.
        var content = PageFrame(title: "Capital adequacy under the adverse scenario",
                                subtitle: "EBA 2025 methodology, static balance sheet; CET1 ratio, fully loaded",
                                footerLeft: footer, footerRight: "Page 1 of 3").draw(on: pdf)
        let (upper, lower) = content.splitTop(content.height * 0.52)
        let topCols = upper.columns(2, gap: 28)
        LineChart(title: "CET1 ratio path against the hurdle", categories: years,
                  series: [PlotSeries(name: "Adverse", values: [0.142, 0.112, 0.098, 0.105]),
                           PlotSeries(name: "Baseline", values: [0.142, 0.145, 0.149, 0.152]),
                           PlotSeries(name: "Hurdle (Pillar 1 + P2R)", values: [0.07, 0.07, 0.07, 0.07], isThreshold: true)],
                  format: { NumberFormat.percent($0) }, yAxisTitle: "CET1 ratio", includeZero: true,
                  labelMinimum: true, labelLast: true, axisFormat: { NumberFormat.percent($0, decimals: 0) })
            .draw(in: topCols[0], on: pdf)
        let tableArea = ChartFrame.drawTitle("Results against hurdles", in: topCols[1], on: pdf)
        TableDrawing(columns: [TableColumn(header: "Measure", weight: 3.6, align: .left),
                               TableColumn(header: "Start", weight: 1.2, align: .right),
                               TableColumn(header: "Trough", weight: 1.2, align: .right),
                               TableColumn(header: "Hurdle", weight: 1.2, align: .right),
                               TableColumn(header: "Result", weight: 1.6, align: .left)],
                     rows: [
                         [TableCell(text: "CET1 ratio"), TableCell(text: "14.2%"), TableCell(text: "9.8%", style: .bold),
                          TableCell(text: "7.0%"), TableCell(text: "Pass", style: .pass)],
                         [TableCell(text: "Tier 1 ratio"), TableCell(text: "15.6%"), TableCell(text: "11.1%", style: .bold),
                          TableCell(text: "8.5%"), TableCell(text: "Pass", style: .pass)],
                         [TableCell(text: "Total capital ratio"), TableCell(text: "18.0%"), TableCell(text: "12.9%", style: .bold),
                          TableCell(text: "10.5%"), TableCell(text: "Pass", style: .pass)],
                         [TableCell(text: "Leverage ratio"), TableCell(text: "5.1%"), TableCell(text: "3.9%", style: .bold),
                          TableCell(text: "3.25%"), TableCell(text: "Pass", style: .pass)],
                         [TableCell(text: "Combined buffer (MDA trigger)"), TableCell(text: "14.2%"),
                          TableCell(text: "9.8%", style: .bold), TableCell(text: "10.5%"), TableCell(text: "Breach", style: .breach)],
                         [TableCell(text: "LCR"), TableCell(text: "148%"), TableCell(text: "104%", style: .bold),
                          TableCell(text: "100%"), TableCell(text: "Pass", style: .pass)],
                         [TableCell(text: "NSFR"), TableCell(text: "121%"), TableCell(text: "98%", style: .bold),
                          TableCell(text: "100%"), TableCell(text: "Breach", style: .breach)],
                         [TableCell(text: "Survival horizon (days)", style: .muted), TableCell(text: "—", style: .muted),
                          TableCell(text: "74", style: .bold), TableCell(text: "30"), TableCell(text: "Pass", style: .pass)],
                     ] + (1...6).map { [TableCell(text: "Sub-portfolio check \($0)", style: .muted),
                                        TableCell(text: "—"), TableCell(text: "—"), TableCell(text: "—"),
                                        TableCell(text: "Pass", style: .pass)] })
            .draw(in: tableArea, on: pdf)
        WaterfallChart(title: "CET1 ratio walk, start to end of horizon",
                       start: ("CET1 2024", 0.142),
                       steps: [("PPNR", 0.031), ("Credit losses", -0.052), ("Other P&L", -0.008),
                               ("Distributions", -0.006), ("RWA growth", -0.011)],
                       end: ("CET1 2027", 0.096),
                       format: { NumberFormat.basisPoints($0) }, deltaFormat: { NumberFormat.signedBasisPoints($0) },
                       reference: ("Hurdle", 0.07))
            .draw(in: lower.splitTop(14).rest, on: pdf)
        pdf.showPage()

        // Page 2: credit losses.
        content = PageFrame(title: "Credit losses", subtitle: "Impairment charge by segment and quarter; EUR",
                            footerLeft: footer, footerRight: "Page 2 of 3").draw(on: pdf)
        let halves = content.columns(2, gap: 28)
        let quarters = ["2025", "2026", "2027"].flatMap { y in (1...4).map { "Q\($0) \(y)" } }
        let segments = ["Retail mortgages", "Consumer credit", "SME", "Large corporates", "Commercial real estate",
                        "Sovereigns & banks"]
        let shape: [Double] = [0.6, 0.9, 1.3, 1.7, 1.9, 1.8, 1.5, 1.2, 1.0, 0.8, 0.7, 0.6]
        let weights: [Double] = [0.9, 1.4, 1.1, 0.8, 1.6, 0.15]
        let stacked = segments.enumerated().map { s, name in
            PlotSeries(name: name, values: shape.enumerated().map { q, f in
                let release = (s == 5 && q > 7) ? -2.5 : 1.0
                return release * f * weights[s] * 1e8 * (1 + 0.07 * Double((s * 5 + q * 3) % 4))
            })
        }
        StackedColumnChart(title: "Impairment charge by segment", categories: quarters, series: stacked,
                           format: NumberFormat.amount)
            .draw(in: halves[0], on: pdf)
        // Right-skewed loss distribution (lognormal-like masses).
        let bins = 60
        let binWidth = 1e8
        var masses = (0..<bins).map { i -> Double in
            let x = (Double(i) + 0.5) * binWidth / 1e9
            let mu = -0.6, sigma = 0.55
            return exp(-pow(log(x) - mu, 2) / (2 * sigma * sigma)) / (x * sigma * sqrt(2 * Double.pi))
        }
        let total = masses.reduce(0, +)
        masses = masses.map { $0 / total }
        Histogram(title: "One-year credit loss distribution (Monte Carlo, 1m paths)", lower: 0, binWidth: binWidth,
                  masses: masses,
                  markers: [("EL", 0.64e9), ("VaR 99%", 1.98e9), ("VaR 99.9%", 2.81e9), ("ES 99.9%", 3.12e9)],
                  xFormat: NumberFormat.amount, yFormat: { NumberFormat.percent($0, decimals: 0) })
            .draw(in: halves[1], on: pdf)
        pdf.showPage()

        // Page 3: concentration and macro scenarios.
        content = PageFrame(title: "Risk concentration and macroeconomic scenarios",
                            subtitle: "Contributions to 99.9% credit VaR and ES; real GDP growth, year on year",
                            footerLeft: footer, footerRight: "Page 3 of 3").draw(on: pdf)
        let cols = content.columns(2, gap: 28)
        BarChart(title: "Contribution to credit VaR and ES by segment",
                 labels: segments + ["Hedges (CDS protection)"],
                 values: [0.41e9, 0.52e9, 0.38e9, 0.61e9, 0.83e9, 0.06e9, -0.12e9],
                 format: NumberFormat.amount,
                 secondary: [0.47e9, 0.60e9, 0.44e9, 0.72e9, 1.01e9, 0.07e9, -0.15e9],
                 secondaryName: "ES 99.9% contribution", primaryName: "VaR 99.9% contribution")
            .draw(in: cols[0], on: pdf)
        let gdpYears = ["2024", "2025", "2026", "2027", "2028"]
        FanChart(title: "GDP growth across scenarios", categories: gdpYears,
                 lines: [PlotSeries(name: "Baseline", values: [0.012, 0.014, 0.016, 0.015, 0.015]),
                         PlotSeries(name: "Mild downturn", values: [0.012, 0.002, 0.008, 0.013, 0.014]),
                         PlotSeries(name: "Adverse", values: [0.012, -0.021, -0.008, 0.006, 0.011]),
                         PlotSeries(name: "Severely adverse", values: [0.012, -0.043, -0.019, 0.002, 0.009]),
                         PlotSeries(name: "Stagflation", values: [0.012, -0.011, -0.014, -0.002, 0.004]),
                         PlotSeries(name: "Upside", values: [0.012, 0.024, 0.025, 0.021, 0.019])],
                 format: { NumberFormat.percent($0) }, highlight: 2,
                 axisFormat: { NumberFormat.percent($0, decimals: 0) })
            .draw(in: cols[1], on: pdf)
        pdf.showPage()
        try pdf.finish()
    }

    /// Sixteen small panels of degenerate data: empty, all-NaN, one category,
    /// zeros, tiny and huge magnitudes, boxes too small to draw in.
    static func drawDegenerate(on pdf: PDFDocument) {
        let boxes = Rect(x: 20, y: 20, width: 800, height: 555).columns(4, gap: 10).flatMap { $0.rows(4, gap: 10) }
        let nan = Double.nan
        let fmt = NumberFormat.amount
        var i = 0
        func next() -> Rect { defer { i += 1 }; return boxes[i % boxes.count] }
        LineChart(title: "Empty", categories: [], series: [], format: fmt).draw(in: next(), on: pdf)
        LineChart(title: "All NaN", categories: ["a", "b"], series: [PlotSeries(name: "x", values: [nan, nan])],
                  format: fmt, labelMinimum: true, labelLast: true).draw(in: next(), on: pdf)
        LineChart(title: "One category", categories: ["2025"], series: [PlotSeries(name: "x", values: [3])],
                  format: fmt, labelMinimum: true).draw(in: next(), on: pdf)
        LineChart(title: nil, categories: (0..<200).map { "Category \($0)" },
                  series: [PlotSeries(name: "y", values: (0..<200).map { Double($0) * 1e12 })], format: fmt)
            .draw(in: next(), on: pdf)
        StackedColumnChart(title: "Zeros", categories: ["a", "b"], series: [PlotSeries(name: "z", values: [0, 0])],
                           format: fmt).draw(in: next(), on: pdf)
        StackedColumnChart(title: "Negative only", categories: ["a"],
                           series: [PlotSeries(name: "z", values: [-1e-7]), PlotSeries(name: "w", values: [])],
                           format: fmt).draw(in: next(), on: pdf)
        BarChart(title: "Empty", labels: [], values: [], format: fmt).draw(in: next(), on: pdf)
        BarChart(title: "Mismatch", labels: ["a", "b", "c"], values: [nan, -5], format: fmt, secondary: [1])
            .draw(in: next(), on: pdf)
        WaterfallChart(title: "No steps", start: ("Start", 0), steps: [], end: ("End", 0), format: fmt,
                       deltaFormat: fmt, reference: ("Ref", nan)).draw(in: next(), on: pdf)
        Histogram(title: "Empty", lower: nan, binWidth: 0, masses: [], markers: [("EL", nan)], xFormat: fmt,
                  yFormat: { NumberFormat.percent($0) }).draw(in: next(), on: pdf)
        Histogram(title: "Same marker", lower: 0, binWidth: 1, masses: [0.5, 0.5],
                  markers: [("A", 1), ("B", 1), ("C", 1), ("D", 50)], xFormat: fmt,
                  yFormat: { NumberFormat.percent($0) }).draw(in: next(), on: pdf)
        FanChart(title: "Many lines", categories: ["a", "b", "c"],
                 lines: (0..<20).map { PlotSeries(name: "s\($0)", values: [Double($0), nan, -Double($0)]) },
                 format: fmt, highlight: 99).draw(in: next(), on: pdf)
        TableDrawing(columns: [], rows: []).draw(in: next(), on: pdf)
        TableDrawing(columns: [TableColumn(header: "A", weight: 0, align: .left)],
                     rows: [[TableCell(text: "x")], []]).draw(in: Rect(x: 0, y: 0, width: 10, height: 5), on: pdf)
        LineChart(title: "Tiny box", categories: ["a"], series: [PlotSeries(name: "x", values: [1])], format: fmt)
            .draw(in: Rect(x: 0, y: 0, width: 5, height: 5), on: pdf)
    }
}
