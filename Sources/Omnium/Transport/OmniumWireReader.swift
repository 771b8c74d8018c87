import Foundation

// MARK: - OmniumWireDecodable

/// A model that can also be read straight from one JSON object's bytes, without `JSONDecoder`.
///
/// Why: the catalogue's high-volume records (a stock item per SKU and warehouse: 3 million at 100,000
/// products × 20 stores; a product document with its variants, prices and assets) spent most of a run's
/// CPU in Codable's keyed containers (issue 8). The fast reader is an optimisation only, never a second
/// opinion: it returns nil for anything it is not certain to read exactly as `OmniumJSON.decoder` would
/// (an escape, an unusual number, a value of an unexpected kind, a repeated or unknown member where the
/// model keeps unknown members), and the caller then decodes those bytes with `JSONDecoder` as before,
/// which also produces the error an unreadable record is quarantined with. Tests compare the two readers
/// on generated and hand-picked records.
public protocol OmniumWireDecodable: Decodable, Sendable {
    /// The record in `json` (one JSON object), or nil when the fast reader is not certain.
    init?(wireJSON json: UnsafeBufferPointer<UInt8>)

    /// The records at `ranges` of a page answer `body`, each keeping its bytes, read by ``init(wireJSON:)`` or,
    /// where it is not certain, by `OmniumJSON.decoder`. Requirements with one implementation (in
    /// OmniumReceivedRecord.swift) so that each model's conformance gets its own specialized copy: the client
    /// calls them once per page through the model's conformance, and the loop over the records looks nothing up.
    static func receivedRecords(in body: Data, at ranges: [Range<Int>]) throws -> [OmniumReceivedRecord<Self>]
    /// Like ``receivedRecords(in:at:)``, for a page read without keeping the records' bytes.
    static func pageRecords(in body: Data, at ranges: [Range<Int>]) throws -> [OmniumPageRecord<Self>]
}

extension OmniumWireDecodable {
    /// ``init(wireJSON:)`` over `Data`.
    public init?(wireJSON data: Data) {
        guard let value = data.withUnsafeBytes({ raw in Self(wireJSON: raw.bindMemory(to: UInt8.self)) }) else { return nil }
        self = value
    }
}

/// A model read as a value inside another one (a product's prices, categories, assets…) by ``OmniumWireReader``.
protocol OmniumWireNested {
    /// Reads the value at the reader's position (an object); nil, with the reader failed, when not certain.
    static func read(from reader: inout OmniumWireReader) -> Self?

    /// A whole list of this model (`[value, value, …]`, then nothing but whitespace), or nil when not certain.
    /// A requirement with one implementation (below) so that each model's conformance has its own specialized
    /// copy: ``OmniumRecordList`` knows its model only at run time and calls it once per list (issue 8).
    static func read(wholeList json: UnsafeBufferPointer<UInt8>) -> [Self]?
}

extension OmniumWireNested {
    /// A whole record of this model: one value, then nothing but whitespace.
    static func read(wholeRecord json: UnsafeBufferPointer<UInt8>) -> Self? {
        var reader = OmniumWireReader(json)
        guard let value = read(from: &reader), reader.finish() else { return nil }
        return value
    }

    static func read(wholeList json: UnsafeBufferPointer<UInt8>) -> [Self]? {
        var reader = OmniumWireReader(json)
        var list: [Self]?
        guard reader.read(&list), let list, reader.finish() else { return nil }
        return list
    }
}

// MARK: - OmniumWireReader

