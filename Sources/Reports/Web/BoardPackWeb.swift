import Foundation
import StressCore
import StressRun

/// The board pack for the dashboard: the executive summary's tiles, scenario table and
/// reading as values for HTML, and the chart pages drawn by the same page code as the
/// PDF onto Cairo's SVG surface (one chart code path for paper and web).
public enum BoardPackWeb {
    public struct Tile: Sendable, Equatable {
        public var label: String
        public var value: String
        public var note: String
        /// true: passes its minimum (✓); false: breaches it (✗); nil: no test.
        public var verdict: Bool?
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        /// normal, bold, pass, breach or muted, as the PDF styles the cell.
        public var style: String
    }

    public struct Summary: Sendable {
        public var tiles: [Tile]
        public var columns: [String]
        public var rows: [[Cell]]
        public var reading: String
    }

    /// A chart page of the pack: its title and subtitle as the PDF prints them.
    public struct ChartPage: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var subtitle: String
    }

    public static func summary(results: RunResults, scenarios: [Scenario], template: ReportTemplate) -> Summary {
        let context = context(results, scenarios, template)
        let tiles = ExecutiveSummaryPage.tiles(context).map {
            Tile(label: $0.label, value: $0.value, note: $0.note, verdict: $0.verdict)
        }
        let rows = ExecutiveSummaryPage.rows(context).map { $0.map { Cell(text: $0.text, style: "\($0.style)") } }
        return Summary(tiles: tiles, columns: ExecutiveSummaryPage.columns.map(\.header), rows: rows,
                       reading: ExecutiveSummaryPage.reading(context))
    }

    /// The pack's pages that are charts (not the cover, the summary or the manifest, which
    /// the dashboard shows as HTML), in the PDF's order.
    public static func chartPages(results: RunResults, scenarios: [Scenario], template: ReportTemplate) -> [ChartPage] {
        let context = context(results, scenarios, template)
        return charted(PlannedPage.plan(context)).enumerated().map { i, page in
            ChartPage(number: i + 1, title: page.title, subtitle: BoardPackRenderer.subtitle(page, context) ?? "")
        }
    }

    /// Chart page `number` (from 1) as an SVG file at `path`, the size of the PDF page's content area.
    public static func renderChart(_ number: Int, results: RunResults, scenarios: [Scenario], template: ReportTemplate,
                                   to path: String) throws {
        let context = context(results, scenarios, template)
        let plan = PlannedPage.plan(context)
        let pages = charted(plan)
        guard pages.indices.contains(number - 1) else {
            throw ReportError(library: "cairo", operation: "chart \(number)", message: "the pack has \(pages.count) charts")
        }
        // The content area the PDF's page frame leaves (A4 landscape less margins, title and footer).
        let width = PDFDocument.a4Landscape.width - 2 * PageFrame.margin
        let height = 440.0
        let svg = try PDFDocument(svgPath: path, width: width, height: height)
        BoardPackRenderer.drawContent(pages[number - 1], context, plan: plan,
                                      in: Rect(x: 0, y: 4, width: width, height: height - 8), on: svg)
        try svg.finish()
    }

    static func charted(_ plan: [PlannedPage]) -> [PlannedPage] {
        plan.filter { ![.cover, .executiveSummary, .manifest].contains($0) }
    }

    static func context(_ results: RunResults, _ scenarios: [Scenario], _ template: ReportTemplate) -> BoardPackContext {
        BoardPackContext(results: results, scenarios: Dictionary(scenarios.map { ($0.id, $0) }) { a, _ in a },
                         template: template, outputs: [])
    }

    /// Figures as the board pack prints them: ratios to two decimals, LCR to one.
    public static func ratio(_ x: Double) -> String { BoardFigures.ratio(x) }
    public static func lcr(_ x: Double) -> String { BoardFigures.lcr(x) }
    public static func amount(_ x: Double) -> String { BoardFigures.amount(x) }
}
