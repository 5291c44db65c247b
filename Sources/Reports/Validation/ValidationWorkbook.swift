import Foundation
import PDModel
import StressCore
import StressRun

/// The PD model validation report as a workbook, for the validator's file: a summary with
/// every test's traffic light, discrimination with the CAP curve, calibration by grade with
/// the Jeffreys intervals, and stability by characteristic. Built as a `ReportDocument`
/// and drawn by the same xlsx renderer as the submission packs; dated by `asOf`, so the
/// same validation gives the same bytes.
public enum ValidationWorkbook {
    public struct Provenance: Sendable {
        public var model: String
        public var modelSHA256: String
        public var data: String
        public var dataSHA256: String
        public var reference: String?
        public var asOf: String
        /// The traffic-light thresholds file the lights come from.
        public var thresholds: String

        public init(model: String, modelSHA256: String, data: String, dataSHA256: String, reference: String?, asOf: String,
                    thresholds: String = "tables/pd-validation-thresholds.yaml") {
            self.thresholds = thresholds
            self.model = model
            self.modelSHA256 = modelSHA256
            self.data = data
            self.dataSHA256 = dataSHA256
            self.reference = reference
            self.asOf = asOf
        }
    }

    public static func render(_ report: ValidationReport, provenance p: Provenance, to path: String) throws {
        try XlsxRenderer.render(document(report, provenance: p), to: path)
    }

    static func light(_ v: Verdict) -> CellValue { .text(v.rawValue.uppercased()) }

    static func document(_ r: ValidationReport, provenance p: Provenance) -> ReportDocument {
        let inputs = [InputFile(role: "pd_model", path: p.model, sha256: p.modelSHA256, bytes: 0),
                      InputFile(role: "validation_sample", path: p.data, sha256: p.dataSHA256, bytes: 0)]
        let provenance = Provenance_(runID: "pd-validation-\(p.dataSHA256.prefix(10))", asOf: p.asOf,
                                     engineVersion: EngineVersion.current, pack: "pd-validation", seed: 0, currency: "",
                                     inputs: inputs)
        return ReportDocument(title: "PD model validation: \(r.model)", provenance: provenance,
                              sheets: [summary(r, p), discrimination(r), calibration(r), stability(r)].compactMap { $0 })
    }

    static func summary(_ r: ValidationReport, _ p: Provenance) -> ReportSheet {
        let d = r.discrimination, c = r.calibration
        var tests: [(String, String, CellValue, Verdict)] = [
            ("Discrimination", "AUC (DeLong 95% interval \(String(format: "%.4f–%.4f", d.auc.lower, d.auc.upper)))",
             .number(d.auc.auc, .number(decimals: 4)), d.verdict),
            ("Calibration", "Jeffreys test of the whole sample (p-value)", .number(c.jeffreysPValue, .number(decimals: 4)), c.verdict),
            ("Calibration", "Hosmer–Lemeshow over the grades (p-value)", .number(c.hosmerLemeshow.pValue, .number(decimals: 4)),
             c.hosmerLemeshow.verdict),
            ("Calibration", "Spiegelhalter (p-value)", .number(c.spiegelhalter.pValue, .number(decimals: 4)), c.spiegelhalter.verdict),
            ("Calibration", "Grades failing a one-sided test (of \(r.grades.count))",
             .count(r.grades.filter { $0.verdict != .green }.count), r.grades.map(\.verdict).max() ?? .green),
            ("Concentration", "Herfindahl index of the grades", .number(r.herfindahl, .number(decimals: 4)), r.herfindahlVerdict),
        ]
        if let s = r.stability {
            tests.append(("Stability", "PSI of the grade distribution", .number(s.gradePSI, .number(decimals: 4)), s.gradeVerdict))
            tests.append(("Stability", "Characteristics with CSI above green (of \(s.characteristics.count))",
                          .count(s.characteristics.filter { $0.verdict != .green }.count),
                          s.characteristics.map(\.verdict).max() ?? .green))
        }
        let table = ReportTable(id: "tests", caption: "Each test with its traffic light (tables/pd-validation-thresholds.yaml)",
                                columns: [.text("Area", tests.map(\.0)), .text("Test", tests.map(\.1)),
                                          ReportColumn("Value", .number(decimals: 4), .cells(tests.map(\.2))),
                                          .text("Light", tests.map { $0.3.rawValue.uppercased() })])
        var fields = [Field("Model", .text(r.model)), Field("Model file", .text(p.model)),
                      Field("Model SHA-256", .text(p.modelSHA256)), Field("Validation sample", .text(p.data)),
                      Field("Sample SHA-256", .text(p.dataSHA256)), Field("As of", .date(p.asOf)),
                      Field("Loans", .count(c.loans)), Field("Defaults", .count(c.defaults)),
                      Field("Mean PD", .percent(c.meanPD, decimals: 3)), Field("Observed default rate", .percent(c.observedRate, decimals: 3)),
                      Field("Overall", light(r.verdict))]
        if let ref = p.reference { fields.insert(Field("Reference sample", .text(ref)), at: 5) }
        return ReportSheet(name: "Summary", title: "PD model validation: \(r.model)",
                           subtitle: "Discrimination, calibration, stability and concentration, with traffic lights",
                           blocks: [.fields(fields), .heading("Tests"), .table(table)])
    }