/// A cursor over one JSON value's bytes, for the fast record readers.
///
/// It reads what Omnium's records hold: objects, lists, strings without escapes, plain decimal numbers,
/// `true`/`false`/`null`. Anything else (an escape, an exponent, a malformed byte) fails the reader: every
/// later call returns nil/false and the record is left to `JSONDecoder`. Objects are read member by member:
///
///     var item = OmniumInventoryItem()
///     let complete = reader.readObject(Member.self) { member, reader in
///         switch member { case .sku: return reader.read(&item.sku) … }
///     }
struct OmniumWireReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    /// At the first member or element of the object or list just begun (no comma before it).
    private var atFirst = false
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Structure

    /// Enters the object at the position; false (failed) when the value is not an object.
    mutating func beginObject() -> Bool { begin(UInt8(ascii: "{")) }

    /// Enters the list at the position; false (failed) when the value is not a list.
    mutating func beginArray() -> Bool { begin(UInt8(ascii: "[")) }

    /// The next member's key, the reader then at its value; nil after the closing brace, or when failed or
    /// the key holds an escape.
    mutating func nextKey() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard !failed, separator(closing: UInt8(ascii: "}")) else { return nil }
        guard peek == UInt8(ascii: "\""), let key = plainString() else {
            fail()
            return nil
        }
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else {
            fail()
            return nil
        }
        skipWhitespace()
        return bytes[key]
    }

    /// True when the list has another element (the reader then at it); false after the closing bracket or
    /// when failed.
    mutating func nextElement() -> Bool {
        guard !failed else { return false }
        return separator(closing: UInt8(ascii: "]"))
    }

    /// After the top-level value: true when nothing but whitespace follows and nothing failed.
    mutating func finish() -> Bool {
        skipWhitespace()
        return !failed && index == bytes.count
    }

    /// Fails the reader (a caller that met a value it is not certain of).
    mutating func fail() { failed = true }

    /// What a model does with a member it does not name.
    enum UnknownMembers {
        /// Skipped, as a synthesized `Decodable` ignores it.
        case skipped
        /// Declined: the model keeps unknown members (`additionalMembers`), which only JSONDecoder collects.
        case declined
    }

    /// Reads the object at the position member by member: `member` reads each member the model names into
    /// its value (false = not certain). A repeated member (which JSONDecoder resolves its own way), and an
    /// unknown one when `unknown` is `.declined`, fail the read; false when anything failed.
    mutating func readObject<Member: OmniumWireMember>(_: Member.Type, unknown: UnknownMembers = .skipped,
                                                       _ member: (Member, inout OmniumWireReader) -> Bool) -> Bool {
        guard beginObject() else { return false }
        var seen = OmniumWireSeenMembers()
        while let key = nextKey() {
            guard let index = Member.index(ofKey: key) else {
                guard unknown == .skipped else {
                    fail()
                    return false
                }
                skipValue()
                continue
            }
            guard seen.insert(index), member(Member.allCases[index], &self) else {
                fail()
                return false
            }
        }
        return !failed
    }

    // MARK: Members into optional fields (`null` leaves the field unset, as `decodeIfPresent` does)

    mutating func read(_ field: inout String?) -> Bool { read(&field) { $0.string() } }
    mutating func read(_ field: inout Decimal?) -> Bool { read(&field) { $0.decimal() } }
    mutating func read(_ field: inout Date?) -> Bool { read(&field) { $0.date() } }
    mutating func read(_ field: inout Bool?) -> Bool { read(&field) { $0.bool() } }
    mutating func read(_ field: inout Int?) -> Bool { read(&field) { $0.int() } }
    mutating func read(_ field: inout [String]?) -> Bool { readList(&field) { $0.string() } }
    mutating func read<T: OmniumWireNested>(_ field: inout [T]?) -> Bool { readList(&field) { T.read(from: &$0) } }

    private mutating func read<T>(_ field: inout T?, _ value: (inout Self) -> T?) -> Bool {
        if null() { return true }
        guard let parsed = value(&self) else {
            fail()
            return false
        }
        field = parsed
        return true
    }

    private mutating func readList<T>(_ field: inout [T]?, _ element: (inout Self) -> T?) -> Bool {
        if null() { return true }
        guard beginArray() else { return false }
        var list: [T] = []
        while nextElement() {
            guard let value = element(&self) else {
                fail()
                return false
            }
            list.append(value)
        }
        guard !failed else { return false }
        field = list
        return true
    }

    /// Consumes a `null` when that is the value at the position.
    mutating func null() -> Bool { literal("null") }

    // MARK: Values

    /// A string without escapes or control characters, validated as UTF-8 (as `JSONDecoder` does).
    ///
    /// Why the ASCII check first: `String(validating:as:)` is generic and was not specialized here; it looked up
    /// generic metadata at run time for every string, about 5 % of a catalogue run's CPU. ASCII text (SKUs,
    /// codes, most values) is valid UTF-8 as it stands and goes through `String(decoding:)`'s fast path.
    mutating func string() -> String? {
        guard peek == UInt8(ascii: "\""), let range = plainString() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        var high: UInt8 = 0
        for byte in text { high |= byte }
        return high < 0x80 ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
    }

    /// A date in any of Omnium's shapes (`OmniumDateFormat`), `""` as ``OmniumJSON/unsetDate``, as the
    /// decoder's date strategy reads it.
    mutating func date() -> Date? {
        guard peek == UInt8(ascii: "\""), let range = plainString() else { return nil }
        if range.isEmpty { return OmniumJSON.unsetDate }
        return OmniumDateFormat.date(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A whole number without sign tricks or fraction (`-12`, `0`), within `Int`.
    mutating func int() -> Int? {
        guard let (negative, mantissa, fractionDigits) = number(), fractionDigits == 0,
              mantissa <= UInt64(Int.max) else { return nil }
        return negative ? -Int(mantissa) : Int(mantissa)
    }

    /// A JSON number as an exact `Decimal`, for `-?digits[.digits]` with at most 18 digits in all (what
    /// quantities, prices and costs look like); nil otherwise (an exponent, `-0`, more digits).
    mutating func decimal() -> Decimal? {
        guard let (negative, mantissa, fractionDigits) = number() else { return nil }
        if fractionDigits == 0 { return negative ? -Decimal(mantissa) : Decimal(mantissa) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }

    /// Moves past the value at the position, whatever it is, checking it is well-formed JSON (strings in it
    /// may hold escapes); fails the reader when it is not, or nests deeper than 256.
    mutating func skipValue() {
        skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) {
        guard !failed, depth < 256, let first = peek else { return fail() }
        switch first {
        case UInt8(ascii: "\""):
            if !skipString() { fail() }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let closing = first == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipWhitespace()
            if take(closing) { return }
            while true {
                if closing == UInt8(ascii: "}") {
                    guard peek == UInt8(ascii: "\""), skipString() else { return fail() }
                    skipWhitespace()
                    guard take(UInt8(ascii: ":")) else { return fail() }
                    skipWhitespace()
                }
                skipValue(depth: depth + 1)
                if failed { return }
                skipWhitespace()
                if take(closing) { return }
                guard take(UInt8(ascii: ",")) else { return fail() }
                skipWhitespace()
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if !(literal("true") || literal("false") || literal("null")) { fail() }
        default:
            if !skipNumber() { fail() }
        }
    }

    // MARK: Pages

    /// The members of a page answer (`{"totalHits": n, "result": [...], "scrollId": "..."}`) with the byte
    /// ranges of its records, the whole answer checked as JSON; nil when it is not of that shape or holds
    /// anything the reader declines (then the caller reads it with `JSONDecoder`).
    static func page(_ body: UnsafeBufferPointer<UInt8>) -> (totalHits: Int64?, scrollId: String?, records: [Range<Int>]?)? {
        var reader = OmniumWireReader(body)
        guard reader.beginObject() else { return nil }
        var totalHits: Int?, scrollId: String?, records: [Range<Int>]?
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            if key.elementsEqual("totalHits".utf8) {
                guard seen.insert(0), reader.read(&totalHits) else { return nil }
            } else if key.elementsEqual("scrollId".utf8) {
                guard seen.insert(1), reader.read(&scrollId) else { return nil }
            } else if key.elementsEqual("result".utf8) {
                guard seen.insert(2) else { return nil }
                if reader.null() { continue }
                guard let ranges = reader.elementRanges() else { return nil }
                records = ranges
            } else {
                reader.skipValue()
            }
        }
        guard reader.finish() else { return nil }
        return (totalHits.map(Int64.init), scrollId, records)
    }

    /// At a list: the byte ranges of its elements (each checked as JSON), the reader then past the list;
    /// nil (failed) when it is not a well-formed list.
    mutating func elementRanges() -> [Range<Int>]? {
        guard beginArray() else { return nil }
        var ranges: [Range<Int>] = []
        while nextElement() {
            let start = index
            skipValue()
            ranges.append(start..<index)
        }
        return failed ? nil : ranges
    }

    /// The byte ranges of the elements of the list that is `body` itself (a bare list) or `body`'s
    /// top-level member `member` (`{"result": [...]}`), the whole answer checked as JSON; nil otherwise.
    static func elements(ofMember member: String, in body: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var reader = OmniumWireReader(body)
        reader.skipWhitespace()
        if reader.peek == UInt8(ascii: "[") {
            let ranges = reader.elementRanges()
            return reader.finish() ? ranges : nil
        }
        guard reader.beginObject() else { return nil }
        var found: [Range<Int>]?
        while let key = reader.nextKey() {
            if key.elementsEqual(member.utf8) {
                guard found == nil, let ranges = reader.elementRanges() else { return nil }
                found = ranges
            } else {
                reader.skipValue()
            }
        }
        return reader.finish() ? found : nil
    }

    // MARK: Bytes

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func begin(_ opening: UInt8) -> Bool {
        skipWhitespace()
        guard !failed, take(opening) else {
            fail()
            return false
        }
        atFirst = true
        return true
    }

    /// Before a member or element: the comma (none before the first), or the closing byte (consumed; false).
    private mutating func separator(closing: UInt8) -> Bool {
        skipWhitespace()
        if take(closing) {
            atFirst = false
            return false
        }
        if atFirst {
            atFirst = false
        } else {
            guard take(UInt8(ascii: ",")) else {
                fail()
                return false
            }
            skipWhitespace()
        }
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// At `"`: the bytes inside the quotes, when they hold no escape and no control character.
    private mutating func plainString() -> Range<Int>? {
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return start..<end
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            end += 1
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 18 digits, followed by a delimiter; nil (position kept)
    /// otherwise.
    private mutating func number() -> (negative: Bool, mantissa: UInt64, fractionDigits: Int)? {
        var at = index
        let negative = at < bytes.count && bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0, integerDigits = 0
        var inFraction = false
        let firstDigit = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction, digits > 0 {
                inFraction = true
            } else {
                break
            }
            at += 1
        }
        guard integerDigits > 0, !inFraction || fractionDigits > 0, !(negative && mantissa == 0),
              // JSON allows no leading zero before other digits ("01").
              !(integerDigits > 1 && bytes[firstDigit] == UInt8(ascii: "0")) else { return nil }
        if at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: break
            default: return nil
            }
        }
        index = at
        return (negative, mantissa, fractionDigits)
    }

    /// Moves past a string, checking its escapes (`\\u` with four hex digits) and that it holds no control
    /// character.
    private mutating func skipString() -> Bool {
        var at = index + 1
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                index = at + 1
                return true
            case UInt8(ascii: "\\"):
                guard at + 1 < bytes.count else { return false }
                switch bytes[at + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    at += 2
                case UInt8(ascii: "u"):
                    guard at + 5 < bytes.count, (at + 2...at + 5).allSatisfy({ Self.isHexDigit(bytes[$0]) }) else { return false }
                    at += 6
                default: return false
                }
            case 0..<0x20: return false
            default: at += 1
            }
        }
        return false
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Moves past a number of JSON's grammar, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() -> Bool {
        var at = index
        func digits() -> Int {
            let start = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            return at - start
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        let start = at
        let integer = digits()
        guard integer > 0, integer == 1 || bytes[start] != UInt8(ascii: "0") else { return false }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { return false }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { return false }
        }
        index = at
        return true
    }
}

