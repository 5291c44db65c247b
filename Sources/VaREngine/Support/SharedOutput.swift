#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory that parallel blocks write into at disjoint indices (each path's slot belongs to
/// exactly one block), read only after `parallelMap` returns.
struct SharedOutput<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(count: Int, repeating value: Element) {
        buffer = .allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: value)
    }

    @inline(__always) func write(_ value: Element, at index: Int) { buffer[index] = value }

    /// Copies out the first `count` elements and frees the memory.
    func finish(count: Int) -> [Element] {
        let out = Array(buffer[0..<count])
        buffer.deallocate()
        return out
    }

    func deallocate() { buffer.deallocate() }
}

/// Forwards completed path counts to the caller's progress callback, serialised and
/// monotone, from whichever worker finished a block.
final class ProgressCounter: @unchecked Sendable {
    private let callback: (@Sendable (Int) -> Void)?
    private var completed = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ callback: (@Sendable (Int) -> Void)?) {
        self.callback = callback
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Adds `paths` to the count and reports the new total.
    func add(_ paths: Int) {
        guard let callback else { return }
        pthread_mutex_lock(mutex)
        completed += paths
        callback(completed)
        pthread_mutex_unlock(mutex)
    }
}
