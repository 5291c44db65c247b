import CapitalEngine
import LiquidityEngine

/// Table cells of a scenario's minima, marked ✓/✗ against their hurdles, shared
/// by the executive summary and the framework pages so both read the same.
enum MinimumCells {
    /// "8.47% (2026)", marked when the framework has a CET1 hurdle.
    static func cet1(_ c: CapitalResult) -> TableCell {
        TableCell(text: "\(BoardFigures.ratio(c.minCET1Ratio)) (\(c.minPeriod))",
                  style: c.hurdle == nil ? .normal : (c.breach ? .breach : .pass))
    }

    /// The lowest leverage ratio of the path, marked when there is a leverage hurdle.
    static func leverage(_ c: CapitalResult) -> TableCell {
        TableCell(text: BoardFigures.ratio(c.leverageRatio.min() ?? c.startLeverageRatio),
                  style: c.leverageHurdle == nil ? .normal : (c.leverageBreach ? .breach : .pass))
    }

    /// "113.7%", with its period when asked, marked against the LCR minimum.
    static func lcr(_ l: ScenarioLiquidityResult, withPeriod: Bool) -> TableCell {
        TableCell(text: BoardFigures.lcr(l.minLCR) + (withPeriod ? " (\(l.minPeriod))" : ""),
                  style: l.breach ? .breach : .pass)
    }

    static let none = TableCell(text: "—")
}
