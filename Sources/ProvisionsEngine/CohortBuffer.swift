/// One exposure's stage 3 cohorts, oldest first, in a buffer the kernel allocates once per
/// block (room for the jump-off cohort and one per period). A Swift array checked its
/// uniqueness on every element update, about 3% of a re-projection's instructions; the
/// same updates in the same order here give the same sums.
struct CohortBuffer: RandomAccessCollection {
    private let storage: UnsafeMutableBufferPointer<ExposureProvisions.Cohort>
    private(set) var count = 0

    init(capacity: Int) { storage = .allocate(capacity: Swift.max(1, capacity)) }

    func deallocate() { storage.deallocate() }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(k: Int) -> ExposureProvisions.Cohort {
        get { storage[k] }
        nonmutating set { storage[k] = newValue }
    }

    mutating func append(_ cohort: ExposureProvisions.Cohort) {
        precondition(count < storage.count, "CohortBuffer: more cohorts than periods")
        storage[count] = cohort
        count += 1
    }

    /// Removes cohort `k`, keeping the others in order.
    mutating func remove(at k: Int) {
        for j in k..<(count - 1) { storage[j] = storage[j + 1] }
        count -= 1
    }

    mutating func removeAll() { count = 0 }
}
