import Foundation
import TestSupport
import XCTest

/// The read side of `stresspack serve` against a store of two CLI runs: every GET
/// endpoint, its errors, and the figures and files exactly as the run recorded them.
final class ServerReadAPITests: XCTestCase {
    nonisolated(unsafe) static var fixture: ServerFixture!
    nonisolated(unsafe) static var server: ServerProcess!

    override class func setUp() {
        super.setUp()
        do {
            fixture = try ServerFixture.make("serve-read")
            server = try fixture.start()
        } catch {
            XCTFail("setting up the server: \(error)")
        }
    }

    override class func tearDown() {
        server?.stop()
        if let work = fixture?.work { try? FileManager.default.removeItem(at: work) }
        super.tearDown()
    }

    var server: ServerProcess { Self.server }

    func testRunsListPagesAndFilters() throws {
        let all = try server.request("GET", "/api/v1/runs").json()
        XCTAssertEqual(all["total"] as? Int, 2)
        let runs = all["runs"] as! [[String: Any]]
        XCTAssertEqual(runs.map { $0["key"] as! Int }, [2, 1], "newest first")
        XCTAssertEqual(runs[0]["status"] as? String, "succeeded")
        XCTAssertEqual(runs[0]["pack"] as? String, "board")

        let page = try server.request("GET", "/api/v1/runs?limit=1&offset=1").json()
        XCTAssertEqual((page["runs"] as! [[String: Any]]).map { $0["key"] as! Int }, [1])
        XCTAssertEqual(page["total"] as? Int, 2)
        XCTAssertEqual(((try server.request("GET", "/api/v1/runs?status=failed").json())["runs"] as! [Any]).count, 0)
        XCTAssertEqual(((try server.request("GET", "/api/v1/runs?pack=board").json())["runs"] as! [Any]).count, 2)

        let bad = try server.request("GET", "/api/v1/runs?limit=0")
        XCTAssertEqual(bad.status, 422)
        XCTAssertTrue(bad.message.contains("limit"), bad.message)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs?status=done").status, 422)
    }

    func testOneRunHasParametersInputsOutputsAndKeyFigures() throws {
        let reply = try server.request("GET", "/api/v1/runs/1")
        XCTAssertEqual(reply.status, 200, reply.text)
        let detail = try reply.json()
        let run = detail["run"] as! [String: Any]
        XCTAssertEqual(run["label"] as? String, "\(run["id"]!)#1")
        XCTAssertEqual((detail["parameters"] as? [String: Any])?["seed"] as? Int, 42)
        let inputs = detail["inputs"] as! [[String: Any]]
        XCTAssertTrue(inputs.contains { $0["role"] as? String == "portfolio" })
        let outputs = (detail["outputs"] as! [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual(Set(outputs), ["results.json", "board.xlsx", "board.pdf", "manifest.json"])
        // Key figures are the store's, which are results.json's doubles.
        let results = try resultsJSON("runA")
        let minima = Dictionary(uniqueKeysWithValues: (results["scenarios"] as! [[String: Any]]).map {
            ($0["id"] as! String, exact(($0["capital"] as! [String: Any])["min_cet1_ratio"])!)
        })
        let figures = detail["key_figures"] as! [[String: Any]]
        for (scenario, value) in minima {
            let f = figures.first { $0["scenario"] as? String == scenario && $0["metric"] as? String == "min_cet1_ratio" }
            XCTAssertEqual(exact(f?["value"]), value, scenario)
        }
        // By run id too (its latest succeeded record), and 404 for an unknown run.
        XCTAssertEqual(try server.request("GET", "/api/v1/runs/\(run["id"]!)").status, 200)
        let missing = try server.request("GET", "/api/v1/runs/run-19990101-0000000000")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.message.contains("no run"), missing.message)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs/999").status, 404)
    }

    func testFiguresFilterAsJSONAndCSV() throws {
        let reply = try server.request("GET", "/api/v1/runs/1/figures?scenario=boe-2025-bcst&metric=cet1_ratio")
        let figures = try reply.json()["figures"] as! [[String: Any]]
        let results = try resultsJSON("runA")
        let boe = (results["scenarios"] as! [[String: Any]]).first { $0["id"] as? String == "boe-2025-bcst" }!
        let path = ((boe["capital"] as! [String: Any])["cet1_ratio"] as! [Any]).map { exact($0)! }
        XCTAssertEqual(figures.map { exact($0["value"])! }, path)

        let csv = try server.request("GET", "/api/v1/runs/1/figures?scenario=boe-2025-bcst&metric=cet1_ratio&format=csv")
        XCTAssertEqual(csv.status, 200)
        XCTAssertTrue(csv.headers["content-type"]?.hasPrefix("text/csv") ?? false)
        let lines = csv.text.split(separator: "\r\n")
        XCTAssertEqual(lines.first, "run,scenario,period,metric,value")
        // Round-trip decimals: parsing the CSV gives back the same doubles.
        XCTAssertEqual(lines.dropFirst().map { Double($0.split(separator: ",").last!)! }, path)
        XCTAssertEqual(try server.request("GET", "/api/v1/runs/1/figures?format=xml").status, 422)
    }

    func testDiffOfTwoRuns() throws {
        let diff = try server.request("GET", "/api/v1/diff?a=1&b=2").json()
        let rows = diff["rows"] as! [[String: Any]]
        XCTAssertFalse(rows.isEmpty)
        // Different seeds: the VaR differs, the deterministic projections do not.
        let varRow = rows.first { $0["metric"] as? String == "var" }!
        XCTAssertNotEqual(exact(varRow["a"]), exact(varRow["b"]))
        XCTAssertEqual((exact(varRow["change"])!), (exact(varRow["b"])!) - (exact(varRow["a"])!))
        let changed = try server.request("GET", "/api/v1/diff?a=1&b=2&changed_only=true").json()["rows"] as! [[String: Any]]
        XCTAssertTrue(changed.count < rows.count && changed.allSatisfy { exact($0["a"]) != exact($0["b"]) })
        XCTAssertEqual(try server.request("GET", "/api/v1/diff?a=1").status, 422)
        XCTAssertEqual(try server.request("GET", "/api/v1/diff?a=1&b=77").status, 404)
    }

    func testScenariosPortfoliosAndJobsLists() throws {
        let scenarios = try server.request("GET", "/api/v1/scenarios").json()["scenarios"] as! [[String: Any]]
        let boe = scenarios.first { $0["id"] as? String == "boe-2025-bcst" }
        XCTAssertEqual(boe?["framework"] as? String, "boe")
        XCTAssertEqual(boe?["reference"] as? String, "boe-2025-bcst")
        XCTAssertEqual(boe?["sha256"] as? String,
                       try CommandRunner.sha256(of: TestSupport.repositoryRoot.appendingPathComponent("scenarios/boe-2025-bcst.yaml").path))
        XCTAssertNotNil(try server.request("GET", "/api/v1/portfolios").json()["portfolios"] as? [Any])
        XCTAssertNotNil(try server.request("GET", "/api/v1/jobs").json()["jobs"] as? [Any])
        XCTAssertEqual(try server.request("GET", "/api/v1/jobs/job-404").status, 404)
    }

    func testDownloadsByManifestNameOnly() throws {
        let reply = try server.request("GET", "/api/v1/runs/1/files/board.pdf")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.headers["content-type"], "application/pdf")
        let onDisk = try Data(contentsOf: Self.fixture.work.appendingPathComponent("runA/board.pdf"))
        XCTAssertEqual(reply.body, onDisk)
        XCTAssertEqual(reply.headers["x-content-sha256"], try CommandRunner.sha256(of: Self.fixture.path("runA/board.pdf")))
        // Not an output of the run: refused, whatever the path says.
        for name in ["bank.csv", "..%2F..%2Fstore.sqlite", "%2Fetc%2Fpasswd", "runA/results.json"] {
            XCTAssertEqual(try server.request("GET", "/api/v1/runs/1/files/\(name)").status, 404, name)
        }
    }

