/// CreditEngine: stress projections of PD, LGD and EAD (METHODOLOGY §2).
public enum CreditEngine {}