    static func discrimination(_ r: ValidationReport) -> ReportSheet {
        let d = r.discrimination
        let cap = d.curves.cap
        let table = ReportTable(id: "cap", caption: "CAP curve: loans taken from the riskiest score down",
                                columns: [.numbers("Share of loans", .percent(decimals: 1), cap.map { $0[0] }),
                                          .numbers("Share of defaults captured", .percent(decimals: 1), cap.map { $0[1] }),
                                          .numbers("Random model", .percent(decimals: 1), cap.map { $0[0] })])
        let roc = ReportTable(id: "roc", caption: "ROC curve",
                              columns: [.numbers("False-positive rate", .percent(decimals: 1), d.curves.roc.map { $0[0] }),
                                        .numbers("True-positive rate", .percent(decimals: 1), d.curves.roc.map { $0[1] })])
        let chart = ChartSpec(kind: .line, title: "Cumulative accuracy profile", table: "cap", categories: .column(0),
                              series: [ChartSeries(name: .header(column: 1), values: .column(1)),
                                       ChartSeries(name: .header(column: 2), values: .column(2), isThreshold: true)],
                              valueKind: .percent(decimals: 0))
        return ReportSheet(name: "Discrimination", title: "Discrimination",
                           subtitle: "How well the scores rank defaults above non-defaults",
                           blocks: [.fields([Field("AUC", .number(d.auc.auc, .number(decimals: 4))),
                                             Field("DeLong standard error", .number(d.auc.standardError, .number(decimals: 4))),
                                             Field("95% interval, lower", .number(d.auc.lower, .number(decimals: 4))),
                                             Field("95% interval, upper", .number(d.auc.upper, .number(decimals: 4))),
                                             Field("Gini (accuracy ratio)", .number(d.gini, .number(decimals: 4))),
                                             Field("Kolmogorov–Smirnov", .number(d.ks, .number(decimals: 4))),
                                             Field("Light", light(d.verdict))]),
                                    .table(table), .table(roc)],
                           charts: [chart])
    }

    static func calibration(_ r: ValidationReport) -> ReportSheet {
        let g = r.grades.map(\.test)
        let table = ReportTable(
            id: "grades", caption: "By master-scale grade; one-sided tests, small p-values mean the PD underestimates",
            columns: [.text("Grade", g.map(\.grade)), .numbers("Loans", .count, g.map { Double($0.loans) }),
                      .numbers("Defaults", .count, g.map { Double($0.defaults) }),
                      .numbers("Mean PD", .percent(decimals: 3), g.map(\.pd)),
                      .numbers("Observed rate", .percent(decimals: 3), g.map(\.observedRate)),
                      .numbers("Jeffreys 2.5%", .percent(decimals: 3), g.map(\.jeffreysLower)),
                      .numbers("Jeffreys 97.5%", .percent(decimals: 3), g.map(\.jeffreysUpper)),
                      .numbers("Binomial p", .number(decimals: 4), g.map(\.binomialPValue)),
                      .numbers("Jeffreys p", .number(decimals: 4), g.map(\.jeffreysPValue)),
                      .text("Light", r.grades.map { $0.verdict.rawValue.uppercased() })])
        let chart = ChartSpec(kind: .column, title: "Mean PD and observed default rate by grade", table: "grades",
                              categories: .column(0),
                              series: [ChartSeries(name: .header(column: 3), values: .column(3)),
                                       ChartSeries(name: .header(column: 4), values: .column(4))],
                              valueKind: .percent(decimals: 1))
        let c = r.calibration
        return ReportSheet(name: "Calibration", title: "Calibration",
                           subtitle: "Mean PD against the observed default rate, overall and by grade",
                           blocks: [.fields([Field("Mean PD", .percent(c.meanPD, decimals: 3)),
                                             Field("Observed default rate", .percent(c.observedRate, decimals: 3)),
                                             Field("Binomial p (whole sample)", .number(c.binomialPValue, .number(decimals: 4))),
                                             Field("Jeffreys p (whole sample)", .number(c.jeffreysPValue, .number(decimals: 4))),
                                             Field("Hosmer–Lemeshow statistic", .number(c.hosmerLemeshow.value, .number(decimals: 2))),
                                             Field("Hosmer–Lemeshow degrees of freedom", .count(c.hosmerLemeshow.degrees ?? 0)),
                                             Field("Hosmer–Lemeshow p", .number(c.hosmerLemeshow.pValue, .number(decimals: 4))),
                                             Field("Spiegelhalter z", .number(c.spiegelhalter.value, .number(decimals: 3))),
                                             Field("Spiegelhalter p", .number(c.spiegelhalter.pValue, .number(decimals: 4))),
                                             Field("Brier score", .number(c.brier, .number(decimals: 5))),
                                             Field("Light", light(c.verdict))]),
                                    .table(table)],
                           charts: [chart])
    }

    static func stability(_ r: ValidationReport) -> ReportSheet? {
        guard let s = r.stability else { return nil }
        let table = ReportTable(id: "csi", caption: "Characteristic stability index over each characteristic's development classes",
                                columns: [.text("Characteristic", s.characteristics.map(\.name)),
                                          .numbers("CSI", .number(decimals: 4), s.characteristics.map(\.csi)),
                                          .text("Light", s.characteristics.map { $0.verdict.rawValue.uppercased() })])
        let chart = ChartSpec(kind: .bar, title: "CSI by characteristic", table: "csi", categories: .column(0),
                              series: [ChartSeries(name: .header(column: 1), values: .column(1))], valueKind: .number(decimals: 2))
        return ReportSheet(name: "Stability", title: "Stability",
                           subtitle: "The validation sample against \(s.referenceLoans) reference loans",
                           blocks: [.fields([Field("PSI of the grade distribution", .number(s.gradePSI, .number(decimals: 4))),
                                             Field("Light", light(s.gradeVerdict))]),
                                    .table(table)],
                           charts: [chart])
    }
}

/// The report model's provenance, named apart from this file's own.
typealias Provenance_ = Reports.Provenance
