import CapitalEngine
import StressCore

/// Data-quality findings of weighting a portfolio with a standardised table: ratings and
/// countries the table does not know, weighted as unrated / without a classification.
public enum StandardisedFindings {
    public static func of(_ w: StandardisedExposureWeights, table: String) -> [DataQualityFinding] {
        var findings: [DataQualityFinding] = []
        for (rating, count) in w.unrecognisedRatings.sorted(by: { $0.key < $1.key }) {
            findings.append(DataQualityFinding(
                severity: .info, file: table, field: "rating",
                message: "\(count) exposures rated '\(rating)': no grade or credit quality step in this table, weighted as unrated"))
        }
        for (country, count) in w.unclassifiedCountries.sorted(by: { $0.key < $1.key }) {
            findings.append(DataQualityFinding(
                severity: .info, file: table, field: "country_risk_classification",
                message: "\(count) exposures in '\(country.isEmpty ? "no country" : country)': no country risk "
                    + "classification in this table, weighted as unclassified (base weight)"))
        }
        return findings
    }
}
