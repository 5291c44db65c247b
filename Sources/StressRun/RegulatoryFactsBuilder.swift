import CapitalEngine
import ProvisionsEngine
import RiskMath
import StressCore

/// Builds `RegulatoryFacts` from the jump-off book, in one pass in portfolio order (so the
/// sums are the same for any thread count).
public enum RegulatoryFactsBuilder {
    public struct Inputs {
        public var framework: Framework
        public var rules: CapitalRules
        public var portfolio: Portfolio
        public var irb: PortfolioRWA
        public var standardised: StandardisedExposureWeights?
        public var provisions: ProvisionSetup
        public var frequency: Frequency
        /// The framework's PD floor, as the credit engine applies it before the IRB formula.
        public var pdFloor: Double
        public var threads: Int

        public init(framework: Framework, rules: CapitalRules, portfolio: Portfolio, irb: PortfolioRWA,
                    standardised: StandardisedExposureWeights?, provisions: ProvisionSetup, frequency: Frequency,
                    pdFloor: Double, threads: Int) {
            self.pdFloor = pdFloor
            self.framework = framework
            self.rules = rules
            self.portfolio = portfolio
            self.irb = irb
            self.standardised = standardised
            self.provisions = provisions
            self.frequency = frequency
            self.threads = threads
        }
    }

    /// The fixed PD scale of Pillar 3 EU CR6 (Implementing Regulation (EU) 2021/637, Annex
    /// XXI) and COREP C 08.03, leaf ranges in percent, lower bound included; defaulted
    /// exposures go to "100.00 (Default)".
    public static let pdScale: [(upper: Double, label: String)] = [
        (0.10, "0.00 to <0.10"), (0.15, "0.10 to <0.15"), (0.25, "0.15 to <0.25"), (0.50, "0.25 to <0.50"),
        (0.75, "0.50 to <0.75"), (1.75, "0.75 to <1.75"), (2.50, "1.75 to <2.50"), (5.00, "2.50 to <5.00"),
        (10.0, "5.00 to <10.00"), (20.0, "10.00 to <20.00"), (30.0, "20.00 to <30.00"), (100.0, "30.00 to <100.00"),
    ]
    public static let defaultBucket = "100.00 (Default)"

    /// The risk weights of the COREP C 07.00 breakdown (rows 0140-0270); others are "other".
    public static let riskWeightBands: [Double] = [0, 0.02, 0.04, 0.10, 0.20, 0.35, 0.50, 0.70, 0.75, 1.00, 1.50, 2.50,
                                                   3.70, 12.50]

    /// CRR Art. 147(2) IRB exposure classes of StressPack's asset classes.
    public static func irbClass(_ c: AssetClass) -> String {
        switch c {
        case .sovereign: return "Central governments and central banks"
        case .bank: return "Institutions"
        case .corporate: return "Corporates - Other"
        case .sme: return "Corporates - SME"
        // Income-producing real estate is specialised lending (Art. 147(8)) weighted with PD/LGD.
        case .cre: return "Corporates - Specialised lending"
        case .residentialMortgage: return "Retail - Secured by immovable property non-SME"
        case .qrre: return "Retail - Qualifying revolving"
        case .otherRetail: return "Retail - Other non-SME"
        }
    }

    /// CRR Art. 112 standardised exposure classes; exposures in default are their own class (Art. 112(j)).
    public static func standardisedClass(_ c: AssetClass, defaulted: Bool) -> String {
        if defaulted { return "Exposures in default" }
        switch c {
        case .sovereign: return "Central governments or central banks"
        case .bank: return "Institutions"
        case .corporate, .sme: return "Corporates"
        case .residentialMortgage, .cre: return "Secured by mortgages on immovable property"
        case .qrre, .otherRetail: return "Retail"
        }
    }

    public static func pdBucket(_ pd: Double, defaulted: Bool) -> Int {
        if defaulted || pd >= 1 { return pdScale.count }
        let percent = pd * 100
        return pdScale.firstIndex { percent < $0.upper } ?? pdScale.count - 1
    }

    public static func riskWeightBand(_ w: Double) -> String {
        guard let band = riskWeightBands.first(where: { abs($0 - w) < 1e-9 }) else { return "other" }
        return percentLabel(band)
    }

    static func percentLabel(_ w: Double) -> String {
        let percent = (w * 1000).rounded() / 10
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }

