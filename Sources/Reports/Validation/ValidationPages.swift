import Foundation
import PDModel

/// The pages of the validation PDF (`ValidationPDF`), each drawn inside its frame.
enum ValidationPages {
    static func light(_ v: Verdict, _ text: String? = nil) -> TableCell {
        let t = text ?? v.rawValue.uppercased()
        switch v {
        case .green: return TableCell(text: t, style: .pass)
        case .amber: return TableCell(text: t, style: .caution)
        case .red: return TableCell(text: t, style: .breach)
        }
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormat.fixed(x, decimals: decimals) }

    /// Every test with its value and light, the provenance and the warnings.
    static func summary(_ r: ValidationReport, _ p: ValidationWorkbook.Provenance, in area: Rect, on pdf: PDFDocument) {
        let d = r.discrimination, c = r.calibration
        var rows: [[TableCell]] = [
            [TableCell(text: "Discrimination"), TableCell(text: "AUC (95% DeLong interval \(fixed(d.auc.lower, 4))–\(fixed(d.auc.upper, 4)))"),
             TableCell(text: fixed(d.auc.auc, 4)), light(d.verdict)],
            [TableCell(text: "Calibration"), TableCell(text: "Jeffreys test of the whole sample, p-value"),
             TableCell(text: fixed(c.jeffreysPValue, 4)), light(c.verdict)],
            [TableCell(text: "Calibration"), TableCell(text: "Hosmer–Lemeshow over the grades, p-value"),
             TableCell(text: fixed(c.hosmerLemeshow.pValue, 4)), light(c.hosmerLemeshow.verdict)],
            [TableCell(text: "Calibration"), TableCell(text: "Spiegelhalter, p-value"),
             TableCell(text: fixed(c.spiegelhalter.pValue, 4)), light(c.spiegelhalter.verdict)],
            [TableCell(text: "Calibration"), TableCell(text: "Grades failing a one-sided test (of \(r.grades.count))"),
             TableCell(text: "\(r.grades.filter { $0.verdict != .green }.count)"), light(r.grades.map(\.verdict).max() ?? .green)],
            [TableCell(text: "Concentration"), TableCell(text: "Herfindahl index of the grades"),
             TableCell(text: fixed(r.herfindahl, 4)), light(r.herfindahlVerdict)],
        ]
        if let s = r.stability {
            rows.append([TableCell(text: "Stability"), TableCell(text: "PSI of the grade distribution"),
                         TableCell(text: fixed(s.gradePSI, 4)), light(s.gradeVerdict)])
            rows.append([TableCell(text: "Stability"),
                         TableCell(text: "Characteristics with CSI above green (of \(s.characteristics.count))"),
                         TableCell(text: "\(s.characteristics.filter { $0.verdict != .green }.count)"),
                         light(s.characteristics.map(\.verdict).max() ?? .green)])
            if let m = s.migration {
                rows.append([TableCell(text: "Stability"), TableCell(text: "Obligors in the same grade / within one notch"),
                             TableCell(text: "\(NumberFormat.percent(m.stayed)) / \(NumberFormat.percent(m.withinOneNotch))"),
                             TableCell(text: "—", style: .muted)])
            }
        }
        let (left, right) = area.splitLeft(area.width * 0.6)
        let below = ChartFrame.drawTitle("Tests and traffic lights", in: left, on: pdf)
        let used = TableDrawing(columns: [TableColumn(header: "Area", weight: 1, align: .left),
                                          TableColumn(header: "Test", weight: 3, align: .left),
                                          TableColumn(header: "Value", weight: 1, align: .right),
                                          TableColumn(header: "Light", weight: 0.8, align: .left)],
                                rows: rows, style: .small).draw(in: below.with(width: below.width - 16), on: pdf)
        var y = below.y + used + 8
        y += pdf.wrappedText("Thresholds: \(p.thresholds). Green passes, amber asks for a look, red for action. One-sided "
                             + "calibration tests: a small p-value means the PDs underestimate the defaults.",
                             in: Rect(x: below.x, y: y, width: below.width - 16, height: 40), TextStyle.small.with(colour: .muted))
        if !r.warnings.isEmpty, y + 30 < below.maxY {
            y += 8
            y += pdf.wrappedText("Warnings", in: Rect(x: below.x, y: y, width: below.width, height: 16), .small.with(bold: true)) + 2
            for w in r.warnings where y + 12 < below.maxY {
                y += pdf.wrappedText("• " + w, in: Rect(x: below.x, y: y, width: below.width - 16, height: below.maxY - y),
                                     TextStyle.small.with(size: 7.5)) + 2
            }
        }

        let facts = ChartFrame.drawTitle("What was validated", in: right, on: pdf)
        var fields: [(String, String)] = [
            ("Model", r.model), ("Model file", p.model), ("Model SHA-256", p.modelSHA256),
            ("Validation sample", p.data), ("Sample SHA-256", p.dataSHA256),
        ]
        if let ref = p.reference { fields.append(("Reference sample", ref)) }
        fields += [("As of", p.asOf), ("Loans", "\(c.loans)"), ("Defaults", "\(c.defaults)"),
                   ("Mean PD", NumberFormat.percent(c.meanPD, decimals: 3)),
                   ("Observed default rate", NumberFormat.percent(c.observedRate, decimals: 3)),
                   ("Brier score", fixed(c.brier, 5))]
        var fy = facts.y
        let lh = pdf.lineHeight(.small)
        for (name, value) in fields where fy + lh <= facts.maxY {
            pdf.fittedText(name, in: Rect(x: facts.x, y: fy, width: facts.width * 0.38, height: lh), .small.with(colour: .muted))
            if name.hasSuffix("SHA-256") {
                // A digest in full, on its own line, for the auditor to compare character by character.
                fy += lh
                pdf.fittedText(value, in: Rect(x: facts.x, y: fy, width: facts.width, height: lh),
                               TextStyle.small.with(size: 6.5, monospace: true))
            } else {
                pdf.fittedText(value, in: Rect(x: facts.x + facts.width * 0.4, y: fy, width: facts.width * 0.6, height: lh), .small)
            }
            fy += lh + 2
        }
    }

