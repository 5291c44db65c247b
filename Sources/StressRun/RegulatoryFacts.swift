import CapitalEngine
import ProvisionsEngine
import RiskMath
import StressCore

/// The jump-off book aggregated the way the supervisory reporting templates slice it
/// (`regulatory_facts` in results.json): IRB exposures by CRR Art. 147 class, obligor grade
/// and the fixed PD scale of Pillar 3 EU CR6 / COREP C 08.03; standardised exposures by
/// CRR Art. 112 class and risk weight (COREP C 07.00). Every cell of those templates is a
/// sum or a ratio of sums of these rows, so each traces to results.json.
///
/// Risk weights are the capital engine's own, exposure by exposure: the IRB weight at the
/// jump-off PD and LGD (floors applied), the standardised weight of the framework's table
/// (defaulted exposures by provision coverage, CRE20.89). Provisions are the jump-off
/// allowance of the framework's provisioning rules: the bank's where given, else the model's.
public struct RegulatoryFacts: Sendable, Codable, Equatable {
    public struct Basis: Sendable, Codable, Equatable {
        /// The framework whose rules the facts follow (the EU's, for COREP and Pillar 3).
        public var framework: String
        public var approach: String
        public var standardisedTable: String?
        public var provisioningStandard: String
        /// `standardised_approach`: the exposures the framework weights under the SA;
        /// `output_floor_equivalent`: an IRB book's standardised equivalent (CRR Art. 92(3)(b)).
        public var standardisedScope: String
        /// How the PD scale buckets exposures.
        public var pdScale: String

        enum CodingKeys: String, CodingKey {
            case framework, approach, standardisedTable = "standardised_table"
            case provisioningStandard = "provisioning_standard", standardisedScope = "standardised_scope"
            case pdScale = "pd_scale"
        }
    }

    /// One cell of the IRB aggregation. Amounts in the balance sheet's currency; `ead_pd`,
    /// `ead_lgd` and `ead_maturity` are EAD-weighted sums for averages.
    public struct IRBRow: Sendable, Codable, Equatable {
        public var exposureClass: String
        public var assetClass: String
        public var grade: String
        public var pdRange: String
        public var defaulted: Bool
        public var obligors: Int
        public var onBalance: Double
        public var offBalance: Double
        public var offBalanceAfterCCF: Double
        public var ead: Double
        public var eadPD: Double
        public var eadLGD: Double
        public var eadMaturity: Double
        /// EAD of the exposures with a maturity adjustment (non-retail): the denominator of the average maturity.
        public var maturityEAD: Double
        public var rwa: Double
        public var expectedLoss: Double
        public var provisions: Double

        enum CodingKeys: String, CodingKey {
            case exposureClass = "exposure_class", assetClass = "asset_class", grade, pdRange = "pd_range", defaulted
            case obligors, onBalance = "on_balance", offBalance = "off_balance"
            case offBalanceAfterCCF = "off_balance_after_ccf", ead, eadPD = "ead_pd", eadLGD = "ead_lgd"
            case eadMaturity = "ead_maturity", maturityEAD = "maturity_ead", rwa, expectedLoss = "expected_loss"
            case provisions
        }
    }

    /// One cell of the standardised aggregation.
    public struct StandardisedRow: Sendable, Codable, Equatable {
        public var exposureClass: String
        public var assetClass: String
        /// The risk weight band ("35%"), or "other".
        public var riskWeight: String
        public var defaulted: Bool
        public var sme: Bool
        /// `residential`, `commercial` or `none`: the immovable property securing it.
        public var property: String
        public var obligors: Int
        public var originalExposure: Double
        public var onBalance: Double
        public var offBalance: Double
        public var provisions: Double
        public var exposureValue: Double
        public var rwa: Double

        enum CodingKeys: String, CodingKey {
            case exposureClass = "exposure_class", assetClass = "asset_class", riskWeight = "risk_weight", defaulted
            case sme, property, obligors, originalExposure = "original_exposure", onBalance = "on_balance"
            case offBalance = "off_balance", provisions, exposureValue = "exposure_value", rwa
        }
    }

    public var basis: Basis
    public var irb: [IRBRow]
    public var standardised: [StandardisedRow]
}

/// One filled regulatory template of a run, in results.json: its file and the outcome of its
/// checks (the cells themselves are in the templates workbook and CSV).
public struct RegulatoryTemplateSummary: Sendable, Codable, Equatable {
    public var id: String
    public var code: String
    public var version: String
    public var definition: String
    public var csv: String
    public var sheet: String
    public var blocks: Int
    public var cells: Int
    public var notProduced: Int
    public var unavailable: Int
    public var checksRun: Int
    public var checksFailed: Int

    public init(id: String, code: String, version: String, definition: String, csv: String, sheet: String, blocks: Int,
                cells: Int, notProduced: Int, unavailable: Int, checksRun: Int, checksFailed: Int) {
        self.id = id
        self.code = code
        self.version = version
        self.definition = definition
        self.csv = csv
        self.sheet = sheet
        self.blocks = blocks
        self.cells = cells
        self.notProduced = notProduced
        self.unavailable = unavailable
        self.checksRun = checksRun
        self.checksFailed = checksFailed
    }

    enum CodingKeys: String, CodingKey {
        case id, code, version, definition, csv, sheet, blocks, cells, notProduced = "not_produced", unavailable
        case checksRun = "checks_run", checksFailed = "checks_failed"
    }
}
