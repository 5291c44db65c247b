/// VaREngine: credit VaR, expected shortfall and economic capital (METHODOLOGY §6).
///
/// Pure value code, no I/O. Its parts:
///
/// - `Analytic/`: the Vasicek asymptotic single risk factor (ASRF) model — conditional
///   default rate, loss quantile, EL/UL/economic capital, the factor-density loss
///   distribution of the seed (`Vasicek`), its portfolio form and the granularity
///   adjustment for concentrated books (`ASRFPortfolio`, `GranularityAdjustment`).
/// - `Estimators/`: loss-sample estimators with the seed's conventions — historical and
///   Monte Carlo VaR (numpy's linear interpolation at (n − 1)·q), expected shortfall
///   (mean of the losses ≥ VaR), parametric and Cornish-Fisher VaR, incremental,
///   component (Euler) and marginal VaR (`VaREstimators`), summary statistics
///   (`LossDistributionStatistics`) and importance-sampling weighted estimators
///   (`WeightedLossSample`).
/// - `MonteCarlo/`: the streaming Gaussian and Student-t copula simulator behind
///   `CreditVaR.run`, with single- and multi-factor (global + sector + country) loadings.
/// - `Backtesting/`: rolling VaR on a return series, Kupiec and Christoffersen tests and
///   the Basel traffic light (`VaRBacktest`).
/// - `Distributions/`: the Student-t distribution and χ² sampling the t copula needs.
public enum VaREngine {}
