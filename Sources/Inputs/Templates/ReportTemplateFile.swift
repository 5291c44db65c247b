import StressCore

/// Loads a report pack template (`templates/<id>.yaml`):
///
/// ```yaml
/// id: quarterly-submission
/// title: Quarterly stress-test submission
/// description: Every framework, every section.
/// sheets:
///   - section: cover
///   - section: credit_losses
///     per: framework                 # run | framework | scenario (scenario sections)
///     frameworks: [eba, boe]         # optional: only these frameworks' scenarios
///     title: Credit losses           # optional tab name
///     charts: [losses_by_segment]    # charts the section offers
/// pages:                             # optional: the PDF's pages, in order
///   - page: executive_summary
///   - page: capital_liquidity        # per framework
///     frameworks: [eba, ccar]        # optional, per-framework pages only
/// ```
///
/// Every error names the line, column and key path, and lists what is accepted
/// (the section's splits and charts come from `ReportTemplate.Section`).
public enum ReportTemplateFile {
    static let acceptedKeys = ["id", "title", "description", "sheets", "pages", "regulatory"]
    static let sheetKeys = ["section", "per", "frameworks", "title", "charts", "rows"]
    static let pageKeys = ["page", "frameworks"]

    public static func load(path: String) throws(InputError) -> ReportTemplate {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> ReportTemplate {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a report template with keys id, title, sheets")
        }
        let top = try root.mapping(accepting: acceptedKeys)
        let idValue = try top.required("id")
        let id = try idValue.text()
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw idValue.error("expected an id of letters, digits, '-' and '_', found '\(id)'")
        }
        let title = try top.required("title").text()
        let description = try top.optional("description").map { v throws(InputError) in try v.text() }
        let sheetsValue = try top.required("sheets")
        var sheets: [ReportTemplate.Sheet] = []
        for item in try sheetsValue.sequence() { sheets.append(try sheet(item)) }
        guard !sheets.isEmpty else { throw sheetsValue.error("expected at least one sheet") }
        var pages: [ReportTemplate.Page] = []
        if let pagesValue = top.optional("pages") {
            for item in try pagesValue.sequence() {
                let page = try self.page(item)
                if !page.kind.isPerFramework, pages.contains(where: { $0.kind == page.kind }) {
                    throw item.error("page \(page.kind.rawValue) is listed twice")
                }
                pages.append(page)
            }
        }
        var regulatory: [String] = []
        if let list = top.optional("regulatory") {
            for item in try list.sequence() {
                let name = try item.text()
                guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                    throw item.error("expected a regulatory template id of letters, digits, '-' and '_', found '\(name)'")
                }
                guard !regulatory.contains(name) else { throw item.error("regulatory template '\(name)' is listed twice") }
                regulatory.append(name)
            }
        }
        return ReportTemplate(id: id, title: title, description: description, sheets: sheets, pages: pages,
                              regulatory: regulatory)
    }

    private static func page(_ value: YAMLValue) throws(InputError) -> ReportTemplate.Page {
        let entry = try value.mapping(accepting: pageKeys)
        let kind = try entry.required("page").choice(ReportTemplate.PageKind.self, "page")
        guard let list = entry.optional("frameworks") else { return ReportTemplate.Page(kind) }
        guard kind.isPerFramework else {
            throw list.error("page \(kind.rawValue) is one page for the run; 'frameworks' applies to "
                             + "capital_liquidity and credit_losses only")
        }
        return ReportTemplate.Page(kind, frameworks: try frameworks(list))
    }

    private static func frameworks(_ list: YAMLValue) throws(InputError) -> [Framework] {
        var chosen: [Framework] = []
        for item in try list.sequence() {
            let framework = try item.choice(Framework.self, "framework")
            guard !chosen.contains(framework) else { throw item.error("framework \(framework.rawValue) is listed twice") }
            chosen.append(framework)
        }
        guard !chosen.isEmpty else { throw list.error("expected at least one framework, or no 'frameworks' key") }
        return chosen
    }

    private static func sheet(_ value: YAMLValue) throws(InputError) -> ReportTemplate.Sheet {
        let entry = try value.mapping(accepting: sheetKeys)
        let section = try entry.required("section").choice(ReportTemplate.Section.self, "section")
        var split = section.defaultSplit
        if let per = entry.optional("per") {
            split = try per.choice(ReportTemplate.Split.self, "split")
            guard section.splits.contains(split) else {
                throw per.error("section \(section.rawValue) is one sheet for the run; 'per: \(split.rawValue)' "
                                + "applies to scenario sections only")
            }
        }
        var frameworks: [Framework]?
        if let list = entry.optional("frameworks") {
            guard section.isPerScenario else {
                throw list.error("section \(section.rawValue) is not about scenarios; 'frameworks' applies to "
                                 + "scenario sections only")
            }
            frameworks = try self.frameworks(list)
        }
        let title = try entry.optional("title").map { v throws(InputError) -> String in
            let text = try v.text()
            if let bad = text.first(where: { "[]:*?/\\".contains($0) }) {
                throw v.error("a sheet name cannot contain '\(bad)'")
            }
            guard text.count <= 24 else {
                throw v.error("expected a tab name of at most 24 characters (31 with the framework), found \(text.count)")
            }
            return text
        }
        var charts: [ReportTemplate.Chart] = []
        if let list = entry.optional("charts") {
            for item in try list.sequence() {
                let chart = try item.choice(ReportTemplate.Chart.self, "chart")
                guard section.charts.contains(chart) else {
                    let offered = section.charts.map(\.rawValue).joined(separator: ", ")
                    throw item.error("section \(section.rawValue) does not draw \(chart.rawValue); it offers "
                                     + (offered.isEmpty ? "no charts" : offered))
                }
                guard !charts.contains(chart) else { throw item.error("chart \(chart.rawValue) is listed twice") }
                charts.append(chart)
            }
        }
        var maxRows: Int?
        if let rows = entry.optional("rows") {
            guard section == .exposures else {
                throw rows.error("'rows' limits the exposure list; section \(section.rawValue) has no rows to limit")
            }
            if (try? rows.text()) == "all" {
                maxRows = .max
            } else {
                let n = try rows.number("a row count (a whole number from 1) or 'all'")
                guard n >= 1, n == n.rounded(), n < 1e15 else {
                    throw rows.error("expected a row count (a whole number from 1) or 'all', found \(n)")
                }
                maxRows = Int(n)
            }
        }
        return ReportTemplate.Sheet(section: section, title: title, split: split, frameworks: frameworks, charts: charts,
                                    maxRows: maxRows)
    }
}
