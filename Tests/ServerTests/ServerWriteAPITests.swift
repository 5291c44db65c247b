import Foundation
import TestSupport
import XCTest

/// The write side of `stresspack serve`: the token rules, uploads through the CLI's
/// validators, runs and verifications as jobs, size limits, concurrent clients, a run
/// failing in a worker, and SIGTERM with a run in flight.
final class ServerWriteAPITests: XCTestCase {
    private var fixture: ServerFixture!
    private var server: ServerProcess!

    override func setUpWithError() throws {
        fixture = try ServerFixture.make("serve-write")
        server = try fixture.start(["--max-upload-mb", "1"])
    }

    override func tearDownWithError() throws {
        server?.stop()
        if let work = fixture?.work { try? FileManager.default.removeItem(at: work) }
    }

    private var token: String { fixture.token }

    private func uploadBank() throws -> (portfolio: String, balanceSheet: String) {
        let p = try server.request("POST", "/api/v1/portfolios?name=bank", token: token, file: fixture.path("bank.csv"),
                                   contentType: "text/csv")
        XCTAssertEqual(p.status, 201, p.text)
        let b = try server.request("POST", "/api/v1/balance-sheets", token: token, file: fixture.path("bank.balance-sheet.yaml"),
                                   contentType: "application/yaml")
        XCTAssertEqual(b.status, 201, b.text)
        return ("bank", try b.json()["reference"] as! String)
    }

    func testWritesNeedAKnownTokenReadsDoNotOnLoopback() throws {
        let body: [String: Any] = ["inputs_of": "1", "scenarios": ["boe-2025-bcst"], "paths": 100]
        let none = try server.json("POST", "/api/v1/runs", body)
        XCTAssertEqual(none.status, 401)
        XCTAssertEqual(none.headers["www-authenticate"], "Bearer realm=\"stresspack\"")
        let wrong = try server.json("POST", "/api/v1/runs", token: "sp_" + String(repeating: "0", count: 64), body)
        XCTAssertEqual(wrong.status, 401)
        XCTAssertTrue(wrong.message.contains("not one of"), wrong.message)
        XCTAssertEqual(try server.request("POST", "/api/v1/runs/1/verify").status, 401)
        XCTAssertEqual(try server.request("POST", "/api/v1/scenarios", body: Data("x".utf8)).status, 401)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs").status, 200)
        // Nothing was started by the refused requests.
        XCTAssertEqual((try server.request("GET", "/api/v1/jobs").json()["jobs"] as! [Any]).count, 0)
    }

