import IncomeEngine
import StressCore
import StressRun

/// Income under the scenario (results.json `scenarios[i].income`, METHODOLOGY §8): the PPNR
/// build-up per period — NII + non-interest income − operating expenses = PPNR, the PPNR
/// column a formula over the row — with operational-risk losses and the cost-income ratio;
/// interest by product and period; the reference-rate paths and where each came from. The
/// run's IRRBB table (ΔEVE and ΔNII under the six BCBS d368 shocks, the outlier tests)
/// opens the sheet.
enum IncomeBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Income"
    static let sheetTitle = "Net interest income and PPNR"

    static func applies(_ s: ScenarioResult) -> Bool { s.income != nil }

    static func opening(_ group: ScenarioGroup, _ context: BuildContext) -> SheetPart {
        guard let irrbb = context.results.irrbb else { return SheetPart() }
        let pointer = ResultPointer(["irrbb"])
        var part = SheetPart()
        part.blocks.append(.heading("Interest rate risk in the banking book (BCBS d368), at jump-off"))
        part.blocks.append(.fields([
            Field("Worst ΔEVE loss over Tier 1 (outlier above 15%)", .percent(irrbb.eveRatio),
                  source: pointer.appending("eve_ratio")),
            Field("EVE outlier", .yesNo(irrbb.eveOutlier), source: pointer.appending("eve_outlier")),
            Field("Worst ΔNII decline over Tier 1", .percent(irrbb.niiRatio), source: pointer.appending("nii_ratio")),
            Field("Duration gap (years)", .number(irrbb.durationGap, .number(decimals: 2)),
                  source: pointer.appending("duration_gap")),
        ]))
        part.blocks.append(.table(ReportTable(id: "irrbb", caption: "ΔEVE and ΔNII under the six standard shocks", columns: [
            .text("Shock", irrbb.shocks.map { $0.shock.rawValue.replacingOccurrences(of: "_", with: " ") }),
            .numbers(context.amountHeader("ΔEVE"), .amount, irrbb.shocks.map(\.deltaEVE)),
            .numbers(context.amountHeader("ΔNII (12 months)"), .amount, irrbb.shocks.map(\.deltaNII)),
        ])))
        return part
    }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let income = s.income else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("income")
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        let n = income.periods.count
        let ppnr = (0..<n).map { t in
            FormulaCell(.subtract(.add(.cell(.data(row: t, column: 1)), .cell(.data(row: t, column: 5))),
                                  .cell(.data(row: t, column: 6))),
                        equals: income.ppnr[t], kind: .amount, source: pointer.appending("ppnr", String(t)))
        }
        part.blocks.append(.table(ReportTable(id: "income-\(s.id)", caption: "PPNR build-up by period", columns: [
            .text("Period", income.periods),
            .numbers(context.amountHeader("Net interest income"), .amount, income.netInterestIncome),
            .numbers(context.amountHeader("Fee and commission income"), .amount, income.feeIncome),
            .numbers(context.amountHeader("Trading income"), .amount, income.tradingIncome),
            .numbers(context.amountHeader("Other income"), .amount, income.otherIncome),
            .numbers(context.amountHeader("Non-interest income"), .amount, income.nonInterestIncome),
            .numbers(context.amountHeader("Operating expenses"), .amount, income.operatingExpenses),
            ReportColumn(context.amountHeader("PPNR"), .amount, .formulas(ppnr)),
            .numbers(context.amountHeader("Operational-risk losses"), .amount, income.operationalRiskLosses),
            .numbers("Cost-income ratio", .percent(decimals: 1), income.costIncomeRatio),
            .text("EBA NII cap binds", income.niiCap.applied.map { $0 ? "yes" : "no" }),
        ])))
        let products = income.byProduct
        var columns: [ReportColumn] = [
            .text("Product", products.map { $0.product.rawValue.replacingOccurrences(of: "_", with: " ") }),
            .text("Side", products.map { $0.side.rawValue }),
            .numbers(context.amountHeader("Balance"), .amount, products.map(\.balance)),
        ]
        for (t, label) in income.periods.enumerated() {
            columns.append(.numbers(context.amountHeader("Interest \(label)"), .amount, products.map { $0.interest[t] }))
        }
        part.blocks.append(.table(ReportTable(id: "income-\(s.id)-products",
                                              caption: "Interest by product (income on assets, expense on liabilities)",
                                              columns: columns)))
        let paths = income.ratePaths
        var rateColumns: [ReportColumn] = [
            .text("Reference rate", paths.map { $0.rate.rawValue }),
            .text("Source", paths.map { $0.isDefault ? "held at jump-off (no rate in the scenario)" : $0.variables.joined(separator: ", ") }),
        ]
        for (t, label) in income.periods.enumerated() {
            rateColumns.append(.numbers(label, .percent(decimals: 2), paths.map { $0.values[t] }))
        }
        part.blocks.append(.table(ReportTable(id: "income-\(s.id)-rates", caption: "Reference-rate paths",
                                              columns: rateColumns)))
        return part
    }
}
