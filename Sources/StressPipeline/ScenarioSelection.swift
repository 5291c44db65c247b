import Foundation
import Inputs
import StressCore

/// Which scenario files a run reads: bundled ids or paths, and every bundled scenario of
/// the frameworks named; all bundled scenarios when nothing is named. Shared by `run`
/// and the server's `POST /api/v1/runs`.
public enum ScenarioSelection {
    /// Paths of bundled scenario ids or scenario files, in order.
    public static func resolve(_ scenarios: [String]) throws -> [String] {
        var chosen: [String] = []
        for s in scenarios {
            if s.hasSuffix(".yaml") || s.hasSuffix(".yml") || s.contains("/") {
                chosen.append(s)
            } else {
                let path = ProjectPaths.scenarios.appendingPathComponent("\(s).yaml").path
                guard FileManager.default.fileExists(atPath: path) else {
                    throw UsageError(message: "unknown scenario '\(s)': expected a path to a .yaml file or one of "
                                     + (bundledIDs.isEmpty ? "(no bundled scenarios)" : bundledIDs.joined(separator: ", ")))
                }
                chosen.append(path)
            }
        }
        return chosen
    }

    /// `scenarios` resolved, then the bundled scenarios of `frameworks`; all bundled when both are empty.
    public static func select(scenarios: [String], frameworks: [String]) throws -> [String] {
        if scenarios.isEmpty && frameworks.isEmpty { return ProjectPaths.bundledScenarioFiles().map(\.path) }
        var chosen = try resolve(scenarios)
        if !frameworks.isEmpty {
            for file in ProjectPaths.bundledScenarioFiles() {
                let loaded = try ScenarioFile.load(path: file.path)
                if frameworks.contains(loaded.scenario.framework.rawValue) { chosen.append(file.path) }
            }
        }
        return chosen
    }

    public static var bundledIDs: [String] {
        ProjectPaths.bundledScenarioFiles().map { $0.deletingPathExtension().lastPathComponent }
    }
}
