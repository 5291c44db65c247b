import ArgumentParser
import CreditEngine
import Foundation
import Inputs
import StressCore
import StressPipeline

/// `stresspack satellite fit`: estimates the Vasicek satellite on the real
/// history in data/market/ and writes it into frameworks/<framework>.yaml.
struct SatelliteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satellite",
        abstract: "Estimate the satellite models that turn macro scenarios into PD stress.",
        subcommands: [Fit.self])

    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the Vasicek credit-cycle index (BAA−AAA spread) on macro drivers; write the framework file.",
            discussion: "Example: stresspack satellite fit --framework boe --drivers gdp_growth,unemployment")

        @Option(help: "Framework whose file receives the coefficients: eba, boe or ccar.") var framework: String
        @Option(help: "Comma-separated drivers (gdp_growth, unemployment, inflation). Default: the framework's.")
        var drivers: String?
        @Option(help: "Quarterly US macro history.") var macro = "data/market/us_macro_quarterly.csv"
        @Option(help: "Moody's AAA/BAA monthly yields.") var spread = "data/market/moodys_aaa_baa_monthly.csv"
        @Option(help: "Folder of the framework files.") var frameworks = "frameworks"
        @Flag(help: "Print the fit without writing the framework file.") var dryRun = false

        func validate() throws {
            guard let f = Framework(rawValue: framework), f != .rbi else {
                throw ValidationError("--framework must be eba, boe or ccar (RBI uses its severity table), got '\(framework)'")
            }
            for d in driverList where !MacroHistory.variables.contains(d) {
                throw ValidationError("unknown driver '\(d)': expected \(MacroHistory.variables.joined(separator: ", "))")
            }
        }

        var frameworkValue: Framework { Framework(rawValue: framework)! }

        /// EBA's published scenario has no unemployment path, so its satellite uses GDP alone.
        var driverList: [String] {
            if let drivers { return drivers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            return Framework(rawValue: framework) == .eba ? ["gdp_growth"] : ["gdp_growth", "unemployment"]
        }

        func run() throws {
            _ = FileManager.default.changeCurrentDirectoryPath(ProjectPaths.home.path)
            let fw = frameworkValue
            let history = try MacroHistory.load(macroPath: macro, spreadPath: spread, frequency: fw.frequency)
            let result: SatelliteFit.Result
            do {
                result = try SatelliteFit.fit(proxy: history.creditSpread, drivers: driverList.map {
                    SatelliteFit.Driver(variable: $0, values: history.series($0)!)
                })
            } catch {
                throw UsageError(message: "satellite fit: \(error)")
            }
            let report = try fitReport(result, history: history)
            let path = "\(frameworks)/\(fw.rawValue).yaml"
            var settings = FileManager.default.fileExists(atPath: path)
                ? try FrameworkFile.load(path: path) : FrameworkDefaults.settings(fw)
            var satellite = settings.satellite ?? SatelliteSpec()
            // Both sides are centred, so the intercept is zero but for rounding: write 0.
            var parameters: [String: Double] = ["intercept": abs(result.intercept) < 1e-12 ? 0 : result.intercept]
            for c in result.coefficients {
                parameters["beta_\(c.variable)"] = c.beta
                parameters["mean_\(c.variable)"] = c.mean
                parameters["sd_\(c.variable)"] = c.standardDeviation
            }
            satellite.pd = SatelliteModelSpec(model: "vasicek", parameters: parameters)
            settings.satellite = satellite
            settings.fitReport = report
            let text = FrameworkYAML.render(settings)
            print(text, terminator: "")
            guard !dryRun else { return }
            try FileManager.default.createDirectory(atPath: frameworks, withIntermediateDirectories: true)
            let temporary = path + ".partial-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw UsageError(message: "\(path): cannot write") }
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }

        func fitReport(_ r: SatelliteFit.Result, history: MacroHistory) throws -> String {
            func f(_ x: Double) -> String { FrameworkYAML.number(x) }
            var s = "\n  method: \"OLS of Z = -(spread - mean)/sd on standardised drivers; OLS standard errors\"\n"
            s += "  proxy: \"Moody's BAA - AAA seasoned corporate yield spread (mean \(f(r.proxyMean)), sd \(f(r.proxyStandardDeviation)))\"\n"
            s += "  frequency: \(frameworkValue.frequency.rawValue)\n"
            s += "  sample: \"\(history.labels.first ?? "")-\(history.labels.last ?? "")\"\n"
            s += "  observations: \(r.observations)\n"
            s += "  r_squared: \(f(r.rSquared))\n"
            s += "  adjusted_r_squared: \(f(r.adjustedRSquared))\n"
            s += "  residual_standard_error: \(f(r.residualStandardError))\n"
            s += "  durbin_watson: \(f(r.durbinWatson))\n"
            s += "  intercept: {estimate: \(f(abs(r.intercept) < 1e-12 ? 0 : r.intercept)), standard_error: \(f(r.interceptStandardError))}\n"
            s += "  coefficients:\n"
            for c in r.coefficients {
                s += "    \(c.variable): {beta: \(f(c.beta)), standard_error: \(f(c.standardError)), "
                    + "t: \(f(c.tStatistic)), mean: \(f(c.mean)), sd: \(f(c.standardDeviation))}\n"
            }
            s += "  data:\n"
            for file in [macro, spread] {
                s += "    - {path: \(file), sha256: \(try FileDigest.sha256(path: file).hex)}\n"
            }
            s += "  command: \"stresspack satellite fit --framework \(framework) --drivers \(driverList.joined(separator: ","))\"\n"
            return s
        }
    }
}

/// The settings a framework file starts from before any fit.
enum FrameworkDefaults {
    static func settings(_ f: Framework) -> FrameworkSettings {
        let names: [Framework: String] = [
            .eba: "EBA EU-wide stress test", .boe: "Bank of England bank capital stress test",
            .ccar: "Federal Reserve CCAR / DFAST supervisory stress test", .rbi: "Reserve Bank of India macro stress test",
        ]
        let hpi = SatelliteDefaults.hpiSensitivity(f)
        return FrameworkSettings(
            framework: f, name: names[f]!, pdFloor: SatelliteDefaults.pdFloor(f),
            satellite: SatelliteSpec(lgd: SatelliteModelSpec(model: "collateral",
                                                             parameters: ["haircut": 0.3, "hpi_sensitivity": hpi])))
    }
}
