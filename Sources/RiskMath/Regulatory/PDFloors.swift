/// PD floors by IRB exposure class: the PD that enters the risk-weight function is
/// max(PD, floor). Fractions (0.0005 = 5 bp).
///
/// What the presets follow:
/// - `.basel3`: Basel III (BCBS d424, December 2017, IRB input floors; Basel Framework
///   CRE32 and CRE36): corporate and bank 0.05%; residential mortgages, QRRE transactors
///   and other retail 0.05%; QRRE revolvers 0.10%. Sovereigns have no PD floor (Basel II
///   ¶285 floored corporate and bank PDs only, and Basel III kept sovereigns out).
/// - `.uniform(0.0003)`, i.e. `.seed`: one floor for every class, as the seed library's
///   stress tests and Basel II ¶285/¶331 (0.03%).
/// - `.creditRiskEngine`: the reference library creditriskengine 0.31.0
///   (`rwa.irb.formulas`): 0.05% everywhere, 0.10% for every QRRE exposure, transactor
///   or not, sovereigns included. Golden vectors are computed with it.
public struct PDFloors: Sendable, Equatable, Codable {
    public var corporate: Double
    public var sovereign: Double
    public var bank: Double
    public var residentialMortgage: Double
    public var qrreRevolver: Double
    public var qrreTransactor: Double
    public var otherRetail: Double

    public init(corporate: Double, sovereign: Double, bank: Double, residentialMortgage: Double,
                qrreRevolver: Double, qrreTransactor: Double, otherRetail: Double) {
        self.corporate = corporate
        self.sovereign = sovereign
        self.bank = bank
        self.residentialMortgage = residentialMortgage
        self.qrreRevolver = qrreRevolver
        self.qrreTransactor = qrreTransactor
        self.otherRetail = otherRetail
    }

    /// The same floor for every class.
    public static func uniform(_ floor: Double) -> PDFloors {
        PDFloors(corporate: floor, sovereign: floor, bank: floor, residentialMortgage: floor,
                 qrreRevolver: floor, qrreTransactor: floor, otherRetail: floor)
    }

    /// 0.03% for every class: the seed's default PD floor (METHODOLOGY §2).
    public static let seed = uniform(0.0003)

    public static let basel3 = PDFloors(corporate: 0.0005, sovereign: 0, bank: 0.0005, residentialMortgage: 0.0005,
                                        qrreRevolver: 0.0010, qrreTransactor: 0.0005, otherRetail: 0.0005)

    public static let creditRiskEngine = PDFloors(corporate: 0.0005, sovereign: 0.0005, bank: 0.0005,
                                                  residentialMortgage: 0.0005, qrreRevolver: 0.0010,
                                                  qrreTransactor: 0.0010, otherRetail: 0.0005)

    /// The floor of an exposure of `exposureClass`; `transactor` matters for QRRE only.
    @inlinable
    public func floor(for exposureClass: IRBExposureClass, transactor: Bool = false) -> Double {
        switch exposureClass {
        case .corporate: return corporate
        case .sovereign: return sovereign
        case .bank: return bank
        case .residentialMortgage: return residentialMortgage
        case .qrre: return transactor ? qrreTransactor : qrreRevolver
        case .otherRetail: return otherRetail
        }
    }
}
