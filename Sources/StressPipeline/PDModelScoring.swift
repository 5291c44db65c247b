import Foundation
import Inputs
import PDModel
import StressCore

/// `run --pd-model`: the book's PDs and ratings from a calibrated scorecard, before any
/// engine reads them. The characteristics are read from the portfolio CSV's extra columns
/// (which the portfolio loader ignores), row for row; each exposure the model rates
/// (`ModelScope`: its segments, performing) gets its master-scale grade's PD and label, as
/// `pd apply` writes them; the others keep the book's.
enum PDModelScoring {
    static func apply(modelPath: String, to loaded: inout LoadedPortfolio, csvPath: String,
                      display: (String) -> String) throws {
        let model = try PDModelFile.load(path: modelPath).model
        guard let scale = model.masterScale, model.calibration != nil else {
            throw InputError(file: display(modelPath), message: "the PD model is not calibrated: run `stresspack pd calibrate` first")
        }
        let book: LoanSample
        do {
            book = try LoanDataCSV.load(path: csvPath, options: .init(columns: model.characteristics))
        } catch var error {
            error.file = display(error.file)
            throw error
        }
        let portfolio = loaded.portfolio
        guard book.count == portfolio.count else {
            throw InputError(file: display(csvPath), message: "\(book.count) rows of characteristics for "
                             + "\(portfolio.count) exposures: the PD model needs one row per exposure")
        }
        let rows = ModelScope.rows(count: portfolio.count, segments: model.segments, segment: { portfolio.segment[$0] },
                                   defaulted: portfolio.isDefaulted)
        if let segments = model.segments, rows.isEmpty {
            throw InputError(file: display(modelPath), key: "scope.segments",
                             message: "no performing exposure of the book is in the model's segments (\(segments.joined(separator: ", "))); "
                                + "the book's segments are \(Set(portfolio.segment.levels).sorted().joined(separator: ", "))")
        }
        let subset = book.subset(rows)
        let scored: PDScorecard.Scored
        do { scored = try model.score(subset) } catch {
            throw InputError(file: display(csvPath), key: error.characteristic, message: error.message)
        }
        let grades = scored.grade!
        var rating = (0..<portfolio.count).map { portfolio.rating[$0] }
        for (k, i) in rows.enumerated() {
            loaded.portfolio.pd[i] = scale.grades[grades[k]].pd
            rating[i] = scale.grades[grades[k]].label
        }
        loaded.portfolio.rating = CategoricalColumn(rating)
        var message = "PDs and ratings from the PD model \(model.name) (\(display(modelPath))): "
            + "\(rows.count) exposures graded on \(scale.name)"
        if rows.count < portfolio.count {
            message += "; \(portfolio.count - rows.count) keep the book's PD and rating ("
                + (model.segments.map { "outside the model's segments \($0.joined(separator: ", ")) or " } ?? "")
                + "in default at jump-off)"
        }
        let unmatched = scored.unmatched.sorted { $0.key < $1.key }
        if !unmatched.isEmpty {
            message += "; values outside the development classes, sent to the riskiest class: "
                + unmatched.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        loaded.findings.append(DataQualityFinding(severity: unmatched.isEmpty ? .info : .warning, file: csvPath,
                                                  message: message))
    }

    /// The model validated on a sample with outcomes (the model's target column), with the
    /// thresholds file's lights.
    static func validate(modelPath: String, samplePath: String, thresholdsPath: String,
                         display: (String) -> String) throws -> ValidationReport {
        let loaded = try PDModelFile.load(path: modelPath)
        let thresholds = try ValidationThresholdsFile.load(path: thresholdsPath)
        let sample: LoanSample
        do {
            sample = try LoanDataCSV.load(path: samplePath, options: .init(target: loaded.target, bad: loaded.targetDefault,
                                                                          columns: loaded.model.characteristics))
        } catch var error {
            error.file = display(error.file)
            throw error
        }
        do {
            return try ModelValidation.run(loaded.model, sample: sample, reference: nil, thresholds: thresholds)
        } catch {
            throw InputError(file: display(samplePath), key: error.characteristic, message: error.message)
        }
    }
}
