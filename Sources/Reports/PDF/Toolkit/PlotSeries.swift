/// One named run of values over the chart's categories. NaN marks a gap
/// (no observation), never zero. A threshold (hurdle, limit, trigger) is drawn
/// dashed in `Colour.threshold` without markers, and takes no palette slot.
/// (Not `ChartSeries`: the workbook model already has a public one of cell
/// ranges, Model/ChartSpec.swift.)
struct PlotSeries: Sendable {
    var name: String
    var values: [Double]
    var isThreshold: Bool = false
    /// A threshold's dash (a second threshold, e.g. the MDA trigger beside the hurdle, dotted).
    var thresholdDash: LineDash = .dashed

    init(name: String, values: [Double], isThreshold: Bool = false, thresholdDash: LineDash = .dashed) {
        self.name = name
        self.values = values
        self.isThreshold = isThreshold
        self.thresholdDash = thresholdDash
    }

    func value(at i: Int) -> Double {
        i >= 0 && i < values.count ? values[i] : .nan
    }
}

/// How each series of a line chart is drawn: palette colour, dash and marker
/// all follow the series' index among non-threshold series, so adding a hurdle
/// does not recolour the data.
struct SeriesLook: Sendable {
    var colour: Colour
    var dash: LineDash
    var marker: Int?
    var width: Double

    static func looks(for series: [PlotSeries]) -> [SeriesLook] {
        var dataIndex = 0
        return series.map { s in
            if s.isThreshold {
                return SeriesLook(colour: .threshold, dash: s.thresholdDash, marker: nil, width: 1.3)
            }
            defer { dataIndex += 1 }
            return SeriesLook(colour: Palette.lineColour(dataIndex), dash: Palette.dash(dataIndex),
                              marker: dataIndex, width: 1.6)
        }
    }
}

extension Array where Element == Double {
    /// Finite values only: the NaN gaps and any infinities left out of scales.
    var finiteValues: [Double] { filter(\.isFinite) }
}
