/// LiquidityEngine: LCR, NSFR, stressed liquidity and the RBI liquidity sensitivity
/// (METHODOLOGY §4 and §2.4). Pure functions of `StressCore` values: no I/O.
///
/// Entry points:
/// - `liquidityCoverage(_:rates:)` and `liquidityCoverage(_:rates:shock:)`: the LCR.
/// - `netStableFunding(_:rates:)`: the NSFR.
/// - `stressedLiquidity(_:scenario:rates:periods:)`: the LCR path of a scenario and
///   the survival horizon per period.
/// - `rbiLiquiditySensitivity(...)`: the RBI seed's LCR after a deposit run-off.
/// - `scenarioResult(balanceSheet:scenario:rates:periods:)`: all of it for one
///   scenario, as `results.json` reports it (`ScenarioLiquidityResult`).
///
/// Rates come from `LiquidityRates` (`.basel`, or a table file loaded by
/// `Inputs.LiquidityTableFile`). Errors are `LiquidityError`s naming the key and what
/// was expected; `inputError(file:)` turns them into `InputError`s (exit code 2).
public enum LiquidityEngine {}
