import ArgumentParser
import Foundation
import Inputs
import StressCore
import StressPipeline

/// `stresspack scenarios list | show | validate`.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List, show and validate scenario files.",
        subcommands: [List.self, Show.self, Validate.self, ScenariosImportCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled scenarios.")
        func run() throws {
            let files = ProjectPaths.bundledScenarioFiles()
            if files.isEmpty { print("no bundled scenarios in \(ProjectPaths.scenarios.path)"); return }
            for file in files {
                let s = try ScenarioFile.load(path: file.path).scenario
                let id = s.id.padding(toLength: 34, withPad: " ", startingAt: 0)
                let fw = s.framework.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
                print("\(id) \(fw) \(s.severity.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) "
                      + "\(s.periods.first ?? "")–\(s.periods.last ?? "")  \(s.name)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a scenario's paths and source.")
        @Argument(help: "Bundled scenario id or path.") var scenario: String
        func run() throws {
            let path = scenario.hasSuffix(".yaml") || scenario.contains("/")
                ? scenario : ProjectPaths.scenarios.appendingPathComponent("\(scenario).yaml").path
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageError(message: "unknown scenario '\(scenario)' (see `stresspack scenarios list`)")
            }
            let loaded = try ScenarioFile.load(path: path)
            let s = loaded.scenario
            print("\(s.id): \(s.name)")
            print("framework \(s.framework.rawValue), severity \(s.severity.rawValue), \(s.frequency.rawValue)")
            print("source: \(s.source)")
            let width = max(12, s.variables.map(\.name.count).max() ?? 0)
            print("".padding(toLength: width, withPad: " ", startingAt: 0)
                  + s.periods.map { $0.leftPadded(10) }.joined())
            for v in s.variables {
                print(v.name.padding(toLength: width, withPad: " ", startingAt: 0)
                      + v.values.map { String(format: "%.4f", $0).leftPadded(10) }.joined())
            }
            for f in loaded.findings { print("\(f.severity.rawValue): \(f.message)") }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate scenario files; exit 2 at the first invalid one.")
        @Argument(help: "Scenario YAML files.") var paths: [String]
        func run() throws {
            for path in paths {
                let loaded = try ScenarioFile.load(path: path)
                print("\(path): ok (\(loaded.scenario.id), \(loaded.scenario.periods.count) periods, "
                      + "\(loaded.scenario.variables.count) variables)")
                for f in loaded.findings { print("  \(f.severity.rawValue): \(f.message)") }
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
