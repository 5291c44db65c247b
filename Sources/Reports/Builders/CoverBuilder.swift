import StressCore
import StressRun

/// The cover: what the workbook is (run id, as-of date, engine version, pack),
/// the input files with their SHA-256, and a linked list of the sheets.
enum CoverBuilder {
    static func tabName(_ template: ReportTemplate) -> String {
        Naming.tab(template.sheets.first { $0.section == .cover }?.title ?? "Cover", nil)
    }

    static func sheet(_ entry: ReportTemplate.Sheet, _ context: BuildContext,
                      contents: [(sheet: ReportSheet, entry: ReportTemplate.Sheet)]) -> ReportSheet {
        let r = context.results.run
        var fields = [
            Field("Run id", .text(r.id), definedName: "RunID", source: ResultPointer(["run", "id"])),
            Field("As-of date", .date(r.asOf), definedName: "AsOfDate", source: ResultPointer(["run", "as_of"])),
            Field("Engine version", .text("StressPack \(r.engineVersion)"), source: ResultPointer(["run", "engine_version"])),
            Field("Pack", .text("\(r.pack): \(context.template.title)"), source: ResultPointer(["run", "pack"])),
            Field("Seed", .text(String(r.seed))),
            Field("Scenarios", .count(context.results.scenarios.count)),
            Field("Exposures", .count(context.results.portfolio.exposures), source: ResultPointer(["portfolio", "exposures"])),
        ]
        if !context.currency.isEmpty { fields.append(Field("Currency", .text(context.currency))) }
        var blocks: [ReportBlock] = []
        if let description = context.template.description { blocks.append(.note(description)) }
        blocks.append(.fields(fields))
        blocks.append(.heading("Inputs (SHA-256 of each file as read)"))
        blocks.append(.table(InputsBuilder.inputTable(r.createdFrom.inputs, id: "cover-inputs")))
        if !contents.isEmpty {
            blocks.append(.heading("Contents"))
            blocks.append(.links(contents.map { SheetLink(sheet: $0.sheet.name, description: $0.sheet.title) }))
        }
        blocks.append(.note("Figures are those of results.json of the run; totals are formulas over the rows shown. "
                            + "Amounts in currency units, ratios as percentages of the underlying fractions."))
        return ReportSheet(name: tabName(context.template), title: context.template.title,
                           subtitle: "Run \(r.id) · as of \(r.asOf)", blocks: blocks)
    }
}
