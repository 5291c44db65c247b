import StressCore

/// Checks the category names of a balance sheet's `liquidity:` section against a
/// liquidity rate table, so an unknown category (a typo such as `retail_stabel`)
/// is reported at its line and column in the balance sheet file. The balance sheet
/// loader leaves category names free and keeps no positions; the liquidity engine
/// reports the same problem by key path only.
public enum BalanceSheetLiquidityCategories {
    /// Checks the balance sheet file at `path`.
    public static func check(path: String, table: LiquidityTable) throws(InputError) {
        try check(text: try YAMLDocument.read(path: path), file: path, table: table)
    }

    /// Checks balance sheet text; a file without a liquidity section passes. The
    /// sections are checked in the order hqla, outflows, inflows, nsfr.asf,
    /// nsfr.rsf, and the categories of each in file order.
    public static func check(text: String, file: String, table: LiquidityTable) throws(InputError) {
        guard let root = try YAMLDocument.compose(text, file: file), case .mapping = root.node else { return }
        let top = try root.namedEntries()
        guard let liquidity = top.first(where: { $0.key == "liquidity" })?.value, !liquidity.isNull else { return }
        let sections = try liquidity.namedEntries()
        func entries(_ name: String) throws(InputError) -> [YAMLMapping.Entry] {
            guard let section = sections.first(where: { $0.key == name })?.value, !section.isNull else { return [] }
            return try section.namedEntries()
        }
        try check(try entries("hqla"), Set(table.hqla.keys), noun: "HQLA", file: file)
        try check(try entries("outflows"), Set(table.outflows.keys), noun: "outflow", file: file)
        try check(try entries("inflows"), Set(table.inflows.keys), noun: "inflow", file: file)
        guard let nsfr = sections.first(where: { $0.key == "nsfr" })?.value, !nsfr.isNull else { return }
        let nsfrSections = try nsfr.namedEntries()
        for (key, rates, noun) in [("asf", table.availableStableFunding, "available stable funding"),
                                   ("rsf", table.requiredStableFunding, "required stable funding")] {
            guard let section = nsfrSections.first(where: { $0.key == key })?.value, !section.isNull else { continue }
            try check(try section.namedEntries(), Set(rates.keys), noun: noun, file: file)
        }
    }

    private static func check(_ entries: [YAMLMapping.Entry], _ accepted: Set<String>, noun: String,
                              file: String) throws(InputError) {
        for entry in entries where !accepted.contains(entry.key) {
            throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: file)
                .error("unknown \(noun) category '\(entry.key)'; expected one of " + accepted.sorted().joined(separator: ", "))
        }
    }
}
