import Foundation
import Inputs
import Reports
import StressCore
import StressRun

/// `stresspack-bench pdf RESULTS.json PACK OUT.pdf [REPETITIONS]`: renders the
/// PDF pages of templates/PACK.yaml from a run's results.json and the bundled
/// scenarios (loading not timed), as `stresspack run` does after the workbook.
enum PDFBenchmark {
    static func run(arguments: [String]) throws {
        guard arguments.count >= 3 else {
            print("usage: stresspack-bench pdf RESULTS.json PACK OUT.pdf [REPETITIONS]")
            exit(2)
        }
        let repetitions = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
        let results = try JSONDecoder().decode(RunResults.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[0])))
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: "scenarios").filter { $0.hasSuffix(".yaml") }
            .sorted().map { try ScenarioFile.load(path: "scenarios/\($0)").scenario }
        let template = try ReportTemplateFile.load(path: "templates/\(arguments[1]).yaml")
        var seconds: [Double] = []
        var pages = 0
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            pages = try BoardPackRenderer.render(results: results, scenarios: scenarios, template: template,
                                                 to: arguments[2])?.pages ?? 0
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let bytes = (try FileManager.default.attributesOfItem(atPath: arguments[2])[.size] as? Int) ?? 0
        print("StressPack \(arguments[1]) PDF, \(pages) pages, \(bytes / 1024) KiB: median "
              + "\(String(format: "%.3f", seconds[seconds.count / 2])) s (min \(String(format: "%.3f", seconds.first!)), "
              + "max \(String(format: "%.3f", seconds.last!)))")
    }
}