    func testAServerBeyondLoopbackNeedsTokensForReadsToo() throws {
        // Refused at start without a token file: nothing could be read.
        let r = try CommandRunner.run(["serve", "--store", fixture.store, "--host", "0.0.0.0", "--port", "0"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--token-file"), r.stderr)
        // Bound to every address with a token file: reads need the token (the test connects
        // through loopback only).
        server.stop()
        server = try ServerProcess(store: fixture.store, in: fixture.work,
                                   arguments: ["--token-file", fixture.tokenFile, "--host", "0.0.0.0"])
        XCTAssertTrue(server.baseURL.hasPrefix("http://0.0.0.0:"), server.baseURL)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs").status, 401)
        XCTAssertEqual(try server.request("GET", "/").status, 401)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs", token: token).status, 200)
    }

    func testUploadsAreValidatedLikeTheCLIAndStoredByDigest() throws {
        let bad = try server.request("POST", "/api/v1/scenarios", token: token,
                                     body: Data("id: my-scenario\nframework: eba\n".utf8), contentType: "application/yaml")
        XCTAssertEqual(bad.status, 422)
        XCTAssertTrue(bad.message.hasPrefix("scenario.yaml:"), bad.message)
        XCTAssertTrue(bad.message.contains("required key is missing"), bad.message)

        // A bundled scenario under another id, uploaded: listed with its digest.
        var text = try String(contentsOfFile: TestSupport.repositoryRoot.appendingPathComponent("scenarios/boe-2025-bcst.yaml").path,
                              encoding: .utf8)
        text = text.replacingOccurrences(of: "id: boe-2025-bcst", with: "id: boe-house-view")
        let ok = try server.request("POST", "/api/v1/scenarios", token: token, body: Data(text.utf8), contentType: "application/yaml")
        XCTAssertEqual(ok.status, 201, ok.text)
        let upload = try ok.json()
        XCTAssertEqual(upload["name"] as? String, "boe-house-view")
        let listed = try server.request("GET", "/api/v1/scenarios").json()["scenarios"] as! [[String: Any]]
        XCTAssertTrue(listed.contains { $0["reference"] as? String == upload["reference"] as? String && $0["framework"] as? String == "boe" })

        // A CSV with a bad value: 422 naming the file and line, nothing stored.
        var csv = try String(contentsOfFile: fixture.path("bank.csv"), encoding: .utf8).split(separator: "\n").prefix(4).map(String.init)
        var fields = csv[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let header = csv[0].split(separator: ",").map(String.init)
        fields[header.firstIndex(of: "pd")!] = "1.7"
        csv[2] = fields.joined(separator: ",")
        let badCSV = try server.request("POST", "/api/v1/portfolios?name=broken", token: token,
                                        body: Data((csv.joined(separator: "\n") + "\n").utf8), contentType: "text/csv")
        XCTAssertEqual(badCSV.status, 422, badCSV.text)
        XCTAssertTrue(badCSV.message.hasPrefix("broken.csv:3"), badCSV.message)
        XCTAssertEqual((try server.request("GET", "/api/v1/portfolios").json()["portfolios"] as! [Any]).count, 0)
        XCTAssertEqual(try server.request("POST", "/api/v1/portfolios?name=../x", token: token, body: Data("a".utf8)).status, 422)
    }

    func testSizeLimitsAnswer413() throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 2 << 20)
        let upload = try server.request("POST", "/api/v1/scenarios", token: token, body: big, contentType: "application/yaml")
        XCTAssertEqual(upload.status, 413, upload.text)
        var json = Data("{\"pack\": \"".utf8)
        json.append(big)
        json.append(Data("\"}".utf8))
        XCTAssertEqual(try server.request("POST", "/api/v1/runs", token: token, body: json, contentType: "application/json").status, 413)
        XCTAssertEqual(try server.request("POST", "/api/v1/runs", token: token, body: Data("[1".utf8)).status, 400)
    }

    func testRunRequestsAreCheckedBeforeTheyAreQueued() throws {
        let (portfolio, sheet) = try uploadBank()
        let cases: [([String: Any], String)] = [
            (["portfolio": "nope", "balance_sheet": sheet], "no portfolio 'nope'"),
            (["portfolio": portfolio], "balance_sheet"),
            (["portfolio": portfolio, "balance_sheet": sheet, "scenarios": ["mars-2030"]], "unknown scenario 'mars-2030'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "frameworks": ["fsa"]], "unknown framework"),
            (["portfolio": portfolio, "balance_sheet": sheet, "paths": 0], "'paths'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "seed": "x"], "'seed'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "pack": "glossy"], "'pack'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "as_of": "2025-02-30"], "'as_of'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "skip": ["everything"]], "'skip'"),
            (["portfolio": portfolio, "balance_sheet": sheet, "colour": "red"], "unknown key 'colour'"),
        ]
        for (body, expected) in cases {
            let reply = try server.json("POST", "/api/v1/runs", token: token, body)
            XCTAssertEqual(reply.status, 422, "\(body): \(reply.text)")
            XCTAssertTrue(reply.message.contains(expected), "\(body): \(reply.message)")
        }
        XCTAssertEqual((try server.request("GET", "/api/v1/jobs").json()["jobs"] as! [Any]).count, 0)
    }

