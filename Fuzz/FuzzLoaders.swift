// libFuzzer entry for the input loaders (issue #23). Built by Fuzz/build.sh with
// -sanitize=fuzzer,address; STRESSPACK_FUZZ_TARGET picks the loader:
// portfolio, balance_sheet, scenario, template, framework.
//
// A malformed input must end in an InputError that names the file; anything else
// (a trap, a sanitizer report, another error type, a message without the file)
// is a finding.
import Foundation
@testable import Inputs
import StressCore

private let file = "fuzz-input"
private let target = ProcessInfo.processInfo.environment["STRESSPACK_FUZZ_TARGET"] ?? ""

/// The Basel rate table, for the balance sheet's category check; loaded once.
private let basel: LiquidityTable? = {
    guard let home = ProcessInfo.processInfo.environment["STRESSPACK_HOME"] else { return nil }
    return try? LiquidityTableFile.load(path: home + "/tables/liquidity-basel.yaml")
}()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let targets = ["portfolio", "balance_sheet", "scenario", "template", "framework"]
    guard targets.contains(target) else {
        FileHandle.standardError.write(Data("STRESSPACK_FUZZ_TARGET must be one of \(targets.joined(separator: ", "))\n".utf8))
        exit(2)
    }
    if target == "balance_sheet", basel == nil {
        FileHandle.standardError.write(Data("STRESSPACK_HOME must point at the repository (tables/liquidity-basel.yaml)\n".utf8))
        exit(2)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(InputError) {
        switch target {
        case "portfolio":
            let loaded = try PortfolioCSV.parse(bytes: bytes, file: file)
            let p = loaded.portfolio
            // What the loader accepts, the engines divide and take logs of: finite and in range.
            for i in 0..<p.count {
                precondition(p.pd[i].isFinite && (0...1).contains(p.pd[i]), "pd out of range accepted")
                precondition(p.lgd[i].isFinite && (0...1).contains(p.lgd[i]), "lgd out of range accepted")
                precondition(p.ead[i].isFinite && p.ead[i] >= 0, "ead out of range accepted")
            }
        case "balance_sheet":
            let text = try YAMLDocument.decode(bytes, file: file)
            _ = try BalanceSheetFile.parse(text: text, file: file)
            if let basel { try BalanceSheetLiquidityCategories.check(text: text, file: file, table: basel) }
        case "scenario":
            _ = try ScenarioFile.parse(text: try YAMLDocument.decode(bytes, file: file), file: file)
        case "template":
            _ = try ReportTemplateFile.parse(text: try YAMLDocument.decode(bytes, file: file), file: file)
        case "framework":
            _ = try FrameworkFile.parse(text: try YAMLDocument.decode(bytes, file: file), file: file)
        default:
            break
        }
    } catch {
        precondition(String(describing: error).hasPrefix(file), "an input error that does not name the file: \(error)")
    }
    return 0
}
