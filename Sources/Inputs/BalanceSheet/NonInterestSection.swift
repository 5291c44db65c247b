import StressCore
import Yams

/// `non_interest:` (INTERFACES.md, "Balance sheet file"): fee and commission income, trading
/// income, other income, operating expenses and operational-risk losses, each a jump-off
/// annual amount with sensitivities to scenario variables.
enum NonInterestSection {
    static let lineKeys = ["annual", "sensitivities", "cumulative"]
    static let sensitivityKeys = ["sensitivity", "neutral"]
    /// Lines that are amounts ≥ 0; trading and other income may be negative.
    static let nonNegative: Set<String> = ["fee_income", "operating_expenses", "operational_risk_losses"]

    static func parse(_ value: YAMLValue) throws(InputError) -> NonInterestLines {
        let section = try value.mapping(accepting: NonInterestLines.keys)
        func line(_ key: String) throws(InputError) -> NonInterestLines.Line? {
            guard let v = section.optional(key) else { return nil }
            return try self.line(v, key: key)
        }
        return NonInterestLines(
            feeIncome: try line("fee_income"), tradingIncome: try line("trading_income"),
            otherIncome: try line("other_income"), operatingExpenses: try line("operating_expenses"),
            operationalRiskLosses: try line("operational_risk_losses"))
    }

    private static func line(_ value: YAMLValue, key: String) throws(InputError) -> NonInterestLines.Line {
        let line = try value.mapping(accepting: lineKeys)
        let annualValue = try line.required("annual")
        let annual = nonNegative.contains(key)
            ? try annualValue.number(BalanceSheetSections.amount, rule: .amount)
            : try annualValue.number(BalanceSheetSections.amount)
        var sensitivities: [NonInterestLines.Sensitivity] = []
        if let list = line.optional("sensitivities"), !list.isNull {
            for entry in try list.namedEntries() {
                guard ScenarioVariable.knownNames.contains(entry.key) else {
                    throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                        .error("unknown scenario variable '\(entry.key)'; expected one of "
                               + ScenarioVariable.knownNames.sorted().joined(separator: ", "))
                }
                sensitivities.append(try sensitivity(entry.value, variable: entry.key))
            }
        }
        let cumulative = try line.optional("cumulative")?.flag() ?? false
        return NonInterestLines.Line(annual: annual, sensitivities: sensitivities, cumulative: cumulative)
    }

    /// `gdp_growth: 1.5` (neutral 0) or `gdp_growth: {sensitivity: 1.5, neutral: 0.015}`.
    private static func sensitivity(_ value: YAMLValue, variable: String) throws(InputError) -> NonInterestLines.Sensitivity {
        let expected = "sensitivity, e.g. 1.5"
        guard case .mapping = value.node else {
            return NonInterestLines.Sensitivity(variable: variable, sensitivity: try value.number(expected, rule: .modelParameter))
        }
        let s = try value.mapping(accepting: sensitivityKeys)
        return NonInterestLines.Sensitivity(
            variable: variable, sensitivity: try s.required("sensitivity").number(expected, rule: .modelParameter),
            neutral: try s.optional("neutral")?.number("the variable's neutral value, e.g. 0.015", rule: .scenarioValue) ?? 0)
    }
}
