/// UTF-8 checks shared by the CSV and YAML loaders.
///
/// Input files must be UTF-8 (INTERFACES.md). A file saved as Windows-1252 or
/// Latin-1 usually differs only in a few accented names, so the error points at the
/// first offending byte instead of refusing the whole file without a location.
enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a valid UTF-8
    /// sequence, or nil when every byte is valid.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// A description of the byte at `offset` for messages: `byte 0xE9`.
    static func describeByte(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        let byte = bytes[offset]
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
