import StressCore

/// A liquidity input the engine cannot use, naming the key and what was expected.
///
/// The key is a path in the file the problem comes from: `liquidity.outflows.retail_stable`
/// in the balance sheet, `variables.deposit_runoff[2]` in the scenario, or
/// `outflows.retail_stable` in the rate table. `inputError(file:)` turns it into the
/// `InputError` the CLI prints as `file: key: message` with exit code 2.
public struct LiquidityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input file the key belongs to.
    public enum Input: String, Sendable, Equatable {
        case balanceSheet = "balance sheet"
        case scenario
        case rateTable = "rate table"
    }

    public var input: Input
    public var key: String
    public var message: String

    public init(input: Input, key: String, message: String) {
        self.input = input
        self.key = key
        self.message = message
    }

    public var description: String { "\(key): \(message)" }

    /// The same problem as an `InputError` of `file` (the balance sheet, scenario or
    /// rate table path the run loaded), for the CLI's exit code 2.
    public func inputError(file: String) -> InputError {
        InputError(file: file, key: key, message: message)
    }
}

// MARK: - The errors the engine raises

extension LiquidityError {
    static func unknownCategory(_ section: PositionSection, _ name: String, accepted: [String]) -> LiquidityError {
        LiquidityError(input: .balanceSheet, key: section.keyPath + "." + name,
                       message: "unknown \(section.noun) category '\(name)'; expected one of "
                           + accepted.sorted().joined(separator: ", "))
    }

    static func invalidAmount(_ section: PositionSection, _ name: String, _ value: Double) -> LiquidityError {
        let expectation = value.isFinite ? "expected an amount ≥ 0" : "expected a finite amount ≥ 0"
        return LiquidityError(input: .balanceSheet, key: section.keyPath + "." + name,
                              message: "\(expectation), found \(LiquidityError.text(value))")
    }

    static let zeroNetCashOutflows = LiquidityError(
        input: .balanceSheet, key: PositionSection.outflows.keyPath,
        message: "net cash outflows are zero, and the LCR divides by them; expected at least one "
            + "outflow category with a balance > 0 and a run-off rate > 0")

    static let zeroRequiredStableFunding = LiquidityError(
        input: .balanceSheet, key: PositionSection.requiredStableFunding.keyPath,
        message: "required stable funding is zero, and the NSFR divides by it; expected at least one "
            + "asset category with a balance > 0 and an RSF factor > 0")

    static func missingLiquidity() -> LiquidityError {
        LiquidityError(input: .balanceSheet, key: "liquidity",
                       message: "the balance sheet has no liquidity section; the liquidity engine needs "
                           + "hqla, outflows and inflows (INTERFACES.md, balance sheet file)")
    }

    static func missingRBIInputs() -> LiquidityError {
        LiquidityError(input: .balanceSheet, key: "rbi.deposits",
                       message: "the RBI liquidity sensitivity needs the deposit base; expected an rbi section with deposits")
    }

    static func invalidShock(_ variable: String, index: Int?, _ message: String) -> LiquidityError {
        let key = "variables." + variable + (index.map { "[\($0)]" } ?? "")
        return LiquidityError(input: .scenario, key: key, message: message)
    }

    static func invalidRunOffPercent(index: Int, _ value: Double) -> LiquidityError {
        LiquidityError(input: .scenario, key: "sensitivities.deposit_runoff[\(index)]",
                       message: "expected a percentage in [0, 100] (10 = 10%), found \(LiquidityError.text(value))")
    }

    static func invalidRate(_ key: String, _ message: String) -> LiquidityError {
        LiquidityError(input: .rateTable, key: key, message: message)
    }

    /// A number as a person would write it: whole amounts without a decimal point.
    static func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// The five category maps of `BalanceSheet.Liquidity`, with their key paths in the
/// balance sheet file and their names in messages.
enum PositionSection: CaseIterable {
    case hqla, outflows, inflows, availableStableFunding, requiredStableFunding

    var keyPath: String {
        switch self {
        case .hqla: return "liquidity.hqla"
        case .outflows: return "liquidity.outflows"
        case .inflows: return "liquidity.inflows"
        case .availableStableFunding: return "liquidity.nsfr.asf"
        case .requiredStableFunding: return "liquidity.nsfr.rsf"
        }
    }

    var noun: String {
        switch self {
        case .hqla: return "HQLA"
        case .outflows: return "outflow"
        case .inflows: return "inflow"
        case .availableStableFunding: return "available stable funding"
        case .requiredStableFunding: return "required stable funding"
        }
    }
}
