import CapitalEngine
import CreditEngine
import FactorModel
import VaREngine
import IncomeEngine
import LiquidityEngine
import ProvisionsEngine
import StressCore

/// The results document (INTERFACES.md, `results.json`): every figure the
/// workbook and the PDF show. Engines add their sections as they land.
public struct RunResults: Sendable, Codable {
    public var run: RunInfo
    public var portfolio: PortfolioSummary
    public var balanceSheet: BalanceSheetSummary?
    public var scenarios: [ScenarioResult]
    /// Where the credit risk sits by factor (market, sector, country): METHODOLOGY §5.
    public var factorRisk: FactorRiskReport?
    /// Credit VaR, expected shortfall and economic capital of the jump-off book (METHODOLOGY §6).
    public var creditVaR: VaRResult?
    /// Headline scenarios beside the published aggregates of their exercises.
    public var calibration: [CalibrationRow]?
    /// Interest rate risk in the banking book (BCBS d368): ΔEVE and ΔNII under the six shocks.
    public var irrbb: IRRBBResult?
    /// The jump-off book as the supervisory reporting templates slice it (COREP, Pillar 3).
    public var regulatoryFacts: RegulatoryFacts?
    /// Which regulatory templates were filled, where they were written and how their checks went.
    public var regulatoryTemplates: [RegulatoryTemplateSummary]?
    public var dataQuality: DataQuality

    enum CodingKeys: String, CodingKey {
        case run, portfolio, balanceSheet = "balance_sheet", scenarios, factorRisk = "factor_risk", creditVaR = "var"
        case calibration, irrbb, regulatoryFacts = "regulatory_facts", regulatoryTemplates = "regulatory_templates"
        case dataQuality = "data_quality"
    }

    public init(run: RunInfo, portfolio: PortfolioSummary, balanceSheet: BalanceSheetSummary?,
                scenarios: [ScenarioResult], factorRisk: FactorRiskReport? = nil, creditVaR: VaRResult? = nil,
                calibration: [CalibrationRow]? = nil, irrbb: IRRBBResult? = nil,
                regulatoryFacts: RegulatoryFacts? = nil, dataQuality: DataQuality) {
        self.regulatoryFacts = regulatoryFacts
        self.calibration = calibration
        self.irrbb = irrbb
        self.factorRisk = factorRisk
        self.creditVaR = creditVaR
        self.run = run
        self.portfolio = portfolio
        self.balanceSheet = balanceSheet
        self.scenarios = scenarios
        self.dataQuality = dataQuality
    }
}

public struct RunInfo: Sendable, Codable, Equatable {
    public var id: String
    public var asOf: String
    public var seed: UInt64
    public var engineVersion: String
    public var pack: String
    public var createdFrom: CreatedFrom

    public struct CreatedFrom: Sendable, Codable, Equatable {
        public var inputs: [InputFile]
    }

    enum CodingKeys: String, CodingKey {
        case id, asOf = "as_of", seed, engineVersion = "engine_version", pack, createdFrom = "created_from"
    }

    public init(id: String, asOf: String, seed: UInt64, pack: String, inputs: [InputFile]) {
        self.id = id
        self.asOf = asOf
        self.seed = seed
        self.engineVersion = EngineVersion.current
        self.pack = pack
        self.createdFrom = CreatedFrom(inputs: inputs)
    }
}

/// An input file with its content hash, as in the manifest.
public struct InputFile: Sendable, Codable, Equatable {
    public var role: String
    public var path: String
    public var sha256: String
    public var bytes: Int

    public init(role: String, path: String, sha256: String, bytes: Int) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// Jump-off capital ratios as reported in the balance sheet.
public struct BalanceSheetSummary: Sendable, Codable, Equatable {
    /// The bank's name from the balance sheet file (`bank:`), when given.
    public var bank: String?
    public var currency: String
    public var cet1: Double
    public var rwa: Double?
    public var cet1Ratio: Double?
    public var tier1Ratio: Double?
    public var totalCapitalRatio: Double?
    public var leverageRatio: Double
    /// Additional Tier 1 and Tier 2 capital, the market and operational RWA (the part of the
    /// RWA the credit engines do not project) and the leverage exposure measure: the capital
    /// and REA templates read them.
    public var at1: Double
    public var tier2: Double
    public var otherRWA: Double
    public var leverageExposure: Double

    enum CodingKeys: String, CodingKey {
        case bank, currency, cet1, rwa, cet1Ratio = "cet1_ratio", tier1Ratio = "tier1_ratio"
        case totalCapitalRatio = "total_capital_ratio", leverageRatio = "leverage_ratio"
        case at1, tier2, otherRWA = "other_rwa", leverageExposure = "leverage_exposure"
    }

    public init(_ b: BalanceSheet) {
        bank = b.bank
        currency = b.currency
        cet1 = b.capital.cet1
        rwa = b.capital.rwa
        cet1Ratio = b.capital.rwa.map { b.capital.cet1 / $0 }
        tier1Ratio = b.capital.rwa.map { b.capital.tier1 / $0 }
        totalCapitalRatio = b.capital.rwa.map { b.capital.totalCapital / $0 }
        leverageRatio = b.capital.tier1 / b.capital.leverageExposure
        at1 = b.capital.at1
        tier2 = b.capital.tier2
        otherRWA = b.capital.otherRWA
        leverageExposure = b.capital.leverageExposure
    }
}

/// One scenario of the run: its identity and every engine's figures.
public struct ScenarioResult: Sendable, Codable, Equatable {
    public var id: String
    public var framework: String
    public var severity: String
    public var frequency: String
    public var periods: [String]
    public var source: String
    public var variables: [String]
    public var satellite: SatelliteSummary?
    public var credit: CreditProjection?
    public var capital: CapitalResult?
    /// IFRS 9 / CECL / Ind AS 109 provisions: stages, coverage, transitions, impairments.
    public var provisions: ProvisionsResult?
    /// NII, non-interest lines and PPNR under the scenario's rate paths.
    public var income: IncomeResult?
    public var liquidity: ScenarioLiquidityResult?
    public var attribution: StressAttribution?
    public var reverseStress: ReverseStressResult?
    public var rbi: RBIResult?

    enum CodingKeys: String, CodingKey {
        case id, framework, severity, frequency, periods, source, variables, satellite, credit, capital, provisions, income, liquidity
        case attribution, reverseStress = "reverse_stress", rbi
    }

    public init(_ s: Scenario) {
        id = s.id
        framework = s.framework.rawValue
        severity = s.severity.rawValue
        frequency = s.frequency.rawValue
        periods = s.periods
        source = s.source
        variables = s.variables.map(\.name)
    }
}

public struct DataQuality: Sendable, Codable, Equatable {
    public var findings: [DataQualityFinding]
    public init(findings: [DataQualityFinding]) { self.findings = findings }
}
