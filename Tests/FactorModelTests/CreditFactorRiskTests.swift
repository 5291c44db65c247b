@testable import FactorModel
import Foundation
import RiskMath
import StressCore
import TestSupport
import XCTest

final class CreditFactorRiskTests: XCTestCase {
    /// A market-only credit model with σ_M = 15%; sectors and countries are added by the
    /// standard structure (10%, 8%, uncorrelated).
    func marketModel(volatility: Double = 0.15) throws -> FactorRiskModel {
        try FactorRiskModel(factors: [.market], covariance: matrix([[volatility * volatility]]),
                            provenance: .init(estimation: "test", realData: [], assumptions: []), creditStructure: .standard)
    }

    func portfolio(_ rows: [(id: String, cls: AssetClass, pd: Double, lgd: Double, ead: Double, segment: String, sector: String, country: String)]) -> Portfolio {
        var p = Portfolio()
        for r in rows {
            p.ids.append(r.id); p.assetClass.append(r.cls); p.pd.append(r.pd); p.lgd.append(r.lgd); p.ead.append(r.ead)
            p.segment.append(r.segment); p.sector.append(r.sector); p.country.append(r.country)
        }
        return p
    }

    var sample: Portfolio {
        portfolio([
            ("C1", .corporate, 0.01, 0.45, 1_000_000, "Large corporates", "Manufacturing", "DE"),
            ("C2", .corporate, 0.03, 0.40, 2_000_000, "Large corporates", "Construction", "FR"),
            ("S1", .sme, 0.02, 0.35, 500_000, "SME lending", "Manufacturing", "DE"),
            ("M1", .residentialMortgage, 0.005, 0.15, 300_000, "Retail mortgages", "Households", "DE"),
            ("M2", .residentialMortgage, 0.008, 0.20, 250_000, "Retail mortgages", "Households", "AT"),
            ("Q1", .qrre, 0.04, 0.8, 5_000, "Credit cards", "Households", "DE"),
            ("B1", .bank, 0.002, 0.45, 3_000_000, "Banks", "Financial institutions", "GB"),
            ("G1", .sovereign, 0.0005, 0.45, 4_000_000, "Sovereigns", "Government", "DE"),
        ])
    }

    func testBaselAssetCorrelations() {
        XCTAssertEqual(AssetCorrelation.basel(.corporate, pd: 0.01), 0.24 - 0.12 * 0.393_469_340_287_366_6, accuracy: 1e-15)  // CRE31.5 at PD 1%: a = 1 − e^{−0.5}
        XCTAssertEqual(AssetCorrelation.basel(.residentialMortgage, pd: 0.02), 0.15)
        XCTAssertEqual(AssetCorrelation.basel(.qrre, pd: 0.02), 0.04)
        XCTAssertEqual(AssetCorrelation.basel(.corporate, pd: 1e-9), 0.24 - 0.12 * (1 - exp(-50 * 1e-4)) / (1 - exp(-50)), accuracy: 1e-15)
        XCTAssertEqual(AssetCorrelation.basel(.sme, pd: 0.01, turnoverEURm: 5), AssetCorrelation.basel(.corporate, pd: 0.01) - 0.04, accuracy: 1e-15)
        XCTAssertEqual(AssetCorrelation.basel(.sme, pd: 0.01, turnoverEURm: 50), AssetCorrelation.basel(.corporate, pd: 0.01), accuracy: 1e-15)
        let b = (1 - exp(-35 * 0.05)) / (1 - exp(-35))
        XCTAssertEqual(AssetCorrelation.basel(.otherRetail, pd: 0.05), 0.03 * b + 0.16 * (1 - b), accuracy: 1e-15)
    }

    /// One exposure: unit asset-value variance, so σ equals its holding exactly.
    func testSingleExposureRiskIsItsHolding() throws {
        let p = portfolio([("C1", .corporate, 0.01, 0.45, 1_000_000, "Large corporates", "Manufacturing", "DE")])
        let report = try PortfolioFactorRisk.report(portfolio: p, model: try marketModel())
        let h = 1_000_000 * 0.45 * Normal.pdf(Normal.quantile(0.01))
        XCTAssertEqual(report.total, h, accuracy: 1e-9 * h)
        XCTAssertEqual(report.systematicShare, AssetCorrelation.basel(.corporate, pd: 0.01), accuracy: 1e-12)
    }

