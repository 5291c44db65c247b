#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only, whose pages can be given back once read. A column file is read
/// once, front to back, and copied into the book's arrays: without `release`, every page
/// read stays resident (and counts in the process's peak memory) until the file is
/// unmapped, so a range of a 10M book peaked at twice its own size.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }

    /// Gives back the whole pages before `offset` not given back yet (they are read again
    /// from the file if touched).
    func release(upTo offset: Int) {
        let end = offset / Self.page * Self.page
        guard end > released, let base = bytes.baseAddress else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}
