import StressCore
import StressRun

/// Results → report model, as a template lays it out: one builder per section
/// (this folder), called in the template's order. A section with nothing to show
/// gives no sheet. The cover is built last, so it can list every other sheet.
public enum ReportBuilder {
    public static func document(results: RunResults, portfolio: Portfolio?, scenarios: [Scenario] = [],
                                template: ReportTemplate, outputs: [InputFile] = []) -> ReportDocument {
        let context = BuildContext(results: results, portfolio: portfolio,
                                   scenarios: Dictionary(scenarios.map { ($0.id, $0) }) { first, _ in first },
                                   template: template, outputs: outputs)
        var built: [(entry: ReportTemplate.Sheet, sheets: [ReportSheet])] = []
        for entry in template.sheets where entry.section != .cover {
            built.append((entry, sheets(entry, context)))
        }
        // Unique tab names and defined names across the document, in template order.
        var takenTabs = Set<String>()
        var takenNames = Set<String>()
        let coverIndex = template.sheets.firstIndex { $0.section == .cover }
        if coverIndex != nil { takenTabs.insert(CoverBuilder.tabName(template).lowercased()) }
        for i in built.indices {
            for j in built[i].sheets.indices {
                var sheet = built[i].sheets[j]
                sheet.name = Naming.unique(sheet.name, taken: takenTabs)
                takenTabs.insert(sheet.name.lowercased())
                sheet.definedNames = sheet.definedNames.filter { takenNames.insert($0.name.lowercased()).inserted }
                sheet.blocks = sheet.blocks.map { block in
                    guard case var .fields(fields) = block else { return block }
                    for k in fields.indices {
                        if let name = fields[k].definedName, !takenNames.insert(name.lowercased()).inserted {
                            fields[k].definedName = nil
                        }
                    }
                    return .fields(fields)
                }
                built[i].sheets[j] = sheet
            }
        }
        var ordered = built.flatMap(\.sheets)
        if let coverIndex {
            let before = template.sheets[..<coverIndex].filter { $0.section != .cover }.count
            let position = built.prefix(before).reduce(0) { $0 + $1.sheets.count }
            let contents = built.flatMap { part in part.sheets.map { ($0, part.entry) } }
            ordered.insert(CoverBuilder.sheet(template.sheets[coverIndex], context, contents: contents), at: position)
        }
        return ReportDocument(title: template.title, provenance: provenance(results, template: template),
                              sheets: ordered)
    }

    static func provenance(_ r: RunResults, template: ReportTemplate) -> Provenance {
        Provenance(runID: r.run.id, asOf: r.run.asOf, engineVersion: r.run.engineVersion, pack: r.run.pack,
                   seed: r.run.seed, currency: r.balanceSheet?.currency ?? "", inputs: r.run.createdFrom.inputs)
    }

    /// The one switch from section to builder: a new section is a new case here and a new file.
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        switch entry.section {
        case .cover: return []
        case .summary: return SummaryBuilder.sheets(entry, context)
        case .portfolio: return PortfolioBuilder.sheets(entry, context)
        case .scenarioPaths: return ScenarioSheets.build(ScenarioPathsBuilder.self, entry, context)
        case .creditLosses: return ScenarioSheets.build(CreditLossesBuilder.self, entry, context)
        case .provisions: return ScenarioSheets.build(ProvisionsBuilder.self, entry, context)
        case .income: return ScenarioSheets.build(IncomeBuilder.self, entry, context)
        case .capital: return ScenarioSheets.build(CapitalBuilder.self, entry, context)
        case .liquidity: return ScenarioSheets.build(LiquidityBuilder.self, entry, context)
        case .attribution: return ScenarioSheets.build(AttributionBuilder.self, entry, context)
        case .rbiSensitivities: return ScenarioSheets.build(RBISensitivitiesBuilder.self, entry, context)
        case .reverseStress: return ReverseStressBuilder.sheets(entry, context)
        case .valueAtRisk: return ValueAtRiskBuilder.sheets(entry, context)
        case .factorRisk: return FactorRiskBuilder.sheets(entry, context)
        case .dataQuality: return DataQualityBuilder.sheets(entry, context)
        case .exposures: return ExposuresBuilder.sheets(entry, context)
        case .inputs: return InputsBuilder.sheets(entry, context)
        case .parameters: return ParametersBuilder.sheets(entry, context)
        case .manifest: return ManifestBuilder.sheets(entry, context)
        case .selfCheck: return SelfCheckBuilder.sheets(entry, context)
        }
    }
}

/// A section shown scenario by scenario: one block per scenario, on one sheet
/// per framework, per scenario or for the run, as the template says.
protocol ScenarioSectionBuilder {
    /// The tab's name before the framework or scenario ("Capital").
    static var tabTitle: String { get }
    /// The sheet's title before the group ("Capital trajectory").
    static var sheetTitle: String { get }
    /// Whether the scenario has anything for this section.
    static func applies(_ scenario: ScenarioResult) -> Bool
    /// What opens the sheet, before the scenarios (a jump-off position, a method note).
    static func opening(_ group: ScenarioGroup, _ context: BuildContext) -> SheetPart
    /// One scenario's blocks, charts and names.
    static func part(scenario index: Int, charts: [ReportTemplate.Chart], _ context: BuildContext) -> SheetPart
}

extension ScenarioSectionBuilder {
    static func opening(_ group: ScenarioGroup, _ context: BuildContext) -> SheetPart { SheetPart() }
}

enum ScenarioSheets {
    static func build<B: ScenarioSectionBuilder>(_ builder: B.Type, _ entry: ReportTemplate.Sheet,
                                                 _ context: BuildContext) -> [ReportSheet] {
        context.scenarioGroups(entry, where: B.applies).map { group in
            var content = B.opening(group, context)
            for index in group.scenarios {
                content.append(B.part(scenario: index, charts: entry.charts, context))
            }
            let base = entry.title ?? B.tabTitle
            let title = group.suffix == nil ? B.sheetTitle : "\(B.sheetTitle): \(group.label)"
            return ReportSheet(name: Naming.tab(base, group.suffix), title: title,
                               subtitle: subtitle(context), blocks: content.blocks, charts: content.charts,
                               definedNames: content.names)
        }
    }

    static func subtitle(_ context: BuildContext) -> String {
        let r = context.results.run
        return "Run \(r.id) · as of \(r.asOf) · engine \(r.engineVersion)"
            + (context.currency.isEmpty ? "" : " · amounts in \(context.currency)")
    }
}
