import StressCore

/// The Bank of England's variable paths (data/regulators/boe-2025-bcst-macro.csv,
/// quarterly, `phase` history or stress) → an annual BoE scenario, one period per
/// calendar year of the stress phase (data/regulators/SCENARIOS.md).
///
/// The Bank publishes quarters; StressPack's BoE projection is annual
/// (METHODOLOGY §2.4), so each year of four quarters becomes one period:
/// - flows and rates take the year's average: real and nominal GDP growth are the
///   change of the annual average level, mean(L_y) / mean(L_y−1) − 1 (calendar-year
///   growth, as the EBA's annual GDP figures), the year before the stress being the
///   last four history quarters; the unemployment rate and Bank Rate (percent) are
///   annual averages / 100; corporate bond spreads (basis points) annual averages
///   / 10 000; the VIX annual average / 100;
/// - indices take the change over the year, Q4 on Q4, L_y,Q4 / L_y−1,Q4 − 1, the
///   first year against the jump-off 2024Q4 (= 100): house prices, commercial real
///   estate, UK equities, and the CPI, whose Q4-on-Q4 change is the y/y inflation
///   rate in the fourth quarter (L_t / L_t−4 − 1 at Q4).
/// Averaging smooths the quarterly peaks: unemployment peaks at 8.5% in 2027Q1–Q2,
/// the 2027 average is 8.35%; Bank Rate peaks at 8.0% in 2025Q4, the 2025 average
/// is 7.1%.
///
/// From the yield curves (data/regulators/boe-2025-bcst-yields.csv, the same quarters),
/// when given: `short_rate`, the 3-month gilt yield, and `long_rate`, the 10-year gilt
/// yield, annual averages / 100. The 2- and 5-year gilts, SONIA and the other curves are
/// left out: the scenario format has no variable names for them yet.
public enum BoEScenarioImport {
    enum Conversion {
        /// mean(L_y) / mean(L_y−1) − 1.
        case averageGrowth(String)
        /// mean / divisor.
        case average(String, divisor: Double)
        /// L_y,Q4 / L_y−1,Q4 − 1.
        case fourthQuarterChange(String)
    }

    static let variables: [(name: String, conversion: Conversion, unit: String)] = [
        ("gdp_growth", .averageGrowth("uk_real_gdp"),
         "uk_real_gdp (GBP m level): annual average level / previous year's average - 1"),
        ("nominal_gdp_growth", .averageGrowth("uk_nominal_gdp"),
         "uk_nominal_gdp (GBP m level): annual average level / previous year's average - 1"),
        ("unemployment", .average("uk_unemployment_rate", divisor: 100),
         "uk_unemployment_rate (percent): annual average / 100"),
        ("inflation", .fourthQuarterChange("uk_cpi"),
         "uk_cpi (index, 2024Q4 = 100): y/y CPI inflation in Q4, L_Q4 / L_Q4 a year earlier - 1"),
        ("house_price_index", .fourthQuarterChange("uk_residential_property_price_index"),
         "uk_residential_property_price_index (2024Q4 = 100): Q4 on Q4 change, first year against 2024Q4"),
        ("commercial_property_index", .fourthQuarterChange("uk_commercial_real_estate_price_index"),
         "uk_commercial_real_estate_price_index (2024Q4 = 100): Q4 on Q4 change, first year against 2024Q4"),
        ("equity_index", .fourthQuarterChange("uk_equity_prices"),
         "uk_equity_prices (2024Q4 = 100): Q4 on Q4 change, first year against 2024Q4"),
        ("bank_rate", .average("bank_rate", divisor: 100), "bank_rate (percent): annual average / 100"),
        ("corporate_spread", .average("sterling_ig_corporate_bond_spread", divisor: 10_000),
         "sterling_ig_corporate_bond_spread (basis points): annual average / 10000"),
        ("corporate_spread_hy", .average("sterling_hy_corporate_bond_spread", divisor: 10_000),
         "sterling_hy_corporate_bond_spread (basis points): annual average / 10000"),
        ("vix", .average("volatility_index", divisor: 100),
         "volatility_index (VIX level): annual average / 100"),
        ("eur_policy_rate", .average("ecb_policy_rate", divisor: 100),
         "ecb_policy_rate (percent): annual average / 100; the euro rates for a book in euros"),
    ]

