import XCTest
@testable import VaREngine

/// The Euler breakdowns' level codes: packed one byte per dimension when every dimension has
/// at most 256 levels, flat 32-bit indices otherwise. Both must add each default's loss to
/// the same flat levels, in dimension order.
final class LevelRecordingTests: XCTestCase {
    /// Flat levels of 40 exposures in four dimensions of `levels` levels.
    func exposureLevels(_ levels: [Int]) -> (exposureLevel: [[Int]], offsets: [Int]) {
        var offsets: [Int] = [], total = 0
        for count in levels { offsets.append(total); total += count }
        let exposureLevel = levels.enumerated().map { d, count in
            (0..<40).map { row in offsets[d] + (row * 7 + d * 13) % count }
        }
        return (exposureLevel, offsets)
    }

    func recorded(levels: [Int], dimensions: Int, packedExpected: Bool) {
        let (exposureLevel, offsets) = exposureLevels(levels)
        let rows: [Int32] = (0..<40).reversed().map { Int32($0) }  // plan position p holds row 39 − p
        let codes = rows.withUnsafeBufferPointer {
            AllocationCodes(exposureLevel: exposureLevel, offsets: offsets, levels: levels, rows: $0)
        }
        defer { codes.deallocate() }
        XCTAssertEqual(codes.packed != nil, packedExpected)
        let width = levels.reduce(0, +)
        let loss = UnsafeMutableBufferPointer<Double>.allocate(capacity: 40)
        let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: width)
        defer { loss.deallocate(); values.deallocate() }
        for p in 0..<40 { loss[p] = Double(p + 1) }
        values.update(repeating: 0)
        var recorder = LevelRecording(codes: codes, dimensions: dimensions, lossAmount: loss, values: values)
        var expected = [Double](repeating: 0, count: width)
        for p in [3, 17, 17, 39, 0] {
            recorder.record(p)
            for d in 0..<dimensions { expected[exposureLevel[d][Int(rows[p])]] += loss[p] }
        }
        XCTAssertEqual(Array(values), expected)
    }

    func testPackedCodesAddToTheFlatLevels() {
        recorded(levels: [5, 8, 256, 3], dimensions: 4, packedExpected: true)
        recorded(levels: [5, 8, 256, 3], dimensions: 1, packedExpected: true)
    }

    func testMoreThan256LevelsFallBackToFlatIndices() {
        recorded(levels: [5, 8, 257, 3], dimensions: 4, packedExpected: false)
        recorded(levels: [300, 8, 20, 3], dimensions: 1, packedExpected: false)
    }
}
