/// RiskMath: the numerical foundation (Φ/Φ⁻¹, Philox streams, OpenBLAS/LAPACKE).
public enum RiskMath {}
