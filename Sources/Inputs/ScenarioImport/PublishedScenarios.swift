import StressCore

/// The bundled scenarios that have no machine-readable source file: the EBA's
/// confirmed headline figures and the RBI's outcomes, as data/regulators/SCENARIOS.md
/// states them, and the seed's generic library. The figures are typed here once, in
/// the units of their source (percent, basis points), and converted in code like the
/// CSV-based ones; a test reads SCENARIOS.md's EBA table back and compares.
public enum PublishedScenarios {
    // MARK: - EBA 2025 (partial: confirmed figures only)

    public static let ebaSource =
        "EBA/ESRB, 2025 EU-wide stress test macro-financial scenario (launched 2025-01-20, corrigendum 2025-02-28)"
    static let ebaPeriods = ["2025", "2026", "2027"]
    /// EU aggregate figures in percent, per scenario and variable (SCENARIOS.md table).
    static let ebaBaselineGDPPercent = [1.4, 1.6, 1.5]
    static let ebaAdverseGDPPercent = [-2.3, -4.2, 0.0]
    static let ebaAdverseHICPPercent = [5.0, 3.5, 1.9]

    static func eba() -> [ScenarioDocument] {
        let gdpUnit = "EU aggregate real GDP growth, annual percent / 100"
        let missing = [
            "Only the EU aggregate figures confirmed in data/regulators/SCENARIOS.md are given.",
            "Left out because no yearly path was available: unemployment (adverse: 6.1 pp higher than",
            "at the start by the end of 2027), residential and commercial property prices, equity prices,",
            "interest rates, country and sector breakdowns. A run reports each missing variable in its",
            "data-quality findings; the linear satellite reads a missing path as zeros.",
        ]
        let baseline = Scenario(
            id: "eba-2025-baseline", framework: .eba,
            name: "EBA 2025 EU-wide stress test, baseline scenario (EU aggregate)",
            severity: .baseline, frequency: .annual, periods: ebaPeriods, source: ebaSource,
            variables: [ScenarioVariable(name: "gdp_growth", values: fractions(ebaBaselineGDPPercent, per: 100))])
        let adverse = Scenario(
            id: "eba-2025-adverse", framework: .eba,
            name: "EBA 2025 EU-wide stress test, adverse scenario (EU aggregate)",
            severity: .adverse, frequency: .annual, periods: ebaPeriods, source: ebaSource,
            variables: [
                ScenarioVariable(name: "gdp_growth", values: fractions(ebaAdverseGDPPercent, per: 100)),
                ScenarioVariable(name: "inflation", values: fractions(ebaAdverseHICPPercent, per: 100)),
            ])
        return [
            ScenarioDocument(scenario: baseline, notes: missing, units: ["gdp_growth": gdpUnit]),
            ScenarioDocument(
                scenario: adverse,
                notes: missing + [
                    "Also confirmed: a cumulative adverse GDP fall of 6.3% over 2025-2027 (the rounded annual",
                    "figures above compound to 6.4%), 10.4 pp below the baseline by 2027.",
                    "EU-wide result for comparing orders of magnitude (EBA, 2025-08-01): CET1 ratio 15.8% -> 12.1%",
                    "(transitional), depletion 370 bp, EUR 547 bn of losses over 64 banks.",
                ],
                units: ["gdp_growth": gdpUnit, "inflation": "EU aggregate HICP inflation, annual percent / 100"]),
        ]
    }

    // MARK: - RBI FSR December 2025 (partial: outcomes only)

    public static let rbiSource = "Reserve Bank of India, Financial Stability Report, issue 32, December 2025"
    /// FY2026: October 2025 – March 2026 (the rest of fiscal 2025-26 after the
    /// September 2025 jump-off); FY2027: April 2026 – March 2027.
    static let rbiPeriods = ["FY2026", "FY2027"]
    /// StressPack's single-factor ladder (not RBI figures): +100/+200/+300 bp,
    /// NPA +2/+5/+10 pp (the seed's mild/moderate/severe NPA shifts), run-off 10/20/30%.
    static let rbiSensitivities = RBISensitivities(
        interestRateShocks: fractions([100, 200, 300], per: 10_000), npaIncreases: [2, 5, 10], depositRunoffs: [10, 20, 30])

