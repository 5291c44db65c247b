/// CapitalEngine: RWA and capital trajectories (METHODOLOGY §3).
public enum CapitalEngine {}