// MARK: - Member names

/// The members a model reads, as the JSON keys they are written with.
protocol OmniumWireMember: RawRepresentable<String>, CaseIterable where AllCases == [Self] {
    /// `allCases` as UTF-8, in the same order (`static let keys = utf8Keys()`).
    static var keys: [[UInt8]] { get }
}

extension OmniumWireMember {
    static func utf8Keys() -> [[UInt8]] { allCases.map { Array($0.rawValue.utf8) } }

    /// The position in `allCases` of the member `key` names, compared as bytes (building a String per key
    /// cost more than the rest of the read); nil for a key the model does not read.
    static func index(ofKey key: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        let key = UnsafeBufferPointer(rebasing: key)
        // memcmp over the keys' own storage: `elementsEqual` on a slice went through the generic collection
        // path for every member of every record (2 % of a catalogue run).
        return keys.withUnsafeBufferPointer { keys in
            for (index, candidate) in keys.enumerated() where candidate.count == key.count {
                if key.isEmpty || candidate.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
                    return index
                }
            }
            return nil
        }
    }
}

/// Which members a record has read, to leave a repeated member (which `JSONDecoder` resolves its own way)
/// to the decoder.
struct OmniumWireSeenMembers {
    private var bits: UInt64 = 0

    /// False when the member at `index` of `allCases` was seen before.
    mutating func insert(_ index: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(index)
        guard bits & bit == 0 else { return false }
        bits |= bit
        return true
    }
}
