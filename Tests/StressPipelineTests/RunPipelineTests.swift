import Foundation
import RunStore
import StressPipeline
import TestSupport
import XCTest

/// The run pipeline as a library, without the CLI: what cluster shards and a server call.
/// A run from files to files through `RunJob`, recorded in a store, then re-verified from
/// the store by `RunVerifier` with every output's bytes equal.
final class RunPipelineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        setenv("STRESSPACK_HOME", TestSupport.repositoryRoot.path, 1)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testRunRecordsAndVerifiesThroughTheLibrary() throws {
        let portfolio = directory.appendingPathComponent("bank.csv").path
        let balanceSheet = SampleBankFiles.balanceSheetPath(forPortfolio: portfolio)
        let progress = ProgressReporter(quiet: true)
        _ = try SampleBankFiles.write(exposures: 400, seed: 9, portfolioPath: portfolio, balanceSheetPath: balanceSheet,
                                      threads: 2, progress: progress)
        let store = try RunStore(path: directory.appendingPathComponent("runs.sqlite").path)
        let scenarios = ["eba-2025-adverse", "rbi-2025-severe"].map {
            ProjectPaths.scenarios.appendingPathComponent("\($0).yaml").path
        }
        let job = RunJob(portfolioPath: portfolio, balanceSheetPath: balanceSheet, scenarioPaths: scenarios,
                         pack: "board", asOf: nil, seed: 42, threads: 2,
                         outDirectory: directory.appendingPathComponent("out").path, paths: 200, store: store)
        let outcome = try job.execute(progress: progress)
        XCTAssertEqual(outcome.results.scenarios.map(\.id), ["eba-2025-adverse", "rbi-2025-severe"])
        XCTAssertTrue(outcome.files.contains { $0.lastPathComponent == "results.json" })
        XCTAssertTrue(outcome.files.contains { $0.lastPathComponent == "board.pdf" })
        XCTAssertFalse(outcome.stages.isEmpty, "stage timings for the store")

        let record = try XCTUnwrap(try store.runs().first { $0.runID == outcome.runID })
        let verified = try RunVerifier(store: store, record: record, threads: 1).verify(progress: progress)
        XCTAssertEqual(verified.mismatches, [], verified.report.joined(separator: "\n"))
    }
}
