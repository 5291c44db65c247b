import ArgumentParser
import FactorModel
import Foundation
import Inputs
import RiskMath
import StressCore
import StressPipeline

/// `stresspack factors fit | show`: the Barra-style factor risk model (METHODOLOGY §5) on
/// the bundled real data.
struct FactorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "Fit and show the factor risk model (Fama-French covariance, GARCH, credit factor mapping).",
        subcommands: [Fit.self, Show.self])

    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Estimate the factor covariance on the Fama-French factors and GARCH(1,1) on factors and indices; write the model file.",
            discussion: """
                Real data: Fama-French Mkt-RF, SMB, HML (monthly, 1926–2018) for the covariance and the \
                credit model's market factor; S&P 500 and NASDAQ daily returns (1999–2018) for GARCH and \
                for attributing the S&P 500 to the Fama-French factors. Sector and country factors of the \
                credit model are an assumption (see the file's provenance).
                Example: stresspack factors fit --volatility-half-life 36 --correlation-half-life 72 --out factor_model.json
                """)

        @Option(name: .customLong("fama-french"), help: "Fama-French monthly factors CSV.") var famaFrench: String?
        @Option(help: "S&P 500 daily prices CSV.") var sp500: String?
        @Option(help: "NASDAQ daily prices CSV.") var nasdaq: String?
        @Option(help: "Volatility half-life in months (0: equal weights).") var volatilityHalfLife: Double = 36
        @Option(help: "Correlation half-life in months (0: equal weights).") var correlationHalfLife: Double = 72
        @Option(help: "Newey-West lags.") var neweyWestLags = 2
        @Option(help: "Correlation shrinkage: ledoit_wolf, none, or an intensity in [0, 1].") var shrinkage = "ledoit_wolf"
        @Option(help: "Use only the last N months.") var window: Int?
        @Option(help: "Model file to write.") var out = "factor_model.json"
        @Flag(help: "Print the fit without writing the file.") var dryRun = false

        func validate() throws {
            guard volatilityHalfLife >= 0, correlationHalfLife >= 0 else { throw ValidationError("half-lives must be ≥ 0") }
            guard neweyWestLags >= 0, neweyWestLags <= 24 else { throw ValidationError("--newey-west-lags must be in 0…24") }
            _ = try shrinkageRule()
            if let window, window < 24 { throw ValidationError("--window must be at least 24 months") }
        }

        func shrinkageRule() throws -> FactorCovarianceOptions.Shrinkage {
            switch shrinkage {
            case "ledoit_wolf": return .ledoitWolf
            case "none": return .none
            default:
                guard let s = Double(shrinkage), s >= 0, s <= 1 else {
                    throw ValidationError("--shrinkage must be ledoit_wolf, none or a number in [0, 1], got '\(shrinkage)'")
                }
                return .fixed(s)
            }
        }

        func run() throws {
            let options = FactorCovarianceOptions(
                volatilityHalfLife: volatilityHalfLife > 0 ? volatilityHalfLife : nil,
                correlationHalfLife: correlationHalfLife > 0 ? correlationHalfLife : nil,
                neweyWestLags: neweyWestLags, shrinkage: try shrinkageRule(), window: window)
            let paths = FactorData.Paths(famaFrench: famaFrench, sp500: sp500, nasdaq: nasdaq)
            let document: FactorModelDocument
            do {
                document = try FactorData.fit(paths: paths, options: options)
            } catch let error as FactorModelError {
                throw UsageError(message: "factors fit: \(error)")
            }
            print(FactorData.describe(document), terminator: "")
            guard !dryRun else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(document)
            let temporary = out + ".partial-\(getpid())"
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, out) == 0 else { throw UsageError(message: "\(out): cannot write") }
            FileHandle.standardError.write(Data("wrote \(out)\n".utf8))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a fitted factor model file; with --portfolio, where the portfolio's credit risk sits.",
            discussion: "Example: stresspack factors show factor_model.json --portfolio bank.csv")

        @Argument(help: "Model file written by `factors fit`.") var path = "factor_model.json"
        @Option(help: "Portfolio CSV to report on through the credit factor model.") var portfolio: String?
        @Option(help: "Holdings: loss_sensitivity (EAD·LGD·φ(Φ⁻¹(PD))), ead or expected_loss.")
        var weighting = CreditHoldingWeighting.lossSensitivity.rawValue

        func validate() throws {
            guard CreditHoldingWeighting(rawValue: weighting) != nil else {
                throw ValidationError("--weighting must be loss_sensitivity, ead or expected_loss, got '\(weighting)'")
            }
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "\(path): cannot read the file (write one with `stresspack factors fit`)")
            }
            let document: FactorModelDocument
            do {
                document = try JSONDecoder().decode(FactorModelDocument.self, from: data)
            } catch {
                throw UsageError(message: "\(path): not a factor model file: \(error)")
            }
            guard document.format == FactorModelDocument.formatName else {
                throw UsageError(message: "\(path): format '\(document.format)', expected \(FactorModelDocument.formatName)")
            }
            print(FactorData.describe(document), terminator: "")
            guard let portfolio else { return }
            let loaded = try PortfolioCSV.load(path: portfolio)
            let report: FactorRiskReport
            do {
                report = try PortfolioFactorRisk.report(
                    portfolio: loaded.portfolio, model: document.creditModel,
                    options: .init(weighting: CreditHoldingWeighting(rawValue: weighting)!))
            } catch {
                throw UsageError(message: "factors show: \(error)")
            }
            print(FactorData.describe(report, portfolio: portfolio), terminator: "")
        }
    }
}

