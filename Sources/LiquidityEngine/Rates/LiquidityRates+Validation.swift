import StressCore

extension LiquidityRates {
    /// Checks that every rate is a fraction in [0, 1], the caps are consistent
    /// (0 < Level 2B cap ≤ Level 2 cap < 1) and the stress parameters usable; the
    /// key of the first problem is the rate table's (`outflows.retail_stable`).
    /// The calculators call it, so a hand-built value cannot give a silent nonsense figure.
    public func validate() throws(LiquidityError) {
        func fraction(_ key: String, _ value: Double) throws(LiquidityError) {
            guard value.isFinite, value >= 0, value <= 1 else {
                throw .invalidRate(key, "expected a fraction in [0, 1], found \(LiquidityError.text(value))")
            }
        }
        for (name, entry) in hqla.sorted(by: { $0.key < $1.key }) { try fraction("hqla.\(name).haircut", entry.haircut) }
        for (name, entry) in outflows.sorted(by: { $0.key < $1.key }) { try fraction("outflows.\(name).rate", entry.runOff) }
        for (name, entry) in inflows.sorted(by: { $0.key < $1.key }) { try fraction("inflows.\(name).rate", entry.rate) }
        for (name, entry) in availableStableFunding.sorted(by: { $0.key < $1.key }) {
            try fraction("nsfr.asf.\(name).factor", entry.rate)
        }
        for (name, entry) in requiredStableFunding.sorted(by: { $0.key < $1.key }) {
            try fraction("nsfr.rsf.\(name).factor", entry.rate)
        }
        try fraction("caps.inflows.rate", caps.inflows.rate)
        guard caps.level2.rate.isFinite, caps.level2.rate > 0, caps.level2.rate < 1 else {
            throw .invalidRate("caps.level2.rate", "expected a fraction in (0, 1), found \(LiquidityError.text(caps.level2.rate))")
        }
        guard caps.level2B.rate.isFinite, caps.level2B.rate > 0, caps.level2B.rate <= caps.level2.rate else {
            throw .invalidRate("caps.level2b.rate",
                               "expected a fraction in (0, \(LiquidityError.text(caps.level2.rate))] (at most the Level 2 cap), found \(LiquidityError.text(caps.level2B.rate))")
        }
        guard stress.dailyOutflowDecay.isFinite, stress.dailyOutflowDecay >= 0 else {
            throw .invalidRate("stress.daily_outflow_decay",
                               "expected a decay per day ≥ 0, found \(LiquidityError.text(stress.dailyOutflowDecay))")
        }
        guard stress.survivalCapDays >= LiquidityStress.lcrHorizonDays else {
            throw .invalidRate("stress.survival_cap_days",
                               "expected a number of days ≥ \(LiquidityStress.lcrHorizonDays), found \(stress.survivalCapDays)")
        }
        for severity in Severity.allCases {
            guard let shock = stress.severityDefaults[severity] else {
                throw .invalidRate("stress.severity_defaults.\(severity.rawValue)",
                                   "missing; expected the default shocks of every severity (\(Severity.allNames))")
            }
            try LiquidityStress.check(shock, key: "stress.severity_defaults.\(severity.rawValue)", input: .rateTable)
        }
    }
}
