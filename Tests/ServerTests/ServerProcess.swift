import Foundation
import TestSupport
import XCTest

/// `stresspack serve` as a user starts it: a process on an ephemeral loopback port, its
/// address read from the "listening on" line, stopped with SIGTERM. Requests go through
/// curl, a real HTTP client outside the code under test.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let baseURL: String
    let log: URL
    let output: URL

    init(store: String, in directory: URL, arguments: [String] = []) throws {
        log = directory.appendingPathComponent("serve-\(UUID().uuidString.prefix(6)).log")
        output = directory.appendingPathComponent("serve-\(UUID().uuidString.prefix(6)).out")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = CommandRunner.executable()
        process.arguments = ["serve", "--store", store, "--port", "0", "--threads", "2"] + arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["STRESSPACK_HOME"] = TestSupport.repositoryRoot.path
        process.environment = env
        // Files, not pipes: a server that logs every request must never block on a full pipe.
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var address: String?
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                address = String(line.dropFirst("listening on ".count))
                break
            }
            usleep(50_000)
        }
        guard let address else {
            process.terminate()
            let log = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(log)"])
        }
        baseURL = address
    }

    /// SIGTERM, then the exit status (nil when it had to be killed after `timeout` seconds).
    @discardableResult
    func stop(timeout: TimeInterval = 120) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    var outputText: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw NSError(domain: "Reply", code: 1, userInfo: [NSLocalizedDescriptionKey: "not a JSON object: \(text.prefix(300))"])
            }
            return object
        }
        /// The message of an API error body.
        var message: String {
            ((try? json())?["error"] as? [String: Any])?["message"] as? String ?? ""
        }
    }

    /// One request through curl; `body` is sent as is, or `file`'s content.
    func request(_ method: String = "GET", _ path: String, token: String? = nil, body: Data? = nil, file: String? = nil,
                 contentType: String? = nil, extra: [String] = []) throws -> Reply {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bodyFile = scratch.appendingPathComponent("body"), headerFile = scratch.appendingPathComponent("headers")
        var arguments = ["-s", "-X", method, "-o", bodyFile.path, "-D", headerFile.path, "-w", "%{http_code}"]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let contentType { arguments += ["-H", "Content-Type: \(contentType)"] }
        if let body {
            let sent = scratch.appendingPathComponent("sent")
            try body.write(to: sent)
            arguments += ["--data-binary", "@\(sent.path)"]
        }
        if let file { arguments += ["--data-binary", "@\(file)"] }
        // A server bound to every address is reached through loopback.
        let url = baseURL.replacingOccurrences(of: "//0.0.0.0:", with: "//127.0.0.1:") + path
        let r = try CommandRunner.run(executable: "/usr/bin/curl", arguments + extra + [url])
        var headers: [String: String] = [:]
        for line in ((try? String(contentsOf: headerFile, encoding: .utf8)) ?? "").split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: Int(r.stdout) ?? 0, headers: headers, body: (try? Data(contentsOf: bodyFile)) ?? Data())
    }

    func json(_ method: String = "GET", _ path: String, token: String? = nil, _ object: [String: Any]) throws -> Reply {
        try request(method, path, token: token, body: try JSONSerialization.data(withJSONObject: object),
                    contentType: "application/json")
    }

    /// Polls a job until it leaves queued and running.
    func waitForJob(_ id: String, timeout: TimeInterval = 300) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let job = try request("GET", "/api/v1/jobs/\(id)").json()
            if let status = job["status"] as? String, status != "queued" && status != "running" { return job }
            usleep(200_000)
        }
        throw NSError(domain: "ServerProcess", code: 2, userInfo: [NSLocalizedDescriptionKey: "job \(id) did not finish"])
    }
}

/// A JSON number as the exact double its text spells. Foundation's JSONSerialization on
/// Linux hands some numbers back as NSDecimalNumber, whose `doubleValue` can be off in the
/// last bit; its decimal text is exact.
func exact(_ value: Any?) -> Double? {
    if let decimal = value as? NSDecimalNumber { return Double(decimal.stringValue) }
    return (value as? NSNumber)?.doubleValue
}

/// A work folder with a small bank, a store holding two runs of it, and a token.
struct ServerFixture {
    let work: URL
    let store: String
    let token: String
    let tokenFile: String

    static func make(_ label: String) throws -> ServerFixture {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        func path(_ name: String) -> String { work.appendingPathComponent(name).path }
        var r = try CommandRunner.run(["portfolio", "sample", "--exposures", "1500", "--seed", "4", "--out", path("bank.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for (seed, out) in [("42", "runA"), ("7", "runB")] {
            r = try CommandRunner.run(["run", "--portfolio", path("bank.csv"), "--balance-sheet", path("bank.balance-sheet.yaml"),
                                       "--scenario", "eba-2025-adverse", "--scenario", "boe-2025-bcst", "--paths", "200",
                                       "--seed", seed, "--pack", "board", "--out", path(out), "--store", path("store.sqlite"),
                                       "--quiet"], in: work)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        r = try CommandRunner.run(["serve-token", "--token-file", path("tokens.txt"), "--name", "tests"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return ServerFixture(work: work, store: path("store.sqlite"), token: r.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                             tokenFile: path("tokens.txt"))
    }

    func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    func start(_ extra: [String] = []) throws -> ServerProcess {
        try ServerProcess(store: store, in: work, arguments: ["--token-file", tokenFile, "--reports", path("reports")] + extra)
    }
}
