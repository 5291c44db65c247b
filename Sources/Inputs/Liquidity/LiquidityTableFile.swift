import StressCore

/// Loads a liquidity rate table (`tables/liquidity-basel.yaml`) and, optionally, a
/// jurisdiction override of it (e.g. `tables/liquidity-3pct-stable-deposits.yaml`)
/// into a validated `LiquidityTable`.
///
/// The base table defines the categories: every section is required, every entry
/// gives its rate and source, every severity its default shocks. An override lists
/// only what it changes; a category, cap or severity the base does not define is an
/// error, as is any rate outside [0, 1]. Errors carry the file, line, column and key
/// path (`outflows.retail_stable.rate`), as for the other input files.
public enum LiquidityTableFile {
    static let sections = ["caps", "hqla", "outflows", "inflows", "nsfr", "stress"]
    static let commentKeys = ["description", "notes"]
    static let baseKeys = ["name", "source"] + sections + commentKeys
    static let overrideKeys = ["name", "extends", "source"] + sections + commentKeys

    /// The base table at `path`, with the override at `overridePath` applied when given.
    public static func load(path: String, override overridePath: String? = nil) throws(InputError) -> LiquidityTable {
        let base = try parse(text: try YAMLDocument.read(path: path), file: path)
        guard let overridePath else { return base }
        return try applyOverride(text: try YAMLDocument.read(path: overridePath), file: overridePath, to: base)
    }

    /// Parses a base table; `file` names it in errors.
    public static func parse(text: String, file: String) throws(InputError) -> LiquidityTable {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a liquidity rate table with keys "
                             + (["name", "source"] + sections).joined(separator: ", "))
        }
        let top = try root.mapping(accepting: baseKeys)
        for key in ["name", "source"] + sections { _ = try top.required(key) }
        let name = try LiquidityTableSections.tableName(try top.required("name"))
        let source = try top.required("source").text()
        let caps = try LiquidityTableSections.caps(try top.required("caps"), base: nil)
        let nsfr = try top.required("nsfr").mapping(accepting: ["asf", "rsf"])
        return LiquidityTable(
            name: name, source: source,
            level2Cap: caps.level2, level2BCap: caps.level2B, inflowCap: caps.inflows,
            hqla: try LiquidityTableSections.rates(try top.required("hqla"), .hqla, base: nil),
            outflows: try LiquidityTableSections.rates(try top.required("outflows"), .outflows, base: nil),
            inflows: try LiquidityTableSections.rates(try top.required("inflows"), .inflows, base: nil),
            availableStableFunding: try LiquidityTableSections.rates(try nsfr.required("asf"), .availableStableFunding, base: nil),
            requiredStableFunding: try LiquidityTableSections.rates(try nsfr.required("rsf"), .requiredStableFunding, base: nil),
            stress: try LiquidityTableSections.stress(try top.required("stress"), base: nil),
            files: [file])
    }

    /// Applies an override to `base`; `file` names the override in errors.
    public static func applyOverride(text: String, file: String, to base: LiquidityTable) throws(InputError) -> LiquidityTable {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a liquidity rate override with a name and the entries it changes")
        }
        let top = try root.mapping(accepting: overrideKeys)
        let name = try LiquidityTableSections.tableName(try top.required("name"))
        if let extends = top.optional("extends") {
            let baseName = try extends.text()
            guard baseName == base.name else {
                throw extends.error("this override extends '\(baseName)', but the base table is '\(base.name)'")
            }
        }
        var table = base
        table.name = base.name + "+" + name
        if let source = top.optional("source") { table.source = base.source + "; " + (try source.text()) }
        if let value = top.optional("caps") {
            let caps = try LiquidityTableSections.caps(value, base: (base.level2Cap, base.level2BCap, base.inflowCap))
            (table.level2Cap, table.level2BCap, table.inflowCap) = (caps.level2, caps.level2B, caps.inflows)
        }
        let context = LiquidityTableSections.OverrideContext(baseName: base.name)
        if let value = top.optional("hqla") {
            table.hqla = try LiquidityTableSections.rates(value, .hqla, base: (base.hqla, context))
        }
        if let value = top.optional("outflows") {
            table.outflows = try LiquidityTableSections.rates(value, .outflows, base: (base.outflows, context))
        }
        if let value = top.optional("inflows") {
            table.inflows = try LiquidityTableSections.rates(value, .inflows, base: (base.inflows, context))
        }
        if let value = top.optional("nsfr") {
            let nsfr = try value.mapping(accepting: ["asf", "rsf"])
            if let asf = nsfr.optional("asf") {
                table.availableStableFunding = try LiquidityTableSections.rates(
                    asf, .availableStableFunding, base: (base.availableStableFunding, context))
            }
            if let rsf = nsfr.optional("rsf") {
                table.requiredStableFunding = try LiquidityTableSections.rates(
                    rsf, .requiredStableFunding, base: (base.requiredStableFunding, context))
            }
        }
        if let value = top.optional("stress") {
            table.stress = try LiquidityTableSections.stress(value, base: base.stress)
        }
        table.files = base.files + [file]
        return table
    }
}
