/// VaREngine: credit VaR, expected shortfall and economic capital (METHODOLOGY §6).
public enum VaREngine {}
