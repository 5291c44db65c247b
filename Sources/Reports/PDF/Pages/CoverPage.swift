import StressCore
import StressRun

/// The cover: bank, as-of date, run id and what the run covers, with the
/// contents so a board member can go straight to a page.
enum CoverPage {
    static func draw(_ context: BoardPackContext, plan: [PlannedPage], in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        let (left, right) = area.inset(12).splitLeft(area.width * 0.48)
        var y = left.y + 40
        pdf.text(context.bank, x: left.x, baseline: y, TextStyle(size: 26, bold: true))
        y += 34
        pdf.text("Stress test results as of \(longDate(r.run.asOf))", x: left.x, baseline: y, TextStyle(size: 15))
        y += 40
        let frameworks = context.frameworks.map(\.boardName)
        let facts: [(String, String)] = [
            ("Run", r.run.id),
            ("Pack", context.template.title),
            ("Scenarios", "\(r.scenarios.count) across \(frameworks.count) framework\(frameworks.count == 1 ? "" : "s")"),
            ("Portfolio", "\(NumberFormat.plain(Double(r.portfolio.exposures), decimals: 0)) exposures, EAD "
                + "\(NumberFormat.amount(r.portfolio.totalEAD)) \(context.currency)"),
            ("Engine", "StressPack \(r.run.engineVersion), seed \(r.run.seed)"),
        ]
        for (label, value) in facts {
            pdf.text(label, x: left.x, baseline: y, TextStyle.body.with(colour: .muted))
            pdf.fittedText(value, in: Rect(x: left.x + 80, y: y - 10, width: left.width - 80, height: 14), .body)
            y += 18
        }
        y += 14
        pdf.text("Frameworks", x: left.x, baseline: y, .heading)
        y += 18
        for f in frameworks {
            pdf.text("· \(f)", x: left.x + 4, baseline: y, .body)
            y += 15
        }
        y += 14
        pdf.wrappedText("How to read this pack: the executive summary gives every scenario's result against its hurdle "
                        + "(✓ pass, ✗ breach). The framework pages show the paths behind each minimum; the waterfalls "
                        + "explain the fall in capital; the risk pages show where the tail risk of today's book sits. "
                        + "Every figure is taken from the run's results.json and can be reproduced with the command "
                        + "in the appendix.",
                        in: Rect(x: left.x, y: y, width: left.width, height: area.maxY - y - 8), .body)

        var cy = right.y + 40
        pdf.text("Contents", x: right.x, baseline: cy, .heading)
        cy += 22
        for (k, page) in plan.enumerated() where page != .cover {
            let number = "\(k + 1)"
            pdf.fittedText(page.title, in: Rect(x: right.x, y: cy - 10, width: right.width - 40, height: 14), .body)
            pdf.text(number, x: right.maxX, baseline: cy, .body, align: .right)
            cy += 15
        }
        cy += 8
        pdf.text("Terms", x: right.x, baseline: cy, .heading)
        cy += 6
        for (term, meaning) in glossary where cy < area.maxY - 12 {
            let used = pdf.wrappedText("\(term): \(meaning)", in: Rect(x: right.x, y: cy, width: right.width,
                                                                       height: area.maxY - cy), TextStyle.small)
            cy += used + 2
        }
    }

    /// The words the pack uses that a board member may not know.
    static let glossary: [(String, String)] = [
        ("CET1 ratio", "common equity tier 1 capital over risk-weighted assets (RWA)"),
        ("Hurdle", "the framework's minimum for the test; ✓ at or above it, ✗ below"),
        ("MDA trigger", "minimum CET1 + combined buffer; below it payouts are capped"),
        ("PPNR", "pre-provision net revenue: income before credit losses"),
        ("EL / VaR / ES", "expected loss; the 1-in-1,000-year loss; the mean loss beyond it"),
        ("LCR", "liquid assets over 30-day stressed net outflows; minimum 100%"),
        ("bp", "basis point, 0.01%. Jump-off: the position at the as-of date"),
    ]

    /// "31 December 2025" from "2025-12-31".
    static func longDate(_ iso: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }
}
