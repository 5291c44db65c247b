import StressCore
import StressRun

/// RBI single-factor sensitivities (results.json `scenarios[i].rbi`): the
/// severity-table credit-quality stress, the interest-rate shocks and the NPA
/// increases, with CAR and NPA in percent as the RBI reports them.
enum RBISensitivitiesBuilder: ScenarioSectionBuilder {
    static let tabTitle = "Sensitivities"
    static let sheetTitle = "RBI sensitivity analysis"

    static func applies(_ s: ScenarioResult) -> Bool { s.rbi != nil }

    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart {
        let s = context.results.scenarios[index]
        guard let r = s.rbi else { return SheetPart() }
        let pointer = ResultPointer.scenario(index).appending("rbi")
        let q = r.creditQuality, qp = pointer.appending("credit_quality")
        var part = SheetPart()
        part.blocks.append(.heading(context.scenarioLine(index)))
        part.blocks.append(.fields([
            Field("PD multiplier (severity table)", .number(q.pdMultiplier, .multiple), source: qp.appending("pd_multiplier")),
            Field("LGD add-on (severity table)", .percent(q.lgdAddOn), source: qp.appending("lgd_add_on")),
            Field(context.amountHeader("Base EL"), .amount(q.baseEL), source: qp.appending("base_el")),
            Field(context.amountHeader("Stressed EL"), .amount(q.stressedEL), source: qp.appending("stressed_el")),
            Field(context.amountHeader("Incremental provisions"), .amount(q.incrementalProvisions),
                  source: qp.appending("incremental_provisions")),
        ]))
        if !r.interestRate.isEmpty {
            let x = r.interestRate
            part.blocks.append(.table(ReportTable(id: "rbi-rate-\(s.id)", caption: "Interest-rate shocks", columns: [
                .numbers("Parallel rate shock", .percent, x.map(\.rateShock)),
                .numbers(context.amountHeader("EVE impact"), .amount, x.map(\.eveImpact)),
                .numbers(context.amountHeader("NII impact"), .amount, x.map(\.niiImpact)),
                .numbers(context.amountHeader("Stressed NII"), .amount, x.map(\.stressedNII)),
                .numbers("Baseline CAR (%)", .number(decimals: 2), x.map(\.baselineCAR)),
                .numbers("Stressed CAR (%)", .number(decimals: 2), x.map(\.stressedCAR)),
                .numbers("CAR change (pp)", .number(decimals: 2), x.map(\.carChangePP)),
            ])))
        }
        if !r.creditQualitySensitivity.isEmpty {
            let x = r.creditQualitySensitivity
            part.blocks.append(.table(ReportTable(id: "rbi-npa-\(s.id)", caption: "NPA increases", columns: [
                .numbers("NPA increase (pp)", .number(decimals: 1), x.map(\.npaIncreasePP)),
                .numbers("Baseline NPA ratio (%)", .number(decimals: 2), x.map(\.baselineNPARatio)),
                .numbers("Stressed NPA ratio (%)", .number(decimals: 2), x.map(\.stressedNPARatio)),
                .numbers(context.amountHeader("Incremental NPA"), .amount, x.map(\.incrementalNPA)),
                .numbers(context.amountHeader("Incremental provisions"), .amount, x.map(\.incrementalProvisions)),
                .numbers("Stressed CAR (%)", .number(decimals: 2), x.map(\.stressedCAR)),
                .numbers("CAR reduction (pp)", .number(decimals: 2), x.map(\.carReductionPP)),
            ])))
        }
        return part
    }
}
