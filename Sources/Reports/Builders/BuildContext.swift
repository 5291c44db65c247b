import StressCore
import StressRun

/// What the section builders read: the run's results, and optionally the
/// portfolio (for the exposure list) and the scenario definitions (for the
/// macro paths, which results.json names but does not repeat).
struct BuildContext {
    let results: RunResults
    let portfolio: Portfolio?
    let scenarios: [String: Scenario]
    let template: ReportTemplate
    /// Outputs written before the workbook (results.json), for the manifest sheet.
    let outputs: [InputFile]

    var currency: String { results.balanceSheet?.currency ?? "" }

    /// "EAD (EUR)", or "EAD" when the currency is unknown.
    func amountHeader(_ label: String) -> String { currency.isEmpty ? label : "\(label) (\(currency))" }

    /// The scenarios a per-scenario sheet entry covers, grouped as the entry splits
    /// them, keeping only those `applies` accepts (a group left empty gives no sheet).
    func scenarioGroups(_ entry: ReportTemplate.Sheet,
                        where applies: (ScenarioResult) -> Bool) -> [ScenarioGroup] {
        let chosen = results.scenarios.indices.filter { i in
            let s = results.scenarios[i]
            let framework = Framework(rawValue: s.framework)
            return applies(s) && (entry.frameworks.map { f in framework.map(f.contains) ?? false } ?? true)
        }
        switch entry.split {
        case .run:
            return chosen.isEmpty ? [] : [ScenarioGroup(suffix: nil, label: "all scenarios", scenarios: chosen)]
        case .framework:
            return Framework.allCases.compactMap { f in
                let members = chosen.filter { results.scenarios[$0].framework == f.rawValue }
                return members.isEmpty ? nil : ScenarioGroup(suffix: f.displayName, label: f.longName, scenarios: members)
            }
        case .scenario:
            return chosen.map { ScenarioGroup(suffix: results.scenarios[$0].id, label: results.scenarios[$0].id, scenarios: [$0]) }
        }
    }

    /// "eba-2025-adverse · EBA · adverse · 2025–2027".
    func scenarioLine(_ index: Int) -> String {
        let s = results.scenarios[index]
        let framework = Framework(rawValue: s.framework)?.displayName ?? s.framework
        let span = s.periods.isEmpty ? "" : " · " + (s.periods.count == 1 ? s.periods[0] : "\(s.periods.first!)–\(s.periods.last!)")
        let name = scenarios[s.id].map { " — \($0.name)" } ?? ""
        return "\(s.id)\(name) · \(framework) · \(s.severity.replacingOccurrences(of: "_", with: " "))\(span)"
    }
}

/// Scenarios that share a sheet.
struct ScenarioGroup {
    /// Added to the tab name ("Capital EBA"); nil for one sheet for the run.
    var suffix: String?
    var label: String
    var scenarios: [Int]
}

/// Blocks, charts and names a builder contributes to a sheet.
struct SheetPart {
    var blocks: [ReportBlock] = []
    var charts: [ChartSpec] = []
    var names: [DefinedName] = []

    mutating func append(_ other: SheetPart) {
        blocks += other.blocks
        charts += other.charts
        names += other.names
    }
}

extension Framework {
    /// As regulators write it: EBA, BoE, CCAR, RBI.
    var displayName: String {
        switch self {
        case .eba: return "EBA"
        case .boe: return "BoE"
        case .ccar: return "CCAR"
        case .rbi: return "RBI"
        }
    }

    var longName: String {
        switch self {
        case .eba: return "EBA EU-wide stress test"
        case .boe: return "Bank of England capital stress test"
        case .ccar: return "Federal Reserve CCAR / DFAST"
        case .rbi: return "RBI macro stress test"
        }
    }
}

/// Names in the workbook: tab names and defined names.
enum Naming {
    /// A defined name from parts: letters, digits and `_` only, starting with a
    /// letter (`MinCET1Ratio_eba_2025_adverse`), never a cell address.
    static func definedName(_ parts: String...) -> String {
        let joined = parts.joined(separator: "_")
        var name = String(joined.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber) ? c : "_"
        })
        if let first = name.first, !first.isLetter { name = "N_" + name }
        return name
    }

    /// A legal tab name: the characters Excel forbids become '-', at most 31 characters.
    static func tab(_ base: String, _ suffix: String?) -> String {
        var name = suffix.map { "\(base) \($0)" } ?? base
        name = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        if name.hasPrefix("'") { name.removeFirst() }
        if name.count > 31 { name = String(name.prefix(31)) }
        while name.hasSuffix("'") || name.hasSuffix(" ") { name.removeLast() }
        return name
    }

    /// `name`, or `name (2)`, `name (3)`, ... so that it is not in `taken` (case-insensitive, as Excel compares).
    static func unique(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name.lowercased()) else { return name }
        var n = 2
        while true {
            let suffix = " (\(n))"
            let candidate = String(name.prefix(31 - suffix.count)) + suffix
            if !taken.contains(candidate.lowercased()) { return candidate }
            n += 1
        }
    }
}

extension AssetClass {
    /// As a reader names it: "Residential mortgage", "QRRE (revolving retail)".
    var displayName: String {
        switch self {
        case .corporate: return "Corporate"
        case .sovereign: return "Sovereign"
        case .bank: return "Bank"
        case .sme: return "Corporate SME"
        case .residentialMortgage: return "Residential mortgage"
        case .qrre: return "QRRE (revolving retail)"
        case .otherRetail: return "Other retail"
        case .cre: return "Commercial real estate"
        }
    }

    /// The display name of a results.json asset-class key; the key itself when unknown.
    static func displayName(_ key: String) -> String { AssetClass(rawValue: key)?.displayName ?? key }
}

enum FactorNames {
    /// "sector:Manufacturing" → "Sector: Manufacturing"; "market" → "Market".
    static func display(_ key: String) -> String {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return key }
        let head = first.prefix(1).uppercased() + first.dropFirst()
        return parts.count == 2 ? "\(head): \(parts[1])" : head
    }
}