    func testARunStartedThroughTheAPIIsRecordedAndVerifies() throws {
        let (portfolio, sheet) = try uploadBank()
        let started = try server.json("POST", "/api/v1/runs", token: token,
                                      ["portfolio": portfolio, "balance_sheet": sheet, "scenarios": ["boe-2025-bcst"],
                                       "paths": 300, "pack": "board"])
        XCTAssertEqual(started.status, 202, started.text)
        let id = try started.json()["id"] as! String
        XCTAssertEqual(started.headers["location"], "/api/v1/jobs/\(id)")
        let job = try server.waitForJob(id)
        XCTAssertEqual(job["status"] as? String, "succeeded", "\(job)")
        let label = job["run"] as! String
        let key = label.split(separator: "#").last.map(String.init)!

        let detail = try server.request("GET", "/api/v1/runs/\(key)").json()
        XCTAssertEqual((detail["run"] as! [String: Any])["status"] as? String, "succeeded")
        let inputs = detail["inputs"] as! [[String: Any]]
        XCTAssertEqual(inputs.first { $0["role"] as? String == "portfolio" }?["path"] as? String, "store:bank")
        XCTAssertEqual(inputs.first { $0["role"] as? String == "portfolio" }?["sha256"] as? String,
                       try CommandRunner.sha256(of: fixture.path("bank.csv")))
        // Written under --reports, whole.
        let runID = (detail["run"] as! [String: Any])["id"] as! String
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.path("reports/\(runID)/board.pdf")))

        // Verified as a job: every output reproduces.
        let verify = try server.request("POST", "/api/v1/runs/\(key)/verify", token: token)
        XCTAssertEqual(verify.status, 202, verify.text)
        let verified = try server.waitForJob(try verify.json()["id"] as! String)
        XCTAssertEqual(verified["verified"] as? Bool, true, "\(verified)")
        XCTAssertTrue((verified["report"] as! [String]).contains { $0.contains("ok  board.pdf") })

        // Rerun with an earlier run's inputs, another seed: a new run id.
        let rerun = try server.json("POST", "/api/v1/runs", token: token,
                                    ["inputs_of": key, "scenarios": ["boe-2025-bcst"], "paths": 300, "pack": "board", "seed": 9])
        let second = try server.waitForJob(try rerun.json()["id"] as! String)
        XCTAssertEqual(second["status"] as? String, "succeeded", "\(second)")
        XCTAssertNotEqual((second["run"] as! String).split(separator: "#").first, label.split(separator: "#").first)
    }

    /// A run graded by an uploaded PD model, as `run --pd-model` grades it: the model is a
    /// stored input of the run, a rerun of its inputs keeps it, and the run verifies.
    func testARunGradedByAnUploadedPDModel() throws {
        let model = TestSupport.repositoryRoot.appendingPathComponent("data/pd/retail-scorecard.yaml").path
        // An uncalibrated model is refused, naming why.
        let text = try String(contentsOfFile: model, encoding: .utf8)
        let uncalibrated = String(text[..<text.range(of: "calibration:")!.lowerBound])
        let refused = try server.request("POST", "/api/v1/pd-models", token: token, body: Data(uncalibrated.utf8),
                                         contentType: "application/yaml")
        XCTAssertEqual(refused.status, 422, refused.text)
        XCTAssertTrue(refused.message.contains("not calibrated"), refused.message)

        let uploaded = try server.request("POST", "/api/v1/pd-models", token: token, file: model, contentType: "application/yaml")
        XCTAssertEqual(uploaded.status, 201, uploaded.text)
        XCTAssertEqual(uploaded.headers["location"], "/api/v1/pd-models")
        let reference = try uploaded.json()["reference"] as! String
        XCTAssertEqual(reference, "sha256:" + (try CommandRunner.sha256(of: model)))
        let listed = try server.request("GET", "/api/v1/pd-models").json()["pd_models"] as! [[String: Any]]
        XCTAssertEqual(listed.first?["name"] as? String, "retail-scorecard")

        var r = try CommandRunner.run(["portfolio", "sample", "--exposures", "1500", "--seed", "4", "--borrowers",
                                       "--out", fixture.path("borrowers.csv"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let p = try server.request("POST", "/api/v1/portfolios?name=borrowers", token: token, file: fixture.path("borrowers.csv"),
                                   contentType: "text/csv")
        XCTAssertEqual(p.status, 201, p.text)
        let b = try server.request("POST", "/api/v1/balance-sheets", token: token, file: fixture.path("borrowers.balance-sheet.yaml"),
                                   contentType: "application/yaml")
        let sheet = try b.json()["reference"] as! String
        XCTAssertEqual(try server.json("POST", "/api/v1/runs", token: token,
                                       ["portfolio": "borrowers", "balance_sheet": sheet, "pd_model": "sha256:" + String(repeating: "0", count: 64)]).status,
                       422)
        let started = try server.json("POST", "/api/v1/runs", token: token,
                                      ["portfolio": "borrowers", "balance_sheet": sheet, "pd_model": reference,
                                       "scenarios": ["eba-2025-adverse"], "paths": 300, "pack": "board"])
        XCTAssertEqual(started.status, 202, started.text)
        let job = try server.waitForJob(try started.json()["id"] as! String)
        XCTAssertEqual(job["status"] as? String, "succeeded", "\(job)")
        let key = (job["run"] as! String).split(separator: "#").last.map(String.init)!
        let inputs = try server.request("GET", "/api/v1/runs/\(key)").json()["inputs"] as! [[String: Any]]
        XCTAssertEqual(inputs.first { $0["role"] as? String == "pd_model" }?["sha256"] as? String, String(reference.dropFirst(7)))

        // The same run from the CLI, model and all, gives the same results.json.
        r = try CommandRunner.run(["run", "--portfolio", fixture.path("borrowers.csv"), "--balance-sheet",
                                   fixture.path("borrowers.balance-sheet.yaml"), "--pd-model", model, "--scenario",
                                   "eba-2025-adverse", "--paths", "300", "--pack", "board", "--out", fixture.path("cli"),
                                   "--store", fixture.path("cli.sqlite"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let runID = (try server.request("GET", "/api/v1/runs/\(key)").json()["run"] as! [String: Any])["id"] as! String
        let served = try server.request("GET", "/api/v1/runs/\(key)/files/results.json")
        let cliResults = try Data(contentsOf: URL(fileURLWithPath: fixture.path("cli/results.json")))
        XCTAssertFalse(runID.isEmpty)
        // Inputs are shown by their store names, so compare the figures, not the text.
        let servedFigures = try JSONSerialization.jsonObject(with: served.body) as! [String: Any]
        let cliFigures = try JSONSerialization.jsonObject(with: cliResults) as! [String: Any]
        func minimum(_ results: [String: Any]) -> String {
            "\(((results["scenarios"] as! [[String: Any]])[0]["capital"] as! [String: Any])["min_cet1_ratio"]!)"
        }
        XCTAssertEqual(minimum(servedFigures), minimum(cliFigures))

        // A rerun of its inputs keeps the model; the run verifies.
        let rerun = try server.json("POST", "/api/v1/runs", token: token,
                                    ["inputs_of": key, "scenarios": ["eba-2025-adverse"], "paths": 300, "pack": "board", "seed": 5])
        let second = try server.waitForJob(try rerun.json()["id"] as! String)
        XCTAssertEqual(second["status"] as? String, "succeeded", "\(second)")
        let secondKey = (second["run"] as! String).split(separator: "#").last.map(String.init)!
        let secondInputs = try server.request("GET", "/api/v1/runs/\(secondKey)").json()["inputs"] as! [[String: Any]]
        XCTAssertTrue(secondInputs.contains { $0["role"] as? String == "pd_model" })
        let verify = try server.request("POST", "/api/v1/runs/\(key)/verify", token: token)
        let verified = try server.waitForJob(try verify.json()["id"] as! String)
        XCTAssertEqual(verified["verified"] as? Bool, true, "\(verified)")
    }

    func testTwoClientsAtOnceAndTheSameRunTwice() throws {
        let (portfolio, sheet) = try uploadBank()
        let seeds = [1, 2, 3, 3]
        let bodies = try seeds.map { seed in
            try JSONSerialization.data(withJSONObject: ["portfolio": portfolio, "balance_sheet": sheet,
                                                        "scenarios": ["eba-2025-adverse"], "paths": 300, "seed": seed])
        }
        let replies = Replies(count: 4)
        let server = self.server!, token = self.token
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            replies.set(i, try? server.request("POST", "/api/v1/runs", token: token, body: bodies[i], contentType: "application/json"))
        }
        let jobs = try replies.all.map { try XCTUnwrap($0).json()["id"] as! String }
        XCTAssertEqual(jobs[2], jobs[3], "the same run asked for twice is one job")
        XCTAssertEqual(Set(jobs).count, 3)
        for id in Set(jobs) {
            XCTAssertEqual(try server.waitForJob(id)["status"] as? String, "succeeded")
        }
        let runs = try server.request("GET", "/api/v1/runs?status=succeeded").json()
        XCTAssertEqual(runs["total"] as? Int, 5)
        let check = try CommandRunner.run(executable: "/usr/bin/sqlite3", [fixture.store, "PRAGMA integrity_check"])
        XCTAssertEqual(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
    }

    func testARunFailingInAWorkerIsRecordedAndTheServerKeepsServing() throws {
        // Outputs cannot be written: --reports names a file, not a folder.
        server.stop()
        XCTAssertTrue(FileManager.default.createFile(atPath: fixture.path("not-a-folder"), contents: Data("x".utf8)))
        server = try ServerProcess(store: fixture.store, in: fixture.work,
                                   arguments: ["--token-file", fixture.tokenFile, "--reports", fixture.path("not-a-folder")])
        let started = try server.json("POST", "/api/v1/runs", token: token,
                                      ["inputs_of": "1", "scenarios": ["boe-2025-bcst"], "paths": 200, "seed": 5])
        let job = try server.waitForJob(try started.json()["id"] as! String)
        XCTAssertEqual(job["status"] as? String, "failed")
        XCTAssertFalse((job["error"] as? String ?? "").isEmpty)
        // Recorded as failed with its error; the earlier runs untouched; the server still answers.
        let failed = try server.request("GET", "/api/v1/runs?status=failed").json()["runs"] as! [[String: Any]]
        XCTAssertEqual(failed.count, 1)
        XCTAssertNotNil(failed[0]["error"] as? String)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs?status=succeeded").json()["total"] as? Int, 2)
        XCTAssertEqual(try server.request("GET", "/runs/1").status, 200)
        // Nothing to verify in a failed run.
        let verify = try server.request("POST", "/api/v1/runs/\(failed[0]["key"] as! Int)/verify", token: token)
        XCTAssertEqual(verify.status, 409, verify.text)
    }

    func testSIGTERMLetsTheRunningJobFinish() throws {
        let started = try server.json("POST", "/api/v1/runs", token: token,
                                      ["inputs_of": "1", "paths": 20_000, "seed": 11])
        let id = try started.json()["id"] as! String
        let deadline = Date().addingTimeInterval(60)
        while try server.request("GET", "/api/v1/jobs/\(id)").json()["status"] as? String != "running", Date() < deadline {
            usleep(100_000)
        }
        XCTAssertEqual(server.stop(), 0, server.logText.suffix(2000).description)
        XCTAssertTrue(server.outputText.contains("stopped"))
        let list = try CommandRunner.run(["runs", "list", "--store", fixture.store])
        XCTAssertEqual(list.stdout.split(separator: "\n").filter { $0.contains("succeeded") }.count, 3, list.stdout)
        XCTAssertFalse(list.stdout.contains("running"))
    }
}

/// Replies gathered from concurrent clients.
private final class Replies: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [ServerProcess.Reply?]
    init(count: Int) { replies = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ reply: ServerProcess.Reply?) { lock.lock(); replies[i] = reply; lock.unlock() }
    var all: [ServerProcess.Reply?] { lock.lock(); defer { lock.unlock() }; return replies }
}