/// How `factors fit` and `factors show` print the models.
extension FactorData {
    static func describe(_ d: FactorModelDocument) -> String {
        func f(_ x: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", x) }
        var s = "Factor model (\(d.format), engine \(d.engineVersion))\n\n"
        let style = d.styleModel
        s += "Fama-French factor covariance, \(style.sample), annualised (real data)\n"
        s += "  half-lives: volatility \(style.options.volatilityHalfLife.map { f($0, 0) } ?? "none"), correlation "
            + "\(style.options.correlationHalfLife.map { f($0, 0) } ?? "none") months; Newey-West lags \(style.options.neweyWestLags); "
            + "shrinkage intensity \(f(style.shrinkageIntensity)); eigenvalues floored \(style.clippedEigenvalues)\n"
        let names = style.model.factors.map(\.name)
        let vol = style.model.volatility, corr = style.model.correlation
        s += "  factor      volatility  " + names.map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (i, name) in names.enumerated() {
            s += "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + f(vol[i]).leftPadded(12) + "  "
                + (0..<names.count).map { f(corr[i, $0], 3).padding(toLength: 8, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        s += "\nGARCH(1,1), normal, constant mean (maximum likelihood)\n"
        s += "  series              units                    mu        omega     alpha     beta      logL          next σ (ann.)  long-run σ\n"
        for g in d.garch {
            let p = g.fit.parameters
            s += "  " + g.series.padding(toLength: 20, withPad: " ", startingAt: 0)
                + g.units.padding(toLength: 25, withPad: " ", startingAt: 0)
                + [p.mu, p.omega, p.alpha, p.beta].map { f($0).padding(toLength: 10, withPad: " ", startingAt: 0) }.joined()
                + f(g.fit.logLikelihood, 3).padding(toLength: 14, withPad: " ", startingAt: 0)
                + f(g.nextPeriodAnnualVolatility).padding(toLength: 15, withPad: " ", startingAt: 0)
                + f(g.longRunAnnualVolatility) + (g.fit.converged ? "" : "  (not converged)") + "\n"
        }
        if let a = d.attribution {
            let t = a.attribution
            s += "\nAttribution of the \(a.series) to Fama-French, \(t.periods.first ?? "")..\(t.periods.last ?? "")\n"
            s += "  exposures: " + zip(t.factors, t.exposures).map { "\($0) \(f($1, 3))" }.joined(separator: ", ")
                + "; alpha \(f(t.alpha * 100, 3))%/month; R² \(f(t.rSquared, 3))\n"
            s += "  cumulative (sum of monthly returns): total \(f(t.cumulativeTotal * 100, 1))% = "
                + zip(t.factors, t.cumulativeFactorContributions).map { "\($0) \(f($1 * 100, 1))%" }.joined(separator: " + ")
                + " + specific \(f(t.cumulativeSpecific * 100, 1))%\n"
        }
        let c = d.creditModel
        s += "\nCredit factor model: market volatility \(f(c.volatility[0])) a year (real), sector and country factors assumed\n"
        for line in c.provenance.realData { s += "  data: \(line)\n" }
        for line in c.provenance.assumptions { s += "  assumption: \(line)\n" }
        return s
    }

    static func describe(_ r: FactorRiskReport, portfolio: String) -> String {
        func f(_ x: Double) -> String { String(format: "%.0f", x) }
        func pct(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
        var s = "\nFactor risk of \(portfolio) (\(r.weighting.rawValue))\n  \(r.measure)\n"
        s += "  total \(f(r.total)), systematic \(f(r.systematic)) (\(pct(r.systematicShare)) of variance), specific \(f(r.specific))\n"
        for (title, table) in [("segment", r.bySegment), ("sector", r.bySector), ("country", r.byCountry)] {
            s += "  by \(title):\n"
            for (name, c) in table.sorted(by: { $0.value.component > $1.value.component }) {
                s += "    " + name.padding(toLength: 32, withPad: " ", startingAt: 0) + f(c.component).leftPadded(16)
                    + pct(c.share).leftPadded(9) + "\n"
            }
        }
        s += "  largest factor contributions:\n"
        for (name, c) in r.factors.sorted(by: { abs($0.value) > abs($1.value) }).prefix(10) {
            s += "    " + name.padding(toLength: 40, withPad: " ", startingAt: 0) + f(c).leftPadded(16) + pct(c / r.total).leftPadded(9) + "\n"
        }
        for finding in r.findings { s += "  \(finding.severity.rawValue): \(finding.message)\n" }
        return s
    }
}
