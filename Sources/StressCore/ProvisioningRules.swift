/// How a framework projects the stock of credit-loss provisions (METHODOLOGY §9): the
/// `provisions:` block of a framework file, each rule with the paragraph it comes from in
/// `sources`. A framework file without the block takes `ProvisioningRules.defaults(for:)`.
public struct ProvisioningRules: Sendable, Equatable {
    public enum Standard: String, Sendable, CaseIterable, Codable {
        /// IFRS 9: stage 1 twelve-month ECL, stage 2 lifetime ECL, stage 3 credit-impaired.
        case ifrs9
        /// US GAAP CECL (ASC 326-20): lifetime expected losses on every loan, no staging.
        case cecl
        /// Ind AS 109 with the RBI's prudential floors by stage and exposure category.
        case indAS109 = "ind_as109"
    }

    public enum SICRCombination: String, Sendable, CaseIterable, Codable {
        /// Either test triggers stage 2 (creditriskengine's `assess_sicr`).
        case any
        /// Both the relative and the absolute test must hold.
        case all
    }

    public enum Stage3Coverage: String, Sendable, CaseIterable, Codable {
        /// Stage 3 provisions are LGD × the defaulted amount.
        case lgd
        /// Exposures in default at jump-off keep the coverage the bank holds; new defaults take LGD.
        case held
    }

    /// A floor on provisions as a fraction of the exposure, by asset class (Ind AS 109).
    public struct Floors: Sendable, Equatable {
        public var stage1: [AssetClass: Double]
        public var stage2: [AssetClass: Double]
        /// Stage 3 floors by years in default: upper bounds and the secured and unsecured
        /// floors of each band, the last band open-ended.
        public var stage3YearsUpTo: [Double]
        public var stage3Secured: [Double]
        public var stage3Unsecured: [Double]
        /// Classes with their own stage 3 schedule (housing, unsecured retail).
        public var stage3ByClass: [AssetClass: Stage3Schedule]

        public struct Stage3Schedule: Sendable, Equatable {
            public var yearsUpTo: [Double]
            public var secured: [Double]
            public var unsecured: [Double]
            public init(yearsUpTo: [Double], secured: [Double], unsecured: [Double]) {
                precondition(secured.count == yearsUpTo.count + 1 && unsecured.count == yearsUpTo.count + 1,
                             "Stage3Schedule: one more floor than bounds")
                self.yearsUpTo = yearsUpTo
                self.secured = secured
                self.unsecured = unsecured
            }

            public func floor(yearsInDefault: Double, secured isSecured: Bool) -> Double {
                var band = yearsUpTo.count
                for (k, bound) in yearsUpTo.enumerated() where yearsInDefault < bound { band = k; break }
                return isSecured ? secured[band] : unsecured[band]
            }
        }

        public init(stage1: [AssetClass: Double] = [:], stage2: [AssetClass: Double] = [:],
                    stage3: Stage3Schedule? = nil, stage3ByClass: [AssetClass: Stage3Schedule] = [:]) {
            self.stage1 = stage1
            self.stage2 = stage2
            stage3YearsUpTo = stage3?.yearsUpTo ?? []
            stage3Secured = stage3?.secured ?? [0]
            stage3Unsecured = stage3?.unsecured ?? [0]
            self.stage3ByClass = stage3ByClass
        }

        public var stage3: Stage3Schedule {
            Stage3Schedule(yearsUpTo: stage3YearsUpTo, secured: stage3Secured, unsecured: stage3Unsecured)
        }

        public func stage3Floor(_ c: AssetClass, yearsInDefault: Double, secured: Bool) -> Double {
            (stage3ByClass[c] ?? stage3).floor(yearsInDefault: yearsInDefault, secured: secured)
        }
    }

