import CreditEngine
import ProvisionsEngine
import RiskMath
import StressCore

/// A scenario's re-projection under another stress plan, down to the two figures the
/// attribution and the reverse stress read: cumulative EL and the minimum CET1 ratio.
/// It runs the same credit, provisions and capital passes as the scenario itself, but
/// without the breakdowns nobody reads there, with the scenario-independent terms of each
/// exposure (`ExposureConstants`) computed once for all its coalitions and steps, and with
/// each block's PD and LGD paths filled once for both the credit and the provisions pass.
/// The totals are summed in the same blocks and order, so the figures are the full
/// projection's bits (`ReprojectionTests`).
public struct Reprojection: Sendable {
    let scenario: Scenario
    let portfolio: Portfolio
    let balanceSheet: BalanceSheet
    let credit: CreditStage.Output
    let options: ProjectionOptions
    let constants: ExposureConstants
    let labels: [String]

    public init(scenario s: Scenario, portfolio: Portfolio, balanceSheet: BalanceSheet, credit: CreditStage.Output,
                threads: Int) {
        scenario = s
        self.portfolio = portfolio
        self.balanceSheet = balanceSheet
        self.credit = credit
        var options = credit.options(s, threads: threads)
        options.breakdowns = false
        self.options = options
        constants = ExposureConstants(portfolio: portfolio, pdFloor: options.pdFloor, rwa: options.rwa, threads: threads)
        labels = Array(s.periods.prefix(credit.plan.periods))
    }

    /// Cumulative EL and minimum CET1 ratio under `plan`: a shared pass of one plan, whose
    /// groups of rows keep their paths and records in cache (the blocks of `figuresAlone`
    /// do not), with the same bits.
    public func figures(_ plan: StressPlan) -> (el: Double, cet1: Double) {
        figures([plan])[0]
    }

    /// `figures(_:)` by a pass of the credit and provisions kernels over whole blocks.
    func figuresAlone(_ plan: StressPlan) -> (el: Double, cet1: Double) {
        let (projection, provisions) = project(plan)
        let capital = CapitalStage.project(scenario: scenario, plan: plan, projection: projection,
                                           balanceSheet: balanceSheet, rules: credit.capitalRules, options: options,
                                           provisions: credit.provisions, precomputed: provisions,
                                           income: credit.income, constants: constants).0
        return (projection.cumulativeEL, capital.minCET1Ratio)
    }

    /// Cumulative EL and minimum CET1 ratio under each of `plans` (an attribution's
    /// coalitions), each the bits `figures(_:)` gives. One pass over the book evaluates
    /// each exposure once per distinct path among the plans (`PathSharing`) and adds its
    /// terms into every plan that shares the path, in row order.
    public func figures(_ plans: [StressPlan]) -> [(el: Double, cet1: Double)] {
        // At most `sharedPlans` plans a pass: a pass holds records and block sums per plan,
        // and 12 variables make 4,095 coalitions.
        guard plans.count <= Self.sharedPlans else {
            return stride(from: 0, to: plans.count, by: Self.sharedPlans).flatMap {
                figures(Array(plans[$0..<min($0 + Self.sharedPlans, plans.count)]))
            }
        }
        guard !plans.isEmpty, let setup = credit.provisions, setup.book.count == portfolio.count,
              constants.matches(setup.portfolio, pdFloor: options.pdFloor, rwa: options.rwa),
              options.amortisation == nil else { return plans.map(figuresAlone) }
        let prepared = plans.map(PreparedPlan.init)
        guard let sharing = PathSharing(portfolio: portfolio, plans: prepared) else { return plans.map(figuresAlone) }
        let inputs = plans.map {
            ProvisionStage.inputs(scenario: scenario, plan: $0, options: options, setup: setup, constants: constants)
        }
        let blocks = SharedPass(portfolio: portfolio, plans: prepared, sharing: sharing, inputs: inputs,
                                options: options, constants: constants).blocks()
        return plans.indices.map { j in
            let plan = plans[j]
            let projection = CreditProjector.combine(blocks.map { $0.credit[j] }, portfolio: portfolio, plan: plan,
                                                     periodLabels: labels, options: options)
            let provisions = ProvisionsProjection.combine(blocks.flatMap { $0.provisions[j] }, inputs[j])
            let capital = CapitalStage.project(scenario: scenario, plan: plan, projection: projection,
                                               balanceSheet: balanceSheet, rules: credit.capitalRules, options: options,
                                               provisions: credit.provisions, precomputed: provisions,
                                               income: credit.income, constants: constants).0
            return (projection.cumulativeEL, capital.minCET1Ratio)
        }
    }

