import Foundation
import Inputs
import RiskMath
import SampleBank
import StressRun

// StressPack benchmarks: `make bench` (release build). Each figure is the
// median of several runs, printed with the sizes used; record them in
// BENCHMARKS.md together with the command and the machine.

let arguments = CommandLine.arguments
if arguments.count > 1 {
    let rest = Array(arguments.dropFirst(2))
    let benchmarks: [String: ([String]) throws -> Void] = [
        "credit": CreditBenchmark.run, "factors": FactorBenchmark.run, "var": VaRBenchmark.run,
        "xlsx": XlsxBenchmark.run, "pdf": PDFBenchmark.run, "provisions": ProvisionsBenchmark.run,
    ]
    if let benchmark = benchmarks[arguments[1]] {
        // A bad option is the user's error: its message and exit code 2, not a crash.
        do {
            try benchmark(rest)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
    }
}
let exposures = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let repetitions = 5
let threads = ProcessInfo.processInfo.activeProcessorCount

func measure(_ name: String, unit: String, count: Double, repetitions: Int = repetitions,
             _ body: () throws -> Void) rethrows {
    var seconds: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    let name = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    print("\(name) median \(String(format: "%8.3f", median)) s  "
          + "(min \(String(format: "%.3f", seconds.first!)), max \(String(format: "%.3f", seconds.last!)))  "
          + "\(String(format: "%.1f", count / median / 1e6)) M \(unit)/s")
}

print("StressPack benchmarks: \(exposures) exposures, \(threads) threads, \(repetitions) runs each")

// Φ⁻¹ and Φ: scalar throughput over a fixed grid.
let grid = (0..<1_000_000).map { (Double($0) + 0.5) / 1_000_000 }
var sink = 0.0
measure("Normal.quantile (1M evaluations)", unit: "evaluations", count: 1e6) {
    for p in grid { sink += Normal.quantile(p) }
}
measure("Normal.cdf (1M evaluations)", unit: "evaluations", count: 1e6) {
    for p in grid { sink += Normal.cdf(p * 10 - 5) }
}

// Philox streams.
let draws = 10_000_000
var buffer = [Double](repeating: 0, count: draws)
let stream = RandomStream(seed: 42, stream: 0)
measure("Philox uniforms, batch fill (10M, 1 thread)", unit: "draws", count: Double(draws)) {
    buffer.withUnsafeMutableBufferPointer { stream.fillUniforms(startIndex: 0, into: $0) }
}
measure("Philox normals, batch fill (10M, 1 thread)", unit: "draws", count: Double(draws)) {
    buffer.withUnsafeMutableBufferPointer { stream.fillNormals(startIndex: 0, into: $0) }
}

// Sample bank generation and portfolio loading.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stresspack-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let csv = directory.appendingPathComponent("bank.csv").path
let generator = SampleBankGenerator(exposures: exposures, seed: 42)
try measure("sample bank CSV, \(exposures) rows, \(threads) threads", unit: "rows",
            count: Double(exposures), repetitions: 3) {
    _ = try generator.writePortfolio(to: csv, threads: threads)
}
let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
print("  file size \(size / 1_000_000) MB")
try measure("portfolio CSV load + validate, \(exposures) rows", unit: "rows",
            count: Double(exposures), repetitions: 3) {
    let loaded = try PortfolioCSV.load(path: csv)
    sink += loaded.portfolio.ead[0]
}
let loaded = try PortfolioCSV.load(path: csv)
measure("portfolio summary (EL by segment), \(exposures) rows", unit: "rows", count: Double(exposures)) {
    sink += PortfolioSummary(loaded.portfolio).expectedLoss
}
if sink == 42 { print(sink) }
