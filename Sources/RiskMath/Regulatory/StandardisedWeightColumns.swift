/// Risk weights of defaulted exposures by specific-provision coverage (provisions over the
/// outstanding amount): `weights[0]` below the first bound, `weights[k + 1]` from
/// `atLeast[k]` (CRE20.103: 150% below 20%, 100% from 20%; the RBI's NPAs 150/100/50%).
/// No bounds: one flat weight.
public struct ProvisionCoverageBands: Sendable, Equatable {
    public var atLeast: [Double]
    public var weights: [Double]

    public init(atLeast: [Double], weights: [Double]) {
        precondition(weights.count == atLeast.count + 1, "ProvisionCoverageBands: one more weight than bounds")
        self.atLeast = atLeast
        self.weights = weights
    }

    public static func flat(_ weight: Double) -> ProvisionCoverageBands { .init(atLeast: [], weights: [weight]) }

    @inlinable
    public func weight(coverage: Double) -> Double {
        var band = 0
        for k in atLeast.indices where coverage >= atLeast[k] { band = k + 1 }
        return weights[band]
    }
}

/// The standardised approach's per-exposure constants, as columns, for an engine's own pass
/// over a portfolio (the credit engine's RWA per period): the performing weight, the
/// ratio of the standardised exposure value to the portfolio's EAD (a different CCF on
/// undrawn commitments), and the defaulted weight by provision coverage.
public struct StandardisedWeightColumns: Sendable, Equatable {
    /// Weight of the exposure while performing (a fraction).
    public var weight: [Double]
    /// Standardised exposure value / EAD; 1 where they agree.
    public var exposureFactor: [Double]
    /// Index into `defaultedBands` per exposure.
    public var defaultedBandSet: [UInt8]
    public var defaultedBands: [ProvisionCoverageBands]
    /// Defaulted amounts weighted net of specific provisions (else gross).
    public var defaultedNetOfProvisions: Bool

    public init(weight: [Double], exposureFactor: [Double], defaultedBandSet: [UInt8],
                defaultedBands: [ProvisionCoverageBands], defaultedNetOfProvisions: Bool = true) {
        self.defaultedNetOfProvisions = defaultedNetOfProvisions
        precondition(exposureFactor.count == weight.count && defaultedBandSet.count == weight.count,
                     "StandardisedWeightColumns: columns of different lengths")
        precondition(defaultedBandSet.allSatisfy { Int($0) < defaultedBands.count }, "StandardisedWeightColumns: band set")
        self.weight = weight
        self.exposureFactor = exposureFactor
        self.defaultedBandSet = defaultedBandSet
        self.defaultedBands = defaultedBands
    }

    public var count: Int { weight.count }

    /// The weight of exposure `i` once defaulted, with provisions of `coverage` × outstanding.
    @inlinable
    public func defaultedWeight(_ i: Int, coverage: Double) -> Double {
        defaultedBands[Int(defaultedBandSet[i])].weight(coverage: coverage)
    }

    /// RWA per unit of a defaulted exposure with provisions of `coverage` × outstanding:
    /// the defaulted weight on the net (or gross) amount.
    @inlinable
    public func defaultedRWAPerUnit(_ i: Int, coverage: Double) -> Double {
        defaultedWeight(i, coverage: coverage) * (defaultedNetOfProvisions ? 1 - coverage : 1)
    }
}

/// `StandardisedWeightColumns` as borrowed buffers for an engine's inner loop (see
/// `RiskWeightView`): the same weights, without reference counting per call.
public struct StandardisedWeightView: @unchecked Sendable {
    public let weight: UnsafeBufferPointer<Double>
    public let exposureFactor: UnsafeBufferPointer<Double>
    @usableFromInline let defaultedBandSet: UnsafeBufferPointer<UInt8>
    @usableFromInline let defaultedBands: UnsafeBufferPointer<ProvisionCoverageBands>
    @usableFromInline let defaultedNetOfProvisions: Bool

    /// No columns: for a kernel that holds a view only when it has weights.
    public static let none = StandardisedWeightView(
        weight: .init(start: nil, count: 0), exposureFactor: .init(start: nil, count: 0),
        defaultedBandSet: .init(start: nil, count: 0), defaultedBands: .init(start: nil, count: 0),
        defaultedNetOfProvisions: true)

    @inlinable
    public func defaultedRWAPerUnit(_ i: Int, coverage: Double) -> Double {
        defaultedBands[Int(defaultedBandSet[i])].weight(coverage: coverage) * (defaultedNetOfProvisions ? 1 - coverage : 1)
    }
}

extension StandardisedWeightColumns {
    /// The columns as a `StandardisedWeightView`, valid inside `body` only.
    public func withView<R>(_ body: (StandardisedWeightView) -> R) -> R {
        weight.withUnsafeBufferPointer { weight in
            exposureFactor.withUnsafeBufferPointer { factor in
                defaultedBandSet.withUnsafeBufferPointer { set in
                    defaultedBands.withUnsafeBufferPointer { bands in
                        body(StandardisedWeightView(weight: weight, exposureFactor: factor, defaultedBandSet: set,
                                                    defaultedBands: bands,
                                                    defaultedNetOfProvisions: defaultedNetOfProvisions))
                    }
                }
            }
        }
    }
}
