import Foundation

/// A binary Codable format for shard partials in which every Double travels as its
/// 8 bytes (sign of zero, NaN payloads and all), never as decimal text. Binary property
/// lists were tried first and rejected: their writers share equal objects, so a -0.0 came
/// back as 0.0 and a merged results.json differed from the single run's by a "-0".
/// Object keys are written sorted, so equal values give equal bytes in every process
/// (a Dictionary's own order changes from process to process).
public enum BitExactCoder {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = EncodingSlot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        var out = Data(magic)
        BitExactNode.write(root.node(), to: &out)
        return out
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard data.starts(with: magic) else { throw BitExactError.malformed("not a bit-exact document") }
        var reader = BitExactNode.Reader(bytes: [UInt8](data.dropFirst(magic.count)))
        let node = try reader.node(depth: 0)
        guard reader.atEnd else { throw BitExactError.malformed("trailing bytes after the document") }
        return try T(from: NodeDecoder(node: node, codingPath: []))
    }

    static let magic: [UInt8] = Array("SPBX1\n".utf8)
}

public enum BitExactError: Error, CustomStringConvertible {
    case malformed(String)
    case mismatch(String, codingPath: [CodingKey])

    public var description: String {
        switch self {
        case .malformed(let why): "malformed: \(why)"
        case .mismatch(let why, let path): "\(why) at \(path.map(\.stringValue).joined(separator: "."))"
        }
    }
}

indirect enum BitExactNode: Equatable {
    case null, bool(Bool), int(Int64), uint(UInt64), double(UInt64), string(String)
    case array([BitExactNode]), object([String: BitExactNode])
    /// A [Double] packed as its bit patterns: the VaR batches' path vectors, millions long,
    /// without a node per element.
    case doubles([UInt64])

    static func write(_ node: BitExactNode, to out: inout Data) {
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func text(_ s: String) { let b = Array(s.utf8); u64(UInt64(b.count)); out.append(contentsOf: b) }
        switch node {
        case .null: out.append(0)
        case .bool(let b): out.append(b ? 2 : 1)
        case .int(let v): out.append(3); u64(UInt64(bitPattern: v))
        case .uint(let v): out.append(4); u64(v)
        case .double(let bits): out.append(5); u64(bits)
        case .string(let s): out.append(6); text(s)
        case .array(let items):
            out.append(7); u64(UInt64(items.count))
            for item in items { write(item, to: &out) }
        case .object(let fields):
            out.append(8); u64(UInt64(fields.count))
            for key in fields.keys.sorted() { text(key); write(fields[key]!, to: &out) }
        case .doubles(let bits):
            out.append(9); u64(UInt64(bits.count))
            out.reserveCapacity(out.count + 8 * bits.count)
            for b in bits { u64(b) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var at = 0
        var atEnd: Bool { at == bytes.count }

        mutating func u64() throws -> UInt64 {
            guard bytes.count - at >= 8 else { throw BitExactError.malformed("truncated") }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            at += 8
            return v
        }

        mutating func count() throws -> Int {
            let n = try u64()
            guard n <= UInt64(bytes.count - at) else { throw BitExactError.malformed("truncated") }
            return Int(n)
        }

        mutating func text() throws -> String {
            let n = try count()
            defer { at += n }
            guard let s = String(validating: bytes[at..<at + n], as: UTF8.self) else {
                throw BitExactError.malformed("a string is not UTF-8")
            }
            return s
        }

        mutating func node(depth: Int) throws -> BitExactNode {
            guard depth < 256 else { throw BitExactError.malformed("nested too deep") }
            guard at < bytes.count else { throw BitExactError.malformed("truncated") }
            let tag = bytes[at]
            at += 1
            switch tag {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3: return .int(Int64(bitPattern: try u64()))
            case 4: return .uint(try u64())
            case 5: return .double(try u64())
            case 6: return .string(try text())
            case 7:
                let n = try count()
                var items: [BitExactNode] = []
                items.reserveCapacity(n)
                for _ in 0..<n { items.append(try node(depth: depth + 1)) }
                return .array(items)
            case 8:
                let n = try count()
                var fields: [String: BitExactNode] = [:]
                for _ in 0..<n {
                    let key = try text()
                    fields[key] = try node(depth: depth + 1)
                }
                return .object(fields)
            case 9:
                let n = try count()
                guard n <= (bytes.count - at) / 8 else { throw BitExactError.malformed("truncated") }
                var bits = [UInt64](repeating: 0, count: n)
                for k in 0..<n { bits[k] = try u64() }
                return .doubles(bits)
            default: throw BitExactError.malformed("unknown tag \(tag)")
            }
        }
    }
}

// MARK: Encoding

/// A value under construction: a leaf, or an array or object of slots filled later
/// (nested containers hand out slots before their contents are encoded).
final class EncodingSlot {
    var leaf: BitExactNode?
    var items: [EncodingSlot]?
    var fields: [String: EncodingSlot]?

    func node() -> BitExactNode {
        if let items { return .array(items.map { $0.node() }) }
        if let fields { return .object(fields.mapValues { $0.node() }) }
        return leaf ?? .null
    }

    func encode<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws {
        switch value {
        case let v as Double: leaf = .double(v.bitPattern)
        case let v as [Double]: leaf = .doubles(v.map(\.bitPattern))
        case let v as Float: leaf = .double(Double(v).bitPattern)
        default: try value.encode(to: SlotEncoder(slot: self, codingPath: codingPath))
        }
    }
}

struct SlotEncoder: Encoder {
    let slot: EncodingSlot
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = [:] }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if slot.items == nil { slot.items = [] }
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleSlotContainer(slot: slot, codingPath: codingPath) }
}

struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: EncodingSlot
    var codingPath: [CodingKey]

    private func child(_ key: Key) -> EncodingSlot { child(named: key.stringValue) }

    private func child(named name: String) -> EncodingSlot {
        let c = EncodingSlot()
        slot.fields![name] = c
        return c
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).leaf = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try child(key).encode(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        SlotEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder { SlotEncoder(slot: child(named: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { SlotEncoder(slot: child(key), codingPath: codingPath + [key]) }
}

struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: EncodingSlot
    var codingPath: [CodingKey]
    var count: Int { slot.items!.count }

    private func next() -> EncodingSlot {
        let c = EncodingSlot()
        slot.items!.append(c)
        return c
    }

    mutating func encodeNil() throws { next().leaf = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value, codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        SlotEncoder(slot: next(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder { SlotEncoder(slot: next(), codingPath: codingPath) }
}

struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: EncodingSlot
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.leaf = .null }
    mutating func encode(_ value: Bool) throws { slot.leaf = .bool(value) }
    mutating func encode(_ value: String) throws { slot.leaf = .string(value) }
    mutating func encode(_ value: Double) throws { slot.leaf = .double(value.bitPattern) }
    mutating func encode(_ value: Float) throws { slot.leaf = .double(Double(value).bitPattern) }
    mutating func encode(_ value: Int) throws { slot.leaf = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.leaf = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.leaf = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.leaf = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.leaf = .int(value) }
    mutating func encode(_ value: UInt) throws { slot.leaf = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.leaf = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.leaf = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.leaf = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.leaf = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value, codingPath: codingPath) }
}

// MARK: Decoding

struct NodeDecoder: Decoder {
    let node: BitExactNode
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = node else { throw BitExactError.mismatch("expected an object", codingPath: codingPath) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        switch node {
        case .array(let items): return UnkeyedNodeContainer(items: items, codingPath: codingPath)
        case .doubles(let bits): return UnkeyedNodeContainer(items: bits.map(BitExactNode.double), codingPath: codingPath)
        default: throw BitExactError.mismatch("expected an array", codingPath: codingPath)
        }
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }

    static func decode<T: Decodable>(_ type: T.Type, from node: BitExactNode, codingPath: [CodingKey]) throws -> T {
        if T.self == [Double].self, case .doubles(let bits) = node {
            return bits.map(Double.init(bitPattern:)) as! T
        }
        return try T(from: NodeDecoder(node: node, codingPath: codingPath))
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: BitExactNode]
    var codingPath: [CodingKey]
    var allKeys: [Key] { fields.keys.sorted().compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func field(_ key: Key) throws -> BitExactNode {
        guard let node = fields[key.stringValue] else {
            throw BitExactError.mismatch("no field '\(key.stringValue)'", codingPath: codingPath)
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try NodeDecoder.decode(type, from: try field(key), codingPath: codingPath + [key])
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: try field(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try NodeDecoder(node: try field(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    func superDecoder() throws -> Decoder { NodeDecoder(node: fields["super"] ?? .null, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { NodeDecoder(node: try field(key), codingPath: codingPath + [key]) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [BitExactNode]
    var codingPath: [CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [BitExactNode], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    private mutating func next() throws -> BitExactNode {
        guard !isAtEnd else { throw BitExactError.mismatch("array ended early", codingPath: codingPath) }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder.decode(type, from: try next(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: try next(), codingPath: codingPath).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try NodeDecoder(node: try next(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superDecoder() throws -> Decoder { NodeDecoder(node: try next(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: BitExactNode
    var codingPath: [CodingKey]

    private func mismatch(_ what: String) -> BitExactError { .mismatch("expected \(what)", codingPath: codingPath) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        switch node {
        case .int(let v): if let x = T(exactly: v) { return x }
        case .uint(let v): if let x = T(exactly: v) { return x }
        default: break
        }
        throw mismatch("an integer that fits \(T.self)")
    }

    func decodeNil() -> Bool { node == .null }
    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = node else { throw mismatch("a Bool") }
        return b
    }
    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = node else { throw mismatch("a String") }
        return s
    }
    func decode(_ type: Double.Type) throws -> Double {
        guard case .double(let bits) = node else { throw mismatch("a Double") }
        return Double(bitPattern: bits)
    }
    func decode(_ type: Float.Type) throws -> Float {
        guard case .double(let bits) = node else { throw mismatch("a Float") }
        return Float(Double(bitPattern: bits))
    }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeDecoder.decode(type, from: node, codingPath: codingPath) }
}
