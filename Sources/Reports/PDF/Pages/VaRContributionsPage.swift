import StressCore
import StressRun
import VaREngine

/// Where the tail risk sits: each segment's Euler VaR and ES contributions (they
/// add up to the portfolio VaR and ES), and the ten sectors contributing most.
enum VaRContributionsPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        guard let v = context.results.creditVaR else { return }
        let q = ValueAtRiskBuilder.confidenceLabel(v.confidence)
        let (left, right) = area.splitLeft(area.width * 0.54)
        let segments = v.bySegment.keys.sorted().sorted {
            (v.bySegment[$0]!.varContribution ?? 0) > (v.bySegment[$1]!.varContribution ?? 0)
        }
        BarChart(title: "By segment (VaR \(BoardFigures.amount(v.valueAtRisk)), ES \(BoardFigures.amount(v.expectedShortfall)))",
                 labels: segments, values: segments.map { v.bySegment[$0]!.varContribution ?? 0 },
                 format: BoardFigures.amount, secondary: segments.map { v.bySegment[$0]!.esContribution ?? 0 },
                 secondaryName: "ES \(q) contribution", primaryName: "VaR \(q) contribution",
                 axisFormat: NumberFormat.amount)
            .draw(in: Rect(x: left.x, y: left.y, width: left.width - 12, height: left.height), on: pdf)
        let sectors = v.contributions.bySector.keys.sorted().sorted {
            (v.contributions.bySector[$0]!.valueAtRisk ?? 0) > (v.contributions.bySector[$1]!.valueAtRisk ?? 0)
        }.prefix(10)
        BarChart(title: "Ten largest sectors (VaR \(q) contribution)", labels: Array(sectors),
                 values: sectors.map { v.contributions.bySector[$0]!.valueAtRisk ?? 0 }, format: BoardFigures.amount,
                 axisFormat: NumberFormat.amount)
            .draw(in: Rect(x: right.x + 12, y: right.y, width: right.width - 12, height: right.height), on: pdf)
    }
}