    /// Two exposures in one sector and country: corr = √(ρ₁ρ₂), so
    /// σ² = h₁² + h₂² + 2h₁h₂√(ρ₁ρ₂) by hand; in different sectors and countries the
    /// correlation is √(ρ₁ρ₂)·σ_M²/(σ_M² + σ_S² + σ_C²).
    func testTwoExposuresByHand() throws {
        let model = try marketModel()
        for (sector2, country2, share) in [("Manufacturing", "DE", 1.0), ("Construction", "FR", 0.0225 / (0.0225 + 0.01 + 0.0064))] {
            let p = portfolio([("C1", .corporate, 0.01, 0.45, 1_000_000, "A", "Manufacturing", "DE"),
                               ("C2", .corporate, 0.05, 0.40, 2_000_000, "A", sector2, country2)])
            let report = try PortfolioFactorRisk.report(portfolio: p, model: model, options: .init(weighting: .ead))
            let (r1, r2) = (AssetCorrelation.basel(.corporate, pd: 0.01), AssetCorrelation.basel(.corporate, pd: 0.05))
            let expected = (1e12 + 4e12 + 2 * 2e12 * (r1 * r2).squareRoot() * share).squareRoot()
            XCTAssertEqual(report.total, expected, accuracy: 1e-9 * expected, sector2)
        }
    }

    /// Components by segment, sector, country and asset class each sum to σ; factor
    /// contributions plus the specific contribution sum to σ; systematic² + specific² = σ².
    func testReportIdentities() throws {
        for weighting in CreditHoldingWeighting.allCases {
            let r = try PortfolioFactorRisk.report(portfolio: sample, model: try marketModel(), options: .init(weighting: weighting))
            let tolerance = 1e-12 * r.total
            XCTAssertEqual(r.factors.values.reduce(0, +) + r.specificContribution, r.total, accuracy: tolerance)
            for (name, table) in [("segment", r.bySegment), ("sector", r.bySector), ("country", r.byCountry), ("asset class", r.byAssetClass)] {
                XCTAssertEqual(table.values.reduce(0) { $0 + $1.component }, r.total, accuracy: tolerance, "\(weighting) \(name)")
                XCTAssertEqual(table.values.reduce(0) { $0 + $1.share }, 1, accuracy: 1e-12, "\(weighting) \(name) shares")
            }
            XCTAssertEqual(r.systematic * r.systematic + r.specific * r.specific, r.total * r.total, accuracy: 1e-12 * r.total * r.total)
            XCTAssertEqual(Set(r.bySector.keys), ["Manufacturing", "Construction", "Households", "Financial institutions", "Government"])
            XCTAssertEqual(r.factors.count, 1 + 5 + 4)
        }
    }

    /// The report's σ equals the dense decomposition with the mapped X and Δ = 1 − ρ.
    func testMatchesDenseDecomposition() throws {
        let map = try CreditExposureMap.make(portfolio: sample, model: try marketModel())
        let n = sample.count, k = map.model.factorCount
        var rows: [Double] = []
        for i in 0..<n { rows += map.exposures(ofExposure: i) }
        let dense = try RiskDecomposition.decompose(
            holdings: map.holdings, exposures: Matrix(rows: n, columns: k, elements: rows), covariance: map.model.covariance,
            specificVariance: map.assetCorrelation.map { 1 - $0 })
        let report = try PortfolioFactorRisk.report(portfolio: sample, model: try marketModel())
        XCTAssertEqual(report.total, dense.total, accuracy: 1e-12 * dense.total)
        for (j, factor) in map.model.factors.enumerated() {
            XCTAssertEqual(report.factors[factor.name] ?? 0, dense.factorContributions[j], accuracy: 1e-12 * dense.total)
        }
        XCTAssertEqual(report.bySegment["Banks"]!.component, dense.assetComponents[6], accuracy: 1e-12 * dense.total)
        // Each exposure's asset value has unit variance: X_i F X_iᵀ = ρ_i.
        for i in 0..<n {
            let xi = map.exposures(ofExposure: i)
            let fx = try map.model.covariance * xi
            XCTAssertEqual(zip(xi, fx).reduce(0) { $0 + $1.0 * $1.1 }, map.assetCorrelation[i], accuracy: 1e-14)
        }
    }

    func testActiveRiskAgainstItselfIsZeroAndAgainstAnotherBookIsPositive() throws {
        let model = try marketModel()
        let same = try PortfolioFactorRisk.report(portfolio: sample, model: model, options: .init(benchmark: ("itself", sample)))
        let active = try XCTUnwrap(same.active)
        XCTAssertEqual(active.systematic, 0, accuracy: 1e-9 * same.total)
        XCTAssertEqual(active.benchmarkScale, 1, accuracy: 1e-15)
        // Specific parts of distinct obligors add: √2 times the book's.
        XCTAssertEqual(active.specific, 2.0.squareRoot() * same.specific, accuracy: 1e-9 * same.total)
        let other = portfolio([("X", .corporate, 0.02, 0.45, 10_000_000, "Large corporates", "Energy and utilities", "US")])
        let versus = try XCTUnwrap(try PortfolioFactorRisk.report(portfolio: sample, model: model,
                                                                  options: .init(benchmark: ("energy", other))).active)
        XCTAssertGreaterThan(versus.systematic, 0)
        XCTAssertEqual(versus.factors.values.reduce(0, +) + versus.specificContribution, versus.total, accuracy: 1e-12 * versus.total)
    }

