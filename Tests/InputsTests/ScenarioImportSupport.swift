import Foundation
import StressCore
import TestSupport
@testable import Inputs

/// Shared by the bundled-scenario tests: the repository's folders and an
/// independent SHA-256 (the system's `sha256sum`, or `shasum -a 256` on macOS), so
/// the digests the importer records are checked by a tool that is not StressPack's.
enum ScenarioImportSupport {
    static var root: String { TestSupport.repositoryRoot.path }
    static var scenariosFolder: String { root + "/scenarios" }

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The SHA-256 of the file at `path`, in lowercase hexadecimal.
    static func systemSHA256(_ path: String) throws -> String {
        let candidates: [(String, [String])] = [("/usr/bin/sha256sum", [path]), ("/usr/bin/shasum", ["-a", "256", path])]
        guard let (tool, arguments) = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.0) }) else {
            throw ToolFailure(description: "neither /usr/bin/sha256sum nor /usr/bin/shasum is installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let digest = String(decoding: output, as: UTF8.self).split(separator: " ").first,
              digest.count == 64 else {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) failed")
        }
        return String(digest)
    }

    /// The bundled documents as the importer builds them from this repository.
    static func documents() throws -> [ScenarioDocument] {
        try BundledScenarios.build(root: root, sha256: systemSHA256)
    }

    /// The committed `scenarios/*.yaml` file names, sorted.
    static func committedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scenariosFolder).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func load(_ id: String) throws -> LoadedScenario {
        try ScenarioFile.load(path: scenariosFolder + "/" + id + ".yaml")
    }
}
