import CapitalEngine
import CreditEngine
import StressCore

/// The capital part of a scenario (METHODOLOGY §3): the credit engine's losses
/// and, when the run has an RWA model, its credit RWA at the stressed PDs and
/// LGDs, through the capital engine.
enum CapitalStage {
    static func project(scenario s: Scenario, projection: CreditProjection, balanceSheet: BalanceSheet) -> CapitalResult {
        let rwa = projection.startRWA.map { CreditRWAPath(jumpOff: $0, periods: projection.periodRWA) }
        return CapitalProjection.project(.init(
            framework: s.framework, frequency: s.frequency, periods: projection.periods,
            creditLosses: projection.periodEL, creditRWA: rwa, ppnr: s.ppnr, balanceSheet: balanceSheet))
    }
}