    func testAFileRemovedSinceTheRunIsGone() throws {
        let file = Self.fixture.path("runB/board.xlsx"), aside = Self.fixture.path("board.xlsx.aside")
        try FileManager.default.moveItem(atPath: file, toPath: aside)
        defer { try? FileManager.default.moveItem(atPath: aside, toPath: file) }
        let gone = try server.request("GET", "/api/v1/runs/2/files/board.xlsx")
        XCTAssertEqual(gone.status, 410)
        XCTAssertTrue(gone.message.contains("no longer in"), gone.message)
    }

    func testClientDisconnectingMidDownloadLeavesTheServerServing() throws {
        // A client with a 4 KB receive window reads 8 KB of a ~500 KB file and hangs up: the
        // server is mid-stream, with most of the file still to send.
        let file = try Data(contentsOf: Self.fixture.work.appendingPathComponent("runA/results.json"))
        let url = URL(string: server.baseURL)!
        let client = """
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.connect(("\(url.host!)", \(url.port!)))
            s.sendall(b"GET /api/v1/runs/1/files/results.json HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
            got = b""
            while len(got) < 8192:
                chunk = s.recv(1024)
                if not chunk: break
                got += chunk
            s.close()
            print(len(got), got.split(b"\\r\\n")[0].decode())
            """
        let cut = try CommandRunner.run(executable: "/usr/bin/python3", ["-c", client])
        XCTAssertEqual(cut.status, 0, cut.stderr)
        XCTAssertTrue(cut.stdout.contains("HTTP/1.1 200 OK"), cut.stdout)
        let whole = try server.request("GET", "/api/v1/runs/1/files/results.json")
        XCTAssertEqual(whole.status, 200)
        XCTAssertEqual(whole.body, file)
    }

    func testOpenAPIDocumentIsServedAndCoversTheRoutes() throws {
        let doc = try server.request("GET", "/api/v1/openapi.json").json()
        XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
        let paths = Set((doc["paths"] as! [String: Any]).keys)
        for path in ["/api/v1/runs", "/api/v1/runs/{run}", "/api/v1/runs/{run}/figures", "/api/v1/runs/{run}/files/{name}",
                     "/api/v1/runs/{run}/verify", "/api/v1/diff", "/api/v1/scenarios", "/api/v1/portfolios",
                     "/api/v1/balance-sheets", "/api/v1/pd-models", "/api/v1/jobs", "/api/v1/jobs/{job}"] {
            XCTAssertTrue(paths.contains(path), path)
        }
    }

    func testAccessLogHasOneStructuredLinePerRequest() throws {
        _ = try server.request("GET", "/api/v1/runs/404404")
        usleep(200_000)
        let line = server.logText.split(separator: "\n").last { $0.contains("path=/api/v1/runs/404404") }
        XCTAssertNotNil(line, server.logText.suffix(2000).description)
        XCTAssertTrue(line?.contains("status=404") ?? false)
        XCTAssertTrue(line?.contains("method=GET") ?? false)
    }

    private func resultsJSON(_ run: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixture.work.appendingPathComponent("\(run)/results.json"))) as! [String: Any]
    }
}
