import StressCore
import StressRun

/// Credit VaR, expected shortfall and economic capital with contributions
/// (issue #6). Results carry no VaR section yet, so there is no sheet.
///
/// When `RunResults` gains it: one table of the measures (EL, VaR, ES, UL at the
/// confidence level), one of contributions by segment with their SUM equal to
/// the VaR (the Euler allocation's identity, pointer `/var/var`), and, when
/// the template asks for `var_contributions`, a bar chart of that column.
enum ValueAtRiskBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] { [] }
}

/// Factor risk decomposition and factor attribution (issue #7). Results carry
/// no factor section yet, so there is no sheet.
///
/// When `RunResults` gains it: systematic and specific risk with their SUM
/// equal to the total (`/factor_risk/total`), contributions by factor, and the
/// `factor_contributions` bar chart.
enum FactorRiskBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] { [] }
}
