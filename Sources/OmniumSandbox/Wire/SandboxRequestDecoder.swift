import Foundation
import Omnium

/// Reads request bodies the way Omnium does (contract §1): property names are case-insensitive at
/// every depth (`modifiedFrom`, `ModifiedFrom`, `modifiedfrom`, `MODIFIEDFROM` are one property),
/// unknown properties are ignored, dates come in every documented shape.
///
/// Why its own decoder: a key strategy only sees the JSON's key, never the model's, so it cannot map
/// `modifiedfrom` to `modifiedFrom`; this decoder looks each model key up in the JSON object, exactly
/// first, then ignoring case. It also keeps the sandbox's reading of requests independent of the
/// client's coders.
enum SandboxRequestDecoder {
    /// Decodes `T` from JSON bytes. Malformed JSON and type errors throw `DecodingError`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decode(type, from: try value(of: data))
    }

    /// The body as a JSON value (malformed JSON throws `DecodingError`).
    static func value(of data: Data) throws -> OmniumJSONValue {
        try SandboxJSONParser.parse(data)
    }

    /// Decodes `T` from a JSON value.
    static func decode<T: Decodable>(_ type: T.Type, from value: OmniumJSONValue) throws -> T {
        try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

// MARK: - Decoder

private struct ValueDecoder: Decoder {
    let value: OmniumJSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath)
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found \(value.kindName)"))
    }
}

private extension OmniumJSONValue {
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Decodes one value: primitives by hand, `Date` from Omnium's date text, everything else by its own init.
private func decodeValue<T: Decodable>(_ type: T.Type, from value: OmniumJSONValue, codingPath: [any CodingKey]) throws -> T {
    let single = SingleContainer(value: value, codingPath: codingPath)
    if T.self == Date.self { return try single.decode(Date.self) as! T }
    if T.self == Decimal.self { return try single.decode(Decimal.self) as! T }
    if T.self == String.self { return try single.decode(String.self) as! T }
    if T.self == Bool.self { return try single.decode(Bool.self) as! T }
    if T.self == Int.self { return try single.decode(Int.self) as! T }
    if T.self == Int64.self { return try single.decode(Int64.self) as! T }
    if T.self == Int32.self { return try single.decode(Int32.self) as! T }
    if T.self == Double.self { return try single.decode(Double.self) as! T }
    if T.self == OmniumJSONValue.self { return value as! T }
    return try T(from: ValueDecoder(value: value, codingPath: codingPath))
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: OmniumJSONValue]
    let codingPath: [any CodingKey]
    /// The member names, and for each its ``foldHash(_:)`` (nil when the name is not ASCII).
    private let names: [String]
    private let hashes: [UInt64?]

    init(members: [String: OmniumJSONValue], codingPath: [any CodingKey]) {
        self.members = members
        self.codingPath = codingPath
        names = Array(members.keys)
        hashes = names.map(Self.foldHash)
    }

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    /// The member named `key` exactly, else the one whose name equals it ignoring case (the least spelling
    /// when several do, as if the names were sorted first).
    ///
    /// Why hashes and not a table of lower-cased names: building that table lower-cased every member name of
    /// every object; most lookups match exactly, and a miss (a member the body leaves out, most of a model's
    /// optional members) is settled by comparing a case-blind hash of the key with the members' hashes. Only
    /// a name with the same hash, or one that is not ASCII, is compared lower-cased.
    private func lookup(_ key: Key) -> OmniumJSONValue? {
        let name = key.stringValue
        if let value = members[name] { return value }
        let hash = Self.foldHash(name)
        var best: String?
        for index in names.indices {
            if let hash, let other = hashes[index], other != hash { continue }
            let candidate = names[index]
            guard candidate.lowercased() == name.lowercased() else { continue }
            if let current = best, current < candidate { continue }
            best = candidate
        }
        return best.flatMap { members[$0] }
    }

    /// FNV-1a over the name's bytes with ASCII letters lower-cased; nil when the name is not ASCII (then
    /// lower-casing may change its bytes in other ways, and only `lowercased()` decides).
    static func foldHash(_ name: String) -> UInt64? {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in name.utf8 {
            guard unit < 0x80 else { return nil }
            let folded = unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = lookup(key) else { return true }
        return value == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value for \(key.stringValue)"))
        }
        return try decodeValue(type, from: value, codingPath: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookup(key), value != .null else { return nil }
        return try decodeValue(type, from: value, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: lookup(key) ?? .null, codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: lookup(key) ?? .null, codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ValueDecoder(value: .object(members), codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: lookup(key) ?? .null, codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [OmniumJSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [OmniumJSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private func current() throws -> OmniumJSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [IndexKey(currentIndex)],
                                                              debugDescription: "Unkeyed container is at end"))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        if try current() == .null {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decodeValue(type, from: try current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let decoder = ValueDecoder(value: try current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return try decoder.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let decoder = ValueDecoder(value: try current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return try decoder.unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = ValueDecoder(value: try current(), codingPath: codingPath + [IndexKey(currentIndex)])
        currentIndex += 1
        return decoder
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: OmniumJSONValue
    let codingPath: [any CodingKey]

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found \(value.kindName)"))
    }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(type) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Decimal.Type) throws -> Decimal {
        guard case .number(let number) = value else { throw mismatch(type) }
        return number
    }

    func decode(_ type: Date.Type) throws -> Date {
        let text = try decode(String.self)
        if text.isEmpty { return OmniumJSON.unsetDate }
        guard let date = OmniumDateFormat.date(from: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Not an Omnium date: \"\(text)\""))
        }
        return date
    }

    func decode(_ type: Double.Type) throws -> Double {
        Double(truncating: try decode(Decimal.self) as NSDecimalNumber)
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let number = try decode(Decimal.self)
        guard number == number.rounded(0), let value = I(exactly: NSDecimalNumber(decimal: number).int64Value),
              Decimal(Int64(value)) == number else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(number) is not a whole \(type)"))
        }
        return value
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

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: value, codingPath: codingPath)
    }
}

private extension Decimal {
    func rounded(_ scale: Int) -> Decimal {
        var input = self
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
