import StressRun

/// A report, format-neutral (STYLE: "a format-neutral report model, then
/// renderers that only draw it"): sheets of blocks (headings, notes, labelled
/// fields, tables), chart specifications that point into the tables, defined
/// names for key figures, and the provenance of the run. Builders make it from
/// the results; the Xlsx renderer places it. Every figure is already here: a
/// renderer never computes one, it writes formulas (with these cached values)
/// where the model says so.
public struct ReportDocument: Sendable {
    public var title: String
    public var provenance: Provenance
    public var sheets: [ReportSheet]

    public init(title: String, provenance: Provenance, sheets: [ReportSheet]) {
        self.title = title
        self.provenance = provenance
        self.sheets = sheets
    }
}

/// Where the report comes from: the run and its inputs, for the cover and the
/// document properties. The as-of date, never the clock, dates the document.
public struct Provenance: Sendable, Equatable {
    public var runID: String
    /// ISO date `YYYY-MM-DD`.
    public var asOf: String
    public var engineVersion: String
    public var pack: String
    public var seed: UInt64
    public var currency: String
    public var inputs: [InputFile]

    public init(runID: String, asOf: String, engineVersion: String, pack: String, seed: UInt64, currency: String,
                inputs: [InputFile]) {
        self.runID = runID
        self.asOf = asOf
        self.engineVersion = engineVersion
        self.pack = pack
        self.seed = seed
        self.currency = currency
        self.inputs = inputs
    }
}

/// One worksheet: a title, blocks laid out top to bottom, charts anchored
/// beside the tables they draw, and names for key figures.
public struct ReportSheet: Sendable {
    /// The tab name: at most 31 characters, none of `[]:*?/\`, unique in the document.
    public var name: String
    public var title: String
    public var subtitle: String?
    public var blocks: [ReportBlock]
    public var charts: [ChartSpec]
    public var definedNames: [DefinedName]

    public init(name: String, title: String, subtitle: String? = nil, blocks: [ReportBlock] = [],
                charts: [ChartSpec] = [], definedNames: [DefinedName] = []) {
        self.name = name
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
        self.charts = charts
        self.definedNames = definedNames
    }

    /// The tables of the sheet, in order.
    public var tables: [ReportTable] {
        blocks.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }
}

/// A piece of a sheet, laid out below the previous one.
public enum ReportBlock: Sendable {
    /// A section heading.
    case heading(String)
    /// A line of explanatory text (method, source, what a figure means).
    case note(String)
    /// Labelled values, one per row (the cover's run id, a scenario's source).
    case fields([Field])
    case table(ReportTable)
    /// Links to other sheets of the workbook, one per row, with a description.
    case links([SheetLink])
}

/// A label and its value; `definedName` names the value's cell in the workbook.
public struct Field: Sendable {
    public var label: String
    public var value: CellValue
    public var definedName: String?
    /// The figure in results.json that the value shows, when it is one.
    public var source: ResultPointer?

    public init(_ label: String, _ value: CellValue, definedName: String? = nil, source: ResultPointer? = nil) {
        self.label = label
        self.value = value
        self.definedName = definedName
        self.source = source
    }
}

public struct SheetLink: Sendable {
    public var sheet: String
    public var description: String

    public init(sheet: String, description: String) {
        self.sheet = sheet
        self.description = description
    }
}
