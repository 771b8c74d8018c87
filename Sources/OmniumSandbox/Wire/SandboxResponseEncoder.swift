import Foundation
import Omnium

/// Writes the sandbox's answers as the contract's sandbox choices say (§1): camelCase members as the
/// model names them, **`null` for every unset member** (Omnium writes nulls; a client must read both
/// `null` and an absent member), dates as `yyyy-MM-ddTHH:mm:ss.fffffffZ` UTC, money as exact decimals,
/// keys sorted so one value always gives the same bytes.
///
/// Why its own encoder: Foundation's `JSONEncoder` drops nil optionals, which is the client's choice
/// (it sends only what it sets), not Omnium's; and the sandbox's serialisation must follow the contract
/// on its own rather than agree with the client because both use the same coder.
enum SandboxResponseEncoder {
    /// The JSON bytes of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = Node()
        try encodeValue(value, into: root, codingPath: [])
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        root.write(to: &out)
        return Data(out)
    }
}

// MARK: - Tree

/// One value being written; containers fill it in place. Members are kept in the order written
/// (a synthesized `encode(to:)` writes each key once) and sorted when the text is written.
private final class Node {
    enum Shape { case unset, single(OmniumJSONValue), object, array }
    var shape = Shape.unset
    enum Entry {
        case leaf(OmniumJSONValue)
        case node(Node)
    }
    var members: [(key: String, entry: Entry)] = []
    /// The Swift type that wrote this object, for the key-order cache.
    var type: ObjectIdentifier?
    var items: [Node] = []

