import Foundation

/// The points scale: `baseScore` points at odds `baseOdds` (non-defaults to defaults), and
/// every `pointsToDoubleOdds` points double the odds. score = offset + factor·ln(odds) with
/// factor = PDO / ln 2 and offset = base − factor·ln(base odds); ln(odds) = −η for the
/// model's log-odds of default η.
public struct ScorecardScale: Sendable, Equatable {
    public var pointsToDoubleOdds: Double
    public var baseScore: Double
    public var baseOdds: Double

    public init(pointsToDoubleOdds: Double = 20, baseScore: Double = 600, baseOdds: Double = 50) {
        self.pointsToDoubleOdds = pointsToDoubleOdds
        self.baseScore = baseScore
        self.baseOdds = baseOdds
    }

    public var factor: Double { pointsToDoubleOdds / log(2) }
    public var offset: Double { baseScore - factor * log(baseOdds) }
}

/// A master scale: grades in order of risk, each up to an upper PD bound, with the PD the
/// grade carries (the geometric midpoint of its bounds unless given).
public struct MasterScale: Sendable, Equatable {
    public struct Grade: Sendable, Equatable {
        public var label: String
        public var upperPD: Double
        public var pd: Double
        public init(label: String, upperPD: Double, pd: Double) {
            self.label = label
            self.upperPD = upperPD
            self.pd = pd
        }
    }

    public var name: String
    public var grades: [Grade]

    public init(name: String, grades: [Grade]) {
        self.name = name
        self.grades = grades
    }

    /// The grade of a PD: the first whose upper bound exceeds it (the last takes the rest).
    public func grade(of pd: Double) -> Int {
        grades.firstIndex { pd < $0.upperPD } ?? grades.count - 1
    }
}

/// How the model's log-odds are moved to the long-run default rate.
public struct Calibration: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        /// The intercept shift that makes the mean PD over the development sample equal the
        /// central tendency (solved by Newton's method; mean PD is increasing in the shift).
        case interceptShift = "intercept-shift"
        /// Bayes' rule on the odds: shift = logit(central tendency) − logit(sample default rate).
        case bayes
    }

    public var method: Method
    public var centralTendency: Double
    /// Added to every log-odds of default.
    public var shift: Double

    public init(method: Method, centralTendency: Double, shift: Double) {
        self.method = method
        self.centralTendency = centralTendency
        self.shift = shift
    }
}
