import Crypto
import Foundation

/// Who may write: bearer tokens kept only as SHA-256 digests (a stolen token file
/// grants nothing), one lower-case hex digest a line, `#` comments allowed. A
/// presented token is hashed and compared with every digest in constant time, so
/// neither the match nor its position leaks through timing.
public struct TokenAuthority: Sendable {
    let digests: [[UInt8]]

    public static let none = TokenAuthority(digests: [])

    init(digests: [[UInt8]]) { self.digests = digests }

    /// Reads a token file; errors name the file and line.
    public static func load(path: String) throws -> TokenAuthority {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ServerSetupError(message: "\(path): cannot read the token file")
        }
        var digests: [[UInt8]] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.isEmpty { continue }
            guard let bytes = hexBytes(line), bytes.count == 32 else {
                throw ServerSetupError(message: "\(path):\(n + 1): expected a SHA-256 digest (64 hex digits), got '\(line.prefix(80))'")
            }
            digests.append(bytes)
        }
        return TokenAuthority(digests: digests)
    }

    public var isEmpty: Bool { digests.isEmpty }

    /// True when `token`'s digest is one of the file's.
    public func accepts(_ token: String) -> Bool {
        let presented = Array(SHA256.hash(data: Data(token.utf8)))
        var matched: UInt8 = 0
        for digest in digests {
            var difference: UInt8 = 0
            for (a, b) in zip(digest, presented) { difference |= a ^ b }
            matched |= difference == 0 ? 1 : 0
        }
        return matched == 1
    }

    /// A new random token and the digest line to add to the token file.
    public static func newToken() -> (token: String, digest: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = "sp_" + bytes.map { String(format: "%02x", $0) }.joined()
        return (token, digest(of: token))
    }

    public static func digest(of token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let chars = Array(text.lowercased().utf8)
        guard chars.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: chars.count, by: 2) {
            guard let hi = hexValue(chars[i]), let lo = hexValue(chars[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
        }
        return bytes
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

/// A server that cannot start as configured: exit 2 with this message.
public struct ServerSetupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
