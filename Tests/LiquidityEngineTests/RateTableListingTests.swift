import Foundation
import LiquidityEngine
import StressCore
import XCTest

/// `LiquidityRates.basel` against `Golden/basel-rates.tsv`, the listing that
/// InputsTests also checks `tables/liquidity-basel.yaml` against: so the built-in
/// rates and the user-facing table file cannot drift apart. Re-record with
/// STRESSPACK_RECORD=1 after changing both; a fresh recording still fails the test,
/// so a person reviews the diff.
final class RateTableListingTests: XCTestCase {
    func testBaselRatesMatchTheListing() throws {
        let url = Fixtures.golden("basel-rates.tsv")
        let listing = Self.listing(LiquidityRates.basel)
        if ProcessInfo.processInfo.environment["STRESSPACK_RECORD"] == "1" {
            try listing.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(url.path); review the diff and rerun without STRESSPACK_RECORD")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(listing, expected)
    }

    /// One line per entry, tab-separated: section, name, value(s), level, deposit, source.
    static func listing(_ rates: LiquidityRates) -> String {
        var lines: [String] = []
        func add(_ fields: [String]) { lines.append(fields.joined(separator: "\t")) }
        add(["name", rates.name])
        add(["caps", "level2", "\(rates.caps.level2.rate)", rates.caps.level2.source])
        add(["caps", "level2b", "\(rates.caps.level2B.rate)", rates.caps.level2B.source])
        add(["caps", "inflows", "\(rates.caps.inflows.rate)", rates.caps.inflows.source])
        for (name, entry) in rates.hqla.sorted(by: { $0.key < $1.key }) {
            add(["hqla", name, "\(entry.haircut)", entry.level.rawValue, entry.source])
        }
        for (name, entry) in rates.outflows.sorted(by: { $0.key < $1.key }) {
            add(["outflows", name, "\(entry.runOff)", entry.isDeposit ? "deposit" : "-", entry.source])
        }
        for (section, map) in [("inflows", rates.inflows), ("nsfr.asf", rates.availableStableFunding),
                               ("nsfr.rsf", rates.requiredStableFunding)] {
            for (name, entry) in map.sorted(by: { $0.key < $1.key }) { add([section, name, "\(entry.rate)", entry.source]) }
        }
        add(["stress", "source", rates.stress.source])
        add(["stress", "daily_outflow_decay", "\(rates.stress.dailyOutflowDecay)"])
        add(["stress", "survival_cap_days", "\(rates.stress.survivalCapDays)"])
        for severity in Severity.allCases {
            let shock = rates.stress.severityDefaults[severity]
            add(["stress.severity_defaults", severity.rawValue, "\(shock?.depositRunoff ?? .nan)", "\(shock?.hqlaHaircut ?? .nan)"])
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