    static func rbi() -> [ScenarioDocument] {
        let scenarios: [(id: String, title: String, severity: Severity, narrative: String,
                         gnpa: String, crar: String, table: String)] = [
            ("rbi-2025-baseline", "baseline", .baseline,
             "the forecast path of GDP growth, CPI inflation and rates",
             "1.9%", "16.8%",
             "severity: baseline applies no severity-table shock (the seed's table has mild, moderate, severe)."),
            ("rbi-2025-medium", "adverse scenario 1 (medium stress)", .moderate,
             "a gradual slowdown in GDP growth, a moderate rise in inflation, little room to ease policy",
             "3.2%", "14.5%",
             "severity: moderate selects the seed's severity table: PD x 2.0, LGD + 0.10, NPA shift 5 pp."),
            ("rbi-2025-severe", "adverse scenario 2 (severe stress)", .severe,
             "a sharp slowdown in GDP growth, inflation above the tolerance band, policy tightening",
             "4.2%", "14.1%",
             "severity: severe selects the seed's severity table: PD x 3.0, LGD + 0.15, NPA shift 10 pp."),
        ]
        return scenarios.map { entry in
            let scenario = Scenario(
                id: entry.id, framework: .rbi,
                name: "RBI Financial Stability Report December 2025, \(entry.title)",
                severity: entry.severity, frequency: .annual, periods: rbiPeriods, source: rbiSource,
                variables: [], sensitivities: rbiSensitivities)
            return ScenarioDocument(scenario: scenario, jumpOff: "September 2025", notes: [
                "Scenario: \(entry.narrative).",
                "The RBI publishes its macro scenarios as narratives and charts, not as numeric paths, so no",
                "variable is given here; a run reports the missing paths in its data-quality findings.",
                "Horizon September 2025 -> March 2027: FY2026 is October 2025 - March 2026 (the rest of",
                "fiscal 2025-26), FY2027 is April 2026 - March 2027.",
                "Calibration targets (46 major scheduled commercial banks, March 2027): GNPA ratio",
                "2.1% -> \(entry.gnpa), CRAR 17.1% -> \(entry.crar). No bank falls below the 9% CRAR minimum in",
                "any scenario; two banks (adverse 1) and four (adverse 2) would draw on the capital",
                "conservation buffer; aggregate LCR 131% -> 116.8% under severe liquidity stress.",
                entry.table,
                "sensitivities: StressPack's ladder of single-factor shocks, not RBI figures: parallel rate",
                "shocks of +100/+200/+300 bp, NPA +2/+5/+10 pp (the seed's mild/moderate/severe NPA shifts),",
                "deposit run-off 10/20/30%.",
            ])
        }
    }

    // MARK: - Seed library

    public static let librarySource = "creditriskengine 0.31.0 scenario_library() (seed reference library)"
    static let libraryPeriods = ["Y1", "Y2", "Y3"]

    /// How a seed variable maps to a StressPack one: name, divisor, and the sentence
    /// for `units:`.
    private static let libraryVariables: [String: (name: String, divisor: Double, unit: String)] = [
        "gdp_growth": ("gdp_growth", 1, "seed gdp_growth (fraction), as given"),
        "unemployment": ("unemployment", 1, "seed unemployment (fraction), as given"),
        "house_price_index": ("house_price_index", 1, "seed house_price_index (period change, fraction), as given"),
        "equity_market_change": ("equity_index", 1, "seed equity_market_change (period change, fraction), as given"),
        "fx_depreciation": ("fx_change", 1,
                            "seed fx_depreciation (change of the domestic currency's value, fraction), as given"),
        "interest_rate_change_bps": ("policy_rate_change", 10_000,
                                     "seed interest_rate_change_bps / 10000: change of the policy rate, fraction"),
        "inflation_change_pp": ("inflation_change", 100,
                                "seed inflation_change_pp / 100: change of the inflation rate, fraction"),
        "sovereign_spread_change_bps": ("sovereign_spread_change", 10_000,
                                        "seed sovereign_spread_change_bps / 10000: change of the sovereign spread, fraction"),
    ]

