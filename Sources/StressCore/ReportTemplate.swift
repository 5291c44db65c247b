/// A report pack's layout (`templates/<id>.yaml`): which sheets a workbook has,
/// in which order, how each is split (one sheet for the run, one per framework or
/// one per scenario) and which charts it carries. Adding a sheet to a pack is an
/// edit of the template; only a new kind of section needs code (a builder in
/// Reports). Inputs parses the file; Reports renders from this value.
public struct ReportTemplate: Sendable, Equatable {
    /// The pack id (`quarterly-submission`, `board`, `audit`); the file is `<id>.yaml`.
    public var id: String
    /// The workbook's title, shown on the cover and in the document properties.
    public var title: String
    public var description: String?
    public var sheets: [Sheet]
    /// The PDF's pages in order; no PDF when empty.
    public var pages: [Page]
    /// The supervisory templates of the pack (`templates/regulatory/<id>.yaml`), filled from
    /// the run into `<pack>-templates.xlsx` and `templates/<id>.csv`; none when empty.
    public var regulatory: [String]

    public init(id: String, title: String, description: String? = nil, sheets: [Sheet], pages: [Page] = [],
                regulatory: [String] = []) {
        self.regulatory = regulatory
        self.id = id
        self.title = title
        self.description = description
        self.sheets = sheets
        self.pages = pages
    }

    /// One entry of `pages:`; a per-framework page gives one page per framework
    /// with scenarios in the run (or in `frameworks`), the others one page. A page
    /// with nothing to show for a run (no VaR, no attribution) is left out.
    public struct Page: Sendable, Equatable {
        public var kind: PageKind
        /// Only these frameworks (per-framework pages); all when nil.
        public var frameworks: [Framework]?

        public init(_ kind: PageKind, frameworks: [Framework]? = nil) {
            self.kind = kind
            self.frameworks = frameworks
        }
    }

    /// The pages the PDF renderer can draw (`page:` in the file).
    public enum PageKind: String, Sendable, CaseIterable, Codable {
        /// Bank, as-of date, run id, pack.
        case cover
        /// Every scenario's minimum CET1 against its hurdle, cumulative loss and
        /// minimum LCR with pass/breach marks; VaR and ES of the jump-off book.
        case executiveSummary = "executive_summary"
        /// Per framework: CET1 and leverage paths against hurdles, LCR against 100%.
        case capitalLiquidity = "capital_liquidity"
        /// Per framework: losses by period stacked by segment, stressed PD and LGD paths.
        case creditLosses = "credit_losses"
        /// Stage mix, coverage and impairment under the binding scenario; each framework's binding scenario.
        case provisions
        /// NII and PPNR paths by scenario; the IRRBB shocks and outlier test.
        case income
        /// Start CET1 ratio to the minimum, step by step, for each framework's binding scenario.
        case cet1Waterfall = "cet1_waterfall"
        /// Shapley contributions of the scenario variables, from the neutral to the stressed loss.
        case stressAttribution = "stress_attribution"
        /// The simulated credit loss distribution with EL, VaR and ES marked.
        case lossDistribution = "loss_distribution"
        /// VaR and ES contributions by segment.
        case varContributions = "var_contributions"
        /// Factor contributions to credit loss volatility.
        case factorRisk = "factor_risk"
        /// The macro variables across scenarios, one panel per variable.
        case scenarioFan = "scenario_fan"
        /// Appendix: the headline scenarios beside the published aggregates of their exercises.
        case calibration
        /// Appendix: the run's manifest (inputs and outputs with SHA-256).
        case manifest

        public var isPerFramework: Bool { self == .capitalLiquidity || self == .creditLosses }
    }

    /// One entry of `sheets:`; it gives one worksheet or, split per framework or
    /// scenario, several. A section with nothing to show for a run (no liquidity
    /// results, no RBI scenario, no VaR) gives no sheet.
    public struct Sheet: Sendable, Equatable {
        public var section: Section
        /// Tab name (at most 31 characters with the framework or scenario added);
        /// the section's own name when nil.
        public var title: String?
        public var split: Split
        /// Only these frameworks' scenarios; all when nil.
        public var frameworks: [Framework]?
        public var charts: [Chart]
        /// The most rows a list section (`exposures`) shows, the largest by EAD first; nil:
        /// the section's default (`defaultMaxRows`); `Int.max`: every row (`rows: all`).
        public var maxRows: Int?