    public var standard: Standard
    /// Stage 2 when the forward twelve-month PD is at least `sicrRelative` × the origination PD
    /// (and/or, per `sicrCombination`) exceeds it by `sicrAbsolute` (IFRS 9 5.5.9, B5.5.17).
    public var sicrRelative: Double
    public var sicrAbsolute: Double
    public var sicrCombination: SICRCombination
    /// Days past due that presume a significant increase (IFRS 9 5.5.11) and default (B5.5.37).
    public var dpdBackstop: Double
    public var defaultDPD: Double
    /// Share of the stage 3 stock that cures a year, back to stage 2.
    public var cureRate: Double
    /// Years a cured exposure stays in stage 2 before it may return to stage 1.
    public var probationYears: Double
    /// Years in default after which an exposure is written off (its LGD part; the rest is
    /// recovered); 0 charges off at default (CECL, the Fed). The portfolio's
    /// `write_off_policy` overrides it per exposure.
    public var writeOffYears: Double
    /// Years over which PDs revert from the scenario's last period to the through-the-cycle
    /// PD beyond the horizon (straight line); 0 reverts at once.
    public var reversionYears: Double
    public var stage3Coverage: Stage3Coverage
    /// The effective interest rate for discounting when the portfolio has none.
    public var defaultEIR: Double
    /// Remaining term in years by asset class when the portfolio has neither
    /// `remaining_term` nor `maturity_date`.
    public var defaultRemainingTerm: [AssetClass: Double]
    public var floors: Floors?
    /// Rule name → the text it comes from.
    public var sources: [String: String]

    public init(standard: Standard, sicrRelative: Double = 2, sicrAbsolute: Double = 0.005,
                sicrCombination: SICRCombination = .any, dpdBackstop: Double = 30, defaultDPD: Double = 90,
                cureRate: Double = 0.1, probationYears: Double = 1, writeOffYears: Double = 2,
                reversionYears: Double = 1, stage3Coverage: Stage3Coverage = .held, defaultEIR: Double = 0.04,
                defaultRemainingTerm: [AssetClass: Double] = ProvisioningRules.typicalRemainingTerm,
                floors: Floors? = nil, sources: [String: String] = [:]) {
        self.standard = standard
        self.sicrRelative = sicrRelative
        self.sicrAbsolute = sicrAbsolute
        self.sicrCombination = sicrCombination
        self.dpdBackstop = dpdBackstop
        self.defaultDPD = defaultDPD
        self.cureRate = cureRate
        self.probationYears = probationYears
        self.writeOffYears = writeOffYears
        self.reversionYears = reversionYears
        self.stage3Coverage = stage3Coverage
        self.defaultEIR = defaultEIR
        self.defaultRemainingTerm = defaultRemainingTerm
        self.floors = floors
        self.sources = sources
    }

    /// Typical remaining terms when a portfolio gives none: mortgages 20 years, corporate
    /// and SME loans 3, CRE 5, cards 1 (revolving, behavioural life), consumer loans 3,
    /// banks and sovereigns 2.
    public static let typicalRemainingTerm: [AssetClass: Double] = [
        .residentialMortgage: 20, .corporate: 3, .sme: 3, .cre: 5, .qrre: 1, .otherRetail: 3, .bank: 2, .sovereign: 2,
    ]

    /// The framework's standard when its file states no `provisions:` block: IFRS 9 for the
    /// EBA and the Bank of England, CECL for CCAR (charge-off at default), Ind AS 109 for
    /// the RBI (without floors unless the file gives them).
    public static func defaults(for framework: Framework) -> ProvisioningRules {
        switch framework {
        case .eba, .boe: return ProvisioningRules(standard: .ifrs9)
        case .ccar: return ProvisioningRules(standard: .cecl, writeOffYears: 0, reversionYears: 1)
        case .rbi: return ProvisioningRules(standard: .indAS109)
        }
    }

    /// The SICR test on twelve-month PDs (IFRS 9 B5.5.13 allows them where they do not
    /// differ materially from lifetime PDs).
    @inlinable
    public func significantIncrease(pd: Double, originationPD: Double) -> Bool {
        let relative = originationPD > 0 ? pd / originationPD > sicrRelative : pd > sicrAbsolute
        let absolute = pd - originationPD > sicrAbsolute
        return sicrCombination == .any ? (relative || absolute) : (relative && absolute)
    }
}
