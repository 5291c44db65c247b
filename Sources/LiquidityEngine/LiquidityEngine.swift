/// LiquidityEngine: LCR, NSFR and stressed liquidity (METHODOLOGY §4).
public enum LiquidityEngine {}