        /// A reader does not scroll a million rows, and writing them is most of a large
        /// book's workbook time: the exposure list shows the 100,000 largest by default.
        public static let defaultMaxRows = 100_000

        public init(section: Section, title: String? = nil, split: Split? = nil, frameworks: [Framework]? = nil,
                    charts: [Chart] = [], maxRows: Int? = nil) {
            self.maxRows = maxRows
            self.section = section
            self.title = title
            self.split = split ?? section.defaultSplit
            self.frameworks = frameworks
            self.charts = charts
        }
    }

    /// How a section is spread over sheets (`per:` in the file).
    public enum Split: String, Sendable, CaseIterable, Codable {
        /// One sheet for the run (scenario sections show every scenario, one block each).
        case run
        /// One sheet per framework, its scenarios one block each.
        case framework
        /// One sheet per scenario.
        case scenario
    }

    /// The sections a template can list. Each has one builder in Reports/Builders.
    public enum Section: String, Sendable, CaseIterable, Codable {
        case cover
        case summary
        case portfolio
        case scenarioPaths = "scenario_paths"
        case creditLosses = "credit_losses"
        /// IFRS 9 / CECL / Ind AS 109 stages, provisions, coverage and impairments.
        case provisions
        /// NII by product, the PPNR build-up, rate paths; the run's IRRBB table.
        case income
        case capital
        case liquidity
        case attribution
        case reverseStress = "reverse_stress"
        case rbiSensitivities = "rbi_sensitivities"
        /// Credit VaR, expected shortfall and economic capital with contributions.
        case valueAtRisk = "var"
        /// Factor risk decomposition of the credit book.
        case factorRisk = "factor_risk"
        case dataQuality = "data_quality"
        case exposures
        case inputs
        case parameters
        case manifest
        case selfCheck = "self_check"

        /// Whether the section is about scenarios, so it may be split by framework or scenario.
        public var isPerScenario: Bool {
            switch self {
            case .scenarioPaths, .creditLosses, .provisions, .income, .capital, .liquidity, .attribution, .rbiSensitivities:
                return true
            default: return false
            }
        }

        public var defaultSplit: Split { isPerScenario ? .framework : .run }

        /// The splits the section accepts.
        public var splits: [Split] { isPerScenario ? Split.allCases : [.run] }

        /// The charts the section can draw.
        public var charts: [Chart] {
            switch self {
            case .summary: return [.minCET1ByScenario]
            case .creditLosses: return [.lossesBySegment, .lossesByAssetClass]
            case .capital: return [.cet1VersusHurdle]
            case .liquidity: return [.lcrPath]
            case .attribution: return [.attributionByVariable]
            case .valueAtRisk: return [.varContributions]
            case .factorRisk: return [.factorContributions]
            default: return []
            }
        }
    }

    /// Native Excel charts, by what they show.
    public enum Chart: String, Sendable, CaseIterable, Codable {
        /// CET1 ratio per period against the framework hurdle (line).
        case cet1VersusHurdle = "cet1_vs_hurdle"
        /// Expected loss per period stacked by segment (stacked columns).
        case lossesBySegment = "losses_by_segment"
        /// Expected loss per period stacked by asset class (stacked columns).
        case lossesByAssetClass = "losses_by_asset_class"
        /// Stressed LCR per period against the 100% minimum (line).
        case lcrPath = "lcr_path"
        /// Minimum CET1 ratio of each scenario beside its hurdle (columns).
        case minCET1ByScenario = "min_cet1_by_scenario"
        /// Shapley contributions of the scenario variables to cumulative EL (bars).
        case attributionByVariable = "attribution_by_variable"
        /// VaR and ES contributions by segment (bars).
        case varContributions = "var_contributions"
        /// Factor-group contributions to credit loss σ (bars).
        case factorContributions = "factor_contributions"
    }
}
