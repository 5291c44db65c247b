import Foundation
import StressCore
import TestSupport
import XCTest
@testable import Inputs

/// The liquidity rate table file (`tables/liquidity-basel.yaml`), its jurisdiction
/// overrides, and the check of a balance sheet's liquidity categories against it.
final class LiquidityTableFileTests: XCTestCase {
    static let basePath = TestSupport.repositoryRoot.appendingPathComponent("tables/liquidity-basel.yaml").path
    static let overridePath = TestSupport.repositoryRoot
        .appendingPathComponent("tables/liquidity-3pct-stable-deposits.yaml").path

    /// The table file against the listing that LiquidityEngineTests also checks the
    /// engine's built-in `LiquidityRates.basel` against.
    func testBaselTableMatchesTheEngineListing() throws {
        let table = try LiquidityTableFile.load(path: Self.basePath)
        let listing = try String(contentsOf: TestSupport.repositoryRoot
            .appendingPathComponent("Tests/LiquidityEngineTests/Golden/basel-rates.tsv"), encoding: .utf8)
        XCTAssertEqual(Self.listing(table), listing)
        XCTAssertEqual(table.files, [Self.basePath])
        XCTAssertEqual(table.outflows["retail_stable"]?.value, 0.05)
        XCTAssertEqual(table.outflows["retail_stable"]?.isDeposit, true)
        XCTAssertEqual(table.hqla["level2b_rmbs"]?.level, "level2b")
    }

    func testOverrideChangesOnlyWhatItLists() throws {
        let base = try LiquidityTableFile.load(path: Self.basePath)
        let table = try LiquidityTableFile.load(path: Self.basePath, override: Self.overridePath)
        XCTAssertEqual(table.name, "basel+3pct-stable-deposits")
        XCTAssertEqual(table.files, [Self.basePath, Self.overridePath])
        XCTAssertEqual(table.outflows["retail_stable"]?.value, 0.03)
        XCTAssertEqual(table.outflows["retail_stable"]?.isDeposit, true)
        XCTAssertTrue(table.outflows["retail_stable"]?.source.contains("d238 ¶78") ?? false)
        var expected = base
        expected.name = table.name
        expected.source = table.source
        expected.files = table.files
        expected.outflows["retail_stable"] = table.outflows["retail_stable"]
        XCTAssertEqual(table, expected)
    }

    func testOverrideOfCapsAndStress() throws {
        let base = try LiquidityTableFile.load(path: Self.basePath)
        let table = try LiquidityTableFile.applyOverride(text: """
            name: test
            caps:
              inflows: {rate: 0.9}
            stress:
              daily_outflow_decay: 0
              severity_defaults:
                severe: {hqla_haircut: 0.1}
            """, file: "o.yaml", to: base)
        XCTAssertEqual(table.inflowCap.value, 0.9)
        XCTAssertEqual(table.inflowCap.source, base.inflowCap.source)
        XCTAssertEqual(table.stress.dailyOutflowDecay, 0)
        XCTAssertEqual(table.stress.severityDefaults[.severe], .init(depositRunoff: 0.06, hqlaHaircut: 0.1))
        XCTAssertEqual(table.stress.severityDefaults[.mild], base.stress.severityDefaults[.mild])
    }

    // MARK: - Errors

