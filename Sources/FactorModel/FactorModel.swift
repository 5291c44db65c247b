/// FactorModel: Barra-style factor risk model (METHODOLOGY §5).
public enum FactorModel {}