    /// The seed's scenarios with its own variable names and units.
    static let library: [(key: String, name: String, severity: Severity, variables: [(String, [Double])])] = [
        ("baseline", "Baseline", .baseline, [
            ("gdp_growth", [0.02, 0.02, 0.02]), ("unemployment", [0.045, 0.04, 0.04]),
            ("house_price_index", [0.03, 0.03, 0.03]),
        ]),
        ("mild_downturn", "Mild Downturn", .mild, [
            ("gdp_growth", [-0.005, 0.005, 0.015]), ("unemployment", [0.06, 0.065, 0.06]),
            ("house_price_index", [-0.03, -0.01, 0.02]), ("interest_rate_change_bps", [0, -25, -25]),
        ]),
        ("moderate_recession", "Moderate Recession", .adverse, [
            ("gdp_growth", [-0.03, -0.01, 0.01]), ("unemployment", [0.07, 0.085, 0.08]),
            ("house_price_index", [-0.10, -0.05, 0.0]), ("interest_rate_change_bps", [0, -50, -50]),
        ]),
        ("severe_recession", "Severe Recession", .severelyAdverse, [
            ("gdp_growth", [-0.04, -0.02, 0.01]), ("unemployment", [0.09, 0.11, 0.10]),
            ("house_price_index", [-0.15, -0.10, -0.03]), ("equity_market_change", [-0.35, -0.10, 0.05]),
        ]),
        ("stagflation", "Stagflation", .adverse, [
            ("gdp_growth", [-0.02, -0.01, 0.005]), ("unemployment", [0.07, 0.08, 0.075]),
            ("inflation_change_pp", [4.0, 3.0, 1.0]), ("interest_rate_change_bps", [300, 100, -50]),
        ]),
        ("sovereign_crisis", "Sovereign Crisis", .severelyAdverse, [
            ("gdp_growth", [-0.05, -0.025, 0.0]), ("unemployment", [0.10, 0.115, 0.10]),
            ("sovereign_spread_change_bps", [500, 300, 100]), ("fx_depreciation", [-0.20, -0.10, -0.03]),
            ("house_price_index", [-0.15, -0.10, -0.03]),
        ]),
    ]

    static func seedLibrary() -> [ScenarioDocument] {
        library.map { entry in
            var variables: [ScenarioVariable] = []
            var units: [String: String] = [:]
            for (seedName, values) in entry.variables {
                let mapping = libraryVariables[seedName]!
                variables.append(ScenarioVariable(name: mapping.name, values: fractions(values, per: mapping.divisor)))
                units[mapping.name] = mapping.unit
            }
            let scenario = Scenario(
                id: "library-" + String(entry.key.map { $0 == "_" ? "-" : $0 }), framework: .eba,
                name: "Seed library: \(entry.name)", severity: entry.severity, frequency: .annual,
                periods: libraryPeriods, source: librarySource, variables: variables)
            return ScenarioDocument(scenario: scenario, notes: [
                "The seed's generic scenario '\(entry.key)': three annual periods, no calendar (Y1-Y3).",
                "Filed under the EBA framework (at least 3 annual periods) and usable with any annual",
                "framework whose horizon allows three periods (not the Bank of England's five).",
                "Basis points and percentage points are converted to fractions; see units.",
            ], units: units)
        }
    }

    /// `values / divisor`, rounded as written (ScenarioYAML).
    static func fractions(_ values: [Double], per divisor: Double) -> [Double] {
        values.map { ScenarioYAML.rounded($0 / divisor) }
    }
}
