import Foundation
import StressCore

/// Where the CSV reader gets its bytes: an open file, read in chunks with `read(2)`,
/// or bytes already in memory (tests, embedded samples).
///
/// The file descriptor has exactly one owner, this class, and is closed in `deinit`
/// (STYLE habit 8), so an error thrown halfway through a file never leaks it.
final class ByteSource {
    private enum Storage {
        case file(descriptor: Int32)
        /// Bytes `next ..< end` of a file, read with `pread` (one part of a parallel load).
        case fileRange(descriptor: Int32, next: Int, end: Int)
        case memory(bytes: [UInt8], offset: Int)
    }

    private var storage: Storage

    /// Opens `path` for reading; the message carries the system's reason.
    init(path: String) throws(InputError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open the file: " + String(cString: strerror(errno)))
        }
        var status = stat()
        if fstat(descriptor, &status) != 0 { status.st_size = 0 }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw InputError(file: path, message: "cannot read the file: it is a directory")
        }
        storage = .file(descriptor: descriptor)
        byteCount = status.st_size > 0 ? Int(status.st_size) : nil
    }

    /// Bytes `range` of the file at `path`.
    init(path: String, range: Range<Int>) throws(InputError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open the file: " + String(cString: strerror(errno)))
        }
        storage = .fileRange(descriptor: descriptor, next: range.lowerBound, end: range.upperBound)
        byteCount = range.count
    }

    init(bytes: [UInt8]) {
        storage = .memory(bytes: bytes, offset: 0)
        byteCount = bytes.count
    }

    /// The size of the input when known in advance (a regular file, memory), used
    /// only to reserve capacity.
    let byteCount: Int?

    deinit {
        switch storage {
        case .file(let descriptor), .fileRange(let descriptor, _, _): close(descriptor)
        case .memory: break
        }
    }

    /// Reads up to `capacity` bytes into `buffer`; 0 means end of input. A failing
    /// system call gives its `strerror` text.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Result<Int, IOFailure> {
        switch storage {
        case .file(let descriptor):
            return Self.retryingInterrupts { Foundation.read(descriptor, buffer, capacity) }
        case .fileRange(let descriptor, let next, let end):
            let wanted = min(capacity, end - next)
            guard wanted > 0 else { return .success(0) }
            let result = Self.retryingInterrupts { pread(descriptor, buffer, wanted, off_t(next)) }
            if case .success(let count) = result {
                storage = .fileRange(descriptor: descriptor, next: next + count, end: end)
            }
            return result
        case .memory(let bytes, let offset):
            let count = min(capacity, bytes.count - offset)
            guard count > 0 else { return .success(0) }
            bytes.withUnsafeBufferPointer { all in
                buffer.update(from: all.baseAddress! + offset, count: count)
            }
            storage = .memory(bytes: bytes, offset: offset + count)
            return .success(count)
        }
    }

    /// A read system call, again while a signal interrupts it; its `strerror` text on failure.
    private static func retryingInterrupts(_ call: () -> Int) -> Result<Int, IOFailure> {
        while true {
            let count = call()
            if count >= 0 { return .success(count) }
            if errno == EINTR { continue }
            return .failure(IOFailure(message: String(cString: strerror(errno))))
        }
    }

    struct IOFailure: Error {
        var message: String
    }
}
