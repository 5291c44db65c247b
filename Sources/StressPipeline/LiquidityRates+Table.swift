import Inputs
import LiquidityEngine

/// The rate table file as the engine's rates (Inputs cannot see the engine).
public extension LiquidityRates {
    public init(_ t: LiquidityTable) {
        func f(_ r: LiquidityTable.Rate) -> LiquidityFactor { LiquidityFactor(r.value, source: r.source) }
        self.init(
            name: t.name,
            hqla: t.hqla.mapValues {
                HQLAHaircut(level: HQLALevel(rawValue: $0.level ?? "") ?? .level2b, haircut: $0.value, source: $0.source)
            },
            outflows: t.outflows.mapValues { OutflowRate(runOff: $0.value, isDeposit: $0.isDeposit, source: $0.source) },
            inflows: t.inflows.mapValues(f), availableStableFunding: t.availableStableFunding.mapValues(f),
            requiredStableFunding: t.requiredStableFunding.mapValues(f),
            caps: LiquidityCaps(level2: f(t.level2Cap), level2B: f(t.level2BCap), inflows: f(t.inflowCap)),
            stress: LiquidityStressParameters(
                severityDefaults: t.stress.severityDefaults.mapValues {
                    LiquidityShock(depositRunoff: $0.depositRunoff, hqlaHaircut: $0.hqlaHaircut)
                },
                dailyOutflowDecay: t.stress.dailyOutflowDecay, survivalCapDays: t.stress.survivalCapDays,
                source: t.stress.source))
    }
}
