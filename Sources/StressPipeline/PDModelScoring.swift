import Foundation
import Inputs
import PDModel
import StressCore

/// `run --pd-model`: the book's PDs and ratings from a calibrated scorecard, before any
/// engine reads them. The characteristics are read from the portfolio CSV's extra columns
/// (which the portfolio loader ignores), row for row; each exposure gets its master-scale
/// grade's PD and label, as `pd apply` writes them.
enum PDModelScoring {
    static func apply(modelPath: String, to loaded: inout LoadedPortfolio, csvPath: String,
                      display: (String) -> String) throws {
        let model = try PDModelFile.load(path: modelPath).model
        guard let scale = model.masterScale, model.calibration != nil else {
            throw InputError(file: display(modelPath), message: "the PD model is not calibrated: run `stresspack pd calibrate` first")
        }
        let sample: LoanSample
        do {
            sample = try LoanDataCSV.load(path: csvPath, options: .init(columns: model.characteristics))
        } catch var error {
            error.file = display(error.file)
            throw error
        }
        guard sample.count == loaded.portfolio.count else {
            throw InputError(file: display(csvPath), message: "\(sample.count) rows of characteristics for "
                             + "\(loaded.portfolio.count) exposures: the PD model needs one row per exposure")
        }
        let scored: PDScorecard.Scored
        do { scored = try model.score(sample) } catch {
            throw InputError(file: display(csvPath), key: error.characteristic, message: error.message)
        }
        let grades = scored.grade!
        loaded.portfolio.pd = grades.map { scale.grades[$0].pd }
        loaded.portfolio.rating = CategoricalColumn(grades.map { scale.grades[$0].label })
        var message = "PDs and ratings from the PD model \(model.name) (\(display(modelPath))): "
            + "\(sample.count) exposures graded on \(scale.name)"
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
