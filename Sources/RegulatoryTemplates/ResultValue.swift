/// results.json as a tree, and the paths the templates read it by.
///
/// A path is a JSON pointer whose segments may select an array element by a member's value
/// (`/scenarios[id=fed-2026-severely-adverse]/capital/cet1_ratio`) or by index
/// (`/scenarios[0]`); a selector that matches several elements takes the first.
public indirect enum ResultValue: Sendable, Equatable, Decodable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case null
    case array([ResultValue])
    case object([String: ResultValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .text(s); return }
        if let a = try? c.decode([ResultValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: ResultValue].self))
    }

    public subscript(key: String) -> ResultValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    /// The value as text for a selector match: strings as they are, numbers and booleans spelled.
    public var selectorText: String? {
        switch self {
        case let .text(s): return s
        case let .bool(b): return b ? "true" : "false"
        case let .number(d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        default: return nil
        }
    }

    /// The numbers of a number or an array of numbers (null → NaN); nil for anything else.
    public var numbers: [Double]? {
        switch self {
        case let .number(d): return [d]
        case .null: return [.nan]
        case let .array(a):
            var out: [Double] = []
            out.reserveCapacity(a.count)
            for v in a {
                switch v {
                case let .number(d): out.append(d)
                case .null: out.append(.nan)
                default: return nil
                }
            }
            return out
        default: return nil
        }
    }

    public var isArray: Bool { if case .array = self { return true } else { return false } }

    /// The value at `path`, or where the path fails: the segment that found nothing.
    public func resolve(_ path: String) -> Result<ResultValue, PathError> {
        var node = self
        var walked = ""
        for segment in ResultPath.segments(path) {
            walked += "/" + segment.text
            guard let next = segment.apply(to: node) else { return .failure(PathError(path: path, failedAt: walked)) }
            node = next
        }
        return .success(node)
    }

    public struct PathError: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var failedAt: String
        public var description: String { "\(path): nothing at \(failedAt) in results.json" }
    }
}

enum ResultPath {
    struct Segment {
        var text: String
        var key: String
        var selector: Selector?

        enum Selector {
            case index(Int)
            case match(key: String, value: String)
        }

        func apply(to node: ResultValue) -> ResultValue? {
            let member: ResultValue?
            if key.isEmpty { member = node } else { member = node[key] }
            guard let value = member else { return nil }
            switch selector {
            case nil: return value
            case let .index(k):
                guard case let .array(a) = value, a.indices.contains(k) else { return nil }
                return a[k]
            case let .match(field, wanted):
                guard case let .array(a) = value else { return nil }
                return a.first { $0[field]?.selectorText == wanted }
            }
        }
    }

    /// Segments of a path; `/` inside a selector's brackets does not split.
    static func segments(_ path: String) -> [Segment] {
        // Split on the bytes: `/`, `[` and `]` are ASCII, never inside a multi-byte character,
        // and walking Characters was a large share of filling the templates (#19).
        var parts: [String] = []
        let bytes = path.utf8
        var depth = 0
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            switch bytes[i] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "/") where depth == 0:
                if start != i { parts.append(String(path[start..<i])) }
                start = bytes.index(after: i)
            default: break
            }
            i = bytes.index(after: i)
        }
        if start != bytes.endIndex { parts.append(String(path[start...])) }
        return parts.map { part in
            guard let open = part.utf8.firstIndex(of: UInt8(ascii: "[")), part.utf8.last == UInt8(ascii: "]") else {
                return Segment(text: part, key: part, selector: nil)
            }
            let key = String(part[..<open])
            let inner = String(part[part.utf8.index(after: open)..<part.utf8.index(before: part.endIndex)])
            if let k = Int(inner) { return Segment(text: part, key: key, selector: .index(k)) }
            if let eq = inner.utf8.firstIndex(of: UInt8(ascii: "=")) {
                return Segment(text: part, key: key,
                               selector: .match(key: String(inner[..<eq]), value: String(inner[inner.utf8.index(after: eq)...])))
            }
            return Segment(text: part, key: part, selector: nil)
        }
    }
}

import Foundation

extension ResultValue {
    /// A results.json document as a tree.
    public static func decode(_ data: Data) throws -> ResultValue {
        try JSONDecoder().decode(ResultValue.self, from: data)
    }
}
