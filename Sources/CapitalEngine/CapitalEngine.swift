/// CapitalEngine: risk-weighted assets and capital trajectories (METHODOLOGY §3).
///
/// - `RWA/`: credit RWA of a portfolio by the IRB formula (RiskMath's `IRBRiskWeight`)
///   or the standardised approach (`StandardisedRiskWeights`), per exposure through
///   `PortfolioRWA` and its `RiskWeightColumns`, which the credit engine reuses for
///   stressed RWA per period.
/// - `Projection/`: `CapitalProjection` turns per-period credit losses, RWA and the
///   balance sheet's income lines into CET1, Tier 1 and total capital, the four ratios,
///   the framework's tests (`CapitalRequirements`), buffers and the maximum distributable
///   amount (`ConservationBuffer`), the CCAR stress capital buffer and the CET1 waterfall.
///
/// Pure value code: no I/O, no global state; results do not depend on the thread count.
public enum CapitalEngine {}
