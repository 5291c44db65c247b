import StressCore
import StressRun
import VaREngine

/// The simulated one-year credit loss distribution of the jump-off book with EL,
/// VaR and ES marked (METHODOLOGY §6), beside the figures at each confidence
/// level and the Vasicek ASRF check.
enum LossDistributionPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        guard let v = context.results.creditVaR, let h = v.distribution else { return }
        let (chartArea, side) = area.splitLeft(area.width * 0.62)
        var markers = [(label: "EL", x: v.expectedLoss)]
        for level in v.levels {
            markers.append((label: "VaR \(ValueAtRiskBuilder.confidenceLabel(level.confidence))", x: level.valueAtRisk))
        }
        markers.append((label: "ES \(ValueAtRiskBuilder.confidenceLabel(v.confidence))", x: v.expectedShortfall))
        Histogram(title: "Probability of each loss band (\(NumberFormat.plain(Double(v.paths), decimals: 0)) paths)",
                  lower: h.lower, binWidth: h.binWidth, masses: h.probabilities, markers: markers,
                  xFormat: NumberFormat.amount, yFormat: { NumberFormat.percent($0, decimals: 1) },
                  markerFormat: BoardFigures.amount)
            .draw(in: chartArea, on: pdf)

        let panel = Rect(x: side.x + 18, y: side.y, width: side.width - 18, height: side.height)
        pdf.text("Figures", x: panel.x, baseline: panel.y + 12, .heading)
        var rows: [[TableCell]] = [[TableCell(text: "Expected loss"), TableCell(text: BoardFigures.amount(v.expectedLoss))]]
        for (i, level) in v.levels.enumerated() {
            let q = ValueAtRiskBuilder.confidenceLabel(level.confidence)
            rows.append([TableCell(text: "VaR \(q)", style: .bold), TableCell(text: BoardFigures.amount(level.valueAtRisk), style: .bold)])
            rows.append([TableCell(text: "ES \(q)"), TableCell(text: BoardFigures.amount(level.expectedShortfall))])
            rows.append([TableCell(text: "Economic capital \(q)"), TableCell(text: BoardFigures.amount(level.unexpectedLoss))])
            if i < v.analytic.valueAtRiskWithGranularity.count {
                rows.append([TableCell(text: "Vasicek ASRF + GA \(q)", style: .muted),
                             TableCell(text: BoardFigures.amount(v.analytic.valueAtRiskWithGranularity[i]), style: .muted)])
            }
        }
        rows.append([TableCell(text: "Standard deviation"), TableCell(text: BoardFigures.amount(v.monteCarlo.standardDeviation))])
        if let skew = v.monteCarlo.skewness {
            rows.append([TableCell(text: "Skewness"), TableCell(text: NumberFormat.plain(skew, decimals: 2))])
        }
        let used = TableDrawing(columns: [TableColumn(header: "Measure", weight: 1.6, align: .left),
                                          TableColumn(header: context.currency.isEmpty ? "Amount" : context.currency,
                                                      weight: 1, align: .right)],
                                rows: rows, style: TextStyle.body.with(size: 9))
            .draw(in: Rect(x: panel.x, y: panel.y + 22, width: panel.width, height: panel.height - 90), on: pdf)
        let copula = v.method.replacingOccurrences(of: "_", with: " ")
        var method = copula.prefix(1).uppercased() + copula.dropFirst() + " copula, Basel IRB asset correlations, "
            + "seed \(v.seed)"
        if v.importanceShift != nil { method += "; importance sampling on the systematic factor (tail weighted back)" }
        method += ". The Vasicek ASRF figure with the granularity adjustment checks the simulation."
        pdf.wrappedText(method, in: Rect(x: panel.x, y: panel.y + 30 + used, width: panel.width,
                                         height: max(0, panel.maxY - panel.y - 30 - used)), TextStyle.small.with(colour: .muted))
    }
}
