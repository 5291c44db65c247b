/// FactorModel: the Barra-style factor risk model (METHODOLOGY §5). Pure value code, no I/O.
///
/// - `Core/`: `Factor`, `FactorModelError`, `FactorReturnSeries` (a labelled T × K history).
/// - `Exposures/`: style standardisation (cap-weighted mean 0, equal-weighted SD 1,
///   winsorised at ±3σ, missing values imputed and flagged) and `ExposureBuilder`, which
///   turns an asset universe into an `ExposureSnapshot` (industry/country dummies, styles).
/// - `Estimation/`: `FactorPanel`, the constrained cross-sectional WLS
///   (`CrossSectionalRegression`), Bayesian-shrunk specific risk (`SpecificRisk`) and the
///   whole fit (`FactorModelEstimation`).
/// - `Covariance/`: exponential weights, Newey-West, Ledoit-Wolf, positive-definite repair
///   and `FactorCovarianceEstimator` (separate volatility and correlation half-lives).
/// - `Volatility/`: GARCH(1,1) by maximum likelihood (parity: the Python `arch` package).
/// - `Risk/`: `FactorRiskModel` (factors + covariance, Codable), `RiskDecomposition`
///   (total/systematic/specific, factor, marginal and component contributions, active
///   risk) and return attribution (cross-sectional and time-series).
/// - `Credit/`: the bank's credit exposures mapped to market + sector + country factors,
///   `PortfolioFactorRisk.report` → `FactorRiskReport` (results.json `factor_risk`), and
///   `CopulaLoadings` for the VaR engine's multi-factor copula.
/// - `Synthetic/`: a panel generated from a known factor structure, for recovery tests
///   and the benchmark.
///
/// Linear algebra goes through RiskMath (OpenBLAS dgemm/dgemv, LAPACK dposv/dsyevd/dpotrf/dgels).
public enum FactorModel {}