    static func discrimination(_ r: ValidationReport, in area: Rect, on pdf: PDFDocument) {
        let curves = r.discrimination.curves
        let halves = area.columns(2, gap: 24)
        CurveChart(title: "ROC curve", xTitle: "False-positive rate (non-defaults flagged)",
                   yTitle: "True-positive rate (defaults flagged)",
                   curves: [.init(name: "Model", points: curves.roc.map { ($0[0], $0[1]) })],
                   references: [.init(name: "Random model", points: [(0, 0), (1, 1)])]).draw(in: halves[0], on: pdf)
        // The perfect model captures every default in the first default-rate share of the loans.
        let rate = r.calibration.observedRate
        CurveChart(title: "Cumulative accuracy profile", xTitle: "Share of loans, riskiest score first",
                   yTitle: "Share of defaults captured",
                   curves: [.init(name: "Model", points: curves.cap.map { ($0[0], $0[1]) })],
                   references: [.init(name: "Random model", points: [(0, 0), (1, 1)]),
                                .init(name: "Perfect model", points: [(0, 0), (rate, 1), (1, 1)])]).draw(in: halves[1], on: pdf)
    }

    static func calibration(_ r: ValidationReport, in area: Rect, on pdf: PDFDocument) {
        let g = r.grades.map(\.test)
        IntervalChart(title: "Observed default rate and mean PD by grade (log scale)", categories: g.map(\.grade),
                      lower: g.map(\.jeffreysLower), upper: g.map(\.jeffreysUpper), observed: g.map(\.observedRate),
                      predicted: g.map(\.pd),
                      names: ("Jeffreys 95% interval of the default rate", "Observed default rate", "Mean PD of the grade"))
            .draw(in: area, on: pdf)
    }

