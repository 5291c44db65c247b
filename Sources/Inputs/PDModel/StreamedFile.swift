import Foundation
import StressCore

/// A text file written in pieces under a temporary name and renamed into place by
/// `commit()`, so a failed write leaves nothing at the path (`pd apply`, `pd sample`).
final class StreamedFile {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = ""

    init(path: String) throws(InputError) {
        self.path = path
        temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw InputError(file: path, message: "cannot write the file")
        }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    func append(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            buffer = ""
        }
    }

    func commit() throws(InputError) {
        handle.write(Data(buffer.utf8))
        buffer = ""
        try? handle.close()
        guard rename(temporary, path) == 0 else {
            throw InputError(file: path, message: "cannot put the file in place: " + String(cString: strerror(errno)))
        }
    }
}
