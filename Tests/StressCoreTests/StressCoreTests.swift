import StressCore
import XCTest

final class StressCoreTests: XCTestCase {
    func testCategoricalColumnKeepsFirstAppearanceOrder() {
        let column = CategoricalColumn(["DE", "FR", "DE", "IT", "FR"])
        XCTAssertEqual(column.levels, ["DE", "FR", "IT"])
        XCTAssertEqual(column.codes, [0, 1, 0, 2, 1])
        XCTAssertEqual(column[3], "IT")
        XCTAssertEqual(column.count, 5)
    }

    func testInputErrorNamesFileLineColumnAndKey() {
        XCTAssertEqual(InputError(file: "s.yaml", line: 12, column: 3, key: "variables.gdp_growth",
                                  message: "expected a number").description,
                       "s.yaml:12:3: variables.gdp_growth: expected a number")
        XCTAssertEqual(InputError(file: "p.csv", line: 7, key: "ead", message: "negative").description,
                       "p.csv:7: ead: negative")
        XCTAssertEqual(InputError(file: "p.csv", message: "empty file").description, "p.csv: empty file")
    }

    func testFrameworkHorizonRules() {
        XCTAssertEqual(Framework.eba.minimumPeriods, 3)
        XCTAssertEqual(Framework.boe.minimumPeriods, 5)
        XCTAssertEqual(Framework.ccar.minimumPeriods, 9)
        XCTAssertEqual(Framework.ccar.frequency, .quarterly)
        XCTAssertEqual(Framework.rbi.maximumPeriods, 3)
        XCTAssertNil(Framework.eba.maximumPeriods)
    }

    func testScenarioVariablesAreSortedAndAddressable() {
        let s = Scenario(id: "x", framework: .eba, name: "x", severity: .adverse, frequency: .annual,
                         periods: ["2026", "2027", "2028"], source: "test",
                         variables: [.init(name: "unemployment", values: [0.07, 0.08, 0.08]),
                                     .init(name: "gdp_growth", values: [-0.02, -0.01, 0])])
        XCTAssertEqual(s.variables.map(\.name), ["gdp_growth", "unemployment"])
        XCTAssertEqual(s.path("unemployment"), [0.07, 0.08, 0.08])
        XCTAssertNil(s.path("house_price_index"))
    }

    func testCapitalTiersAddUp() {
        let c = BalanceSheet.Capital(cet1: 10, at1: 2, tier2: 3, leverageExposure: 200)
        XCTAssertEqual(c.tier1, 12)
        XCTAssertEqual(c.totalCapital, 15)
    }

    func testAssetClassRetailFlag() {
        XCTAssertEqual(AssetClass.allCases.filter(\.isRetail), [.residentialMortgage, .qrre, .otherRetail])
    }
}

/// The row-by-row `isDefaulted` and the one-pass `defaultedFlags` agree on every way an
/// exposure can be in default (stage 3, a default flag, PD = 1) and on books without the
/// columns; `performing()` keeps exactly the others, in row order.
final class DefaultedFlagsTests: XCTestCase {
    func testFlagsMatchIsDefaulted() {
        var p = Portfolio()
        let n = 12
        p.ids = (0..<n).map { "E\($0)" }
        p.pd = (0..<n).map { $0 == 5 ? 1 : 0.01 }
        p.lgd = Array(repeating: 0.4, count: n)
        p.ead = Array(repeating: 10, count: n)
        p.assetClass = Array(repeating: .corporate, count: n)
        let variants: [([UInt8]?, [UInt8]?)] = [
            (nil, nil),
            ((0..<n).map { $0 == 2 ? 3 : ($0 == 3 ? 2 : 1) }, nil),
            (nil, (0..<n).map { $0 == 7 ? 1 : 0 }),
            ((0..<n).map { $0 == 2 ? 3 : 1 }, (0..<n).map { $0 == 7 || $0 == 2 ? 1 : 0 }),
        ]
        for (stage, flag) in variants {
            p.stage = stage
            p.defaultFlag = flag
            let expected: [UInt8] = (0..<n).map { p.isDefaulted($0) ? 1 : 0 }
            XCTAssertEqual(p.defaultedFlags(), expected)
            XCTAssertEqual(p.performing().ids, (0..<n).filter { expected[$0] == 0 }.map { "E\($0)" })
        }
        XCTAssertEqual(p.defaultedFlags().filter { $0 == 1 }.count, 3, "rows 2, 5 and 7")
    }
}

/// A categorical column picked by rows from its codes is the column built from the picked
/// strings: levels in order of first appearance among the picked rows.
final class CategoricalRowsTests: XCTestCase {
    func testRowsMatchTheColumnOfThePickedStrings() {
        let values = (0..<200).map { ["DE", "FR", "IT", "ES", "NL", "PL"][($0 * 7 + $0 / 11) % 6] }
        let column = CategoricalColumn(values)
        for rows in [Array(0..<200), Array((0..<200).reversed()), (0..<200).filter { $0 % 3 == 1 }, [5, 5, 2], []] {
            let picked = column.rows(rows)
            XCTAssertEqual(picked, CategoricalColumn(rows.map { values[$0] }), "\(rows.prefix(3))")
            var appended = picked
            appended.append("DE")
            XCTAssertEqual(appended[appended.count - 1], "DE", "the index knows the picked levels")
            XCTAssertEqual(appended.levels.count, Set(rows.map { values[$0] } + ["DE"]).count)
        }
    }
}

/// Equal columns come back as the pooled array (one buffer); columns that differ in any
/// bit, including −0 against +0, stay apart; NaNs with the same payload are equal bytes.
final class ColumnPoolTests: XCTestCase {
    private func address(_ a: [Double]) -> UnsafeRawPointer? { a.withUnsafeBytes { $0.baseAddress } }

    func testEqualColumnsShareOneBuffer() {
        let pool = ColumnPool()
        let first = pool.intern([1, 2, .nan, 4])
        let again = pool.intern([1, 2, .nan, 4])
        XCTAssertEqual(address(again), address(first))
        let signed = pool.intern([1, 2, .nan, -0.0])
        let unsigned = pool.intern([1, 2, .nan, 0.0])
        XCTAssertNotEqual(address(signed), address(unsigned))
        XCTAssertEqual(unsigned[3].sign, .plus)
        XCTAssertNotEqual(address(pool.intern([1, 2, .nan])), address(first), "a shorter column")
        let flags = pool.intern([true, false])
        XCTAssertEqual(pool.intern([true, false]).withUnsafeBytes { $0.baseAddress }, flags.withUnsafeBytes { $0.baseAddress })
        XCTAssertEqual(pool.intern([UInt8(1), 0]), [1, 0], "another element type is its own column")
    }
}
