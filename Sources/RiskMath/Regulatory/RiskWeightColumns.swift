/// The per-exposure constants of the risk-weight function, as columns, so that an engine
/// can compute RW_i(PD, LGD) inside its own pass over a portfolio: the capital engine
/// builds it from a `Portfolio` and its options (`CreditRWA.riskWeightColumns`), the
/// credit engine calls `riskWeight(_:pd:lgd:)` with each period's stressed annual PD and
/// LGD and multiplies by the period's EAD.
///
/// An exposure with a finite `fixedRiskWeight` (the standardised approach) keeps that
/// weight whatever the PD and LGD; the others use `IRBRiskWeight.riskWeight`.
public struct RiskWeightColumns: Sendable, Equatable {
    public var exposureClass: [IRBExposureClass]
    /// Effective maturity in years; NaN (or no column) = 2.5. Clamped to [1, 5] when used.
    public var maturity: [Double]?
    /// Annual turnover in EUR millions for the SME firm-size adjustment; NaN = none.
    public var turnoverEURm: [Double]?
    /// QRRE transactors (repay in full each period); nil = none.
    public var transactor: [Bool]?
    /// Standardised risk weight; NaN where the IRB formula applies; nil = IRB for all.
    public var fixedRiskWeight: [Double]?
    public var floors: PDFloors
    /// 1, or `IRBRiskWeight.basel2ScalingFactor` where the jurisdiction applies it.
    public var scaling: Double

    public init(exposureClass: [IRBExposureClass], maturity: [Double]? = nil, turnoverEURm: [Double]? = nil,
                transactor: [Bool]? = nil, fixedRiskWeight: [Double]? = nil, floors: PDFloors = .basel3,
                scaling: Double = 1) {
        let n = exposureClass.count
        precondition(maturity.map { $0.count == n } ?? true, "RiskWeightColumns: maturity has \(maturity?.count ?? 0) rows, expected \(n)")
        precondition(turnoverEURm.map { $0.count == n } ?? true, "RiskWeightColumns: turnover has the wrong length")
        precondition(transactor.map { $0.count == n } ?? true, "RiskWeightColumns: transactor has the wrong length")
        precondition(fixedRiskWeight.map { $0.count == n } ?? true, "RiskWeightColumns: fixedRiskWeight has the wrong length")
        self.exposureClass = exposureClass
        self.maturity = maturity
        self.turnoverEURm = turnoverEURm
        self.transactor = transactor
        self.fixedRiskWeight = fixedRiskWeight
        self.floors = floors
        self.scaling = scaling
    }

    public var count: Int { exposureClass.count }

    /// Whether exposure `i` is risk-weighted by the IRB formula.
    @inlinable
    public func usesIRB(_ i: Int) -> Bool {
        guard let fixed = fixedRiskWeight else { return true }
        return fixed[i].isNaN
    }

    /// RW of exposure `i` (a fraction) at annual PD `pd` and LGD `lgd`.
    @inlinable
    public func riskWeight(_ i: Int, pd: Double, lgd: Double) -> Double {
        if let fixed = fixedRiskWeight, !fixed[i].isNaN { return fixed[i] }
        return IRBRiskWeight.riskWeight(exposureClass[i], pd: pd, lgd: lgd, maturity: maturity?[i] ?? .nan,
                                        turnoverEURm: turnoverEURm?[i] ?? .nan, transactor: transactor?[i] ?? false,
                                        floors: floors, scaling: scaling)
    }
}

/// `RiskWeightColumns` as borrowed buffers, for an engine's inner loop: a call does no
/// reference counting, where reading the struct's optional arrays in a loop retains and
/// releases each of them (a fifth of a re-projection's time, by perf). Same formula,
/// same arguments, so the same bits as `RiskWeightColumns.riskWeight`.
public struct RiskWeightView: @unchecked Sendable {
    @usableFromInline let exposureClass: UnsafeBufferPointer<IRBExposureClass>
    /// Empty buffers where the columns have no such array.
    @usableFromInline let maturity: UnsafeBufferPointer<Double>
    @usableFromInline let turnoverEURm: UnsafeBufferPointer<Double>
    @usableFromInline let transactor: UnsafeBufferPointer<Bool>
    @usableFromInline let fixedRiskWeight: UnsafeBufferPointer<Double>
    @usableFromInline let floors: PDFloors
    @usableFromInline let scaling: Double

    /// No columns: for a kernel that holds a view only when it has weights.
    public static let none = RiskWeightView(
        exposureClass: .init(start: nil, count: 0), maturity: .init(start: nil, count: 0),
        turnoverEURm: .init(start: nil, count: 0), transactor: .init(start: nil, count: 0),
        fixedRiskWeight: .init(start: nil, count: 0), floors: .basel3, scaling: 1)

    /// Whether exposure `i` is risk-weighted by the IRB formula (as `RiskWeightColumns.usesIRB`).
    @inlinable
    public func usesIRB(_ i: Int) -> Bool { fixedRiskWeight.isEmpty || fixedRiskWeight[i].isNaN }

    @inlinable
    public func riskWeight(_ i: Int, pd: Double, lgd: Double) -> Double {
        if !fixedRiskWeight.isEmpty, !fixedRiskWeight[i].isNaN { return fixedRiskWeight[i] }
        return IRBRiskWeight.riskWeight(exposureClass[i], pd: pd, lgd: lgd,
                                        maturity: maturity.isEmpty ? .nan : maturity[i],
                                        turnoverEURm: turnoverEURm.isEmpty ? .nan : turnoverEURm[i],
                                        transactor: transactor.isEmpty ? false : transactor[i],
                                        floors: floors, scaling: scaling)
    }
}

extension RiskWeightColumns {
    /// The columns as a `RiskWeightView`, valid inside `body` only.
    public func withView<R>(_ body: (RiskWeightView) -> R) -> R {
        let none: [Double] = [], noFlags: [Bool] = []
        return exposureClass.withUnsafeBufferPointer { classes in
            (maturity ?? none).withUnsafeBufferPointer { maturity in
                (turnoverEURm ?? none).withUnsafeBufferPointer { turnover in
                    (transactor ?? noFlags).withUnsafeBufferPointer { transactor in
                        (fixedRiskWeight ?? none).withUnsafeBufferPointer { fixed in
                            body(RiskWeightView(exposureClass: classes, maturity: maturity, turnoverEURm: turnover,
                                                transactor: transactor, fixedRiskWeight: fixed, floors: floors,
                                                scaling: scaling))
                        }
                    }
                }
            }
        }
    }
}