    func testMissingValuesAreFlaggedAndSkipped() throws {
        var p = sample
        p.pd[2] = .nan
        let r = try PortfolioFactorRisk.report(portfolio: p, model: try marketModel())
        XCTAssertEqual(r.findings.count, 1)
        XCTAssertTrue(r.findings[0].message.contains("S1"))
        XCTAssertEqual(r.bySegment["SME lending"]?.holding, 0)
        XCTAssertTrue(r.total.isFinite)
    }

    func testReportJSONIsSnakeCase() throws {
        let r = try PortfolioFactorRisk.report(portfolio: sample, model: try marketModel())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(r)) as! [String: Any]
        for key in ["total", "systematic", "specific", "factors", "specific_contribution", "by_segment", "by_sector",
                    "by_country", "by_asset_class", "factor_exposures", "factor_marginal", "systematic_share", "model", "weighting"] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertNil(object["findings"])
        let factors = object["factors"] as! [String: Double]
        XCTAssertNotNil(factors["market"])
        XCTAssertNotNil(factors["sector:Manufacturing"])
        XCTAssertNotNil(factors["country:DE"])
        XCTAssertEqual(object["weighting"] as? String, "loss_sensitivity")
        let decoded = try JSONDecoder().decode(FactorRiskReport.self, from: try encoder.encode(r))
        XCTAssertEqual(decoded.total, r.total)
    }

    /// The copula loadings reproduce the factor model's asset-value covariance:
    /// w_iᵀw_j = X_i F X_jᵀ and Σ_k w_ik² = ρ_i; the shares match the structure.
    func testCopulaLoadingsReproduceTheFactorCorrelations() throws {
        let model = try marketModel()
        let loadings = try CopulaLoadings.make(portfolio: sample, model: model)
        let map = try CreditExposureMap.make(portfolio: sample, model: model)
        XCTAssertEqual(loadings.factorNames.first, "market")
        XCTAssertEqual(loadings.factorCount, 1 + map.sectorLevels.count + map.countryLevels.count)
        for i in 0..<sample.count {
            let wi = loadings.loadings(ofExposure: i)
            XCTAssertEqual(wi.reduce(0) { $0 + $1 * $1 }, loadings.assetCorrelation[i], accuracy: 1e-14)
            for j in 0..<sample.count {
                let wj = loadings.loadings(ofExposure: j)
                let xi = map.exposures(ofExposure: i), xj = map.exposures(ofExposure: j)
                let covariance = zip(xi, try map.model.covariance * xj).reduce(0) { $0 + $1.0 * $1.1 }
                XCTAssertEqual(zip(wi, wj).reduce(0) { $0 + $1.0 * $1.1 }, covariance, accuracy: 1e-14, "(\(i), \(j))")
            }
        }
        let shares = try XCTUnwrap(loadings.multiFactorShares)
        let total = 0.0225 + 0.01 + 0.0064
        XCTAssertEqual(shares.global, 0.0225 / total, accuracy: 1e-15)
        XCTAssertEqual(shares.sector, 0.01 / total, accuracy: 1e-15)
        XCTAssertEqual(shares.country, 0.0064 / total, accuracy: 1e-15)
        XCTAssertEqual(loadings.factorCorrelation[0][0], 1)
        XCTAssertEqual(loadings.factorCorrelation[0][1], 0)
    }

    func testModelRoundTripsThroughJSON() throws {
        let model = try CreditFactorModel.extended(try marketModel(), sectors: ["A", "B"], countries: ["DE"])
        let decoded = try JSONDecoder().decode(FactorRiskModel.self, from: JSONEncoder().encode(model))
        XCTAssertEqual(decoded, model)
        XCTAssertEqual(model.factors.map(\.name), ["market", "sector:A", "sector:B", "country:DE"])
        Golden.assertClose(model.volatility, [0.15, 0.10, 0.10, 0.08], relative: 1e-15, "volatilities")
        let correlated = CreditFactorStructure(sectorCorrelation: 0.3)
        var base = try marketModel()
        base.creditStructure = correlated
        let once = try CreditFactorModel.extended(base, sectors: ["A", "B", "C"], countries: [])
        let twice = try CreditFactorModel.extended(try CreditFactorModel.extended(base, sectors: ["A"], countries: []),
                                                   sectors: ["B", "C"], countries: [])
        XCTAssertEqual(once.covariance, twice.covariance, "extending in steps gives the same structure")
    }
}
