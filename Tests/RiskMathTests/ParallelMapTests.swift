import RiskMath
import XCTest

/// Block partitions and `parallelMap`: results in block order and independent of the
/// thread count.
final class ParallelMapTests: XCTestCase {
    func testPartitionCoversItemsInOrder() {
        let partition = BlockPartition(count: 10, blockSize: 3)
        XCTAssertEqual(partition.blockCount, 4)
        XCTAssertEqual((0..<4).map { partition.range(ofBlock: $0) }, [0..<3, 3..<6, 6..<9, 9..<10])
        XCTAssertEqual(BlockPartition(count: 9, blockSize: 3).blockCount, 3)
        XCTAssertEqual(BlockPartition(count: 9, blockSize: 3).range(ofBlock: 2), 6..<9)
        XCTAssertEqual(BlockPartition(count: 0, blockSize: 5).blockCount, 0)
        XCTAssertEqual(BlockPartition(count: 2, blockSize: 100).range(ofBlock: 0), 0..<2)
        XCTAssertEqual(BlockPartition(count: 5, blockSize: .max).range(ofBlock: 0), 0..<5)
    }

    func testResultsComeBackInBlockOrderForAnyThreadCount() {
        let partition = BlockPartition(count: 1000, blockSize: 7)
        let expected = (0..<partition.blockCount).map { [$0, partition.range(ofBlock: $0).lowerBound] }
        for threads in [0, 1, 2, 3, 8, 500] {
            let results = parallelMap(blocks: partition, threads: threads) { range, block in
                [block, range.lowerBound]
            }
            XCTAssertEqual(results, expected, "threads = \(threads)")
        }
        XCTAssertEqual(parallelMap(blocks: BlockPartition(count: 0, blockSize: 4), threads: 4) { _, block in block }, [])
    }

    /// 1,000,003 normals summed per block of 4,096 and then over blocks in order: the total is
    /// bit-identical on 1, 2 and 8 threads.
    func testSumOfNormalsIsBitIdenticalAcrossThreadCounts() {
        let stream = RandomStream(seed: 31_415, stream: 9)
        let partition = BlockPartition(count: 1_000_003, blockSize: 4096)
        func total(threads: Int) -> Double {
            let blockSums = parallelMap(blocks: partition, threads: threads) { range, _ in
                let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: range.count)
                defer { buffer.deallocate() }
                stream.fillNormals(startIndex: UInt64(range.lowerBound), into: buffer)
                return buffer.reduce(0, +)
            }
            return blockSums.reduce(0, +)
        }
        let single = total(threads: 1)
        XCTAssertEqual(total(threads: 2).bitPattern, single.bitPattern)
        XCTAssertEqual(total(threads: 8).bitPattern, single.bitPattern)
        // The draws really are addressed by index: the sum agrees with scalar draws.
        var check = 0.0
        for block in 0..<partition.blockCount {
            var blockSum = 0.0
            for i in partition.range(ofBlock: block) { blockSum += stream.normal(UInt64(i)) }
            check += blockSum
        }
        XCTAssertEqual(check.bitPattern, single.bitPattern)
        XCTAssertEqual(single / 1_000_003, 0, accuracy: 5 / 1_000_003.0.squareRoot())
    }
}
