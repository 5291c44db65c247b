import StressCore

/// The Federal Reserve's supervisory scenario CSV (one row per quarter, the Board's
/// own layout) → a quarterly CCAR scenario (data/regulators/SCENARIOS.md,
/// "Conversion to the scenario YAML").
///
/// Conversions, per published column:
/// - growth rates (real and nominal GDP, real and nominal disposable income) are
///   annualised quarter-on-quarter percentages: divided by 100, still annualised
///   (INTERFACES.md: quarterly GDP growth is annualised);
/// - the unemployment rate, CPI inflation (annualised q/q), the Treasury, BBB,
///   mortgage and prime rates are percentages: divided by 100;
/// - `bbb_spread` is derived: (BBB corporate yield − 10-year Treasury yield) / 100;
/// - the stock market, house price and commercial real estate indices are levels:
///   the period change L_t / L_{t−1} − 1, the first quarter against the jump-off
///   quarter, the last row of the Board's historic file (2025Q4);
/// - the VIX is a level in annualised volatility points: divided by 100, so that
///   72 is written 0.72 (an implied volatility as a fraction, like every other
///   scenario value).
///
/// All published quarters are kept (13 for 2026, 2026Q1–2029Q1); the engine
/// projects the first nine (METHODOLOGY §2.4).
public enum FedScenarioImport {
    /// How one variable is derived from the Board's columns.
    enum Conversion {
        /// percent → fraction.
        case percent(String)
        /// level → period change against the previous quarter.
        case indexChange(String)
        /// level / 100.
        case level(String)
        /// (first − second) / 100.
        case percentDifference(String, String)
    }

    /// The variables, by StressPack name, with their column and conversion and the
    /// sentence written under `units:`.
    static let variables: [(name: String, conversion: Conversion, unit: String)] = [
        ("gdp_growth", .percent("Real GDP growth"),
         "Real GDP growth, annualised q/q percent / 100 (still annualised)"),
        ("nominal_gdp_growth", .percent("Nominal GDP growth"),
         "Nominal GDP growth, annualised q/q percent / 100"),
        ("disposable_income_growth", .percent("Real disposable income growth"),
         "Real disposable income growth, annualised q/q percent / 100"),
        ("nominal_disposable_income_growth", .percent("Nominal disposable income growth"),
         "Nominal disposable income growth, annualised q/q percent / 100"),
        ("unemployment", .percent("Unemployment rate"), "Unemployment rate, percent / 100"),
        ("inflation", .percent("CPI inflation rate"), "CPI inflation rate, annualised q/q percent / 100"),
        ("treasury_3m", .percent("3-month Treasury rate"), "3-month Treasury rate, percent / 100"),
        ("treasury_5y", .percent("5-year Treasury yield"), "5-year Treasury yield, percent / 100"),
        ("treasury_10y", .percent("10-year Treasury yield"), "10-year Treasury yield, percent / 100"),
        ("bbb_yield", .percent("BBB corporate yield"), "BBB corporate yield, percent / 100"),
        ("bbb_spread", .percentDifference("BBB corporate yield", "10-year Treasury yield"),
         "(BBB corporate yield - 10-year Treasury yield) / 100, derived"),
        ("mortgage_rate", .percent("Mortgage rate"), "Mortgage rate, percent / 100"),
        ("prime_rate", .percent("Prime rate"), "Prime rate, percent / 100"),
        ("equity_index", .indexChange("Dow Jones Total Stock Market Index (Level)"),
         "Dow Jones Total Stock Market Index (level): L_t / L_t-1 - 1, first quarter against the jump-off"),
        ("house_price_index", .indexChange("House Price Index (Level)"),
         "House Price Index (level): L_t / L_t-1 - 1, first quarter against the jump-off"),
        ("commercial_property_index", .indexChange("Commercial Real Estate Price Index (Level)"),
         "Commercial Real Estate Price Index (level): L_t / L_t-1 - 1, first quarter against the jump-off"),
        ("vix", .level("Market Volatility Index (Level)"),
         "Market Volatility Index (VIX, level in volatility points) / 100"),
    ]

    /// Variables whose jump-off level (the historic file's last row) is recorded for the
    /// income engine (`ScenarioDocument.rateJumpOff`).
    static let rateVariables: Set<String> = ["treasury_3m", "treasury_5y", "treasury_10y", "bbb_yield", "bbb_spread",
                                             "mortgage_rate", "prime_rate"]

    static let dateColumn = "Date"
    static let scenarioColumn = "Scenario Name"

    /// Converts the scenario table, with the historic table for the jump-off.
    /// - Parameters:
    ///   - scenarioPath, historyPath: the CSV files on disk.
    ///   - sourceFile: the scenario CSV's repository-relative path, recorded as
    ///     `source_file:` and used in errors; `historyFile` likewise for errors.
    ///   - sha256: the scenario CSV's SHA-256 (the caller hashes the file).
    public static func load(scenarioPath: String, sourceFile: String, sha256: String,
                            historyPath: String, historyFile: String,
                            id: String, name: String, severity: Severity,
                            source: String) throws(InputError) -> ScenarioDocument {
        try convert(scenario: RegulatorTable.load(path: scenarioPath, file: sourceFile),
                    history: RegulatorTable.load(path: historyPath, file: historyFile),
                    sha256: sha256, id: id, name: name, severity: severity, source: source)
    }