    static func gradeTests(_ r: ValidationReport, in area: Rect, on pdf: PDFDocument) {
        let rows = r.grades.map { row -> [TableCell] in
            let t = row.test
            return [TableCell(text: t.grade), TableCell(text: "\(t.loans)"), TableCell(text: "\(t.defaults)"),
                    TableCell(text: NumberFormat.percent(t.pd, decimals: 3)),
                    TableCell(text: NumberFormat.percent(t.observedRate, decimals: 3)),
                    TableCell(text: "\(NumberFormat.percent(t.jeffreysLower, decimals: 3)) – \(NumberFormat.percent(t.jeffreysUpper, decimals: 3))"),
                    TableCell(text: fixed(t.binomialPValue, 4)), TableCell(text: fixed(t.jeffreysPValue, 4)), light(row.verdict)]
        }
        TableDrawing(columns: [TableColumn(header: "Grade", weight: 0.6, align: .left),
                               TableColumn(header: "Loans", weight: 0.8, align: .right),
                               TableColumn(header: "Defaults", weight: 0.8, align: .right),
                               TableColumn(header: "Mean PD", weight: 0.9, align: .right),
                               TableColumn(header: "Observed", weight: 0.9, align: .right),
                               TableColumn(header: "Jeffreys 95% interval", weight: 1.6, align: .right),
                               TableColumn(header: "Binomial p", weight: 0.9, align: .right),
                               TableColumn(header: "Jeffreys p", weight: 0.9, align: .right),
                               TableColumn(header: "Light", weight: 0.8, align: .left)],
                     rows: rows, style: TextStyle.small.with(size: r.grades.count > 18 ? 7.5 : 8.5)).draw(in: area, on: pdf)
    }

    static func stability(_ s: ValidationReport.Stability, in area: Rect, on pdf: PDFDocument) {
        let halves = area.columns(2, gap: 24)
        BarChart(title: "Share of loans by grade", labels: s.grades.map(\.grade), values: s.grades.map(\.sample),
                 format: { NumberFormat.percent($0, decimals: 1) }, secondary: s.grades.map(\.reference),
                 secondaryName: "Reference sample", primaryName: "Validation sample").draw(in: halves[0], on: pdf)
        BarChart(title: "Characteristic stability index (CSI)", labels: s.characteristics.map(\.name),
                 values: s.characteristics.map(\.csi), format: { fixed($0, 3) }).draw(in: halves[1], on: pdf)
    }

    static func migration(_ m: GradeMigration, in area: Rect, on pdf: PDFDocument) {
        let rowTotals = m.counts.map { $0.reduce(0, +) }
        let columns = [TableColumn(header: "From \\ to", weight: 1, align: .left)]
            + m.grades.map { TableColumn(header: $0, weight: 1, align: .right) }
            + [TableColumn(header: "Total", weight: 1.1, align: .right)]
        let rows = m.counts.enumerated().map { i, row -> [TableCell] in
            [TableCell(text: m.grades[i], style: .bold)]
                + row.enumerated().map { j, n in
                    TableCell(text: n == 0 ? "·" : "\(n)", style: i == j ? .bold : n == 0 ? .muted : .normal)
                }
                + [TableCell(text: "\(rowTotals[i])", style: .bold)]
        }
        let notes = [
            "Same grade: \(NumberFormat.percent(m.stayed)). Within one notch: \(NumberFormat.percent(m.withinOneNotch)). "
                + "Downgraded: \(NumberFormat.percent(m.downgraded)). Upgraded: \(NumberFormat.percent(m.upgraded)).",
            "Matrix weighted bandwidth (ECB instructions §2.5.5.1): downgrades \(fixed(m.upperMWB, 4)), upgrades "
                + "\(fixed(m.lowerMWB, 4)). 0 when every mover moves one notch, 1 when every mover goes to the far end of the scale.",
        ].joined(separator: " ")
        let noteHeight = 3 * pdf.lineHeight(.small) + 8
        let (table, rest) = area.splitTop(area.height - noteHeight)
        let size = max(5.5, min(8.5, 8.5 * 22 / Double(m.grades.count + 2)))
        let used = TableDrawing(columns: columns, rows: rows, style: TextStyle.small.with(size: size)).draw(in: table, on: pdf)
        pdf.wrappedText(notes, in: Rect(x: area.x, y: area.y + used + 8, width: area.width, height: rest.height + table.height - used),
                        TextStyle.small.with(colour: .muted))
    }
}
