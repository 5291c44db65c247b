/// A supervisory template as data (`templates/regulatory/<id>.yaml`, docs/INTERFACES.md):
/// the regulator's row and column codes and labels, what fills each cell, and the checks
/// the filled template must pass. A new template, or a new year's version, is a file edit.
public struct TemplateDefinition: Sendable, Equatable {
    public var id: String
    /// The regulator's name for it ("C 07.00", "EU CR6").
    public var code: String
    public var title: String
    public var regulator: String
    /// Where the layout comes from: the legal act, annex, version.
    public var source: String
    public var version: String
    /// Short name of its sheet in the templates workbook (at most 31 characters).
    public var sheet: String
    public var notes: [String]
    /// results.json path of the fact rows `fact(…)` reads (an array of objects).
    public var facts: String?
    public var blocks: Blocks
    /// Scenario blocks repeated per member of an object in results.json (per country), each
    /// with `{scope}` bound to the member's path and `{geography}` to its key; the whole comes
    /// first with `{scope}` bound to `total`.
    public var split: Split?
    public var rows: [Row]
    public var columns: [Column]
    public var cells: [CellOverride]
    public var checks: [Check]

    public init(id: String, code: String, title: String, regulator: String, source: String, version: String,
                sheet: String, notes: [String] = [], facts: String? = nil, blocks: Blocks = .single, split: Split? = nil,
                rows: [Row], columns: [Column], cells: [CellOverride] = [], checks: [Check] = []) {
        self.split = split
        self.id = id
        self.code = code
        self.title = title
        self.regulator = regulator
        self.source = source
        self.version = version
        self.sheet = sheet
        self.notes = notes
        self.facts = facts
        self.blocks = blocks
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.checks = checks
    }

    public struct Split: Sendable, Equatable {
        /// The object whose members split each scenario's block (`/scenarios[id={scenario}]/provisions/by_country`).
        public var path: String
        /// The path `{scope}` means in the whole block (`/scenarios[id={scenario}]/provisions`).
        public var total: String
        /// `{geography}` of the whole block ("Total").
        public var label: String

        public init(path: String, total: String, label: String) {
            self.path = path
            self.total = total
            self.label = label
        }
    }

    /// How the template repeats (its z-axis): once; once per value of a fact field (an
    /// exposure class), with an optional total first; once per scenario of given frameworks;
    /// or once for a set of scenarios side by side (`scenario_set`), bound as a list.
    public enum Blocks: Sendable, Equatable {
        case single
        case factValues(field: String, total: String?)
        /// `ids`: scenario ids, or prefixes ending in `*` (`eba-*`: the EBA exercise's own
        /// scenarios, not other scenarios run under the EBA's rules); empty: every one.
        case scenarios(frameworks: [String], severities: [String], ids: [String] = [])
    }

    public struct Row: Sendable, Equatable {
        public var code: String
        public var label: String
        /// Indentation in the layout (a sub-row of the row above).
        public var level: Int
        public var filters: [String: String]
        public var params: [String: [String]]
        public var value: String?
        public var notProduced: String?
        /// Rows generated from the fact values of a field (C 08.02's obligor grades): this
        /// row is a pattern, repeated per value with `{value}` in its code, label and filters.
        public var eachFactValue: String?
        /// The order of a pattern's rows: by fact value (nil), or ascending by the value of
        /// the first column (C 08.02: best grade first, by PD).
        public var orderByFirstColumn: Bool
        /// The name `sum_group(…)` sums a repeated row's expansion by.
        public var group: String?
        /// How the row's numbers are shown when they differ from their columns' (an amount row
        /// in a table of ratios).
        public var kind: Kind?

        public init(code: String, label: String, level: Int = 0, filters: [String: String] = [:],
                    params: [String: [String]] = [:], value: String? = nil, notProduced: String? = nil,
                    eachFactValue: String? = nil, orderByFirstColumn: Bool = false, group: String? = nil,
                    kind: Kind? = nil) {
            self.kind = kind
            self.orderByFirstColumn = orderByFirstColumn
            self.group = group
            self.code = code
            self.label = label
            self.level = level
            self.filters = filters
            self.params = params
            self.value = value
            self.notProduced = notProduced
            self.eachFactValue = eachFactValue
        }
    }

    public struct Column: Sendable, Equatable {
        public var code: String
        public var label: String
        public var kind: Kind
        public var filters: [String: String]
        public var params: [String: [String]]
        public var value: String?
        public var notProduced: String?
        /// Repeated once per period of the block's scenario, with `{period}` (its label) and
        /// `{index}` (0-based) in code, label and value.
        public var eachPeriod: Bool

        public init(code: String, label: String, kind: Kind = .amount, filters: [String: String] = [:],
                    params: [String: [String]] = [:], value: String? = nil, notProduced: String? = nil,
                    eachPeriod: Bool = false) {
            self.code = code
            self.label = label
            self.kind = kind
            self.filters = filters
            self.params = params
            self.value = value
            self.notProduced = notProduced
            self.eachPeriod = eachPeriod
        }
    }

    /// How a column's numbers are shown: amounts in the balance sheet's currency, fractions as
    /// percentages, counts, years, or plain numbers.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case amount, percent, count, years, number, text
    }

    public struct CellOverride: Sendable, Equatable {
        public var row: String
        public var column: String
        public var value: String?
        public var notProduced: String?

        public init(row: String, column: String, value: String? = nil, notProduced: String? = nil) {
            self.row = row
            self.column = column
            self.value = value
            self.notProduced = notProduced
        }
    }

    /// A validation rule of the template, run on every fill.
    public struct Check: Sendable, Equatable {
        public var id: String
        public var description: String
        public var check: String
        /// Columns it runs in (each with `row(…)` meaning that column): codes, patterns such as
        /// `Prov Stock|{period}` (each column the pattern expanded into), or `all` (every column of
        /// amounts or counts); empty: once per block.
        public var columns: [String]
        /// Blocks it runs in: `all`, `total` (the first) or a block label.
        public var blocks: String
        /// Relative tolerance, against max(1, |lhs|, |rhs|).
        public var tolerance: Double
        /// A results.json path that must exist for the check to run (a figure of one framework).
        public var when: String?

        public init(id: String, description: String, check: String, columns: [String] = [], blocks: String = "all",
                    tolerance: Double = 1e-9, when: String? = nil) {
            self.when = when
            self.id = id
            self.description = description
            self.check = check
            self.columns = columns
            self.blocks = blocks
            self.tolerance = tolerance
        }
    }
}
