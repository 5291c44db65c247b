import Foundation
import Inputs
import StressCore

/// Where a run's framework files and rate tables come from.
public struct RunEnvironment {
    public var frameworkFile: (Framework) -> String?
    public var liquidityTable: String?
    /// Fama-French monthly factors: the market volatility of the factor risk model.
    public var marketFactors: String?
    /// The report pack's layout, `templates/<pack>.yaml`.
    public var template: (String) -> String? = { pack in
        let path = ProjectPaths.home.appendingPathComponent("templates/\(pack).yaml").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
    /// A supervisory template's definition by id: `templates/regulatory/<id>.yaml`, or the
    /// bank's own copy (`run --regulatory-templates DIR`, to change a template's mapping), or
    /// for `runs verify` the stored file.
    public var regulatoryTemplate: (String) -> String? = { id in
        RunEnvironment.regulatoryTemplate(in: ProjectPaths.home.appendingPathComponent("templates/regulatory").path)(id)
    }

    public static func regulatoryTemplate(in directory: String) -> (String) -> String? {
        { id in
            let path = directory + "/\(id).yaml"
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
    }
    /// The supervisory exercises' published outcomes, for the calibration section.
    public var publishedOutcomes: String? = {
        let path = ProjectPaths.home.appendingPathComponent("data/regulators/published-outcomes.yaml").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()
    /// A standardised risk-weight table named by a framework file, `tables/<name>.yaml`.
    public var riskWeightTable: (String) -> String? = { name in
        let path = ProjectPaths.home.appendingPathComponent("tables/\(name).yaml").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The files under the StressPack home (frameworks/, tables/), where present.
    public static var bundled: RunEnvironment {
        RunEnvironment(
            frameworkFile: { f in
                let path = ProjectPaths.frameworkFile(f)
                return FileManager.default.fileExists(atPath: path) ? path : nil
            },
            liquidityTable: {
                let path = ProjectPaths.home.appendingPathComponent("tables/liquidity-basel.yaml").path
                return FileManager.default.fileExists(atPath: path) ? path : nil
            }(),
            marketFactors: {
                let path = ProjectPaths.home.appendingPathComponent("data/market/fama_french_monthly.csv").path
                return FileManager.default.fileExists(atPath: path) ? path : nil
            }())
    }
}

/// Every file a run reads, with its hash, decided before any work is done so
/// the run can be named and recorded first.
public struct RunInputs: RandomAccessCollection {
    public struct File {
        public var role: String
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    public var files: [File]
    public var frameworkFiles: [(Framework, String)]
    /// The published-outcomes file, when the run has one of its scenarios.
    public var publishedOutcomes: String?
    /// Standardised risk-weight tables named by the framework files: name → path.
    public var riskWeightTables: [String: String]
    public var liquidityTable: String?
    public var template: String?
    /// The pack's supervisory templates: id → definition file.
    public var regulatoryTemplates: [(id: String, path: String)] = []
    /// The balance sheet's as-of date, when it can be read.
    public var asOf: String?
    /// The PD validation's thresholds, when the run validates a PD model.
    public var pdValidationThresholds: String?

    public var startIndex: Int { files.startIndex }
    public var endIndex: Int { files.endIndex }
    public subscript(i: Int) -> File { files[i] }

    public static func resolve(_ job: RunJob) throws -> RunInputs {
        // Frameworks of the scenarios: an unreadable scenario is reported when it is loaded.
        var frameworks = Set<Framework>()
        var scenarioIDs = Set<String>()
        for path in job.scenarioPaths {
            if let s = try? ScenarioFile.load(path: path) {
                frameworks.insert(s.scenario.framework)
                scenarioIDs.insert(s.scenario.id)
            }
        }
        let frameworkFiles = frameworks.sorted { $0.rawValue < $1.rawValue }.compactMap { f in
            job.environment.frameworkFile(f).map { (f, $0) }
        }
        // The risk-weight tables the frameworks' capital rules name; a framework file that
        // cannot be read is reported when it is loaded.
        var tables: [String: String] = [:]
        for (_, path) in frameworkFiles {
            guard let rules = (try? FrameworkFile.load(path: path))?.capital, let name = rules.standardisedTable else { continue }
            guard let table = job.environment.riskWeightTable(name) else {
                throw InputError(file: job.display(path), key: "capital.standardised_table",
                                 message: "no risk-weight table tables/\(name).yaml")
            }
            tables[name] = table
        }
        var list: [(String, String)] = [("portfolio", job.portfolioPath), ("balance_sheet", job.balanceSheetPath)]
        if let table = job.environment.liquidityTable { list.append(("liquidity_rates", table)) }
        if let market = job.environment.marketFactors { list.append(("market_factors", market)) }
        // The pack's template shapes the workbook, so it is an input like any other.
        guard let template = job.environment.template(job.pack) else {
            throw InputError(file: "templates/\(job.pack).yaml", message: "no template for pack '\(job.pack)'")
        }
        list.append(("report_template", template))
        // So are the supervisory templates it lists: their layout and mapping shape the outputs.
        var regulatory: [(id: String, path: String)] = []
        if let pack = try? ReportTemplateFile.load(path: template) {
            for id in pack.regulatory {
                guard let path = job.environment.regulatoryTemplate(id) else {
                    throw InputError(file: job.display(template), key: "regulatory",
                                     message: "no regulatory template '\(id)' (expected templates/regulatory/\(id).yaml)")
                }
                regulatory.append((id, path))
                list.append(("regulatory_template", path))
            }
        }
        // Published outcomes shape results.json only when a scenario of the run has one.
        var publishedOutcomes: String? = nil
        if let path = job.environment.publishedOutcomes {
            let outcomes = try PublishedOutcomesFile.load(path: path)
            if outcomes.contains(where: { scenarioIDs.contains($0.scenario) }) {
                publishedOutcomes = path
                list.append(("published_outcomes", path))
            }
        }
        // The PD model shapes every figure: hashed, stored and named in the manifest. Listed only
        // when used, so runs without one keep their ids.
        if let model = job.pdModelPath { list.append(("pd_model", model)) }
        var validationThresholds: String?
        if let sample = job.pdValidationSamplePath {
            guard job.pdModelPath != nil else {
                throw InputError(file: job.display(sample), message: "a PD validation sample needs the model it validates (--pd-model)")
            }
            let thresholds = job.pdValidationThresholdsPath
                ?? ProjectPaths.home.appendingPathComponent("tables/pd-validation-thresholds.yaml").path
            list.append(("pd_validation_sample", sample))
            list.append(("pd_validation_thresholds", thresholds))
            validationThresholds = thresholds
        }
        list += job.scenarioPaths.map { ("scenario", $0) }
        list += frameworkFiles.map { ("framework", $0.1) }
        list += tables.keys.sorted().map { ("risk_weights", tables[$0]!) }
        var files: [File] = []
        for (role, path) in list {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw InputError(file: job.display(path), message: "cannot read the file (\(role.replacingOccurrences(of: "_", with: " ")))")
            }
            let digest = try FileDigest.sha256(path: path)
            files.append(File(role: role, path: path, sha256: digest.hex, bytes: digest.bytes))
        }
        let asOf = try? BalanceSheetFile.load(path: job.balanceSheetPath).balanceSheet.asOf
        return RunInputs(files: files, frameworkFiles: frameworkFiles, publishedOutcomes: publishedOutcomes,
                         riskWeightTables: tables,
                         liquidityTable: job.environment.liquidityTable,
                         template: template, regulatoryTemplates: regulatory, asOf: asOf,
                         pdValidationThresholds: validationThresholds)
    }
}