    func testOverrideErrors() throws {
        let base = try LiquidityTableFile.load(path: Self.basePath)
        func message(_ text: String) -> String? {
            do {
                _ = try LiquidityTableFile.applyOverride(text: text, file: "o.yaml", to: base)
                XCTFail("expected an error for:\n\(text)")
                return nil
            } catch { return String(describing: error) }
        }
        XCTAssertEqual(message("name: x\noutflows:\n  retail_stabel: {rate: 0.03}\n"),
                       "o.yaml:3:3: outflows.retail_stabel: unknown outflow category 'retail_stabel'; the base table 'basel' defines "
                       + base.outflows.keys.sorted().joined(separator: ", ")
                       + " (an override changes rates, it does not add categories)")
        XCTAssertEqual(message("name: x\noutflows:\n  retail_stable: {rate: 1.5}\n"),
                       "o.yaml:3:25: outflows.retail_stable.rate: expected a fraction in [0, 1], found 1.5")
        XCTAssertEqual(message("name: x\nnsfr:\n  rsf:\n    level1: {factor: -0.05}\n"),
                       "o.yaml:4:22: nsfr.rsf.level1.factor: expected a fraction in [0, 1], found -0.05")
        XCTAssertEqual(message("name: x\nextends: eu\n"),
                       "o.yaml:2:10: extends: this override extends 'eu', but the base table is 'basel'")
        XCTAssertEqual(message("name: x\noutflows:\n  retail_stable: {}\n"),
                       "o.yaml:3:18: outflows.retail_stable: expected at least one of rate, deposit, source")
        XCTAssertEqual(message("name: x\ncaps:\n  level2b: {rate: 0.5}\n"),
                       "o.yaml:3:19: caps.level2b.rate: expected a Level 2B cap in (0, 0.4], at most the Level 2 cap; found 0.5")
        XCTAssertEqual(message("name: x\nstress:\n  severity_defaults:\n    extreme: {deposit_runoff: 0.2}\n"),
                       "o.yaml:4:5: stress.severity_defaults.extreme: unknown severity 'extreme'; expected one of "
                       + Severity.allNames)
        XCTAssertEqual(message("name: x\nrates: {}\n"),
                       "o.yaml:2:1: rates: unknown key; accepted keys: name, extends, source, caps, hqla, outflows, "
                       + "inflows, nsfr, stress, description, notes")
    }

    func testBaseTableErrors() throws {
        let text = try String(contentsOfFile: Self.basePath, encoding: .utf8)
        func message(_ replacing: String, _ with: String) -> String? {
            XCTAssertTrue(text.contains(replacing), replacing)
            do {
                _ = try LiquidityTableFile.parse(text: text.replacingOccurrences(of: replacing, with: with), file: "t.yaml")
                XCTFail("expected an error replacing \(replacing)")
                return nil
            } catch {
                // Drop the line and column, which move with the table's layout.
                let description = String(describing: error)
                let afterLocation = description.split(separator: " ", maxSplits: 1)
                return afterLocation.count == 2 ? String(afterLocation[1]) : description
            }
        }
        XCTAssertEqual(message("    level: level2a\n", "    level: level3\n"),
                       "hqla.level2a.level: unknown HQLA level 'level3'; expected one of level1, level2a, level2b")
        XCTAssertEqual(message("    rate: 0.25\n    deposit: true\n", "    rate: 0.25\n    deposit: yes\n"),
                       "outflows.operational.deposit: expected true or false, found the value 'yes'")
        XCTAssertEqual(message("  retail:\n    rate: 0.50\n", "  retail:\n    rate: \"0.50\"\n"),
                       "inflows.retail.rate: expected a number (inflow rate as a fraction, e.g. 0.50), found the quoted text '0.50'; write numbers without quotes")
        XCTAssertEqual(message("  survival_cap_days: 365\n", "  survival_cap_days: 20\n"),
                       "stress.survival_cap_days: expected a whole number of days from 30 to 36500, found 20")
        XCTAssertEqual(message("    mild: {deposit_runoff: 0.01, hqla_haircut: 0.01}\n", ""),
                       "stress.severity_defaults: missing severity 'mild'; expected default shocks for every severity (\(Severity.allNames))")
        XCTAssertEqual(message("  retail:\n    rate: 0.50\n", "  Retail:\n    rate: 0.50\n"),
                       "inflows.Retail: expected a category name of lower-case letters, digits and '_', starting with a letter, found 'Retail'")
    }

    func testBaseEntriesNeedASource() {
        let text = """
            name: t
            source: s
            caps:
              level2: {rate: 0.4, source: a}
              level2b: {rate: 0.15, source: b}
              inflows: {rate: 0.75, source: c}
            hqla: {level1: {level: level1, haircut: 0}}
            outflows: {}
            inflows: {}
            nsfr: {asf: {}, rsf: {}}
            stress: {}
            """
        XCTAssertThrowsError(try LiquidityTableFile.parse(text: text, file: "t.yaml")) { error in
            XCTAssertEqual(String(describing: error), "t.yaml:7:16: hqla.level1.source: required key is missing")
        }
    }

