/// One engine function evaluated at a published reference point, for the
/// audit pack's self-check sheet: the auditor sees the expected figure, the
/// engine's, the tolerance and a pass/fail formula over the three.
///
/// The expected figures are the publication's (rounded as printed; the
/// tolerance is half a unit of the last printed digit) or, for the normal
/// distribution, 20-digit values (mpmath) of the tabulated function.
struct ReferenceCheck: Sendable {
    /// What is checked, e.g. "Φ⁻¹(0.999)".
    var name: String
    /// The engine function called.
    var function: String
    /// Where the expected figure comes from.
    var reference: String
    var expected: Double
    /// |engine − expected| ≤ tolerance passes.
    var tolerance: Double
    var kind: ValueKind
    /// Calls the engine; a thrown error is reported as a failed check.
    var evaluate: @Sendable () throws -> Double
}

/// Every group of checks, in the order the sheet shows them. A new engine adds
/// its group here: a file of checks beside these, one line below (next: VaR and
/// ES of a one-factor portfolio against the Vasicek closed form when the VaR
/// engine is a dependency of Reports).
enum ReferenceChecks {
    static var groups: [(title: String, checks: [ReferenceCheck])] {
        [
            ("Normal distribution (RiskMath)", NormalChecks.all),
            ("Vasicek single-factor model (CreditEngine projection)", VasicekChecks.all),
            ("IRB risk weights (RiskMath, used by the capital and credit engines)", IRBChecks.all),
            ("Liquidity coverage ratio (LiquidityEngine)", LCRChecks.all),
        ]
    }
}
