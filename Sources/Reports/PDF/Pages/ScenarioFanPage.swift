import StressCore
import StressRun

/// The macro paths of the run's scenarios side by side, one panel per variable:
/// each scenario a line, the band between the lowest and highest path shaded, the
/// binding scenario drawn heavy. Scenarios run on different calendars (annual
/// EBA/BoE, quarterly Fed), so the x axis is the year of the horizon and a
/// quarterly path shows the mean of its four quarters (full years only).
enum ScenarioFanPage {
    /// Variables in the order a board expects them, for ties in coverage.
    static let preferred = ["gdp_growth", "unemployment", "house_price_index", "inflation", "policy_rate", "bank_rate",
                            "equity_index", "commercial_property_index", "long_rate", "bbb_spread", "treasury_10y"]

    /// Up to six variables that at least two scenarios of the run give, most widely given first.
    static func variables(_ context: BoardPackContext) -> [String] {
        var count: [String: Int] = [:]
        for s in context.results.scenarios {
            for v in context.scenarios[s.id]?.variables ?? [] where !yearly(v.values, context.scenarios[s.id]!).isEmpty {
                count[v.name, default: 0] += 1
            }
        }
        func rank(_ name: String) -> Int { preferred.firstIndex(of: name) ?? preferred.count }
        return count.keys.filter { count[$0]! >= 2 }
            .sorted { (count[$0]!, -rank($0), $1) > (count[$1]!, -rank($1), $0) }
            .prefix(6).map { $0 }
    }

    /// The path by year of the horizon (quarterly: mean of each full year's quarters).
    static func yearly(_ values: [Double], _ scenario: Scenario) -> [Double] {
        guard scenario.frequency == .quarterly else { return values }
        return stride(from: 0, to: values.count - 3, by: 4).map { values[$0..<$0 + 4].reduce(0, +) / 4 }
    }

    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let names = variables(context)
        guard !names.isEmpty else { return }
        let r = context.results
        let binding = context.bindingScenario(Array(r.scenarios.indices)).map { r.scenarios[$0].id }
        let grid = names.count <= 2 ? area.columns(names.count, gap: 18)
            : names.count <= 4 ? area.rows(2, gap: 14).flatMap { $0.columns(2, gap: 18) }
            : area.rows(2, gap: 14).flatMap { $0.columns(3, gap: 16) }
        for (name, panel) in zip(names, grid) {
            var lines: [PlotSeries] = []
            for s in r.scenarios {
                guard let scenario = context.scenarios[s.id], let v = scenario.variables.first(where: { $0.name == name })
                else { continue }
                let path = yearly(v.values, scenario)
                if !path.isEmpty { lines.append(PlotSeries(name: s.id, values: path)) }
            }
            let years = lines.map(\.values.count).max() ?? 0
            lines = lines.map { PlotSeries(name: $0.name, values: BoardPackContext.padded($0.values, to: years)) }
            FanChart(title: MacroVariableNames.name(name),
                     categories: (1...max(years, 1)).map { "Year \($0)" }, lines: lines,
                     format: MacroVariableNames.isLevel(name) ? { NumberFormat.plain($0, decimals: 1) }
                        : { NumberFormat.percent($0, decimals: 1) },
                     highlight: binding.flatMap { id in lines.firstIndex { $0.name == id } })
                .draw(in: panel, on: pdf)
        }
    }
}
