import Foundation

/// Traffic-light thresholds of the validation tests (`tables/pd-validation-thresholds.yaml`).
/// A statistic where small is bad turns amber below `amber` and red below `red`; one where
/// large is bad (PSI, HHI) turns amber from `amber` and red from `red`.
public struct ValidationThresholds: Sendable, Equatable {
    public struct Band: Sendable, Equatable, Codable {
        public var amber: Double
        public var red: Double
        public init(amber: Double, red: Double) {
            self.amber = amber
            self.red = red
        }
    }

    public var auc = Band(amber: 0.70, red: 0.60)
    public var psi = Band(amber: 0.10, red: 0.25)
    public var csi = Band(amber: 0.10, red: 0.25)
    public var jeffreys = Band(amber: 0.05, red: 0.01)
    public var binomial = Band(amber: 0.05, red: 0.01)
    public var hosmerLemeshow = Band(amber: 0.05, red: 0.01)
    public var spiegelhalter = Band(amber: 0.05, red: 0.01)
    public var herfindahl = Band(amber: 0.20, red: 0.30)

    public init() {}

    static func lower(_ x: Double, _ band: Band) -> Verdict { x < band.red ? .red : x < band.amber ? .amber : .green }
    static func higher(_ x: Double, _ band: Band) -> Verdict { x >= band.red ? .red : x >= band.amber ? .amber : .green }
}

public enum Verdict: String, Sendable, Codable, Comparable {
    case green, amber, red
    public static func < (a: Verdict, b: Verdict) -> Bool {
        let order: [Verdict] = [.green, .amber, .red]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// A model's validation on a sample with outcomes: what a validator files each year.
public struct ValidationReport: Sendable, Codable {
    public struct Discrimination: Sendable, Codable {
        public var auc: ValidationStatistics.AUCEstimate
        public var gini: Double
        public var ks: Double
        public var verdict: Verdict
        public var curves: ValidationStatistics.Curves
    }

    public struct Grade: Sendable, Codable {
        public var test: ValidationStatistics.GradeTest
        public var verdict: Verdict
    }

    public struct Overall: Sendable, Codable {
        public var loans: Int
        public var defaults: Int
        public var meanPD: Double
        public var observedRate: Double
        public var binomialPValue: Double
        public var jeffreysPValue: Double
        public var brier: Double
        public var hosmerLemeshow: Statistic
        public var spiegelhalter: Statistic
        public var verdict: Verdict
        enum CodingKeys: String, CodingKey {
            case loans, defaults, meanPD = "mean_pd", observedRate = "observed_rate", binomialPValue = "binomial_p_value",
                 jeffreysPValue = "jeffreys_p_value", brier, hosmerLemeshow = "hosmer_lemeshow", spiegelhalter, verdict
        }
    }

    public struct Statistic: Sendable, Codable {
        public var value: Double
        public var pValue: Double
        public var degrees: Int?
        public var verdict: Verdict
        enum CodingKeys: String, CodingKey { case value, pValue = "p_value", degrees, verdict }
    }

    public struct Stability: Sendable, Codable {
        public var referenceLoans: Int
        /// PSI of the master-scale grades, reference against sample.
        public var gradePSI: Double
        public var gradeVerdict: Verdict
        /// Each grade's share of the reference and of the sample, and its term of the PSI.
        public var grades: [GradeShare]
        /// Obligors in both samples (an id column given): from their reference grade to their sample grade.
        public var migration: GradeMigration?
        /// CSI of each characteristic over its development classes.
        public var characteristics: [Characteristic]
        public struct Characteristic: Sendable, Codable {
            public var name: String
            public var csi: Double
            public var verdict: Verdict
        }
        public struct GradeShare: Sendable, Codable {
            public var grade: String
            public var reference: Double
            public var sample: Double
            public var psiTerm: Double
            enum CodingKeys: String, CodingKey { case grade, reference, sample, psiTerm = "psi_term" }
        }
        enum CodingKeys: String, CodingKey {
            case referenceLoans = "reference_loans", gradePSI = "grade_psi", gradeVerdict = "grade_verdict", grades, migration,
                 characteristics
        }
    }

    public var model: String
    public var discrimination: Discrimination
    public var calibration: Overall
    public var grades: [Grade]
    public var stability: Stability?
    public var herfindahl: Double
    public var herfindahlVerdict: Verdict
    /// The worst light of all tests.
    public var verdict: Verdict
    /// What limits a test's reading (grades with too few expected defaults for the binomial test).
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case model, discrimination, calibration, grades, stability, herfindahl, herfindahlVerdict = "herfindahl_verdict", verdict,
             warnings
    }
}

public enum ModelValidation {
    /// Expected defaults below which a grade's binomial test has little power (a warning).
    public static let fewExpectedDefaults = 5.0

