import StressCore
import StressRun

/// One page of the pack, resolved from the template against the run: a
/// per-framework template entry becomes one page per framework with scenarios,
/// and a page with nothing to show (no VaR, no attribution) is left out, so the
/// page count and the contents list are known before anything is drawn.
enum PlannedPage: Equatable {
    case cover
    case executiveSummary
    case capitalLiquidity(Framework)
    case creditLosses(Framework)
    case provisions
    case income
    case cet1Waterfall
    case stressAttribution
    case lossDistribution
    case varContributions
    case factorRisk
    case scenarioFan
    case calibration
    case manifest

    var title: String {
        switch self {
        case .cover: return "Cover"
        case .executiveSummary: return "Executive summary"
        case let .capitalLiquidity(f): return "\(f.displayName) framework: capital and liquidity"
        case let .creditLosses(f): return "\(f.displayName) framework: credit losses"
        case .provisions: return "Provisions: stages, coverage and impairment"
        case .income: return "Income under the scenarios and interest rate risk"
        case .cet1Waterfall: return "CET1 ratio from jump-off to the minimum"
        case .stressAttribution: return "What drives the stressed loss: attribution by macro variable"
        case .lossDistribution: return "Credit loss distribution of the jump-off portfolio"
        case .varContributions: return "Where the tail risk sits: VaR and ES contributions"
        case .factorRisk: return "Factor risk of the credit book"
        case .scenarioFan: return "The scenarios' macro paths"
        case .calibration: return "Appendix: capital results beside the published exercises"
        case .manifest: return "Appendix: run manifest"
        }
    }

    static func plan(_ context: BoardPackContext) -> [PlannedPage] {
        var pages: [PlannedPage] = []
        let r = context.results
        for entry in context.template.pages {
            let frameworks = context.frameworks.filter { entry.frameworks?.contains($0) ?? true }
            switch entry.kind {
            case .cover: pages.append(.cover)
            case .executiveSummary: pages.append(.executiveSummary)
            case .capitalLiquidity:
                pages += frameworks.filter { f in
                    context.scenarios(of: f).contains { r.scenarios[$0].capital != nil || r.scenarios[$0].liquidity != nil }
                }.map(PlannedPage.capitalLiquidity)
            case .creditLosses:
                pages += frameworks.filter { f in context.scenarios(of: f).contains { r.scenarios[$0].credit != nil } }
                    .map(PlannedPage.creditLosses)
            case .provisions:
                if r.scenarios.contains(where: { $0.provisions != nil && $0.capital != nil }) { pages.append(.provisions) }
            case .income:
                if r.scenarios.contains(where: { $0.income != nil }) { pages.append(.income) }
            case .cet1Waterfall:
                if r.scenarios.contains(where: { $0.capital != nil }) { pages.append(.cet1Waterfall) }
            case .stressAttribution:
                if r.scenarios.contains(where: { $0.attribution != nil }) { pages.append(.stressAttribution) }
            case .lossDistribution:
                if r.creditVaR?.distribution != nil { pages.append(.lossDistribution) }
            case .varContributions:
                if r.creditVaR.map({ !$0.bySegment.isEmpty }) ?? false { pages.append(.varContributions) }
            case .factorRisk:
                if r.factorRisk != nil { pages.append(.factorRisk) }
            case .scenarioFan:
                if !ScenarioFanPage.variables(context).isEmpty { pages.append(.scenarioFan) }
            case .calibration:
                if !(r.calibration ?? []).isEmpty { pages.append(.calibration) }
            case .manifest: pages.append(.manifest)
            }
        }
        return pages
    }
}
