import Foundation
@testable import StressPipeline
import XCTest

/// The shard partials' format: every value comes back bit for bit, equal values give equal
/// bytes in any process, and a damaged document is refused rather than misread.
final class BitExactCoderTests: XCTestCase {
    enum Shape: Codable, Equatable {
        case empty
        case point(x: Double, label: String?)
        case many([Double], tag: Int8)
    }

    struct Sample: Codable, Equatable {
        var doubles: [Double]
        var optional: Double?
        var missing: Double?
        var float: Float
        var int: Int
        var small: Int8
        var unsigned: UInt64
        var text: String
        var flags: [Bool]
        var byName: [String: Double]
        var nested: [[Double?]]
        var shapes: [Shape]
    }

    /// The values that text would lose or blur: both zeros, a NaN with a payload, the
    /// infinities, subnormals, neighbours of 1 and a value whose shortest text is long.
    static let awkward: [Double] = [
        0.0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude,
        1.0.nextUp, 1.0.nextDown, 0.1 + 0.2, Double(bitPattern: 0x7FF8_0000_0000_BEEF), .signalingNaN,
    ]

    func sample() -> Sample {
        Sample(doubles: Self.awkward, optional: -0.0, missing: nil, float: -.leastNonzeroMagnitude, int: .min,
               small: -128, unsigned: .max, text: "CET1 ≥ 4.5% — ünïcødé", flags: [true, false],
               byName: ["GB": -0.0, "US": 1e-300, "IN": .nan, "DE": 2.5], nested: [[nil, -0.0], [], [1]],
               shapes: [.empty, .point(x: -0.0, label: nil), .point(x: 3, label: "a"), .many([-0.0, .nan], tag: -1)])
    }

    func testEveryDoubleComesBackBitForBit() throws {
        let value = sample()
        let back = try BitExactCoder.decode(Sample.self, from: try BitExactCoder.encode(value))
        XCTAssertEqual(back.doubles.map(\.bitPattern), value.doubles.map(\.bitPattern))
        XCTAssertEqual(back.optional?.bitPattern, (-0.0 as Double).bitPattern)
        XCTAssertNil(back.missing)
        XCTAssertEqual(back.float.bitPattern, value.float.bitPattern)
        XCTAssertEqual(back.int, .min)
        XCTAssertEqual(back.small, -128)
        XCTAssertEqual(back.unsigned, .max)
        XCTAssertEqual(back.text, value.text)
        XCTAssertEqual(back.flags, value.flags)
        XCTAssertEqual(back.byName.mapValues(\.bitPattern), value.byName.mapValues(\.bitPattern))
        XCTAssertEqual(back.nested.map { $0.map { $0?.bitPattern } }, value.nested.map { $0.map { $0?.bitPattern } })
        guard case .point(let x, nil) = back.shapes[1], case .many(let xs, -1) = back.shapes[3] else {
            return XCTFail("enum cases: \(back.shapes)")
        }
        XCTAssertEqual(x.sign, .minus)
        XCTAssertEqual(xs.map(\.bitPattern), [(-0.0 as Double).bitPattern, Double.nan.bitPattern])
        XCTAssertEqual(back.shapes[2], .point(x: 3, label: "a"))
    }

    /// What a binary property list got wrong: equal-comparing values are not shared.
    func testZerosOfBothSignsStayApartInOneDocument() throws {
        let values: [Double] = [0.0, -0.0, 0.0, -0.0]
        let back = try BitExactCoder.decode([Double].self, from: try BitExactCoder.encode(values))
        XCTAssertEqual(back.map { $0.sign }, [.plus, .minus, .plus, .minus])
    }

    func testEqualValuesGiveEqualBytesWhateverTheDictionaryOrder() throws {
        var a: [String: Double] = [:], b: [String: Double] = [:]
        let keys = (0..<200).map { "country-\($0)" }
        for (i, k) in keys.enumerated() { a[k] = Double(i) }
        for (i, k) in keys.enumerated().reversed() { b[k] = Double(i) }
        XCTAssertEqual(try BitExactCoder.encode(a), try BitExactCoder.encode(b))
        XCTAssertEqual(try BitExactCoder.encode(sample()), try BitExactCoder.encode(sample()))
    }

    func testDamagedDocumentsAreRefused() throws {
        let data = try BitExactCoder.encode(sample())
        for cut in [0, 3, 6, 7, data.count / 2, data.count - 1] {
            XCTAssertThrowsError(try BitExactCoder.decode(Sample.self, from: data.prefix(cut)), "cut at \(cut)")
        }
        XCTAssertThrowsError(try BitExactCoder.decode(Sample.self, from: data + Data([0])), "trailing byte")
        var wrongTag = data
        wrongTag[BitExactCoder.magic.count] = 99
        XCTAssertThrowsError(try BitExactCoder.decode(Sample.self, from: wrongTag))
        // A well-formed document of another shape names what it expected and where.
        XCTAssertThrowsError(try BitExactCoder.decode(Sample.self, from: try BitExactCoder.encode([1.0]))) { error in
            XCTAssertTrue("\(error)".contains("expected an object"), "\(error)")
        }
        XCTAssertThrowsError(try BitExactCoder.decode(Int8.self, from: try BitExactCoder.encode(300))) { error in
            XCTAssertTrue("\(error)".contains("Int8"), "\(error)")
        }
    }
}