    /// Gilt yields from the curves file: annual averages of percent / 100.
    static let yieldVariables: [(name: String, column: String, unit: String)] = [
        ("short_rate", "uk_government_bond_yields_0.25y",
         "uk_government_bond_yields_0.25y (3-month gilt yield, percent; boe-2025-bcst-yields.csv): annual average / 100"),
        ("long_rate", "uk_government_bond_yields_10y",
         "uk_government_bond_yields_10y (10-year gilt yield, percent; boe-2025-bcst-yields.csv): annual average / 100"),
        ("eur_short_rate", "euribor_swap_rates_0.25y",
         "euribor_swap_rates_0.25y (3-month Euribor swap rate, percent; boe-2025-bcst-yields.csv): annual average / 100"),
        ("eur_swap_2y", "euribor_swap_rates_2y",
         "euribor_swap_rates_2y (percent; boe-2025-bcst-yields.csv): annual average / 100"),
        ("eur_swap_5y", "euribor_swap_rates_5y",
         "euribor_swap_rates_5y (percent; boe-2025-bcst-yields.csv): annual average / 100"),
        ("eur_long_rate", "euribor_swap_rates_10y",
         "euribor_swap_rates_10y (percent; boe-2025-bcst-yields.csv): annual average / 100"),
    ]

    /// Rate and spread variables whose jump-off level is recorded for the income engine.
    static let rateVariables: Set<String> = ["bank_rate", "corporate_spread", "corporate_spread_hy", "eur_policy_rate"]

    static let quarterColumn = "quarter"
    static let phaseColumn = "phase"

    /// Converts the Bank's macro CSV at `path`; `sourceFile` (its repository-relative
    /// path) is recorded as `source_file:` with the caller's `sha256` of the file.
    /// `yieldsPath` and `yieldsFile` (optional): the yield-curve CSV on disk and as named in
    /// errors and notes, with its `yieldsSHA256` for the notes.
    public static func load(path: String, sourceFile: String, sha256: String, id: String, name: String,
                            severity: Severity, source: String, yieldsPath: String? = nil, yieldsFile: String? = nil,
                            yieldsSHA256: String? = nil) throws(InputError) -> ScenarioDocument {
        var yields: RegulatorTable?
        if let yieldsPath { yields = try RegulatorTable.load(path: yieldsPath, file: yieldsFile ?? yieldsPath) }
        return try convert(RegulatorTable.load(path: path, file: sourceFile), sha256: sha256, id: id, name: name,
                           severity: severity, source: source, yields: yields, yieldsSHA256: yieldsSHA256)
    }

