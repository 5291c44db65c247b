import StressCore

/// The liquidity section of one scenario in `results.json` (INTERFACES.md:
/// `liquidity: {lcr: [...], nsfr, survival_days}`), with what the workbook and the
/// PDF show beside them. Ratios are fractions; amounts in the balance sheet currency.
public struct ScenarioLiquidityResult: Sendable, Equatable, Codable {
    /// Stressed LCR per period.
    public var lcr: [Double]
    public var minLCR: Double
    public var minPeriod: String
    /// The LCR minimum, 100% (LCR20.1).
    public var hurdle: Double
    /// Some period's LCR is below the hurdle.
    public var breach: Bool
    /// Shortest survival horizon over the periods, in days (`survivalCapDays` means that many or more).
    public var survivalDays: Int
    public var survivalDaysByPeriod: [Int]
    public var survivalCapDays: Int
    /// Stressed stock of HQLA and net cash outflows per period.
    public var hqla: [Double]
    public var netCashOutflows: [Double]
    public var shocks: Shocks
    /// The unstressed LCR at the jump-off date, with its breakdown.
    public var jumpOff: LCRResult
    /// The jump-off NSFR; nil when the balance sheet gives no NSFR positions.
    public var nsfr: Double?
    public var nsfrBreach: Bool?
    public var nsfrDetail: NSFRResult?
    /// The RBI seed's sensitivities, one per `sensitivities.deposit_runoff`; empty otherwise.
    public var rbiSensitivity: [RBILiquiditySensitivity]
    /// The rate table's name (`basel`, or with a jurisdiction override).
    public var rateTable: String

    /// The shock paths applied and where they came from.
    public struct Shocks: Sendable, Equatable, Codable {
        public var depositRunoff: [Double]
        public var hqlaHaircut: [Double]
        public var depositRunoffSource: LiquidityStress.ShockSource
        public var hqlaHaircutSource: LiquidityStress.ShockSource

        enum CodingKeys: String, CodingKey {
            case depositRunoff = "deposit_runoff", hqlaHaircut = "hqla_haircut"
            case depositRunoffSource = "deposit_runoff_source", hqlaHaircutSource = "hqla_haircut_source"
        }
    }

    enum CodingKeys: String, CodingKey {
        case lcr, minLCR = "min_lcr", minPeriod = "min_period", hurdle, breach
        case survivalDays = "survival_days", survivalDaysByPeriod = "survival_days_by_period"
        case survivalCapDays = "survival_cap_days", hqla, netCashOutflows = "net_cash_outflows", shocks
        case jumpOff = "jump_off", nsfr, nsfrBreach = "nsfr_breach", nsfrDetail = "nsfr_detail"
        case rbiSensitivity = "rbi_sensitivity", rateTable = "rate_table"
    }

    /// Info findings for the shocks that came from the severity defaults rather than
    /// the scenario, for results.json `data_quality` (`file` is the scenario's path).
    public func findings(scenarioFile: String, severity: Severity) -> [DataQualityFinding] {
        var findings: [DataQualityFinding] = []
        if shocks.depositRunoffSource == .severityDefault {
            findings.append(DataQualityFinding(
                severity: .info, file: scenarioFile, field: "variables.deposit_runoff",
                message: "not given; the liquidity stress uses the \(severity.rawValue) default of \(shocks.depositRunoff.first ?? 0) per period (rate table \(rateTable), stress.severity_defaults)"))
        }
        if shocks.hqlaHaircutSource == .severityDefault {
            findings.append(DataQualityFinding(
                severity: .info, file: scenarioFile, field: "variables.hqla_haircut",
                message: "not given; the liquidity stress uses the \(severity.rawValue) default of \(shocks.hqlaHaircut.first ?? 0) per period (rate table \(rateTable), stress.severity_defaults)"))
        }
        return findings
    }
}

extension LiquidityEngine {
    /// Everything `results.json` reports on liquidity for one scenario: the jump-off
    /// LCR and NSFR, the stressed LCR path with its minimum, breach and survival
    /// horizon, and the RBI seed sensitivities when the scenario lists deposit
    /// run-offs. Throws when the balance sheet has no liquidity section, when the RBI
    /// sensitivities need `rbi.deposits` and it is absent, and for any input error of
    /// the calculators.
    public static func scenarioResult(balanceSheet: BalanceSheet, scenario: Scenario,
                                      rates: LiquidityRates = .basel,
                                      periods: Int? = nil) throws(LiquidityError) -> ScenarioLiquidityResult {
        guard let positions = balanceSheet.liquidity else { throw .missingLiquidity() }
        let jumpOff = try liquidityCoverage(positions, rates: rates)
        let nsfr: NSFRResult?
        if positions.nsfrAvailable.isEmpty && positions.nsfrRequired.isEmpty {
            nsfr = nil
        } else {
            nsfr = try netStableFunding(positions, rates: rates)
        }
        let stressed = try stressedLiquidity(positions, scenario: scenario, rates: rates, periods: periods)

        var sensitivities: [RBILiquiditySensitivity] = []
        let runoffs = scenario.sensitivities?.depositRunoffs ?? []
        if !runoffs.isEmpty {
            guard let deposits = balanceSheet.rbi?.deposits else { throw .missingRBIInputs() }
            for (index, runoff) in runoffs.enumerated() {
                sensitivities.append(try rbiLiquiditySensitivity(runoffPercent: runoff, hqla: jumpOff.hqla,
                                                                 deposits: deposits,
                                                                 netCashOutflows: jumpOff.netCashOutflows,
                                                                 index: index))
            }
        }

        let minimum = stressed.minimum
        return ScenarioLiquidityResult(
            lcr: stressed.periods.map(\.lcr), minLCR: minimum.lcr, minPeriod: minimum.period, hurdle: 1,
            breach: stressed.breach, survivalDays: stressed.minimumSurvivalDays,
            survivalDaysByPeriod: stressed.periods.map(\.survivalDays), survivalCapDays: stressed.survivalCapDays,
            hqla: stressed.periods.map(\.hqla), netCashOutflows: stressed.periods.map(\.netCashOutflows),
            shocks: .init(depositRunoff: stressed.periods.map(\.shock.depositRunoff),
                          hqlaHaircut: stressed.periods.map(\.shock.hqlaHaircut),
                          depositRunoffSource: stressed.depositRunoffSource,
                          hqlaHaircutSource: stressed.hqlaHaircutSource),
            jumpOff: jumpOff, nsfr: nsfr?.nsfr, nsfrBreach: nsfr.map { !$0.meetsMinimum }, nsfrDetail: nsfr,
            rbiSensitivity: sensitivities, rateTable: rates.name)
    }
}
