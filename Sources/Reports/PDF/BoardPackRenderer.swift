import Foundation
import StressCore
import StressRun

/// What the PDF renderer wrote, for tests and the CLI.
public struct RenderedPDF: Sendable, Equatable {
    public var pages: Int
    /// Page titles in order (the contents list on the cover).
    public var titles: [String]
}

/// Renders a run to the board pack PDF (issue #9): the template's pages, A4
/// landscape, vector charts drawn with Cairo. Dated by the run's as-of date, so
/// the same run gives the same bytes (METHODOLOGY §7).
public enum BoardPackRenderer {
    /// Writes the PDF to `path`; nil (and no file) when the template lists no pages.
    @discardableResult
    public static func render(results: RunResults, scenarios: [Scenario], template: ReportTemplate,
                              outputs: [InputFile] = [], to path: String) throws -> RenderedPDF? {
        let context = BoardPackContext(results: results, scenarios: Dictionary(scenarios.map { ($0.id, $0) }) { a, _ in a },
                                       template: template, outputs: outputs)
        let plan = PlannedPage.plan(context)
        guard !plan.isEmpty else { return nil }
        let pdf = try PDFDocument(path: path)
        pdf.setMetadata(title: "\(template.title) — \(results.run.id)", author: context.bank,
                        created: asOfDate(results.run.asOf))
        let footer = "\(context.bank) · \(results.run.id) · as of \(results.run.asOf) · StressPack \(results.run.engineVersion)"
        for (number, page) in plan.enumerated() {
            let frame = PageFrame(title: page == .cover ? template.title : page.title,
                                  subtitle: subtitle(page, context), footerLeft: footer,
                                  footerRight: "Page \(number + 1) of \(plan.count)")
            let area = frame.draw(on: pdf)
            drawContent(page, context, plan: plan, in: area, on: pdf)
            pdf.showPage()
        }
        try pdf.finish()
        return RenderedPDF(pages: plan.count, titles: plan.map(\.title))
    }

    /// A page's content inside its frame: the one drawing path of the PDF and the dashboard's SVGs.
    static func drawContent(_ page: PlannedPage, _ context: BoardPackContext, plan: [PlannedPage], in area: Rect,
                            on pdf: PDFDocument) {
        switch page {
        case .cover: CoverPage.draw(context, plan: plan, in: area, on: pdf)
        case .executiveSummary: ExecutiveSummaryPage.draw(context, in: area, on: pdf)
        case let .capitalLiquidity(f): CapitalLiquidityPage.draw(context, framework: f, in: area, on: pdf)
        case let .creditLosses(f): CreditLossesPage.draw(context, framework: f, in: area, on: pdf)
        case .provisions: ProvisionsPage.draw(context, in: area, on: pdf)
        case .income: IncomePage.draw(context, in: area, on: pdf)
        case .cet1Waterfall: CET1WaterfallPage.draw(context, in: area, on: pdf)
        case .stressAttribution: StressAttributionPage.draw(context, in: area, on: pdf)
        case .lossDistribution: LossDistributionPage.draw(context, in: area, on: pdf)
        case .varContributions: VaRContributionsPage.draw(context, in: area, on: pdf)
        case .factorRisk: FactorRiskPage.draw(context, in: area, on: pdf)
        case .scenarioFan: ScenarioFanPage.draw(context, in: area, on: pdf)
        case .calibration: CalibrationPage.draw(context, in: area, on: pdf)
        case .manifest: ManifestPage.draw(context, in: area, on: pdf)
        }
    }

    static func subtitle(_ page: PlannedPage, _ context: BoardPackContext) -> String? {
        let scenarioCount = context.results.scenarios.count
        switch page {
        case .cover: return context.bank
        case .executiveSummary:
            return "\(scenarioCount) scenario\(scenarioCount == 1 ? "" : "s") · \(context.amountNote)"
        case let .capitalLiquidity(f), let .creditLosses(f):
            let n = context.scenarios(of: f).count
            return "\(n) scenario\(n == 1 ? "" : "s") run under the \(f.boardName) methodology · \(context.amountNote)"
        case .income:
            return "PPNR = NII + fees and other income − expenses, per period · \(context.amountNote)"
        case .provisions:
            return "The binding scenario (lowest minimum CET1 ratio) and each framework's · \(context.amountNote)"
        case .cet1Waterfall: return "Each framework's binding scenario (lowest minimum CET1 ratio), in basis points of RWA"
        case .stressAttribution:
            return "Exact Shapley contributions to cumulative expected loss, from the neutral path to the scenario · "
                + context.amountNote
        case .lossDistribution, .varContributions:
            return "One-year horizon, Monte Carlo · \(context.amountNote)"
        case .factorRisk: return "Euler contributions to the standard deviation of credit loss · \(context.amountNote)"
        case .scenarioFan: return "Each line a scenario of the run; the band spans them; by year of the horizon"
        case .calibration:
            return "How this bank's stress compares with the system in each exercise · depletions and steps in basis points"
        case .manifest: return "Re-verify with: stresspack runs verify \(context.results.run.id)"
        }
    }

    /// Midnight UTC of an ISO date (the run's as-of date); the epoch if malformed.
    static func asOfDate(_ iso: String) -> Date {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return Date(timeIntervalSince1970: 0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) ?? Date(timeIntervalSince1970: 0)
    }
}
