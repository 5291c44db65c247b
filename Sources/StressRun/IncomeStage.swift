import IncomeEngine
import ProvisionsEngine
import StressCore

/// The income part of a scenario (METHODOLOGY §8): net interest income from the banking
/// book under the scenario's rate paths, the non-interest lines and PPNR, when the balance
/// sheet has a `banking_book:`; else the balance sheet's fixed `income.ppnr` (a finding).
/// Loans entering default during the horizon stop accruing: the increase in each product's
/// stage 3 share since jump-off, from the provisions engine (loans already in default at
/// jump-off are in the jump-off NII).
enum IncomeStage {
    static func run(scenario s: Scenario, balanceSheet b: BalanceSheet, provisions: ProvisionsResult?, periods: Int,
                    rateJumpOff: [String: Double], scenarioFile: String, balanceSheetFile: String) -> IncomeResult? {
        guard let book = b.bankingBook else { return nil }
        // A scenario's rates are its own currency's (the Fed's dollar, the Bank's sterling). A
        // scenario that also publishes the book's currency (`eur_short_rate` ... in the Bank's
        // 2025 scenario) drives the book with those; otherwise its rates and spreads are held
        // at jump-off, stated as a finding, rather than moving with another central bank's path.
        var scenario = s
        var jumpOff = rateJumpOff
        var findings: [DataQualityFinding] = []
        let home = ScenarioRates.homeCurrency(s.framework)
        if b.currency != home {
            let rateNames = Set(ScenarioRates.variables.values.flatMap { $0 })
                .union(ScenarioRates.levelSpreadVariables).union([ScenarioRates.parallelChangeVariable])
            let prefix = b.currency.lowercased() + "_"
            let ownCurrency = s.variables.compactMap { v -> ScenarioVariable? in
                guard v.name.hasPrefix(prefix), rateNames.contains(String(v.name.dropFirst(prefix.count))) else { return nil }
                var renamed = v
                renamed.name = String(v.name.dropFirst(prefix.count))
                return renamed
            }
            let dropped = s.variables.map(\.name).filter(rateNames.contains)
            scenario.variables = (s.variables.filter { !rateNames.contains($0.name) } + ownCurrency).sorted { $0.name < $1.name }
            if !ownCurrency.isEmpty {
                jumpOff = jumpOff.filter { !rateNames.contains($0.key) }
                for (key, value) in rateJumpOff where key.hasPrefix(prefix) { jumpOff[String(key.dropFirst(prefix.count))] = value }
            } else if !dropped.isEmpty {
                findings.append(DataQualityFinding(
                    severity: .warning, file: scenarioFile, field: "variables",
                    message: "the scenario's rates (\(dropped.sorted().joined(separator: ", "))) are \(home) rates and the "
                        + "banking book is in \(b.currency): its rates are held at jump-off in this scenario"))
            }
        }
        var income = IncomeProjection.project(.init(
            bankingBook: book, nonInterest: b.nonInterest, scenario: scenario, periodCount: periods, currency: b.currency,
            scenarioJumpOff: jumpOff, nonAccrual: provisions.map(nonAccrual),
            scenarioFile: scenarioFile, balanceSheetFile: balanceSheetFile))
        income.findings = findings + income.findings
        return income
    }

    /// Banking-book product ← the portfolio's asset class.
    static let productOfClass: [(AssetClass, BankingBook.Product)] = [
        (.residentialMortgage, .mortgages), (.corporate, .corporateLoans), (.sme, .smeLoans),
        (.cre, .commercialRealEstate), (.otherRetail, .consumerLoans), (.qrre, .cards), (.bank, .interbankLoans),
    ]

    /// Per product, the rise of the stage 3 share of the class's EAD since jump-off, per period.
    static func nonAccrual(_ p: ProvisionsResult) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for (assetClass, product) in productOfClass {
            guard let b = p.byAssetClass[assetClass.rawValue] else { continue }
            let total = b.ead.total
            let share = zip(b.ead.stage3, total).map { $1 > 0 ? $0 / $1 : 0 }
            guard let start = share.first else { continue }
            out[product.rawValue] = share.dropFirst().map { max($0 - start, 0) }
        }
        return out
    }
}