    /// Validates a calibrated model on `sample` (its outcomes observed), against the
    /// development or previous sample `reference` for stability when given. With `idColumn`
    /// (a categorical column of both samples), obligors found in both give the grade migration.
    public static func run(_ model: PDScorecard, sample: LoanSample, reference: LoanSample?,
                           thresholds: ValidationThresholds, idColumn: String? = nil) throws(PDModelError) -> ValidationReport {
        guard let scale = model.masterScale, model.calibration != nil else {
            throw PDModelError("the model is not calibrated to a master scale: run `stresspack pd calibrate` first")
        }
        let defaults = sample.defaults
        let d = sample.defaultCount
        guard d > 0, d < sample.count else {
            throw PDModelError("the sample needs defaults and non-defaults to validate on (\(d) of \(sample.count) defaulted)")
        }
        let scored = try model.score(sample)
        let auc = ValidationStatistics.delong(scores: scored.logOdds, defaults: defaults)
        let discrimination = ValidationReport.Discrimination(
            auc: auc, gini: auc.gini, ks: PDModel.Discrimination.ks(scores: scored.logOdds, defaults: defaults),
            verdict: ValidationThresholds.lower(auc.auc, thresholds.auc),
            curves: ValidationStatistics.curves(scores: scored.logOdds, defaults: defaults))

        // By grade: loans, defaults and the mean PD the model gave them.
        let grades = scored.grade!
        var loans = [Int](repeating: 0, count: scale.grades.count), bads = loans
        var pdSum = [Double](repeating: 0, count: scale.grades.count)
        for i in grades.indices {
            loans[grades[i]] += 1
            bads[grades[i]] += Int(defaults[i])
            pdSum[grades[i]] += scored.pd[i]
        }
        var gradeRows: [ValidationReport.Grade] = []
        var warnings: [String] = []
        for g in scale.grades.indices where loans[g] > 0 {
            let expected = pdSum[g]
            if expected < fewExpectedDefaults {
                warnings.append("grade \(scale.grades[g].label): \(loans[g]) loans expect \(String(format: "%.1f", expected)) "
                                + "defaults (fewer than \(Int(fewExpectedDefaults))): its binomial test has little power; "
                                + "read its Jeffreys interval")
            }
            let test = ValidationStatistics.gradeTest(grade: scale.grades[g].label, loans: loans[g], defaults: bads[g],
                                                      pd: pdSum[g] / Double(loans[g]))
            let verdict = max(ValidationThresholds.lower(test.jeffreysPValue, thresholds.jeffreys),
                              ValidationThresholds.lower(test.binomialPValue, thresholds.binomial))
            gradeRows.append(.init(test: test, verdict: verdict))
        }
        let used = scale.grades.indices.filter { loans[$0] > 0 }
        let hl = ValidationStatistics.hosmerLemeshow(defaults: used.map { bads[$0] }, loans: used.map { loans[$0] },
                                                     meanPD: used.map { pdSum[$0] / Double(loans[$0]) })
        let sp = ValidationStatistics.spiegelhalter(pd: scored.pd, defaults: defaults)
        let meanPD = scored.pd.reduce(0, +) / Double(sample.count)
        let whole = ValidationStatistics.gradeTest(grade: "all", loans: sample.count, defaults: d, pd: meanPD)
        let hlStat = ValidationReport.Statistic(value: hl.statistic, pValue: hl.pValue, degrees: hl.degrees,
                                                verdict: ValidationThresholds.lower(hl.pValue, thresholds.hosmerLemeshow))
        let spStat = ValidationReport.Statistic(value: sp.z, pValue: sp.pValue, degrees: nil,
                                                verdict: ValidationThresholds.lower(sp.pValue, thresholds.spiegelhalter))
        let overall = ValidationReport.Overall(
            loans: sample.count, defaults: d, meanPD: meanPD, observedRate: whole.observedRate,
            binomialPValue: whole.binomialPValue, jeffreysPValue: whole.jeffreysPValue,
            brier: ValidationStatistics.brier(pd: scored.pd, defaults: defaults), hosmerLemeshow: hlStat, spiegelhalter: spStat,
            verdict: max(ValidationThresholds.lower(whole.jeffreysPValue, thresholds.jeffreys), hlStat.verdict, spStat.verdict))

        var stability: ValidationReport.Stability?
        if let reference {
            let refScored = try model.score(reference)
            var refLoans = [Int](repeating: 0, count: scale.grades.count)
            for g in refScored.grade! { refLoans[g] += 1 }
            let psi = ValidationStatistics.psi(expected: refLoans, actual: loans)
            let shares = gradeShares(scale.grades.map(\.label), reference: refLoans, sample: loans)
            var rows: [ValidationReport.Stability.Characteristic] = []
            for term in model.terms {
                let a = try classCounts(term.binning, sample), e = try classCounts(term.binning, reference)
                let csi = ValidationStatistics.psi(expected: e, actual: a)
                rows.append(.init(name: term.binning.name, csi: csi, verdict: ValidationThresholds.higher(csi, thresholds.csi)))
            }
            let migration = try idColumn.map { id throws(PDModelError) in
                try GradeMigration.of(idColumn: id, sample: sample, sampleGrade: grades, reference: reference,
                                      referenceGrade: refScored.grade!, labels: scale.grades.map(\.label))
            }
            stability = .init(referenceLoans: reference.count, gradePSI: psi,
                              gradeVerdict: ValidationThresholds.higher(psi, thresholds.psi), grades: shares,
                              migration: migration, characteristics: rows)
        }
        let hhi = ValidationStatistics.herfindahl(counts: loans)
        let hhiVerdict = ValidationThresholds.higher(hhi, thresholds.herfindahl)
        var worst = max(discrimination.verdict, overall.verdict, hhiVerdict)
        for g in gradeRows { worst = max(worst, g.verdict) }
        if let stability {
            worst = max(worst, stability.gradeVerdict)
            for c in stability.characteristics { worst = max(worst, c.verdict) }
        }
        return ValidationReport(model: model.name, discrimination: discrimination, calibration: overall, grades: gradeRows,
                                stability: stability, herfindahl: hhi, herfindahlVerdict: hhiVerdict, verdict: worst,
                                warnings: warnings)
    }

