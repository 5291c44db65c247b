import Foundation
import Inputs
import ProvisionsEngine
import SampleBank
import StressCore
import TestSupport
import XCTest

/// The sample bank's provisions at jump-off and under a stress, as the demo shows them:
/// all three stages present, coverage rising from stage 1 to stage 3, and the stage 2 + 3
/// share and provisions higher under stress.
final class SampleBankProvisionsTests: XCTestCase {
    func testCoverageRisesWithTheStageOnTheSampleBank() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bank.csv").path
        _ = try SampleBankGenerator(exposures: 20_000, seed: 42).writePortfolio(to: path, threads: 2)
        let p = try PortfolioCSV.load(path: path).portfolio
        let rules = try XCTUnwrap(try FrameworkFile.load(
            path: TestSupport.repositoryRoot.appendingPathComponent("frameworks/eba.yaml").path).provisions)
        let book = ProvisionBook(portfolio: p, rules: rules, pdFloor: 0.0003, asOf: "2025-12-31")
        func project(_ m: Double) -> ProvisionsResult {
            ProvisionsProjectionTests.project(book, rules, [m, m, 1])
        }
        let calm = project(1), stressed = project(2.5)
        let c = calm.coverage
        XCTAssertGreaterThan(calm.ead.stage2[0], 0)
        XCTAssertGreaterThan(calm.ead.stage3[0], 0)
        XCTAssertLessThan(c.stage1[0], c.stage2[0])
        XCTAssertLessThan(c.stage2[0], c.stage3[0])
        for t in 1...3 {
            XCTAssertGreaterThanOrEqual(stressed.provisions.total[t], calm.provisions.total[t])
            XCTAssertGreaterThanOrEqual(stressed.ead.stage2[t] + stressed.ead.stage3[t], calm.ead.stage2[t] + calm.ead.stage3[t])
            XCTAssertLessThanOrEqual(stressed.coverage.stage1[t], stressed.coverage.stage3[t])
        }
    }
}
