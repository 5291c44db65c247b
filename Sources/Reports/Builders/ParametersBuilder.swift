import StressCore
import StressRun

/// The parameters of the run and of each scenario's models: seed, as-of date,
/// pack and template, satellite models, PD floors' effects, rate tables.
enum ParametersBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let r = context.results.run
        var blocks: [ReportBlock] = [.fields([
            Field("Run id", .text(r.id), source: ResultPointer(["run", "id"])),
            Field("As-of date", .date(r.asOf), source: ResultPointer(["run", "as_of"])),
            Field("Seed", .text(String(r.seed))),
            Field("Pack", .text(r.pack), source: ResultPointer(["run", "pack"])),
            Field("Template", .text("\(context.template.id): \(context.template.title)")),
            Field("Engine version", .text(r.engineVersion), source: ResultPointer(["run", "engine_version"])),
        ])]
        let s = context.results.scenarios
        if !s.isEmpty {
            blocks.append(.heading("Models per scenario"))
            blocks.append(.table(ReportTable(id: "scenario-parameters", columns: [
                .text("Scenario", s.map(\.id)),
                .text("PD satellite", s.map { $0.satellite?.pdModel ?? "" }),
                .text("LGD satellite", s.map { $0.satellite?.lgdModel ?? "" }),
                .numbers("Periods projected", .count, s.map { Double($0.credit?.periods.count ?? 0) }),
                .numbers("CET1 hurdle", .percent, s.map { $0.capital?.hurdle ?? .nan }),
                .numbers("Leverage hurdle", .percent, s.map { $0.capital?.leverageHurdle ?? .nan }),
                .numbers("Reverse-stress CET1 floor", .percent, s.map { $0.reverseStress?.cet1Floor ?? .nan }),
                .text("Liquidity rate table", s.map { $0.liquidity?.rateTable ?? "" }),
                .text("Deposit run-off from", s.map { $0.liquidity?.shocks.depositRunoffSource.rawValue ?? "" }),
                .text("HQLA haircut from", s.map { $0.liquidity?.shocks.hqlaHaircutSource.rawValue ?? "" }),
            ], freezeHeader: false)))
        }
        return [ReportSheet(name: Naming.tab(entry.title ?? "Parameters", nil), title: "Parameters of the run",
                            subtitle: ScenarioSheets.subtitle(context), blocks: blocks)]
    }
}