    /// The grades either sample uses, with both shares and each grade's PSI term (the same
    /// floor of 1e-10 on a zero share as the PSI itself).
    static func gradeShares(_ labels: [String], reference: [Int], sample: [Int]) -> [ValidationReport.Stability.GradeShare] {
        let te = Double(reference.reduce(0, +)), ta = Double(sample.reduce(0, +))
        return labels.indices.filter { reference[$0] > 0 || sample[$0] > 0 }.map { g in
            let pe = Double(reference[g]) / te, pa = Double(sample[g]) / ta
            let fe = max(pe, 1e-10), fa = max(pa, 1e-10)
            return .init(grade: labels[g], reference: pe, sample: pa, psiTerm: (fa - fe) * log(fa / fe))
        }
    }

    /// Loans per development class of a characteristic.
    static func classCounts(_ binning: CharacteristicBinning, _ sample: LoanSample) throws(PDModelError) -> [Int] {
        guard let column = sample.column(binning.name) else {
            throw PDModelError("the data has no column '\(binning.name)'", characteristic: binning.name)
        }
        var counts = [Int](repeating: 0, count: binning.bins.count)
        switch column {
        case .numeric(let v): for x in v { counts[binning.binIndex(numeric: x).index] += 1 }
        case .categorical(let v): for x in v { counts[binning.binIndex(category: x).index] += 1 }
        }
        return counts
    }
}
