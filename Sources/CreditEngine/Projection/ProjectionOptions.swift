import RiskMath
import StressCore

/// How a projection runs (METHODOLOGY §2.2–2.3).
public struct ProjectionOptions: Sendable, Equatable {
    public var frequency: Frequency
    public var balanceSheet: BalanceSheetMode
    /// Applied to every PD before the stress: PD ← max(PD, floor).
    public var pdFloor: Double
    /// Portfolio-wide amortisation per period (the seed's `amortisation_rates`);
    /// when nil, the portfolio's `amortisation` column applies per exposure
    /// (annual rate, a quarter of it per quarter), or none.
    public var amortisation: [Double]?
    /// Worker threads; results do not depend on it.
    public var threads: Int
    /// When given, credit RWA is summed at jump-off and per period (METHODOLOGY §3.1):
    /// IRB at the period's regulatory PD and LGD, standardised at the period's balances.
    public var rwa: RWAColumns?
    /// Whether to sum the breakdowns by segment, asset class, sector and country; a
    /// re-projection that reads only totals skips them (the totals are the same bits).
    public var breakdowns = true

    public init(frequency: Frequency = .annual, balanceSheet: BalanceSheetMode = .runoff, pdFloor: Double = 0.0003,
                amortisation: [Double]? = nil, threads: Int = 1, rwa: RWAColumns? = nil) {
        self.rwa = rwa
        self.frequency = frequency
        self.balanceSheet = balanceSheet
        self.pdFloor = pdFloor
        self.amortisation = amortisation
        self.threads = threads
    }
}