    static func convert(_ table: RegulatorTable, sha256: String, id: String, name: String,
                        severity: Severity, source: String, yields: RegulatorTable? = nil,
                        yieldsSHA256: String? = nil) throws(InputError) -> ScenarioDocument {
        // Quarters in order, each with its phase.
        var quarters: [(quarter: Quarter, stress: Bool, row: RegulatorTable.Row)] = []
        for row in table.rows {
            let text = try table.text(row, quarterColumn)
            guard let quarter = Quarter(text) else {
                throw InputError(file: table.file, line: row.line, key: quarterColumn,
                                 message: "expected a quarter such as '2025Q1', found '\(text)'")
            }
            if let previous = quarters.last, quarter != previous.quarter.next {
                throw InputError(file: table.file, line: row.line, key: quarterColumn,
                                 message: "expected \(previous.quarter.next.label) after \(previous.quarter.label), found \(quarter.label)")
            }
            let phase = try table.text(row, phaseColumn)
            guard phase == "history" || phase == "stress" else {
                throw InputError(file: table.file, line: row.line, key: phaseColumn,
                                 message: "expected 'history' or 'stress', found '\(phase)'")
            }
            if let previous = quarters.last, previous.stress, phase == "history" {
                throw InputError(file: table.file, line: row.line, key: phaseColumn,
                                 message: "a history quarter after the stress phase began")
            }
            quarters.append((quarter, phase == "stress", row))
        }
        guard let firstStress = quarters.firstIndex(where: { $0.stress }), firstStress >= 4 else {
            throw InputError(file: table.file, message: "expected a stress phase after at least four history quarters")
        }
        let jumpOff = quarters[firstStress - 1].quarter
        let stress = quarters[firstStress...]
        guard jumpOff.quarter == 4, stress.count % 4 == 0 else {
            throw InputError(file: table.file, message: "expected the stress phase to cover whole calendar years "
                             + "(found \(stress.count) quarters after the jump-off \(jumpOff.label))")
        }
        // Year k (0 = the jump-off year) is rows firstStress + 4(k−1) ..< firstStress + 4k.
        let years = stress.count / 4
        func rows(ofYear k: Int) -> [RegulatorTable.Row] {
            let start = firstStress + 4 * (k - 1)
            return quarters[start..<(start + 4)].map(\.row)
        }
        func mean(_ rows: [RegulatorTable.Row], _ column: String) throws(InputError) -> Double {
            var sum = 0.0
            for row in rows { sum += try table.number(row, column) }
            return sum / Double(rows.count)
        }

        var values: [ScenarioVariable] = []
        var units: [String: String] = [:]
        var rateJumpOff: [String: Double] = [:]
        let jumpOffRow = quarters[firstStress - 1].row
        for variable in variables {
            if rateVariables.contains(variable.name), case let .average(column, divisor) = variable.conversion {
                rateJumpOff[variable.name] = ScenarioYAML.rounded(try table.number(jumpOffRow, column) / divisor)
            }
            var path: [Double] = []
            for k in 1...years {
                let current = rows(ofYear: k), previous = rows(ofYear: k - 1)
                switch variable.conversion {
                case .averageGrowth(let column):
                    path.append(try mean(current, column) / mean(previous, column) - 1)
                case .average(let column, let divisor):
                    path.append(try mean(current, column) / divisor)
                case .fourthQuarterChange(let column):
                    let base = try table.number(previous[3], column)
                    guard base > 0 else {
                        throw InputError(file: table.file, line: previous[3].line, key: column,
                                         message: "expected a positive index level, found \(base)")
                    }
                    path.append(try table.number(current[3], column) / base - 1)
                }
            }
            values.append(ScenarioVariable(name: variable.name, values: path.map(ScenarioYAML.rounded)))
            units[variable.name] = variable.unit
        }

        if let yields {
            // The curves file's rows by quarter; every quarter from the jump-off on must be there.
            var byQuarter: [String: RegulatorTable.Row] = [:]
            for row in yields.rows { byQuarter[try yields.text(row, quarterColumn)] = row }
            func yieldRow(_ quarter: Quarter) throws(InputError) -> RegulatorTable.Row {
                guard let row = byQuarter[quarter.label] else {
                    throw InputError(file: yields.file, key: quarterColumn, message: "no row for \(quarter.label), a quarter of the stress phase")
                }
                return row
            }
            for variable in yieldVariables {
                var path: [Double] = []
                for k in 1...years {
                    var sum = 0.0
                    for entry in quarters[(firstStress + 4 * (k - 1))..<(firstStress + 4 * k)] {
                        sum += try yields.number(try yieldRow(entry.quarter), variable.column)
                    }
                    path.append(sum / 4 / 100)
                }
                values.append(ScenarioVariable(name: variable.name, values: path.map(ScenarioYAML.rounded)))
                units[variable.name] = variable.unit
                rateJumpOff[variable.name] = ScenarioYAML.rounded(try yields.number(try yieldRow(jumpOff), variable.column) / 100)
            }
        }

        /// The highest quarterly value of `column` in the stress phase, as written in
        /// the file, and the quarters it is reached in ("8.5% (2027Q1, 2027Q2)").
        func peak(_ column: String) throws(InputError) -> String {
            var best = -Double.infinity
            var at: [String] = []
            for entry in stress {
                let value = try table.number(entry.row, column)
                if value > best { best = value; at = [entry.quarter.label] } else if value == best { at.append(entry.quarter.label) }
            }
            return ScenarioYAML.number(best) + "% (" + at.joined(separator: ", ") + ")"
        }
        let unemploymentPeak = try peak("uk_unemployment_rate"), bankRatePeak = try peak("bank_rate")

        let periods = (1...years).map { String(jumpOff.year + $0) }
        let curves: [String] = yields.map { y in [
            "short_rate and long_rate are the 3-month and 10-year gilt yields, and eur_short_rate, eur_swap_2y,",
            "eur_swap_5y and eur_long_rate the 3-month, 2-, 5- and 10-year Euribor swap rates (for books in euros),",
            "annual averages, from " + y.file + (yieldsSHA256.map { " (SHA-256 \($0))" } ?? "") + ";",
            "the 2- and 5-year gilts, SONIA, Bund and Treasury curves are not included.",
        ] } ?? ["The yield curves (boe-2025-bcst-yields.csv) are not included."]
        let last = quarters[quarters.count - 1].quarter
        let scenario = Scenario(
            id: id, framework: .boe, name: name, severity: severity, frequency: .annual,
            periods: periods, source: source, variables: values,
            sourceFile: table.file, sourceSHA256: sha256)
        return ScenarioDocument(
            scenario: scenario, jumpOff: jumpOff.label,
            notes: [
                "Converted from the Bank's quarterly stress paths, \(stress.first!.quarter.label)-\(last.label)",
                "(Sources/Inputs/ScenarioImport/BoEScenarioImport.swift).",
                "Quarterly to annual: one period per calendar year. GDP growth is the change of the annual",
                "average level (calendar-year growth); unemployment, Bank Rate, spreads and the VIX are annual",
                "averages; house prices, commercial real estate, equities and CPI are Q4-on-Q4 changes (the CPI",
                "one is y/y inflation in Q4), the first year against the jump-off \(jumpOff.label).",
                "Averages smooth the quarterly peaks: unemployment peaks at \(unemploymentPeak) and",
                "Bank Rate at \(bankRatePeak); the quarterly paths are in \(table.file).",
                "The Bank publishes no baseline for this test. Non-UK variables, lending and deposit growth,",
                "oil, gas and exchange rates are not included.",
            ] + curves,
            units: units, rateJumpOff: rateJumpOff)
    }
}
