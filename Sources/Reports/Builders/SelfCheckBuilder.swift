import StressCore
import StressRun

/// The audit pack's last sheet: engine functions evaluated at published
/// reference points beside the expected figures (SelfCheck/), with a pass/fail
/// formula per row, so an auditor sees the engines verified in the same file.
enum SelfCheckBuilder {
    static let expectedColumn = 3, engineColumn = 4, toleranceColumn = 5

    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        var blocks: [ReportBlock] = [
            .note("Each row calls the engine of this build (StressPack \(context.results.run.engineVersion)) at a reference "
                  + "point and compares it with the published figure; Result is a formula, |engine − expected| ≤ tolerance."),
        ]
        var passed = 0, total = 0
        for (index, group) in ReferenceChecks.groups.enumerated() {
            let (table, groupPassed) = table(group.checks, id: "self-check-\(index)")
            passed += groupPassed
            total += group.checks.count
            blocks.append(.heading(group.title))
            blocks.append(.table(table))
        }
        blocks.insert(.fields([Field("Checks passed", .text("\(passed) of \(total)"))]), at: 1)
        return [ReportSheet(name: Naming.tab(entry.title ?? "Self-check", nil), title: "Engine self-check",
                            subtitle: ScenarioSheets.subtitle(context), blocks: blocks)]
    }

    static func table(_ checks: [ReferenceCheck], id: String) -> (ReportTable, passed: Int) {
        var engine: [CellValue] = [], results: [FormulaCell] = [], passed = 0
        for (row, check) in checks.enumerated() {
            do {
                let value = try check.evaluate()
                let pass = abs(value - check.expected) <= check.tolerance
                if pass { passed += 1 }
                engine.append(.number(value, check.kind))
                results.append(FormulaCell(.passFail(value: .cell(.data(row: row, column: engineColumn)),
                                                     expected: .cell(.data(row: row, column: expectedColumn)),
                                                     tolerance: .cell(.data(row: row, column: toleranceColumn))),
                                           text: pass ? "pass" : "FAIL"))
            } catch {
                engine.append(.text("error: \(error)"))
                results.append(FormulaCell(.passFail(value: .constant(1), expected: .constant(0), tolerance: .constant(0)),
                                           text: "FAIL"))
            }
        }
        let table = ReportTable(id: id, columns: [
            .text("Check", checks.map(\.name)),
            .text("Engine function", checks.map(\.function)),
            .text("Reference", checks.map(\.reference)),
            ReportColumn("Expected", .number(decimals: 15), .cells(checks.map { .number($0.expected, $0.kind) })),
            ReportColumn("Engine", .number(decimals: 15), .cells(engine)),
            .numbers("Tolerance", .scientific, checks.map(\.tolerance)),
            ReportColumn("Result", .text, .formulas(results)),
        ])
        return (table, passed)
    }
}
