/// The seed's linear satellite (METHODOLOGY §2.1).
public enum LinearSatellite {
    /// m_t = max(1, 1 − s_g·(g_t − g*) + s_u·max(u_t − u*, 0)).
    public static func multipliers(gdp: [Double], unemployment: [Double], parameters p: LinearPDParameters) -> [Double] {
        zip(gdp, unemployment).map { g, u in
            max(1 - p.gdpSensitivity * (g - p.gdpBaseline) + p.unemploymentSensitivity * max(u - p.unemploymentBaseline, 0), 1)
        }
    }

    /// a_t = max(−h_t·s_h, 0).
    public static func lgdAddOns(housePrices: [Double], sensitivity: Double) -> [Double] {
        housePrices.map { max(-$0 * sensitivity, 0) }
    }
}
