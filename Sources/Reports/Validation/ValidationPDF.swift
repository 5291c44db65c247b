import Foundation
import PDModel
import StressCore

/// The PD model validation report as a PDF, for the validator's file and the model
/// committee (ECB instructions for reporting validation results, 2019; SR 11-7): a summary
/// of every test with its light, the ROC and CAP curves, calibration by grade with the
/// Jeffreys intervals, stability (grade shares and PSI, CSI by characteristic) and the grade
/// migration. Drawn with the board pack's chart toolkit; dated by `asOf`, so the same
/// validation gives the same bytes.
public enum ValidationPDF {
    enum Page: Equatable {
        case summary, discrimination, calibration, gradeTests, stability, migration

        var title: String {
            switch self {
            case .summary: return "PD model validation"
            case .discrimination: return "Discrimination: ROC and CAP curves"
            case .calibration: return "Calibration by grade"
            case .gradeTests: return "Calibration tests by grade"
            case .stability: return "Stability against the reference sample"
            case .migration: return "Grade migration"
            }
        }
    }

    static func pages(_ r: ValidationReport) -> [Page] {
        [.summary, .discrimination, .calibration, .gradeTests] + (r.stability == nil ? [] : [.stability])
            + (r.stability?.migration == nil ? [] : [.migration])
    }

    /// Writes the report to `path` and returns the page titles.
    @discardableResult
    public static func render(_ report: ValidationReport, provenance p: ValidationWorkbook.Provenance,
                              to path: String) throws -> [String] {
        let pdf = try PDFDocument(path: path)
        pdf.setMetadata(title: "PD model validation — \(report.model)", author: "StressPack",
                        created: BoardPackRenderer.asOfDate(p.asOf))
        let plan = pages(report)
        let footer = "\(report.model) · sample SHA-256 \(p.dataSHA256.prefix(12)) · as of \(p.asOf) · StressPack \(EngineVersion.current)"
        for (number, page) in plan.enumerated() {
            let frame = PageFrame(title: page == .summary ? "PD model validation: \(report.model)" : page.title,
                                  subtitle: subtitle(page, report), footerLeft: footer,
                                  footerRight: "Page \(number + 1) of \(plan.count)")
            let area = frame.draw(on: pdf)
            switch page {
            case .summary: ValidationPages.summary(report, p, in: area, on: pdf)
            case .discrimination: ValidationPages.discrimination(report, in: area, on: pdf)
            case .calibration: ValidationPages.calibration(report, in: area, on: pdf)
            case .gradeTests: ValidationPages.gradeTests(report, in: area, on: pdf)
            case .stability: ValidationPages.stability(report.stability!, in: area, on: pdf)
            case .migration: ValidationPages.migration(report.stability!.migration!, in: area, on: pdf)
            }
            pdf.showPage()
        }
        try pdf.finish()
        return plan.map(\.title)
    }

    static func subtitle(_ page: Page, _ r: ValidationReport) -> String {
        let d = r.discrimination
        switch page {
        case .summary:
            return "Overall \(r.verdict.rawValue.uppercased()) · \(r.calibration.loans) loans, \(r.calibration.defaults) defaults"
        case .discrimination:
            return String(format: "AUC %.4f (95%% DeLong interval %.4f–%.4f) · Gini %.4f · KS %.4f", d.auc.auc, d.auc.lower,
                          d.auc.upper, d.gini, d.ks)
        case .calibration:
            return "Observed default rate with its Jeffreys 95% interval, against the mean PD of each master-scale grade"
        case .gradeTests:
            let c = r.calibration
            return String(format: "One-sided binomial and Jeffreys tests (ECB instructions §2.5.3.1) · Hosmer–Lemeshow %.2f "
                          + "(p %.4f) · Spiegelhalter z %.2f (p %.4f) · Brier %.5f", c.hosmerLemeshow.value,
                          c.hosmerLemeshow.pValue, c.spiegelhalter.value, c.spiegelhalter.pValue, c.brier)
        case .stability:
            let s = r.stability!
            return String(format: "Grade PSI %.4f (%@) against %d reference loans", s.gradePSI,
                          s.gradeVerdict.rawValue.uppercased(), s.referenceLoans)
        case .migration:
            let m = r.stability!.migration!
            return "\(m.obligors) obligors rated in both samples: reference grade (rows) to validation grade (columns)"
        }
    }
}