    func write(to out: inout [UInt8]) {
        switch shape {
        case .unset: out.append(contentsOf: "{}".utf8)
        case .single(let value): SandboxJSONText.append(value, to: &out)
        case .array:
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object:
            out.append(UInt8(ascii: "{"))
            // Sorted by key; a key written twice keeps its last value (the sort is stable).
            let layout = KeyOrder.layout(of: members, type: type)
            var first = true
            for (position, index) in layout.order.enumerated() where !layout.isShadowed[position] {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: layout.memberPrefixes[position])
                switch members[index].entry {
                case .leaf(let value): SandboxJSONText.append(value, to: &out)
                case .node(let node): node.write(to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

/// Writes one value: `Date`, `Decimal` and `OmniumJSONValue` by hand, everything else by its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    if let leaf = leafValue(value) {
        node.shape = .single(leaf)
    } else {
        node.type = ObjectIdentifier(T.self)
        try value.encode(to: ValueEncoder(node: node, codingPath: codingPath))
    }
}

/// `value` as a JSON leaf when it is one the encoder writes by hand (checked by type, not by casting
/// every value, which is what made a first version slow).
private func leafValue<T: Encodable>(_ value: T) -> OmniumJSONValue? {
    if T.self == String.self { return .string(value as! String) }
    if T.self == Decimal.self { return .number(value as! Decimal) }
    if T.self == Date.self { return .string(OmniumDateFormat.string(from: value as! Date)) }
    if T.self == Bool.self { return .bool(value as! Bool) }
    if T.self == Int.self { return .number(Decimal(value as! Int)) }
    if T.self == OmniumJSONValue.self { return (value as! OmniumJSONValue) }
    return nil
}

private struct ValueEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.shape {} else { node.shape = .object; node.members = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.shape {} else { node.shape = .array; node.items = [] }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Node {
        let child = Node()
        node.members.append((key.stringValue, .node(child)))
        return child
    }

    private func leaf(_ value: OmniumJSONValue, _ key: Key) {
        node.members.append((key.stringValue, .leaf(value)))
    }

    mutating func encodeNil(forKey key: Key) throws { leaf(.null, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let value = leafValue(value) { return leaf(value, key) }
        try encodeValue(value, into: child(key), codingPath: codingPath + [key])
    }

    // The point of this encoder: an unset optional is written as `null`, not left out.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return leaf(.null, key) }
        try encode(value, forKey: key)
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { leaf(value.map { .bool($0) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { leaf(value.map { .string($0) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { leaf(value.map(number) ?? .null, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { leaf(value.map { number(Double($0)) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { leaf(value.map { .number(Decimal($0)) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { leaf(value.map { .number(Decimal(Int($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { leaf(value.map { .number(Decimal(Int($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { leaf(value.map { .number(Decimal(Int($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { leaf(value.map { .number(Decimal($0)) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { leaf(value.map { .number(Decimal($0)) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { leaf(value.map { .number(Decimal(UInt($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { leaf(value.map { .number(Decimal(UInt($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { leaf(value.map { .number(Decimal(UInt($0))) } ?? .null, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { leaf(value.map { .number(Decimal($0)) } ?? .null, key) }

    mutating func encode(_ value: Bool, forKey key: Key) throws { leaf(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { leaf(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { leaf(number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { leaf(number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { leaf(.number(Decimal(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { leaf(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { leaf(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { leaf(.number(Decimal(Int(value))), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { leaf(.number(Decimal(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { leaf(.number(Decimal(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { leaf(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { leaf(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { leaf(.number(Decimal(UInt(value))), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { leaf(.number(Decimal(value)), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(node: child(key), codingPath: codingPath + [key])
    }
}

/// A `Double` as a JSON number (never NaN or infinity in Omnium data; those become `null`).
private func number(_ value: Double) -> OmniumJSONValue {
    guard value.isFinite, let decimal = Decimal(string: "\(value)") else { return .null }
    return .number(decimal)
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.items.count }

    private func next() -> Node {
        let child = Node()
        node.items.append(child)
        return child
    }

    mutating func encodeNil() throws { next().shape = .single(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let leaf = leafValue(value) { return next().shape = .single(leaf) }
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: next(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        return ValueEncoder(node: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        return ValueEncoder(node: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(count)]
        return ValueEncoder(node: next(), codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.shape = .single(.null) }
    mutating func encode(_ value: Bool) throws { node.shape = .single(.bool(value)) }
    mutating func encode(_ value: String) throws { node.shape = .single(.string(value)) }
    mutating func encode(_ value: Double) throws { node.shape = .single(number(value)) }
    mutating func encode(_ value: Float) throws { node.shape = .single(number(Double(value))) }
    mutating func encode(_ value: Int) throws { node.shape = .single(.number(Decimal(value))) }
    mutating func encode(_ value: Int8) throws { node.shape = .single(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int16) throws { node.shape = .single(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int32) throws { node.shape = .single(.number(Decimal(Int(value)))) }
    mutating func encode(_ value: Int64) throws { node.shape = .single(.number(Decimal(value))) }
    mutating func encode(_ value: UInt) throws { node.shape = .single(.number(Decimal(value))) }
    mutating func encode(_ value: UInt8) throws { node.shape = .single(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt16) throws { node.shape = .single(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt32) throws { node.shape = .single(.number(Decimal(UInt(value)))) }
    mutating func encode(_ value: UInt64) throws { node.shape = .single(.number(Decimal(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }
}

// MARK: - Key order

/// How an object's members are written: their sorted order, each member's `"name":` text, and which are
/// shadowed by a later member of the same name. Remembered per Swift type: a synthesized (or the models'
/// hand-written) `encode(to:)` writes the same keys in the same order every time (this encoder writes unset
/// ones too), so each type is sorted and its names escaped once instead of once per object. A type whose
/// keys differ from the remembered ones (a dictionary, a model keeping unknown members) is laid out afresh.
private final class KeyOrder: @unchecked Sendable {
    let keys: [String]
    /// Member indexes in written order.
    let order: [Int]
    /// Per position in `order`: the member's name as JSON text and the colon after it.
    let memberPrefixes: [[UInt8]]
    /// Per position in `order`: true when the next position has the same name (the last one written wins).
    let isShadowed: [Bool]

    private init(keys: [String]) {
        self.keys = keys
        let order = keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        self.order = order
        memberPrefixes = order.map { index in
            var text: [UInt8] = []
            SandboxJSONBytes.appendString(keys[index], to: &text)
            text.append(UInt8(ascii: ":"))
            return text
        }
        isShadowed = order.indices.map { position in
            position + 1 < order.count && keys[order[position + 1]] == keys[order[position]]
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: KeyOrder] = [:]

    static func layout(of members: [(key: String, entry: Node.Entry)], type: ObjectIdentifier?) -> KeyOrder {
        if let type, let known = lock.withLock({ cache[type] }), known.keys.count == members.count,
           zip(known.keys, members).allSatisfy({ $0 == $1.key }) {
            return known
        }
        let layout = KeyOrder(keys: members.map(\.key))
        if let type { lock.withLock { cache[type] = layout } }
        return layout
    }
}

// MARK: - Text

/// JSON text of a value: compact, keys sorted, strings escaped per RFC 8259 (`/` not escaped), as bytes.
///
/// Bytes, not `String` appends: a POS order's answer is about 400 members, and the `String` appends (and
/// escaping every member name again) were most of the time spent writing it.
enum SandboxJSONText {
    static func append(_ value: OmniumJSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): SandboxDecimalText.append(number, to: &out)
        case .string(let text): SandboxJSONBytes.appendString(text, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                SandboxJSONBytes.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The text of `value` appended to a `String` (tests).
    static func write(_ value: OmniumJSONValue, to out: inout String) {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string appended to a `String` (tests).
    static func writeString(_ text: String, to out: inout String) {
        var bytes: [UInt8] = []
        SandboxJSONBytes.appendString(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
