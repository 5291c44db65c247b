import Foundation
import StressCore

/// Where the bundled scenarios and templates live: `$STRESSPACK_HOME`, else the
/// current directory when it holds `scenarios/`, else the repository the
/// executable was built in (`.build/<config>/stresspack` → three levels up).
public enum ProjectPaths {
    public static var home: URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["STRESSPACK_HOME"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        if fm.fileExists(atPath: cwd.appendingPathComponent("scenarios").path) { return cwd }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            if fm.fileExists(atPath: dir.appendingPathComponent("scenarios").path) { return dir }
            dir.deleteLastPathComponent()
        }
        return cwd
    }

    public static var scenarios: URL { home.appendingPathComponent("scenarios") }
    public static var reports: URL { home.appendingPathComponent("reports") }

    /// `frameworks/<framework>.yaml`: satellite coefficients and PD floor of a framework.
    public static func frameworkFile(_ f: Framework) -> String {
        home.appendingPathComponent("frameworks/\(f.rawValue).yaml").path
    }

    /// The bundled scenario files, sorted by name.
    public static func bundledScenarioFiles() -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { scenarios.appendingPathComponent($0) }
    }
}