    // MARK: - Balance sheet categories

    func testBalanceSheetCategoriesAreCheckedWithTheirLine() throws {
        let table = try LiquidityTableFile.load(path: Self.basePath)
        let good = """
            as_of: 2025-12-31
            currency: EUR
            capital: {cet1: 1, leverage_exposure: 2}
            liquidity:
              hqla: {level1: 5, level2a: 1}
              outflows:
                retail_stable: 10
              inflows:
              nsfr:
                asf: {regulatory_capital: 1}
                rsf: {residential_mortgages: 1}
            """
        XCTAssertNoThrow(try BalanceSheetLiquidityCategories.check(text: good, file: "b.yaml", table: table))
        let typo = good.replacingOccurrences(of: "retail_stable: 10", with: "retail_stabel: 10")
        XCTAssertThrowsError(try BalanceSheetLiquidityCategories.check(text: typo, file: "b.yaml", table: table)) { error in
            XCTAssertEqual(String(describing: error),
                           "b.yaml:7:5: liquidity.outflows.retail_stabel: unknown outflow category 'retail_stabel'; expected one of "
                           + table.outflows.keys.sorted().joined(separator: ", "))
        }
        let rsf = good.replacingOccurrences(of: "residential_mortgages", with: "gold")
        XCTAssertThrowsError(try BalanceSheetLiquidityCategories.check(text: rsf, file: "b.yaml", table: table)) { error in
            XCTAssertEqual((error as? InputError)?.key, "liquidity.nsfr.rsf.gold")
            XCTAssertEqual((error as? InputError)?.line, 11)
        }
        XCTAssertNoThrow(try BalanceSheetLiquidityCategories.check(
            text: "as_of: 2025-12-31\ncurrency: EUR\ncapital: {cet1: 1, leverage_exposure: 2}\n", file: "b.yaml", table: table))
    }

    /// The corpus balance sheet uses INTERFACES.md's illustrative names, one of which
    /// (`performing_loans`) is not a Basel inflow category.
    func testCorpusBalanceSheetCategories() throws {
        let table = try LiquidityTableFile.load(path: Self.basePath)
        XCTAssertThrowsError(try BalanceSheetLiquidityCategories.check(path: Corpus.path("valid/balance-sheet.yaml"),
                                                                       table: table)) { error in
            XCTAssertTrue(String(describing: error).contains("unknown inflow category 'performing_loans'"), "\(error)")
        }
    }

    // MARK: - Listing

    /// The same listing as LiquidityEngineTests' `RateTableListingTests.listing`.
    static func listing(_ table: LiquidityTable) -> String {
        var lines: [String] = []
        func add(_ fields: [String]) { lines.append(fields.joined(separator: "\t")) }
        add(["name", table.name])
        add(["caps", "level2", "\(table.level2Cap.value)", table.level2Cap.source])
        add(["caps", "level2b", "\(table.level2BCap.value)", table.level2BCap.source])
        add(["caps", "inflows", "\(table.inflowCap.value)", table.inflowCap.source])
        for (name, entry) in table.hqla.sorted(by: { $0.key < $1.key }) {
            add(["hqla", name, "\(entry.value)", entry.level ?? "?", entry.source])
        }
        for (name, entry) in table.outflows.sorted(by: { $0.key < $1.key }) {
            add(["outflows", name, "\(entry.value)", entry.isDeposit ? "deposit" : "-", entry.source])
        }
        for (section, map) in [("inflows", table.inflows), ("nsfr.asf", table.availableStableFunding),
                               ("nsfr.rsf", table.requiredStableFunding)] {
            for (name, entry) in map.sorted(by: { $0.key < $1.key }) { add([section, name, "\(entry.value)", entry.source]) }
        }
        add(["stress", "source", table.stress.source])
        add(["stress", "daily_outflow_decay", "\(table.stress.dailyOutflowDecay)"])
        add(["stress", "survival_cap_days", "\(table.stress.survivalCapDays)"])
        for severity in Severity.allCases {
            let shock = table.stress.severityDefaults[severity]
            add(["stress.severity_defaults", severity.rawValue, "\(shock?.depositRunoff ?? .nan)", "\(shock?.hqlaHaircut ?? .nan)"])
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
