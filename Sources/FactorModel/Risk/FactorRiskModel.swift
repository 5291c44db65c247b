import RiskMath

/// A factor risk model: K factors and their covariance F (K × K, symmetric positive
/// definite), with a record of what is real data and what is assumption. Units are
/// `units` (the bundled builders use annual variances of decimal returns).
///
/// JSON (snake_case): `{factors: [{name, kind}], covariance: [[…]], units, provenance:
/// {estimation, real_data: […], assumptions: […]}, credit_structure?}`.
public struct FactorRiskModel: Sendable, Equatable, Codable {
    public private(set) var factors: [Factor]
    public private(set) var covariance: Matrix
    public var units: String
    public var provenance: Provenance
    /// How sector and country factors are added for a credit portfolio (nil: not a credit model).
    public var creditStructure: CreditFactorStructure?

    public struct Provenance: Sendable, Equatable, Codable {
        /// How the covariance was estimated.
        public var estimation: String
        /// The real data behind it (file, series, sample).
        public var realData: [String]
        /// Everything that is assumed rather than estimated.
        public var assumptions: [String]

        enum CodingKeys: String, CodingKey {
            case estimation, realData = "real_data", assumptions
        }

        public init(estimation: String, realData: [String], assumptions: [String]) {
            self.estimation = estimation
            self.realData = realData
            self.assumptions = assumptions
        }
    }

    enum CodingKeys: String, CodingKey {
        case factors, covariance, units, provenance, creditStructure = "credit_structure"
    }

    /// Throws unless F is K × K, finite, symmetric and positive definite (Cholesky), and
    /// factor names are unique.
    public init(factors: [Factor], covariance: Matrix, units: String = "annual variance of decimal returns",
                provenance: Provenance, creditStructure: CreditFactorStructure? = nil) throws(FactorModelError) {
        let stage = "factor risk model"
        guard covariance.rows == factors.count, covariance.columns == factors.count, !factors.isEmpty else {
            throw FactorModelError(stage: stage, message: "covariance is \(covariance.shape) for \(factors.count) factors")
        }
        guard Set(factors.map(\.name)).count == factors.count else {
            throw FactorModelError(stage: stage, message: "factor names are not unique")
        }
        _ = try linearAlgebra(stage, item: "covariance") { () throws(LinearAlgebraError) in try covariance.cholesky() }
        self.factors = factors
        self.covariance = covariance
        self.units = units
        self.provenance = provenance
        self.creditStructure = creditStructure
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let factors = try c.decode([Factor].self, forKey: .factors)
        let rows = try c.decode([[Double]].self, forKey: .covariance)
        let matrix: Matrix
        do {
            matrix = try Matrix(rows)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .covariance, in: c, debugDescription: "\(error)")
        }
        do {
            try self.init(factors: factors, covariance: matrix,
                          units: try c.decode(String.self, forKey: .units),
                          provenance: try c.decode(Provenance.self, forKey: .provenance),
                          creditStructure: try c.decodeIfPresent(CreditFactorStructure.self, forKey: .creditStructure))
        } catch let error as FactorModelError {
            throw DecodingError.dataCorruptedError(forKey: .covariance, in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(factors, forKey: .factors)
        try c.encode((0..<covariance.rows).map { covariance.row($0) }, forKey: .covariance)
        try c.encode(units, forKey: .units)
        try c.encode(provenance, forKey: .provenance)
        try c.encodeIfPresent(creditStructure, forKey: .creditStructure)
    }

    public var factorCount: Int { factors.count }

    /// The index of the factor called `name`.
    public func index(of name: String) -> Int? { factors.firstIndex { $0.name == name } }

    /// √F_kk.
    public var volatility: [Double] { (0..<factors.count).map { covariance[$0, $0].squareRoot() } }

    /// F_jk/(σ_j σ_k).
    public var correlation: Matrix { FactorCovarianceEstimator.correlationMatrix(covariance) }

    /// A model with `extra` factors appended, covariance [[F, C], [Cᵀ, E]]; throws unless
    /// the result is positive definite.
    public func appending(_ extra: [Factor], crossCovariance: Matrix?, covariance e: Matrix) throws(FactorModelError) -> FactorRiskModel {
        let k = factors.count, m = extra.count, total = k + m
        var elements = [Double](repeating: 0, count: total * total)
        let f = covariance.elements, ee = e.elements
        guard e.rows == m, e.columns == m, crossCovariance.map({ $0.rows == k && $0.columns == m }) ?? true else {
            throw FactorModelError(stage: "factor risk model", message: "covariance blocks do not fit \(k) + \(m) factors")
        }
        for i in 0..<k { for j in 0..<k { elements[i * total + j] = f[i * k + j] } }
        for i in 0..<m { for j in 0..<m { elements[(k + i) * total + k + j] = ee[i * m + j] } }
        if let c = crossCovariance {
            for i in 0..<k {
                for j in 0..<m {
                    elements[i * total + k + j] = c[i, j]
                    elements[(k + j) * total + i] = c[i, j]
                }
            }
        }
        return try FactorRiskModel(factors: factors + extra, covariance: makeMatrix(rows: total, columns: total, elements),
                                   units: units, provenance: provenance, creditStructure: creditStructure)
    }
}
