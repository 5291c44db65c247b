import CreditEngine
import StressCore

/// The CET1 margin (ratio − hurdle) at severity k estimated on a subsample of the book
/// (`Reprojection.sampledCET1`), corrected by the whole book's margins where known (k = 0,
/// the attribution's neutral coalition or the search's first step; k = 1, the scenario
/// itself): the sampling error there, interpolated linearly in k, is taken off. It aims the
/// search, never decides it. Each k is re-projected once (the search asks again for the
/// points of its last bracket).
final class SampledMargin {
    let design: SampleDesign
    let reprojection: Reprojection
    let plan: (Double) -> StressPlan
    let floor: Double
    private var cache: [Double: Double] = [:]
    private var offset: (atZero: Double, slope: Double) = (0, 0)

    init?(design: SampleDesign, reprojection: Reprojection, plan: @escaping (Double) -> StressPlan, floor: Double,
          known: [(k: Double, cet1: Double?)]) {
        self.design = design
        self.reprojection = reprojection
        self.plan = plan
        self.floor = floor
        guard sampled(0) != nil else { return nil }
        let errors = known.compactMap { point in point.cet1.flatMap { cet1 in sampled(point.k).map { (point.k, cet1 - $0) } } }
        if errors.count == 2 {
            let slope = (errors[1].1 - errors[0].1) / (errors[1].0 - errors[0].0)
            offset = (errors[0].1 - slope * errors[0].0, slope)
        } else if let only = errors.first {
            offset = (only.1, 0)
        }
    }

    private func sampled(_ k: Double) -> Double? {
        if let cached = cache[k] { return cached }
        guard let cet1 = reprojection.sampledCET1(plan(k), design: design) else { return nil }
        cache[k] = cet1
        return cet1
    }

    func margin(_ k: Double) -> Double {
        (sampled(k) ?? .nan) + offset.atZero + offset.slope * k - floor
    }
}