    /// The minimum CET1 ratio under `plan` estimated from a subsample (`SampledPass`), to aim
    /// a search; nil when the provision book is not this portfolio's.
    func sampledCET1(_ plan: StressPlan, design: SampleDesign) -> Double? {
        guard options.amortisation == nil else { return nil }
        var input: ProvisionsProjection.Inputs?
        if let setup = credit.provisions {
            guard setup.book.count == portfolio.count,
                  constants.matches(setup.portfolio, pdFloor: options.pdFloor, rwa: options.rwa) else { return nil }
            input = ProvisionStage.inputs(scenario: scenario, plan: plan, options: options, setup: setup,
                                          constants: constants)
        }
        let prepared = PreparedPlan(plan)
        let blocks = [(design.certain, 1), (design.sampled, design.every)].flatMap { rows, weight in
            SampledPass(portfolio: portfolio, plan: prepared, input: input, options: options, constants: constants,
                        rows: rows, weight: weight).blocks()
        }
        let projection = CreditProjector.combine(blocks.map(\.credit), portfolio: portfolio, plan: plan,
                                                 periodLabels: labels, options: options)
        let provisions = input.map { ProvisionsProjection.combine(blocks.compactMap(\.provisions), $0) }
        let capital = CapitalStage.project(scenario: scenario, plan: plan, projection: projection,
                                           balanceSheet: balanceSheet, rules: credit.capitalRules, options: options,
                                           provisions: credit.provisions, precomputed: provisions,
                                           income: credit.income, constants: constants).0
        return capital.minCET1Ratio
    }

    /// Plans evaluated in one shared pass: 15 coalitions of four variables in one, and the
    /// memory of a pass (records of 128 rows and block sums per plan) stays in megabytes.
    static let sharedPlans = 32

    /// Credit and provisions in one pass over blocks of exposures when the provision book is
    /// this portfolio's; else the credit pass alone (provisions then follow in CapitalStage).
    private func project(_ plan: StressPlan) -> (CreditProjection, ProvisionsResult?) {
        guard let setup = credit.provisions, setup.book.count == portfolio.count,
              constants.matches(setup.portfolio, pdFloor: options.pdFloor, rwa: options.rwa) else {
            return (CreditProjector.project(portfolio: portfolio, plan: plan, periodLabels: labels, options: options,
                                            constants: constants), nil)
        }
        let inputs = ProvisionStage.inputs(scenario: scenario, plan: plan, options: options, setup: setup,
                                           constants: constants)
        let (portfolio, options, constants, periods) = (portfolio, options, constants, plan.periods)
        // Provision blocks nest in credit blocks, so each engine sums its own blocks in row order.
        let step = ProvisionsProjection.blockSize
        precondition(CreditProjector.blockSize % step == 0, "Reprojection: provision blocks must nest in credit blocks")
        let blocks = parallelMap(blocks: BlockPartition(count: portfolio.count, blockSize: CreditProjector.blockSize),
                                 threads: max(1, options.threads)) { rows, _ in
            let size = max(1, rows.count * periods)
            let pd = UnsafeMutableBufferPointer<Double>.allocate(capacity: size)
            let lgd = UnsafeMutableBufferPointer<Double>.allocate(capacity: size)
            defer { pd.deallocate(); lgd.deallocate() }
            inputs.paths(rows, pd, lgd)
            let credit = CreditProjector.projectBlock(rows, portfolio: portfolio, plan: plan, options: options,
                                                      constants: constants, pd: UnsafeBufferPointer(pd),
                                                      lgd: UnsafeBufferPointer(lgd))
            let provisions = stride(from: rows.lowerBound, to: rows.upperBound, by: step).map { start in
                let sub = start..<min(start + step, rows.upperBound)
                let offset = (start - rows.lowerBound) * periods
                return ProvisionsProjection.projectBlock(
                    sub, inputs, pd: UnsafeBufferPointer(rebasing: pd[offset..<(offset + sub.count * periods)]),
                    lgd: UnsafeBufferPointer(rebasing: lgd[offset..<(offset + sub.count * periods)]))
            }
            return (credit, provisions)
        }
        let projection = CreditProjector.combine(blocks.map(\.0), portfolio: portfolio, plan: plan, periodLabels: labels,
                                                 options: options)
        return (projection, ProvisionsProjection.combine(blocks.flatMap(\.1), inputs))
    }
}
