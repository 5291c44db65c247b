import StressCore
import StressRun

/// What the board pack's pages read: the run's results, the scenario
/// definitions (for the macro paths) and the manifest entries known before the
/// PDF is written. Pages only draw; every figure comes from here.
struct BoardPackContext {
    let results: RunResults
    let scenarios: [String: Scenario]
    let template: ReportTemplate
    /// Files written before the PDF (results.json, the workbook), for the appendix.
    let outputs: [InputFile]

    var bank: String { results.balanceSheet?.bank ?? "StressPack" }
    var currency: String { results.balanceSheet?.currency ?? "" }

    /// "Amounts in EUR", or nothing when the currency is unknown.
    var amountNote: String { currency.isEmpty ? "" : "Amounts in \(currency)" }

    /// Indices of the scenarios of `framework`, in run order.
    func scenarios(of framework: Framework) -> [Int] {
        results.scenarios.indices.filter { results.scenarios[$0].framework == framework.rawValue }
    }

    /// Frameworks with scenarios in the run, in the fixed order EBA, BoE, CCAR, RBI.
    var frameworks: [Framework] {
        Framework.allCases.filter { !scenarios(of: $0).isEmpty }
    }

    /// The scenario of `indices` with the lowest minimum CET1 ratio (the binding
    /// one a board asks about); the first on ties; nil when none has capital results.
    func bindingScenario(_ indices: [Int]) -> Int? {
        indices.filter { results.scenarios[$0].capital != nil }
            .min { results.scenarios[$0].capital!.minCET1Ratio < results.scenarios[$1].capital!.minCET1Ratio }
    }

    /// "eba-2025-adverse", with the scenario's name when the definition is known.
    func scenarioTitle(_ index: Int) -> String {
        let s = results.scenarios[index]
        return scenarios[s.id].map { "\(s.id) — \($0.name)" } ?? s.id
    }

    /// Period labels with the jump-off in front, for paths that start at the jump-off.
    static func withJumpOff(_ periods: [String]) -> [String] { ["Jump-off"] + periods }

    /// Period labels for paths of `indices` whose labels `labels` gives (a result
    /// section's own periods: CCAR capital runs 9 of a scenario's 13 quarters). When
    /// the scenarios share a calendar, its labels; otherwise "Year k" (annual) or
    /// "Period k", so scenarios on different calendars (EBA 2025–2027, the library's
    /// Y1–Y3) line up by horizon.
    func periods(_ indices: [Int], _ labels: (ScenarioResult) -> [String]?) -> [String] {
        let lists = indices.compactMap { labels(results.scenarios[$0]) }
        guard let longest = lists.max(by: { $0.count < $1.count }) else { return [] }
        if lists.allSatisfy({ longest.starts(with: $0) }) { return longest }
        let annual = indices.allSatisfy { results.scenarios[$0].frequency == "annual" }
        return (1...longest.count).map { annual ? "Year \($0)" : "Period \($0)" }
    }

    /// `indices` ordered by minimum CET1 ratio, lowest first (scenarios without capital
    /// last, in run order), so the binding scenario takes the first colour on every chart.
    func byMinimumCET1(_ indices: [Int]) -> [Int] {
        indices.enumerated().sorted { a, b in
            let x = results.scenarios[a.element].capital?.minCET1Ratio ?? .infinity
            let y = results.scenarios[b.element].capital?.minCET1Ratio ?? .infinity
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// `values` padded with NaN (a gap) to `count`.
    static func padded(_ values: [Double], to count: Int) -> [Double] {
        Array(values.prefix(count)) + Array(repeating: .nan, count: max(0, count - values.count))
    }
}

/// How the pack writes its key figures. The tests find these exact strings in
/// the PDF's text, so the executive summary and results.json agree by construction.
enum BoardFigures {
    static func ratio(_ x: Double) -> String { NumberFormat.percent(x, decimals: 2) }
    static func lcr(_ x: Double) -> String { NumberFormat.percent(x, decimals: 1) }
    static func amount(_ x: Double) -> String { NumberFormat.figure(x) }
}

extension Framework {
    /// As regulators write it, for page titles.
    var boardName: String {
        switch self {
        case .eba: return "EBA EU-wide stress test"
        case .boe: return "Bank of England capital stress test"
        case .ccar: return "Federal Reserve CCAR / DFAST"
        case .rbi: return "RBI macro stress test"
        }
    }
}
