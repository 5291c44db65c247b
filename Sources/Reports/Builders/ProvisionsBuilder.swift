import ProvisionsEngine
import StressCore
import StressRun

/// Provisions under the scenario (results.json `scenarios[i].provisions`, METHODOLOGY §9):
/// exposure and provisions by stage at jump-off and each period end with coverage ratios
/// and the P&L impairment (its total a SUM formula equal to the cumulative impairment);
/// the same by exposure class and date, as the EBA stress-test credit risk template
/// (CSV_CR_SCEN) lays out exposures and provisions by stage, exposure class and year;
/// stage transitions; and the IRB expected-loss comparison of CRR Art. 159.
enum ProvisionsBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Provisions"
    static let sheetTitle = "Provisions by stage"

    static func applies(_ s: ScenarioResult) -> Bool { s.provisions != nil }

    static func standardName(_ p: ProvisionsResult) -> String {
        switch ProvisioningRules.Standard(rawValue: p.standard) {
        case .ifrs9: return "IFRS 9 (stage 1 twelve-month, stage 2 lifetime, stage 3 credit-impaired)"
        case .cecl: return "CECL, ASC 326-20 (lifetime losses on every loan; stages shown for comparison)"
        case .indAS109: return "Ind AS 109 with the RBI's provision floors"
        case nil: return p.standard
        }
    }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let p = s.provisions else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("provisions")
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.fields([
            Field("Accounting standard", .text(standardName(p))),
            Field("Provisions at jump-off held by the bank", .amount(p.heldJumpOffProvisions),
                  source: pointer.appending("held_jump_off_provisions")),
            Field("Model provisions at jump-off", .amount(p.modelJumpOffProvisions),
                  source: pointer.appending("model_jump_off_provisions")),
            Field("Cumulative impairment (Δ provisions + write-offs)", .amount(p.cumulativeImpairment),
                  definedName: Naming.definedName("CumulativeImpairment", s.id),
                  source: pointer.appending("cumulative_impairment")),
        ]))
        part.blocks.append(.table(stageTable(s, p, pointer, context)))
        part.blocks.append(.table(classTable(s, p, context)))
        part.blocks.append(.table(transitionTable(s, p, context)))
        part.blocks.append(.table(expectedLossTable(s, p, context)))
        return part
    }

    static func dates(_ p: ProvisionsResult, _ context: BuildContext) -> [String] {
        ["Jump-off \(context.results.run.asOf)"] + p.periods
    }

    /// One row per date: EAD, provisions and coverage by stage, write-offs and impairment.
    static func stageTable(_ s: ScenarioResult, _ p: ProvisionsResult, _ pointer: ResultPointer,
                           _ context: BuildContext) -> ReportTable {
        func flow(_ values: [Double]) -> [Double] { [.nan] + values }
        let total = SummaryRow(label: "Total over the horizon", [
            .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
            .formula(FormulaCell(.sum(.column(11)), equals: p.cumulativeImpairment, kind: .amount,
                                 source: pointer.appending("cumulative_impairment"))),
        ])
        return ReportTable(id: "provisions-\(s.id)", caption: "Exposure, provisions and coverage by stage", columns: [
            .text("Date", dates(p, context)),
            .numbers(context.amountHeader("Stage 1 EAD"), .amount, p.ead.stage1),
            .numbers(context.amountHeader("Stage 2 EAD"), .amount, p.ead.stage2),
            .numbers(context.amountHeader("Stage 3 EAD"), .amount, p.ead.stage3),
            .numbers(context.amountHeader("Stage 1 provisions"), .amount, p.provisions.stage1),
            .numbers(context.amountHeader("Stage 2 provisions"), .amount, p.provisions.stage2),
            .numbers(context.amountHeader("Stage 3 provisions"), .amount, p.provisions.stage3),
            .numbers("Stage 1 coverage", .percent(decimals: 2), p.coverage.stage1),
            .numbers("Stage 2 coverage", .percent(decimals: 2), p.coverage.stage2),
            .numbers("Stage 3 coverage", .percent(decimals: 1), p.coverage.stage3),
            .numbers(context.amountHeader("Write-offs"), .amount, flow(p.writeOffs)),
            .numbers(context.amountHeader("Impairment"), .amount, flow(p.impairment)),
        ], summaryRows: [total])
    }

    /// The EBA credit risk template's view: exposure class × date, EAD and provisions by stage.
    static func classTable(_ s: ScenarioResult, _ p: ProvisionsResult, _ context: BuildContext) -> ReportTable {
        let classes = AssetClass.allCases.map(\.rawValue).filter { p.byAssetClass[$0] != nil }
        let dates = dates(p, context)
        var classColumn: [String] = [], dateColumn: [String] = []
        var series = [[Double]](repeating: [], count: 7)
        for name in classes {
            let b = p.byAssetClass[name]!
            for (t, date) in dates.enumerated() {
                classColumn.append(name.replacingOccurrences(of: "_", with: " "))
                dateColumn.append(date)
                let values = [b.ead.stage1[t], b.ead.stage2[t], b.ead.stage3[t], b.provisions.stage1[t],
                              b.provisions.stage2[t], b.provisions.stage3[t],
                              b.ead.stage3[t] > 0 ? b.provisions.stage3[t] / b.ead.stage3[t] : 0]
                for k in 0..<7 { series[k].append(values[k]) }
            }
        }
        return ReportTable(id: "provisions-\(s.id)-by-class", caption: "By exposure class and date", columns: [
            .text("Exposure class", classColumn),
            .text("Date", dateColumn),
            .numbers(context.amountHeader("Stage 1 EAD"), .amount, series[0]),
            .numbers(context.amountHeader("Stage 2 EAD"), .amount, series[1]),
            .numbers(context.amountHeader("Stage 3 EAD"), .amount, series[2]),
            .numbers(context.amountHeader("Stage 1 provisions"), .amount, series[3]),
            .numbers(context.amountHeader("Stage 2 provisions"), .amount, series[4]),
            .numbers(context.amountHeader("Stage 3 provisions"), .amount, series[5]),
            .numbers("Stage 3 coverage", .percent(decimals: 1), series[6]),
        ])
    }

    /// EAD moved between stages each period, and as a share of the source stage's EAD.
    static func transitionTable(_ s: ScenarioResult, _ p: ProvisionsResult, _ context: BuildContext) -> ReportTable {
        let t = p.transitions, r = p.transitionRates
        return ReportTable(id: "provisions-\(s.id)-transitions", caption: "Stage transitions", columns: [
            .text("Period", p.periods),
            .numbers(context.amountHeader("Stage 1 → 2"), .amount, t.stage1To2),
            .numbers(context.amountHeader("Stage 2 → 1"), .amount, t.stage2To1),
            .numbers(context.amountHeader("Stage 1 → 3"), .amount, t.stage1To3),
            .numbers(context.amountHeader("Stage 2 → 3"), .amount, t.stage2To3),
            .numbers(context.amountHeader("Cured 3 → 2"), .amount, t.stage3To2),
            .numbers("Rate 1 → 2", .percent(decimals: 2), r.stage1To2),
            .numbers("Rate 1 → 3", .percent(decimals: 2), r.stage1To3),
            .numbers("Rate 2 → 3", .percent(decimals: 2), r.stage2To3),
            .numbers("Cure rate 3 → 2", .percent(decimals: 2), r.stage3To2),
            .numbers("Gross NPA ratio (end)", .percent(decimals: 2), Array(p.grossNPARatio.dropFirst())),
            .numbers("Net NPA ratio (end)", .percent(decimals: 2), Array(p.netNPARatio.dropFirst())),
        ])
    }

    /// CRR Art. 159: regulatory EL against provisions, pool by pool.
    static func expectedLossTable(_ s: ScenarioResult, _ p: ProvisionsResult, _ context: BuildContext) -> ReportTable {
        let e = p.expectedLoss
        return ReportTable(id: "provisions-\(s.id)-el", caption: "IRB expected loss against provisions (CRR Art. 159)",
                           columns: [
            .text("Date", dates(p, context)),
            .numbers(context.amountHeader("Regulatory EL, performing"), .amount, e.regulatoryELPerforming),
            .numbers(context.amountHeader("Provisions, performing"), .amount, e.provisionsPerforming),
            .numbers(context.amountHeader("Regulatory EL, defaulted"), .amount, e.regulatoryELDefaulted),
            .numbers(context.amountHeader("Provisions, defaulted"), .amount, e.provisionsDefaulted),
            .numbers(context.amountHeader("Shortfall (CET1 deduction)"), .amount, e.shortfall),
            .numbers(context.amountHeader("Excess (Tier 2, capped)"), .amount, e.excess),
        ])
    }
}
