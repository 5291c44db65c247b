/// Provisions under the scenarios (METHODOLOGY §9): IFRS 9 stages, CECL and Ind AS 109 with
/// the RBI's floors, on books with stage 2 and stage 3 exposures.
///
/// Pure value code. A run builds a `ProvisionBook` once from the portfolio and the
/// framework's `ProvisioningRules`, then per scenario calls
/// `ProvisionsProjection.project(.init(book:rules:periods:frequency:constantBalanceSheet:paths:threads:))`
/// with a `StressedPathFiller` that the credit engine provides (the scenario's stressed
/// PDs and LGDs, exposure by exposure); `ReportingDateECL.compute` gives the
/// probability-weighted ECL of one reporting date for `stresspack ecl`.
public enum ProvisionsEngine {}
