import FactorModel
import StressCore
import StressRun

/// Factor risk of the credit book (METHODOLOGY §5): contributions of the market,
/// sector and country factors and the specific part to the standard deviation of
/// credit loss, then the twelve largest single factors.
enum FactorRiskPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        guard let f = context.results.factorRisk else { return }
        let (body, foot) = area.splitTop(area.height - 40)
        let (left, right) = body.splitLeft(body.width * 0.46)
        let groups = FactorRiskBuilder.groupContributions(f).sorted { $0.1 > $1.1 }
        BarChart(title: "By factor group (first-order σ \(BoardFigures.amount(f.total)))", labels: groups.map(\.0),
                 values: groups.map(\.1), format: BoardFigures.amount, axisFormat: NumberFormat.amount)
            .draw(in: Rect(x: left.x, y: left.y, width: left.width - 12, height: left.height), on: pdf)
        let names = f.factors.keys.sorted().sorted { f.factors[$0]! > f.factors[$1]! }.prefix(12)
        BarChart(title: "Twelve largest factors", labels: names.map(FactorNames.display), values: names.map { f.factors[$0]! },
                 format: BoardFigures.amount, axisFormat: NumberFormat.amount)
            .draw(in: Rect(x: right.x + 12, y: right.y, width: right.width - 12, height: right.height), on: pdf)
        pdf.wrappedText("\(NumberFormat.percent(f.systematicShare, decimals: 1)) of the variance of credit loss comes from "
                        + "factors common to many borrowers, \(NumberFormat.percent(1 - f.systematicShare, decimals: 1)) from "
                        + "single names. σ is the first-order (delta-normal) standard deviation of one-year credit loss "
                        + "from asset-value moves; the simulated standard deviation on the loss distribution page is "
                        + "larger because it also counts defaults clustering in the tail. The market factor is estimated from the Fama–French monthly market history, sector and "
                        + "country factors are assumed (model summary in the workbook's factor-risk sheet).",
                        in: foot.inset(2), TextStyle.small.with(colour: .muted))
    }
}
