import ArgumentParser
import Foundation
import Inputs
import PDModel
import Reports
import StressCore
import StressPipeline

/// `stresspack pd fit | calibrate | apply`: PD scorecards (README "PD models").
struct PDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pd",
        abstract: "Build, calibrate and apply PD scorecards.",
        subcommands: [Fit.self, Calibrate.self, Apply.self, Validate.self, Sample.self])

    struct DataOptions: ParsableArguments {
        @Option(help: "Loan-level CSV with a header row.") var data: String
        @Option(help: "Characteristics to use, comma-separated (default: every column but the target).")
        var columns: String?
        @Option(help: "Columns to leave out, comma-separated (ids, dates, the outcome's own inputs).") var exclude: String?
        @Option(help: "Numeric-looking columns to treat as categories (codes), comma-separated.") var categorical: String?

        func list(_ s: String?) -> [String] {
            (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func load(target: String?, bad: String?) throws -> LoanSample {
            try LoanDataCSV.load(path: data, options: .init(target: target, bad: bad, columns: columns.map { list($0) },
                                                            exclude: list(exclude), categorical: list(categorical)))
        }
    }

    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit a scorecard: coarse classing, WoE/IV, selection, logistic regression, points.",
            discussion: "Example: stresspack pd fit --data data/pd/germancredit.csv --target creditability --bad bad --out model.yaml")
        @OptionGroup var input: DataOptions
        @Option(help: "The default flag column (0/1, or text with --bad).") var target: String
        @Option(help: "The target's value that means default, for a text target.") var bad: String?
        @Option(help: "The model's name (default: the data file's name).") var name: String?
        @Option(name: .customLong("min-iv"), help: "Smallest information value a characteristic needs.") var minIV = 0.02
        @Option(name: .customLong("max-correlation"), help: "Largest |correlation| of two characteristics' WoE.") var maxCorrelation = 0.7
        @Option(name: .customLong("max-p"), help: "Largest Wald p-value a kept coefficient may have.") var maxP = 0.05
        @Option(name: .customLong("max-bins"), help: "Most coarse classes per characteristic.") var maxBins = 8
        @Option(name: .customLong("min-bin-share"), help: "Smallest share of the loans in a class.") var minBinShare = 0.05
        @Option(help: "Points to double the odds.") var pdo = 20.0
        @Option(name: .customLong("base-score"), help: "Score at the base odds.") var baseScore = 600.0
        @Option(name: .customLong("base-odds"), help: "Odds (non-default : default) at the base score.") var baseOdds = 50.0
        @Option(help: "Model file to write (YAML).") var out: String

        func validate() throws {
            guard minBinShare > 0 && minBinShare < 0.5 else { throw ValidationError("--min-bin-share must be in (0, 0.5)") }
            guard maxBins >= 2 else { throw ValidationError("--max-bins must be at least 2") }
            guard pdo > 0, baseOdds > 0 else { throw ValidationError("--pdo and --base-odds must be positive") }
        }

        func run() throws {
            let sample = try input.load(target: target, bad: bad)
            var fitter = ScorecardFitter()
            fitter.binner = Binner(fineBins: 20, maximumBins: maxBins, minimumShare: minBinShare)
            fitter.minimumInformationValue = minIV
            fitter.maximumCorrelation = maxCorrelation
            fitter.maximumPValue = maxP
            fitter.scale = ScorecardScale(pointsToDoubleOdds: pdo, baseScore: baseScore, baseOdds: baseOdds)
            let modelName = name ?? URL(fileURLWithPath: input.data).deletingPathExtension().lastPathComponent
            let model = try PDCommand.modelling(input.data) { () throws(PDModelError) in try fitter.fit(sample, name: modelName) }
            let digest = try FileDigest.sha256(path: input.data)
            try PDCommand.write(PDModelFile.render(model, source: (input.data, digest.hex), target: target, targetDefault: bad), to: out)
            PDCommand.printSummary(model)
            print(out)
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calibrate a scorecard to a long-run default rate and map it to a master scale.")
        @Argument(help: "The model file.") var model: String
        @Option(help: "The development data (needed by the intercept shift: the mean PD is taken over it).") var data: String?
        @Option(name: .customLong("central-tendency"), help: "The long-run average default rate, e.g. 0.025.") var centralTendency: Double
        @Option(help: "intercept-shift (mean PD = central tendency over the data) or bayes (prior odds).")
        var method = "intercept-shift"
        @Option(name: .customLong("master-scale"), help: "Master scale YAML (default: tables/master-scale.yaml).") var masterScale: String?
        @Option(help: "Model file to write (default: the model file, replaced).") var out: String?
        @Option(name: .customLong("segment"), help: "A portfolio segment the model rates (repeat; default: as the file says, else every exposure).")
        var segments: [String] = []

        func run() throws {
            guard let method = Calibration.Method(rawValue: method) else {
                throw ValidationError("--method must be intercept-shift or bayes, got '\(method)'")
            }
            let loaded = try PDModelFile.load(path: model)
            let scalePath = masterScale ?? ProjectPaths.home.appendingPathComponent("tables/master-scale.yaml").path
            let scale = try PDModelFile.loadMasterScale(path: scalePath)
            var logOdds: [Double] = []
            if method == .interceptShift {
                guard let data else { throw ValidationError("--method intercept-shift needs --data (the development sample)") }
                let sample = try LoanDataCSV.load(path: data, options: .init(columns: loaded.model.characteristics))
                logOdds = try PDCommand.scored(loaded.model, sample, data).logOdds
            }
            var calibrated = try PDCommand.modelling(model) { () throws(PDModelError) in
                try loaded.model.calibrated(centralTendency: centralTendency, method: method, developmentLogOdds: logOdds,
                                            masterScale: scale)
            }
            if !segments.isEmpty { calibrated.segments = segments }
            // The development data and its digest as the fit recorded them.
            let text = try String(contentsOfFile: model, encoding: .utf8)
            let source = PDCommand.recordedSource(text)
            try PDCommand.write(PDModelFile.render(calibrated, source: source, target: loaded.target,
                                                    targetDefault: loaded.targetDefault), to: out ?? model)
            let c = calibrated.calibration!
            print(String(format: "calibrated %@ (%@): central tendency %.4f%%, log-odds shift %+.6f; master scale %@ (%d grades)",
                         calibrated.name, c.method.rawValue, 100 * c.centralTendency, c.shift, scale.name, scale.grades.count))
            if !logOdds.isEmpty {
                let pd = try PDCommand.scored(calibrated, try LoanDataCSV.load(path: data!, options: .init(columns: calibrated.characteristics)), data!).pd
                print(String(format: "mean PD over %d development loans: %.6f%%", pd.count, 100 * pd.reduce(0, +) / Double(pd.count)))
            }
            print(out ?? model)
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a book: write its pd, rating and score columns from a calibrated scorecard.",
            discussion: "The other columns are copied as they are; a stress run then reads the pd and rating columns.")
        @Argument(help: "The calibrated model file.") var model: String
        @Option(help: "The book: a CSV with the model's characteristics.") var data: String
        @Option(help: "grade: each loan gets its master-scale grade's PD (as capital models use); model: the scorecard's own PD.")
        var pd = "grade"
        @Option(help: "CSV to write.") var out: String

        func run() throws {
            guard pd == "grade" || pd == "model" else { throw ValidationError("--pd must be grade or model, got '\(pd)'") }
            let loaded = try PDModelFile.load(path: model)
            guard let scale = loaded.model.masterScale, loaded.model.calibration != nil else {
                throw UsageError(message: "\(model): not calibrated; run `stresspack pd calibrate` first")
            }
            // The book's own segment and default columns, where it has them, decide which rows the model rates.
            let header = try LoanDataCSV.readHeader(data)
            let bookColumns = ["segment", "stage", "default_flag", "pd"].filter(header.contains)
            let book = try LoanDataCSV.load(path: data, options: .init(columns: loaded.model.characteristics + bookColumns,
                                                                       categorical: bookColumns))
            let segment = book.text("segment"), stage = book.text("stage"), flag = book.text("default_flag"),
                bookPD = book.text("pd")
            if loaded.model.segments != nil && segment == nil {
                throw UsageError(message: "\(data): the model rates the segments \(loaded.model.segments!.joined(separator: ", ")) "
                                 + "and the book has no segment column")
            }
            let rows = ModelScope.rows(count: book.count, segments: loaded.model.segments, segment: { segment?[$0] }) { i in
                stage?[i].flatMap(Double.init) == 3 || flag?[i].flatMap(Double.init) == 1 || (bookPD?[i].flatMap(Double.init) ?? 0) >= 1
            }
            let sample = book.subset(rows)
            let scored = try PDCommand.scored(loaded.model, sample, data)
            let grades = scored.grade!
            let pds = pd == "grade" ? grades.map { scale.grades[$0].pd } : scored.pd
            var pdText = [String?](repeating: nil, count: book.count), rating = pdText, score = pdText
            for (k, i) in rows.enumerated() {
                pdText[i] = "\(pds[k])"
                rating[i] = scale.grades[grades[k]].label
                score[i] = String(format: "%.2f", scored.score[k])
            }
            try ScoredCSV.write(input: data, output: out, columns: [("pd", pdText), ("rating", rating), ("score", score)])
            if rows.count < book.count {
                print("rated \(rows.count) of \(book.count) rows: the others are "
                      + (loaded.model.segments.map { "outside the model's segments (\($0.joined(separator: ", "))) or " } ?? "")
                      + "in default at jump-off, and keep their pd and rating")
            }
            var counts = [Int](repeating: 0, count: scale.grades.count)
            for g in grades { counts[g] += 1 }
            print("scored \(sample.count) loans with \(loaded.model.name); mean PD "
                  + String(format: "%.4f%%", 100 * pds.reduce(0, +) / Double(max(pds.count, 1))))
            for (name, n) in scored.unmatched.sorted(by: { $0.key < $1.key }) {
                FileHandle.standardError.write(Data("warning: \(name): \(n) values outside the development bins went to the riskiest bin\n".utf8))
            }
            print("grade  loans   PD")
            for (g, n) in counts.enumerated() where n > 0 {
                print("\(scale.grades[g].label.padding(toLength: 6, withPad: " ", startingAt: 0)) \(String(n).leftPadded(6))  "
                      + String(format: "%.4f%%", 100 * scale.grades[g].pd))
            }
            print(out)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a calibrated scorecard on a sample with outcomes: discrimination, calibration, stability.",
            discussion: "Traffic lights from tables/pd-validation-thresholds.yaml (--thresholds for a bank's policy); "
                + "exit 0 whatever the lights, 2 on bad input.")
        @Argument(help: "The calibrated model file.") var model: String
        @Option(help: "The validation sample: the model's characteristics and the outcome.") var data: String
        @Option(help: "The outcome column (default: the model's target).") var target: String?
        @Option(help: "The outcome's default value, for a text target.") var bad: String?
        @Option(help: "The development or previous sample, for stability (PSI, CSI).") var reference: String?
        @Option(help: "Traffic-light thresholds YAML.") var thresholds: String?
        @Option(help: "Where to write the report (JSON).") var out: String
        @Option(help: "Also write the report as a workbook (summary, discrimination with the CAP curve, calibration by grade, stability).")
        var workbook: String?
        @Option(help: "Also write the report as a PDF (tests, ROC and CAP curves, calibration by grade, stability, migration).")
        var pdf: String?
        @Option(help: "The obligor id column of the sample and the reference: obligors in both give the grade migration matrix.")
        var id: String?
        @Option(name: .customLong("as-of"), help: "The validation's date, YYYY-MM-DD (dates the workbook and PDF; needed with either).")
        var asOf: String?

        func validate() throws {
            if let asOf { try validateDate(asOf, option: "--as-of") }
            if (workbook != nil || pdf != nil) && asOf == nil {
                throw ValidationError("--workbook and --pdf need --as-of: the report is dated by the validation, never the clock")
            }
            if id != nil && reference == nil {
                throw ValidationError("--id needs --reference: the migration is from the reference's grades to the sample's")
            }
        }

        func run() throws {
            let loaded = try PDModelFile.load(path: model)
            let outcome = target ?? loaded.target
            let columns = loaded.model.characteristics + (id.map { [$0] } ?? [])
            let ids = id.map { [$0] } ?? []
            let sample = try LoanDataCSV.load(path: data, options: .init(target: outcome, bad: bad ?? loaded.targetDefault,
                                                                         columns: columns, categorical: ids))
            let referenceSample = try reference.map {
                try LoanDataCSV.load(path: $0, options: .init(columns: columns, categorical: ids))
            }
            let limits = try ValidationThresholdsFile.load(
                path: thresholds ?? ProjectPaths.home.appendingPathComponent("tables/pd-validation-thresholds.yaml").path)
            let report = try PDCommand.modelling(data) { () throws(PDModelError) in
                try ModelValidation.run(loaded.model, sample: sample, reference: referenceSample, thresholds: limits, idColumn: id)
            }
            try PDCommand.write(String(decoding: try JSONDocument.encode(report), as: UTF8.self), to: out)
            PDCommand.printValidation(report)
            print(out)
            guard let asOf else { return }
            let provenance = ValidationWorkbook.Provenance(
                model: model, modelSHA256: try FileDigest.sha256(path: model).hex, data: data,
                dataSHA256: try FileDigest.sha256(path: data).hex, reference: reference, asOf: asOf,
                thresholds: thresholds ?? "tables/pd-validation-thresholds.yaml")
            if let workbook {
                try PDCommand.writeAtomically(workbook) {
                    try ValidationWorkbook.render(report, provenance: provenance, to: $0)
                }
            }
            if let pdf {
                try PDCommand.writeAtomically(pdf) { try ValidationPDF.render(report, provenance: provenance, to: $0) }
            }
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic loan-level data with default outcomes (a known scorecard structure).",
            discussion: "Example: stresspack pd sample --loans 1000000 --seed 1 --out dev.csv; "
                + "a monitoring sample: --seed 2 --drift 1 --out monitor.csv. The target column is `default`.")
        @Option(help: "Number of loans.") var loans = 100_000
        @Option(help: "Seed: the same seed, size and drift give the same bytes.") var seed: UInt64 = 1
        @Option(help: "Population drift, 0 (development) to about 2 (after a downturn).") var drift = 0.0
        @Flag(help: "Add an obligor_id column: the same seed is the same obligors, rated again when drifted (pd validate --id).")
        var ids = false
        @Option(help: "CSV to write.") var out: String

        func validate() throws {
            guard (1...50_000_000).contains(loans) else { throw ValidationError("--loans must be in 1...50,000,000") }
            guard (0...5).contains(drift) else { throw ValidationError("--drift must be in 0...5") }
        }

        func run() throws {
            let sample = SyntheticLoans.generate(count: loans, seed: seed, drift: drift, ids: ids)
            try LoanDataCSV.write(sample, target: "default", to: out)
            print(String(format: "wrote %d loans, %d defaults (%.2f%%), %d characteristics", sample.count, sample.defaultCount,
                         100 * Double(sample.defaultCount) / Double(sample.count), sample.names.count))
            print(out)
        }
    }

    /// Renders beside `path`, then renames: no half-written report.
    static func writeAtomically(_ path: String, _ render: (String) throws -> Void) throws {
        try AtomicFiles.render(URL(fileURLWithPath: path)) { try render($0.path) }
        print(path)
    }

    static func printValidation(_ r: ValidationReport) {
        func light(_ v: Verdict) -> String { v.rawValue.uppercased().padding(toLength: 6, withPad: " ", startingAt: 0) }
        let d = r.discrimination
        print("\(r.model): \(light(r.verdict)) overall")
        print(String(format: "  %@ AUC %.4f (95%% CI %.4f–%.4f, DeLong), Gini %.4f, KS %.4f", light(d.verdict), d.auc.auc,
                     d.auc.lower, d.auc.upper, d.gini, d.ks))
        let c = r.calibration
        print(String(format: "  %@ mean PD %.4f%% against %.4f%% observed on %d loans (Jeffreys p %.4f); "
                        + "Hosmer–Lemeshow %.2f (p %.4f); Spiegelhalter z %.2f (p %.4f); Brier %.5f",
                     light(c.verdict), 100 * c.meanPD, 100 * c.observedRate, c.loans, c.jeffreysPValue, c.hosmerLemeshow.value,
                     c.hosmerLemeshow.pValue, c.spiegelhalter.value, c.spiegelhalter.pValue, c.brier))
        print("  grade  loans defaults      PD  observed  binomial p  Jeffreys p")
        for g in r.grades {
            let t = g.test
            print("  \(t.grade.padding(toLength: 5, withPad: " ", startingAt: 0))" + String(format: "%7d %8d %7.3f%% %8.3f%% %11.4f %11.4f  ",
                  t.loans, t.defaults, 100 * t.pd, 100 * t.observedRate, t.binomialPValue, t.jeffreysPValue) + g.verdict.rawValue)
        }
        if let s = r.stability {
            print(String(format: "  %@ grade PSI %.4f against %d reference loans", light(s.gradeVerdict), s.gradePSI, s.referenceLoans))
            for ch in s.characteristics where ch.verdict != .green {
                print(String(format: "    CSI %.4f %@ (%@)", ch.csi, ch.name, ch.verdict.rawValue))
            }
            if let m = s.migration {
                print(String(format: "         migration of %d obligors: %.1f%% same grade, %.1f%% within one notch, "
                                + "%.1f%% down, %.1f%% up; MWB down %.4f, up %.4f", m.obligors, 100 * m.stayed,
                             100 * m.withinOneNotch, 100 * m.downgraded, 100 * m.upgraded, m.upperMWB, m.lowerMWB))
            }
        }
        print(String(format: "  %@ Herfindahl of grades %.4f", light(r.herfindahlVerdict), r.herfindahl))
        for w in r.warnings { print("  warning: \(w)") }
    }

    static func scored(_ model: PDScorecard, _ sample: LoanSample, _ file: String) throws -> PDScorecard.Scored {
        try modelling(file) { () throws(PDModelError) in try model.score(sample) }
    }

    /// A modelling step whose error becomes a usage error naming the file (exit 2).
    static func modelling<T>(_ file: String, _ body: () throws(PDModelError) -> T) throws -> T {
        let result: Result<T, PDModelError> = Result { () throws(PDModelError) in try body() }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw UsageError(message: "\(file): \(error)")
        }
    }

    /// The development data line of a model file, kept when it is recalibrated.
    static func recordedSource(_ text: String) -> (file: String, sha256: String)? {
        var file: String?, sha: String?
        for line in text.split(separator: "\n").prefix(20) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("data: ") { file = String(t.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            if t.hasPrefix("sha256: ") { sha = String(t.dropFirst(8)) }
        }
        return file.flatMap { f in sha.map { (f, $0) } }
    }

    /// Written under a temporary name, then renamed.
    static func write(_ text: String, to path: String) throws {
        try AtomicFiles.replace(URL(fileURLWithPath: path), with: Data(text.utf8))
    }

    static func printSummary(_ m: PDScorecard) {
        let d = m.development
        print("\(m.name): \(d.loans) loans, \(d.defaults) defaults; \(m.terms.count) characteristics kept")
        print(String(format: "AUC %.4f  Gini %.4f  KS %.4f  McFadden R² %.4f  (%d IRLS iterations)",
                     d.auc, 2 * d.auc - 1, d.ks, 1 - d.logLikelihood / d.nullLogLikelihood, d.iterations))
        print("characteristic".padding(toLength: 44, withPad: " ", startingAt: 0) + "    IV    coef   s.e.  p-value   VIF  bins")
        print("(intercept)".padding(toLength: 44, withPad: " ", startingAt: 0)
              + String(format: "        %7.3f %6.3f", m.intercept, m.interceptStandardError))
        for t in m.terms {
            print(t.binning.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                  + String(format: "%6.3f %7.3f %6.3f %8.2g %5.2f %5d", t.binning.informationValue, t.coefficient, t.standardError,
                           t.pValue, t.varianceInflation, t.binning.bins.count))
        }
        for s in d.screened where s.dropped != nil {
            print("  dropped \(s.name): \(s.dropped!)")
        }
    }
}