    public static func build(_ input: Inputs) -> RegulatoryFacts {
        let p = input.portfolio, n = p.count, book = input.provisions.book
        let allowance = ProvisionsProjection.jumpOffAllowances(book: book, rules: input.provisions.rules,
                                                               frequency: input.frequency, threads: input.threads)
        let columns = input.irb.columns
        let hasGrades = p.rating.count == n
        let grades = hasGrades ? p.rating.levels.map { $0.isEmpty ? "unrated" : $0 } : ["unrated"]
        let classes = AssetClass.allCases
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })

        // IRB: key = ((class · grades + grade) · buckets + bucket) · 2 + defaulted.
        let buckets = pdScale.count + 1
        var irb: [Int: RegulatoryFacts.IRBRow] = [:]
        // Standardised: key = (class · bands + band) · 2 + defaulted.
        let bands = riskWeightBands.count + 1
        var sa: [Int: RegulatoryFacts.StandardisedRow] = [:]
        let standardisedScope = input.rules.approach == .standardised ? "standardised_approach" : "output_floor_equivalent"

        for i in 0..<n {
            let c = p.assetClass.count == n ? p.assetClass[i] : .corporate
            // In default as the capital engine counts it (stage 3, a default flag or PD = 1), so
            // the templates' RWEA is the engine's jump-off RWA.
            let defaulted = p.isDefaulted(i)
            let ead = p.ead[i]
            let drawn = p.drawn?[i], undrawn = p.undrawn?[i]
            let hasSplit = drawn.map { $0.isFinite } ?? false
            let onBalance = hasSplit ? drawn! : ead
            let offBalance = hasSplit ? (undrawn.map { $0.isFinite ? $0 : 0 } ?? 0) : 0
            let provision = allowance[i]

            // IRB
            let formulaClass = columns.exposureClass[i]
            let floor = columns.floors.floor(for: formulaClass, transactor: columns.transactor?[i] ?? false)
            // The PD the risk weight uses (the framework's floor, then the class floor), for the
            // averages and the expected loss too.
            let pd = defaulted ? 1 : max(p.pd[i], input.pdFloor, floor)
            let lgd = p.lgd[i]
            let rw = columns.riskWeight(i, pd: defaulted ? 1 : max(p.pd[i], input.pdFloor), lgd: lgd)
            let grade = hasGrades ? Int(p.rating.codes[i]) : 0
            let bucket = pdBucket(p.pd[i], defaulted: defaulted)
            let irbKey = ((classIndex[c]! * grades.count + grade) * buckets + bucket) * 2 + (defaulted ? 1 : 0)
            var row = irb[irbKey] ?? RegulatoryFacts.IRBRow(
                exposureClass: irbClass(c), assetClass: c.rawValue, grade: grades[grade],
                pdRange: bucket < pdScale.count ? pdScale[bucket].label : defaultBucket, defaulted: defaulted,
                obligors: 0, onBalance: 0, offBalance: 0, offBalanceAfterCCF: 0, ead: 0, eadPD: 0, eadLGD: 0,
                eadMaturity: 0, maturityEAD: 0, rwa: 0, expectedLoss: 0, provisions: 0)
            row.obligors += 1
            row.onBalance += onBalance
            row.offBalance += offBalance
            row.offBalanceAfterCCF += hasSplit ? max(ead - onBalance, 0) : 0
            row.ead += ead
            row.eadPD += ead * pd
            row.eadLGD += ead * lgd
            if !formulaClass.isRetail {
                let m = columns.maturity?[i] ?? .nan
                row.eadMaturity += ead * (m.isFinite ? min(max(m, 1), 5) : 2.5)
                row.maturityEAD += ead
            }
            row.rwa += rw * ead
            // CRR Art. 158: EL = PD·LGD·EAD; for defaulted exposures the LGD (best estimate of loss).
            row.expectedLoss += ead * (defaulted ? lgd : pd * lgd)
            row.provisions += provision
            irb[irbKey] = row

            // Standardised
            guard let weights = input.standardised?.columns else { continue }
            // Provision coverage of a defaulted exposure as the capital engine takes it: LGD × EAD
            // (CRR Art. 127 bands, CRE20.89), not the allowance in column provisions.
            let coverage = min(max(lgd, 0), 1)
            let weight = defaulted ? weights.defaultedWeight(i, coverage: coverage) : weights.weight[i]
            let net = defaulted && weights.defaultedNetOfProvisions ? 1 - coverage : 1
            let exposureValue = ead * weights.exposureFactor[i] * net
            let bandLabel = riskWeightBand(weight)
            let band = riskWeightBands.firstIndex { abs($0 - weight) < 1e-9 } ?? riskWeightBands.count
            let saKey = (classIndex[c]! * bands + band) * 2 + (defaulted ? 1 : 0)
            var s = sa[saKey] ?? RegulatoryFacts.StandardisedRow(
                exposureClass: standardisedClass(c, defaulted: defaulted), assetClass: c.rawValue, riskWeight: bandLabel,
                defaulted: defaulted, sme: c == .sme,
                property: c == .residentialMortgage ? "residential" : c == .cre ? "commercial" : "none",
                obligors: 0, originalExposure: 0, onBalance: 0, offBalance: 0, provisions: 0, exposureValue: 0, rwa: 0)
            s.obligors += 1
            s.originalExposure += onBalance + offBalance
            s.onBalance += onBalance
            s.offBalance += offBalance
            s.provisions += provision
            s.exposureValue += exposureValue
            s.rwa += weight * exposureValue
            sa[saKey] = s
        }
        return RegulatoryFacts(
            basis: .init(framework: input.framework.rawValue, approach: input.rules.approach.rawValue,
                         standardisedTable: input.standardised == nil ? nil : input.rules.standardisedTable,
                         provisioningStandard: input.provisions.rules.standard.rawValue,
                         standardisedScope: standardisedScope,
                         pdScale: "EU CR6 fixed PD scale (Implementing Regulation (EU) 2021/637 Annex XXI as amended by "
                             + "2024/3172): allocation on the PD before the input floor, averages after it; "
                             + "obligors are counted as exposures (the portfolio has no obligor id)"),
            irb: irb.keys.sorted().map { irb[$0]! },
            standardised: sa.keys.sorted().map { sa[$0]! })
    }
}
