import Foundation

/// A fitted PD scorecard: the characteristics' coarse classes with their weights of
/// evidence, the logistic regression on the WoE values, the points scale, and once
/// calibrated the shift to the long-run default rate and the master scale.
/// log-odds of default η = β₀ + Σ βⱼ·WoEⱼ(x) + shift; PD = 1 / (1 + e^−η).
public struct PDScorecard: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var binning: CharacteristicBinning
        public var coefficient: Double
        public var standardError: Double
        public var pValue: Double
        public var varianceInflation: Double

        public init(binning: CharacteristicBinning, coefficient: Double, standardError: Double, pValue: Double,
                    varianceInflation: Double) {
            self.binning = binning
            self.coefficient = coefficient
            self.standardError = standardError
            self.pValue = pValue
            self.varianceInflation = varianceInflation
        }
    }

    public init(name: String, terms: [Term], intercept: Double, interceptStandardError: Double, scale: ScorecardScale,
                calibration: Calibration?, masterScale: MasterScale?, development: Development, segments: [String]? = nil) {
        self.segments = segments
        self.name = name
        self.terms = terms
        self.intercept = intercept
        self.interceptStandardError = interceptStandardError
        self.scale = scale
        self.calibration = calibration
        self.masterScale = masterScale
        self.development = development
    }

    public var name: String
    public var terms: [Term]
    public var intercept: Double
    public var interceptStandardError: Double
    public var scale: ScorecardScale
    public var calibration: Calibration?
    public var masterScale: MasterScale?
    /// What the development fit reported.
    public var development: Development
    /// The portfolio segments the model rates (its scope in the bank's model inventory); nil:
    /// every exposure. A run applying the model leaves the others' PDs as the book gives them.
    public var segments: [String]?

    public struct Development: Sendable, Equatable {
        public var loans: Int
        public var defaults: Int
        public var logLikelihood: Double
        public var nullLogLikelihood: Double
        public var iterations: Int
        public var auc: Double
        public var ks: Double
        /// Every characteristic considered, its information value and why it was left out (nil: kept).
        public var screened: [(name: String, informationValue: Double, dropped: String?)]

        public init(loans: Int, defaults: Int, logLikelihood: Double, nullLogLikelihood: Double, iterations: Int, auc: Double,
                    ks: Double, screened: [(name: String, informationValue: Double, dropped: String?)]) {
            self.loans = loans
            self.defaults = defaults
            self.logLikelihood = logLikelihood
            self.nullLogLikelihood = nullLogLikelihood
            self.iterations = iterations
            self.auc = auc
            self.ks = ks
            self.screened = screened
        }

        public static func == (a: Development, b: Development) -> Bool {
            a.loans == b.loans && a.defaults == b.defaults && a.logLikelihood == b.logLikelihood
                && a.auc == b.auc && a.screened.map(\.name) == b.screened.map(\.name)
                && a.screened.map(\.dropped) == b.screened.map(\.dropped)
        }
    }

    public var characteristics: [String] { terms.map(\.binning.name) }

    /// Points of bin `b` of term `t`: −factor·βₜ·WoE (so riskier attributes score lower).
    public func points(term t: Int, bin b: Int) -> Double {
        -scale.factor * terms[t].coefficient * terms[t].binning.bins[b].woe
    }

    /// Points every applicant starts from: offset − factor·(β₀ + shift).
    public var basePoints: Double { scale.offset - scale.factor * (intercept + (calibration?.shift ?? 0)) }

    /// What the model makes of one sample: log-odds, PD, score, grade, and how many values
    /// fell outside the development bins.
    public struct Scored: Sendable {
        public var logOdds: [Double]
        public var pd: [Double]
        public var score: [Double]
        /// Master-scale grade index per loan (nil without a master scale).
        public var grade: [Int]?
        /// Per characteristic: values the development bins did not cover (sent to the riskiest bin).
        public var unmatched: [String: Int]
    }

    public func score(_ sample: LoanSample) throws(PDModelError) -> Scored {
        let n = sample.count
        var eta = [Double](repeating: intercept + (calibration?.shift ?? 0), count: n)
        var unmatched: [String: Int] = [:]
        for term in terms {
            guard let column = sample.column(term.binning.name) else {
                throw PDModelError("the data has no column '\(term.binning.name)', which the model scores",
                                   characteristic: term.binning.name)
            }
            var misses = 0
            switch (term.binning.kind, column) {
            case (.numeric, .numeric(let values)):
                for i in 0..<n {
                    let (b, matched) = term.binning.binIndex(numeric: values[i])
                    if !matched { misses += 1 }
                    eta[i] += term.coefficient * term.binning.bins[b].woe
                }
            case (.categorical, .categorical(let values)):
                for i in 0..<n {
                    let (b, matched) = term.binning.binIndex(category: values[i])
                    if !matched { misses += 1 }
                    eta[i] += term.coefficient * term.binning.bins[b].woe
                }
            case (.categorical, .numeric(let values)):
                // Category codes that happen to be numbers (1, 2, 3) read as numbers.
                for i in 0..<n {
                    let text = values[i].map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
                    let (b, matched) = term.binning.binIndex(category: text)
                    if !matched { misses += 1 }
                    eta[i] += term.coefficient * term.binning.bins[b].woe
                }
            case (.numeric, .categorical):
                throw PDModelError("the model bins it as a number, but the data holds text", characteristic: term.binning.name)
            }
            if misses > 0 { unmatched[term.binning.name] = misses }
        }
        let pd = eta.map { 1 / (1 + exp(-$0)) }
        let score = eta.map { scale.offset - scale.factor * $0 }
        return Scored(logOdds: eta, pd: pd, score: score, grade: masterScale.map { s in pd.map { s.grade(of: $0) } },
                      unmatched: unmatched)
    }

    /// The model calibrated to a long-run default rate on its development sample's log-odds.
    public func calibrated(centralTendency: Double, method: Calibration.Method, developmentLogOdds: [Double],
                           masterScale: MasterScale) throws(PDModelError) -> PDScorecard {
        guard centralTendency > 0, centralTendency < 1 else {
            throw PDModelError("the central tendency must be a default rate in (0, 1), got \(centralTendency)")
        }
        // The uncalibrated log-odds (a model calibrated before starts again from its own fit).
        let base = developmentLogOdds.map { $0 - (calibration?.shift ?? 0) }
        let shift: Double
        switch method {
        case .bayes:
            let rate = Double(development.defaults) / Double(development.loans)
            shift = log(centralTendency / (1 - centralTendency)) - log(rate / (1 - rate))
        case .interceptShift:
            guard !base.isEmpty else { throw PDModelError("no development log-odds to calibrate on") }
            var s = 0.0
            for _ in 0..<100 {
                var mean = 0.0, slope = 0.0
                for e in base {
                    let p = 1 / (1 + exp(-(e + s)))
                    mean += p
                    slope += p * (1 - p)
                }
                mean /= Double(base.count)
                slope /= Double(base.count)
                let step = (mean - centralTendency) / slope
                s -= step
                if abs(step) < 1e-13 { break }
            }
            shift = s
        }
        var model = self
        model.calibration = Calibration(method: method, centralTendency: centralTendency, shift: shift)
        model.masterScale = masterScale
        return model
    }
}

