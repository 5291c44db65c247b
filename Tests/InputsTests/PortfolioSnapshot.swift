import StressCore
import XCTest

/// Every stored column of a portfolio as bit patterns (NaN and −0 included), by the
/// property's name, so two portfolios compare column by column; a column of a type this
/// does not know fails the test that reads it.
enum PortfolioSnapshot {
    static func columns(_ p: Portfolio) -> [String: [UInt64]] {
        var out: [String: [UInt64]] = [:]
        for (name, value) in Mirror(reflecting: p).children {
            guard let name else { continue }
            switch value {
            case let v as [Double]: out[name] = v.map(\.bitPattern)
            case let v as [Double]?: out[name] = v.map { $0.map(\.bitPattern) } ?? [UInt64.max]
            case let v as [UInt8]?: out[name] = v.map { $0.map(UInt64.init) } ?? [UInt64.max]
            case let v as [String]: out[name] = v.map { UInt64(bitPattern: Int64($0.hashValue)) }
            case let v as [AssetClass]: out[name] = v.map { UInt64(AssetClass.allCases.firstIndex(of: $0)!) }
            case let v as CategoricalColumn:
                out[name] = v.codes.map(UInt64.init) + v.levels.map { UInt64(bitPattern: Int64($0.hashValue)) }
            default: XCTFail("column \(name) of a type the test does not compare: \(type(of: value))")
            }
        }
        return out
    }

}
