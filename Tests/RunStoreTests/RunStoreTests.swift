import Foundation
@testable import RunStore
import XCTest

final class RunStoreTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("runstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func file(_ name: String, bytes: Int) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let data = Data((0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func testBlobsRoundTripAcrossChunks() throws {
        let store = try RunStore(path: directory.appendingPathComponent("s.sqlite").path)
        let size = RunStore.chunkSize * 2 + 123
        let source = try file("big.bin", bytes: size)
        try store.storeFile(path: source, sha256: "abc")
        try store.storeFile(path: source, sha256: "abc") // stored once
        XCTAssertTrue(try store.hasBlob("abc"))
        let copy = directory.appendingPathComponent("copy.bin").path
        try store.extract("abc", to: copy)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), try Data(contentsOf: URL(fileURLWithPath: source)))
        XCTAssertThrowsError(try store.extract("missing", to: copy))
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testRunLifecycleAndLookup() throws {
        let store = try RunStore(path: directory.appendingPathComponent("s.sqlite").path)
        let input = try file("p.csv", bytes: 100)
        let key = try store.beginRun(runID: "run-x", engineVersion: "0.1.0", asOf: "2025-12-31", seed: 42, pack: "board",
                                     parameters: "{}", inputs: [RunFile(role: "portfolio", path: input, sha256: "h", bytes: 100)],
                                     storedInputs: ["h"], startedAt: "t0")
        XCTAssertEqual(try store.run("run-x")?.status, "running")
        try store.finishRun(key: key, outputDirectory: "/out", outputs: [RunFile(path: "results.json", sha256: "r", bytes: 9)],
                            figures: [RunFigure(scenario: "s", period: "2026", metric: "el", value: 1.5)],
                            finishedAt: "t1", durationMilliseconds: 12)
        let record = try XCTUnwrap(store.run("run-x"))
        XCTAssertEqual(record.status, "succeeded")
        XCTAssertEqual(record.seed, 42)
        XCTAssertEqual(try store.outputs(of: key).map(\.sha256), ["r"])
        XCTAssertEqual(try store.figures(of: key), [RunFigure(scenario: "s", period: "2026", metric: "el", value: 1.5)])
        XCTAssertEqual(try store.inputs(of: key).map(\.role), ["portfolio"])
        XCTAssertEqual(try store.run("run-x#\(key)")?.key, key)

        let failed = try store.beginRun(runID: "run-x", engineVersion: "0.1.0", asOf: nil, seed: 1, pack: "board",
                                        parameters: "{}", inputs: [], storedInputs: [], startedAt: "t2")
        try store.failRun(key: failed, error: "bad.csv:3: pd: expected a PD in [0, 1]", finishedAt: "t3", durationMilliseconds: 1)
        XCTAssertEqual(try store.run("run-x")?.key, key, "the run id names its latest succeeded record")
        XCTAssertEqual(try store.runs().map(\.status), ["succeeded", "failed"])
    }

    func testRunsOfVanishedProcessesBecomeIncompleteOnOpen() throws {
        let path = directory.appendingPathComponent("s.sqlite").path
        do {
            let store = try RunStore(path: path)
            _ = try store.beginRun(runID: "run-live", engineVersion: "0", asOf: nil, seed: 0, pack: "p", parameters: "{}",
                                   inputs: [], storedInputs: [], startedAt: "t")
            _ = try store.beginRun(runID: "run-dead", engineVersion: "0", asOf: nil, seed: 0, pack: "p", parameters: "{}",
                                   inputs: [], storedInputs: [], startedAt: "t")
            try store.pool.write { db in try db.execute(sql: "UPDATE runs SET pid = 999999999 WHERE run_id = 'run-dead'") }
        }
        let reopened = try RunStore(path: path)
        XCTAssertEqual(try reopened.run("run-dead")?.status, "incomplete")
        XCTAssertEqual(try reopened.run("run-live")?.status, "running", "this process is still alive")
    }

    func testPortfoliosAreReplacedByName() throws {
        let store = try RunStore(path: directory.appendingPathComponent("s.sqlite").path)
        let a = try file("a.csv", bytes: 10), b = try file("b.csv", bytes: 20)
        try store.importPortfolio(name: "book", file: a, sha256: "ha", exposures: 1, totalEAD: 5, importedAt: "t")
        try store.importPortfolio(name: "book", file: b, sha256: "hb", exposures: 2, totalEAD: 7, importedAt: "t2")
        XCTAssertEqual(try store.portfolios().map(\.sha256), ["hb"])
        XCTAssertEqual(try store.portfolio(named: "book")?.exposures, 2)
        XCTAssertNil(try store.portfolio(named: "other"))
    }
}
