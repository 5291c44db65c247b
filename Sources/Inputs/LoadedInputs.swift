import StressCore

// What each loader returns: the validated domain value and the non-fatal findings
// about it (STYLE habit 4). Hard errors are thrown as `InputError` instead.

public struct LoadedPortfolio: Sendable {
    public var portfolio: Portfolio
    public var findings: [DataQualityFinding]

    public init(portfolio: Portfolio, findings: [DataQualityFinding] = []) {
        self.portfolio = portfolio
        self.findings = findings
    }
}

public struct LoadedScenario: Sendable, Equatable {
    public var scenario: Scenario
    public var findings: [DataQualityFinding]

    public init(scenario: Scenario, findings: [DataQualityFinding] = []) {
        self.scenario = scenario
        self.findings = findings
    }
}

public struct LoadedBalanceSheet: Sendable, Equatable {
    public var balanceSheet: BalanceSheet
    public var findings: [DataQualityFinding]

    public init(balanceSheet: BalanceSheet, findings: [DataQualityFinding] = []) {
        self.balanceSheet = balanceSheet
        self.findings = findings
    }
}
