import XCTest
@testable import CreditEngine

/// The guided search must return exactly what bisection returns for a monotone severity,
/// in fewer evaluations when the margin is smooth.
final class SeverityScalingSearchTests: XCTestCase {
    /// Margins of several shapes, breached when negative: linear, convex, concave, with a
    /// kink (the minimum over periods switching period), flat then steep, and a step.
    private let margins: [(String, (Double) -> Double)] = [
        ("linear", { 0.08 - 0.031 * $0 }),
        ("convex", { 0.06 - 0.004 * $0 * $0 }),
        ("concave", { 0.07 - 0.05 * $0.squareRoot() }),
        ("kinked", { min(0.09 - 0.02 * $0, 0.05 - 0.011 * $0) }),
        ("flat then steep", { 0.04 - 0.0001 * $0 - ($0 > 3.1 ? 0.5 * ($0 - 3.1) : 0) }),
        ("step", { $0 < 2.2 ? 0.01 : -0.01 }),
        ("exponential", { 0.105 - 0.01 * exp($0) }),
        // The shape of a real run: flat near neutral, losses exploding at high severity.
        ("loss explosion", { 0.1 - 0.005 * $0 - 0.0004 * pow($0, 4.5) }),
    ]

    func testSameFactorAsBisectionForMonotoneMargins() {
        var smoothCalls = 0, smoothCases = 0, guidedCalls = 0
        for (name, margin) in margins {
            for shift in stride(from: -0.03, through: 0.03, by: 0.0037) {
                let m: (Double) -> Double = { margin($0) + shift }
                var bisectionCalls = 0, gridCalls = 0
                let expected = ReverseStress.severityScaling(tolerance: 1e-3) { k in
                    bisectionCalls += 1
                    return m(k) < 0
                }
                let found = ReverseStress.severityScalingOnGrid(tolerance: 1e-3) { k in
                    gridCalls += 1
                    return (m(k) < 0, m(k))
                }
                XCTAssertEqual(found, expected, "\(name) shifted by \(shift)")
                // A guide only aims the search: a wrong one costs evaluations, never the answer.
                var trueGuideCalls = 0
                for guide in [m(1), m(1) + 0.02, -m(1)] {
                    var calls = 0
                    let guided = ReverseStress.severityScalingOnGrid(tolerance: 1e-3, guides: [(1, guide)]) { k in
                        calls += 1
                        return (m(k) < 0, m(k))
                    }
                    XCTAssertEqual(guided, expected, "\(name) shifted by \(shift), guide \(guide)")
                    if guide == m(1) { trueGuideCalls = calls }
                }
                if name != "step", let expected, expected > 0 {
                    smoothCalls += gridCalls; guidedCalls += trueGuideCalls; smoothCases += 1
                }
                XCTAssertLessThanOrEqual(gridCalls, 3 * bisectionCalls, "\(name): the safeguard bounds the evaluations")
                if name == "linear", let expected, expected > 0 {
                    XCTAssertLessThanOrEqual(gridCalls, 5, "a linear margin needs few evaluations, not \(gridCalls)")
                    XCTAssertEqual(bisectionCalls, 15)
                }
            }
        }
        let mean = Double(smoothCalls) / Double(smoothCases)
        let guidedMean = Double(guidedCalls) / Double(smoothCases)
        XCTAssertLessThan(mean, 10, "smooth margins: \(mean) evaluations on average against bisection's 15")
        // The run's case: k = 1 known. A secant through the two margins nearest zero took 8.9
        // here (it creeps along curved margins); the parabola through the newest takes fewer.
        XCTAssertLessThan(guidedMean, 7.5, "smooth margins guided at k = 1: \(guidedMean) evaluations on average")
        print("severity search: \(mean) evaluations on average over \(smoothCases) smooth cases, \(guidedMean) guided")
    }

    func testGivenZeroOutcomeIsNotEvaluatedAgain() {
        var evaluated: [Double] = []
        let k = ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: (false, 0.05)) { k in
            evaluated.append(k)
            return (0.05 - 0.02 * k < 0, 0.05 - 0.02 * k)
        }
        XCTAssertFalse(evaluated.contains(0))
        XCTAssertEqual(k, 2.5 + 5.0 / 8192, "the margin is 0 at 2.5: not yet breached")
        XCTAssertNil(ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: (false, 0.05)) { _ in (false, 0.01) })
        XCTAssertEqual(ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: (true, -0.01)) { _ in (true, -1) }, 0)
    }

    /// A scenario milder than neutral (a baseline): the margin grows with k and never
    /// breaches, which bisection learns in two evaluations and so must this search.
    func testImprovingMarginCostsOneEvaluationAfterZero() {
        var calls = 0
        let k = ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: (false, 0.103),
                                                    guides: [(1, 0.106)]) { k in
            calls += 1
            return (false, 0.103 + 0.002 * k)
        }
        XCTAssertNil(k)
        XCTAssertEqual(calls, 1)
    }

    /// NaN margins (a zero RWA) leave only the breach flags: plain halving, same answer.
    func testNaNMarginsFallBackToBisection() {
        let expected = ReverseStress.severityScaling(tolerance: 1e-3) { $0 >= 1.234 }
        XCTAssertEqual(ReverseStress.severityScalingOnGrid(tolerance: 1e-3) { ($0 >= 1.234, .nan) }, expected)
    }

    /// A surrogate (the book subsampled) only aims: whatever it says, the factor is
    /// bisection's. An exact one costs two evaluations (the first breaching grid point and
    /// the one before it), one when nothing breaches; one off by an error that grows with k,
    /// as a subsample's does, a few more.
    func testSurrogateAimsButNeverDecides() {
        var exactCalls = 0, biasedCalls = 0, cases = 0
        for (name, margin) in margins {
            for shift in stride(from: -0.03, through: 0.03, by: 0.0037) {
                let m: (Double) -> Double = { margin($0) + shift }
                let expected = ReverseStress.severityScaling(tolerance: 1e-3) { m($0) < 0 }
                let surrogates: [(String, (Double) -> Double)] = [
                    ("exact", m),
                    ("biased", { m($0) + 0.0004 * $0 }),
                    ("wavy", { m($0) + 0.002 * sin(9 * $0) }),
                    ("inverted", { -m($0) }),
                    ("flat", { _ in 0.01 }),
                    ("NaN", { _ in .nan }),
                ]
                for (kind, surrogate) in surrogates {
                    var calls = 0
                    let found = ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: (m(0) < 0, m(0)),
                                                                    guides: [(1, m(1))], surrogate: surrogate) { k in
                        calls += 1
                        return (m(k) < 0, m(k))
                    }
                    XCTAssertEqual(found, expected, "\(name) shifted by \(shift), \(kind) surrogate")
                    guard name != "step", m(0) >= 0 else { continue }
                    if kind == "exact" {
                        XCTAssertLessThanOrEqual(calls, expected == nil ? 1 : 2, "\(name) shifted by \(shift)")
                        exactCalls += calls
                        cases += 1
                    }
                    if kind == "biased" { biasedCalls += calls }
                }
            }
        }
        let biasedMean = Double(biasedCalls) / Double(cases)
        XCTAssertLessThan(biasedMean, 4, "a surrogate off by a growing error: \(biasedMean) evaluations on average")
        print("severity search with a surrogate: \(Double(exactCalls) / Double(cases)) evaluations exact, \(biasedMean) biased")
    }
}
