/// RiskMath: the numerical foundation of StressPack. Pure value code, no I/O.
///
/// - `Distributions/`: the standard normal `Normal` (φ, Φ, 1 − Φ, Φ⁻¹) to 1e-14 relative.
/// - `Random/`: the Philox4x32-10 bijection and addressable `RandomStream`s of uniforms
///   and normals keyed by (seed, stream, index).
/// - `Parallel/`: `BlockPartition` and `parallelMap`, which make results independent of
///   the thread count.
/// - `LinearAlgebra/`: `Matrix` over OpenBLAS (dgemm, dgemv) and LAPACKE (dpotrf, dposv,
///   dsyevd, dgels); every LAPACK `info` goes through `LAPACKStatus.check`;
///   `BLASEnvironment` pins OpenBLAS's thread count for reproducible figures.
/// - `Statistics/`: empirical `Quantile`s as numpy computes them.
public enum RiskMath {}