/// Builds a scorecard from development data: bins every characteristic, screens them
/// (information value at least `minimumInformationValue`; of two whose WoE values
/// correlate beyond `maximumCorrelation`, the one with the lower IV goes), fits the
/// logistic regression on the WoE values, and drops, one at a time and refitting, a
/// characteristic whose coefficient has the wrong sign (negative: on WoE it must be
/// positive) or whose Wald p-value exceeds `maximumPValue`.
public struct ScorecardFitter: Sendable {
    public var binner = Binner()
    public var minimumInformationValue = 0.02
    public var maximumCorrelation = 0.7
    public var maximumPValue = 0.05
    public var scale = ScorecardScale()

    public init() {}

    public func fit(_ sample: LoanSample, name: String) throws(PDModelError) -> PDScorecard {
        var binnings: [CharacteristicBinning] = []
        for (n, c) in zip(sample.names, sample.columns) { binnings.append(try binner.bin(n, c, defaults: sample.defaults)) }
        var dropped: [String: String] = [:]
        // Screening by IV, strongest first.
        var candidates = binnings.sorted { ($0.informationValue, $1.name) > ($1.informationValue, $0.name) }
        for b in candidates where b.informationValue < minimumInformationValue {
            dropped[b.name] = String(format: "information value %.4f below %.2f", b.informationValue, minimumInformationValue)
        }
        candidates = candidates.filter { dropped[$0.name] == nil }
        var woe: [String: [Double]] = [:]
        for b in candidates { woe[b.name] = try woeColumn(b, sample) }
        var kept: [CharacteristicBinning] = []
        for b in candidates {
            if let twin = kept.first(where: { abs(correlation(woe[$0.name]!, woe[b.name]!)) > maximumCorrelation }) {
                dropped[b.name] = String(format: "WoE correlation %.2f with %@ (higher IV)",
                                         correlation(woe[twin.name]!, woe[b.name]!), twin.name)
            } else {
                kept.append(b)
            }
        }
        guard !kept.isEmpty else { throw PDModelError("no characteristic passes the screening (information value ≥ \(minimumInformationValue))") }
        // Fit, then drop the worst offender and refit until every term is right-signed and significant.
        var fit: LogisticFit
        while true {
            fit = try LogisticRegression.fit(columns: kept.map { woe[$0.name]! }, names: kept.map(\.name), outcomes: sample.defaults)
            let offenders = kept.indices.filter { fit.coefficients[$0 + 1] <= 0 || fit.pValues[$0 + 1] > maximumPValue }
            guard let worst = offenders.max(by: { fit.pValues[$0 + 1] < fit.pValues[$1 + 1] }), kept.count > 1 else { break }
            let c = fit.coefficients[worst + 1]
            dropped[kept[worst].name] = c <= 0 ? String(format: "coefficient %.4f has the wrong sign", c)
                : String(format: "p-value %.4f above %.2f", fit.pValues[worst + 1], maximumPValue)
            kept.remove(at: worst)
        }
        let vif = kept.count > 1 ? LogisticRegression.varianceInflation(columns: kept.map { woe[$0.name]! }) : [1]
        let terms = kept.indices.map { j in
            PDScorecard.Term(binning: kept[j], coefficient: fit.coefficients[j + 1], standardError: fit.standardErrors[j + 1],
                             pValue: fit.pValues[j + 1], varianceInflation: vif[j])
        }
        var eta = [Double](repeating: fit.coefficients[0], count: sample.count)
        for (j, b) in kept.enumerated() { for i in eta.indices { eta[i] += fit.coefficients[j + 1] * woe[b.name]![i] } }
        let screened = binnings.map { (name: $0.name, informationValue: $0.informationValue, dropped: dropped[$0.name]) }
        return PDScorecard(
            name: name, terms: terms, intercept: fit.coefficients[0], interceptStandardError: fit.standardErrors[0],
            scale: scale, calibration: nil, masterScale: nil,
            development: .init(loans: sample.count, defaults: sample.defaultCount, logLikelihood: fit.logLikelihood,
                               nullLogLikelihood: fit.nullLogLikelihood, iterations: fit.iterations,
                               auc: Discrimination.auc(scores: eta, defaults: sample.defaults),
                               ks: Discrimination.ks(scores: eta, defaults: sample.defaults), screened: screened))
    }

    /// Each loan's WoE for a characteristic.
    func woeColumn(_ b: CharacteristicBinning, _ sample: LoanSample) throws(PDModelError) -> [Double] {
        guard let column = sample.column(b.name) else { throw PDModelError("no column", characteristic: b.name) }
        switch column {
        case .numeric(let v): return v.map { b.bins[b.binIndex(numeric: $0).index].woe }
        case .categorical(let v): return v.map { b.bins[b.binIndex(category: $0).index].woe }
        }
    }

    func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb) }
        return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : 0
    }
}
