import CapitalEngine
import CreditEngine
import StressCore

/// The RWA columns the credit engine sums for a framework (METHODOLOGY §3.1): the IRB
/// weights with the framework's rating philosophy (always, for the IRB approach and the
/// reverse stress), and the standardised weights of its table when its approach or its
/// output floor needs them.
public enum FrameworkRWAColumns {
    public static func make(rules: CapitalRules, irb: PortfolioRWA,
                            standardised: StandardisedExposureWeights?) -> RWAColumns? {
        let needed = rules.needsStandardisedTable ? standardised?.columns : nil
        if rules.approach == .standardised && needed == nil { return nil }
        return RWAColumns(irb: rules.approach == .irb ? irb.columns : nil, ratingPhilosophy: rules.ratingPhilosophy,
                   byAssetClass: rules.ratingPhilosophyByAssetClass,
                   standardised: needed,
                   retainDefaults: rules.defaultedExposures == .retained)
    }
}