    static func convert(scenario table: RegulatorTable, history: RegulatorTable, sha256: String,
                        id: String, name: String, severity: Severity, source: String) throws(InputError) -> ScenarioDocument {
        guard let firstRow = table.rows.first else {
            throw InputError(file: table.file, message: "no quarters: expected one row per quarter after the header")
        }
        let scenarioName = try table.text(firstRow, scenarioColumn)
        var periods: [Quarter] = []
        for row in table.rows {
            let quarter = try Quarter(fedDate: try table.text(row, dateColumn), table: table, row: row)
            if let previous = periods.last, quarter != previous.next {
                throw InputError(file: table.file, line: row.line, key: dateColumn,
                                 message: "expected \(previous.next.label) after \(previous.label), found \(quarter.label)")
            }
            guard try table.text(row, scenarioColumn) == scenarioName else {
                throw InputError(file: table.file, line: row.line, key: scenarioColumn,
                                 message: "expected every row to belong to '\(scenarioName)'")
            }
            periods.append(quarter)
        }
        guard let jumpOffRow = history.rows.last else {
            throw InputError(file: history.file, message: "no quarters: the jump-off is the last row of the historic file")
        }
        let jumpOff = try Quarter(fedDate: try history.text(jumpOffRow, dateColumn), table: history, row: jumpOffRow)
        guard jumpOff.next == periods[0] else {
            throw InputError(file: history.file, line: jumpOffRow.line, key: dateColumn,
                             message: "the jump-off \(jumpOff.label) does not precede the scenario's first quarter \(periods[0].label)")
        }

        var values: [ScenarioVariable] = []
        var units: [String: String] = [:]
        var rateJumpOff: [String: Double] = [:]
        for variable in variables {
            if rateVariables.contains(variable.name) {
                switch variable.conversion {
                case .percent(let column):
                    rateJumpOff[variable.name] = ScenarioYAML.rounded(try history.number(jumpOffRow, column) / 100)
                case .percentDifference(let first, let second):
                    rateJumpOff[variable.name] = ScenarioYAML.rounded(
                        (try history.number(jumpOffRow, first) - history.number(jumpOffRow, second)) / 100)
                case .level, .indexChange:
                    break
                }
            }
            var path: [Double] = []
            for (index, row) in table.rows.enumerated() {
                switch variable.conversion {
                case .percent(let column):
                    path.append(try table.number(row, column) / 100)
                case .level(let column):
                    path.append(try table.number(row, column) / 100)
                case .percentDifference(let first, let second):
                    path.append((try table.number(row, first) - table.number(row, second)) / 100)
                case .indexChange(let column):
                    let previous = try index == 0
                        ? history.number(jumpOffRow, column) : table.number(table.rows[index - 1], column)
                    let level = try table.number(row, column)
                    guard previous > 0 else {
                        throw InputError(file: index == 0 ? history.file : table.file,
                                         line: index == 0 ? jumpOffRow.line : table.rows[index - 1].line, key: column,
                                         message: "expected a positive index level, found \(previous)")
                    }
                    path.append(level / previous - 1)
                }
            }
            values.append(ScenarioVariable(name: variable.name, values: path.map(ScenarioYAML.rounded)))
            units[variable.name] = variable.unit
        }

        let scenario = Scenario(
            id: id, framework: .ccar, name: name, severity: severity, frequency: .quarterly,
            periods: periods.map(\.label), source: source, variables: values,
            sourceFile: table.file, sourceSHA256: sha256)
        return ScenarioDocument(
            scenario: scenario, jumpOff: jumpOff.label,
            notes: [
                "Converted from the Board's rows '\(scenarioName)' (Sources/Inputs/ScenarioImport/FedScenarioImport.swift).",
                "All \(periods.count) published quarters (\(periods[0].label)-\(periods[periods.count - 1].label)) are kept; "
                    + "the CCAR engine projects the first 9.",
                "Index changes start from the jump-off \(jumpOff.label), the last row of \(history.file).",
                "The VIX is written as level / 100 (an implied volatility as a fraction); bbb_spread is derived",
                "as the BBB corporate yield less the 10-year Treasury yield.",
                "The international block (euro area, UK, developing Asia, Japan) was not available and is left out.",
            ],
            units: units, rateJumpOff: rateJumpOff)
    }
}

/// A calendar quarter.
struct Quarter: Equatable, Comparable {
    var year: Int
    /// 1...4
    var quarter: Int

    init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// "2026 Q1" (the Board's spelling) or "2026Q1" (the Bank of England's).
    init?(_ text: String) {
        let compact = text.filter { $0 != " " }
        let parts = compact.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let quarter = Int(parts[1]),
              (1...4).contains(quarter), parts[1].count == 1 else { return nil }
        self.init(year: year, quarter: quarter)
    }

    init(fedDate text: String, table: RegulatorTable, row: RegulatorTable.Row) throws(InputError) {
        guard let quarter = Quarter(text) else {
            throw InputError(file: table.file, line: row.line, key: FedScenarioImport.dateColumn,
                             message: "expected a quarter such as '2026 Q1', found '\(text)'")
        }
        self = quarter
    }

    var label: String { "\(year)Q\(quarter)" }
    var next: Quarter { quarter == 4 ? Quarter(year: year + 1, quarter: 1) : Quarter(year: year, quarter: quarter + 1) }

    static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}
