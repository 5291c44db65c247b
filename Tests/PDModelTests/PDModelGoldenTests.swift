import Foundation
import Inputs
import PDModel
import TestSupport
import XCTest

/// The scorecard's statistics against outside libraries on the German credit data
/// (Golden/german-credit.json, scripts/golden/pd_german_credit.py): statsmodels' Logit,
/// scikit-learn's roc_auc_score, and weights of evidence by pandas.
final class PDModelGoldenTests: XCTestCase {
    static let data = TestSupport.repositoryRoot.appendingPathComponent("data/pd/germancredit.csv").path

    private func golden() throws -> [String: Any] {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/PDModelTests/Golden/german-credit.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// A JSON number as the exact double its text spells (Foundation on Linux may hand back
    /// an NSDecimalNumber whose doubleValue is off in the last bit).
    private func exact(_ value: Any?) -> Double {
        if let d = value as? NSDecimalNumber { return Double(d.stringValue)! }
        return (value as! NSNumber).doubleValue
    }

    private func numericSample(_ columns: [String]) throws -> LoanSample {
        try LoanDataCSV.load(path: Self.data, options: .init(target: "creditability", bad: "bad", columns: columns))
    }

    private func fit(_ logit: [String: Any]) throws -> (LogisticFit, [[Double]], LoanSample) {
        let names = Array((logit["columns"] as! [String]).dropFirst())
        let sample = try numericSample(names)
        let columns = sample.columns.map { column -> [Double] in
            guard case .numeric(let v) = column else { XCTFail("numeric"); return [] }
            return v.map { $0! }
        }
        return (try LogisticRegression.fit(columns: columns, names: names, outcomes: sample.defaults), columns, sample)
    }

    func testLogisticRegressionEqualsStatsmodelsLogit() throws {
        let logit = try golden()["logit"] as! [String: Any]
        let (fit, _, _) = try fit(logit)
        let params = (logit["params"] as! [Any]).map(exact), bse = (logit["bse"] as! [Any]).map(exact)
        for j in params.indices {
            XCTAssertEqual(fit.coefficients[j], params[j], accuracy: 1e-6 * abs(params[j]), "coefficient \(j)")
            XCTAssertEqual(fit.standardErrors[j], bse[j], accuracy: 1e-6 * bse[j], "standard error \(j)")
        }
        XCTAssertEqual(fit.logLikelihood, exact(logit["llf"]), accuracy: 1e-9 * abs(exact(logit["llf"])))
        // Ours is the closed form (d·ln r + (n − d)·ln(1 − r)); statsmodels fits the constant-only
        // model iteratively, 4e-11 relative away.
        XCTAssertEqual(fit.nullLogLikelihood, 300 * log(0.3) + 700 * log(0.7), accuracy: 1e-12)
        XCTAssertEqual(fit.nullLogLikelihood, exact(logit["llnull"]), accuracy: 1e-10 * abs(exact(logit["llnull"])))
    }

    func testAUCAndKSEqualScikitLearn() throws {
        let g = try golden()
        let logit = g["logit"] as! [String: Any]
        let (fit, columns, sample) = try fit(logit)
        let eta = (0..<sample.count).map { i in
            fit.coefficients[0] + columns.indices.reduce(0) { $0 + fit.coefficients[$1 + 1] * columns[$1][i] }
        }
        XCTAssertEqual(Discrimination.auc(scores: eta, defaults: sample.defaults), exact(logit["auc"]), accuracy: 1e-12)
        XCTAssertEqual(Discrimination.ks(scores: eta, defaults: sample.defaults), exact(logit["ks"]), accuracy: 1e-12)
        // Many ties: the duration in months as a score.
        let ties = g["auc_ties"] as! [String: Any]
        let duration = try numericSample(["duration_in_month"])
        guard case .numeric(let months) = duration.columns[0] else { return XCTFail("numeric") }
        XCTAssertEqual(Discrimination.auc(scores: months.map { $0! }, defaults: duration.defaults), exact(ties["auc"]), accuracy: 1e-12)
    }

    func testWeightsOfEvidenceEqualPandas() throws {
        let woe = try golden()["woe"] as! [String: Any]
        for (name, value) in woe {
            let reference = value as! [String: Any]
            let sample = try numericSample([name])
            // One class per category: nothing merged, so the classes are pandas' groups.
            let binning = try Binner(fineBins: 20, maximumBins: 50, minimumShare: 0.001).bin(name, sample.columns[0],
                                                                                            defaults: sample.defaults)
            let rows = reference["bins"] as! [[String: Any]]
            XCTAssertEqual(binning.bins.count, rows.count, name)
            for row in rows {
                let category = row["category"] as! String
                let bin = try XCTUnwrap(binning.bins.first { $0.rule == .categories([category]) }, category)
                XCTAssertEqual(bin.defaults, row["bad"] as? Int, category)
                XCTAssertEqual(bin.loans - bin.defaults, row["good"] as? Int, category)
                XCTAssertEqual(bin.woe, exact(row["woe"]), accuracy: 1e-12, category)
            }
            XCTAssertEqual(binning.informationValue, exact(reference["iv"]), accuracy: 1e-12, name)
        }
    }
}
