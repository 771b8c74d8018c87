import Foundation

// MARK: - OmniumWireDecodable

/// A model that can also be read straight from one JSON object's bytes, without `JSONDecoder`.
///
/// Why: the catalogue's high-volume records (a stock item per SKU and warehouse: 3 million at 100,000
/// products × 20 stores) spent most of a run's CPU in Codable's keyed containers (issue 8). The fast
/// reader is an optimisation only, never a second opinion: it returns nil for anything it is not
/// certain to read exactly as `OmniumJSON.decoder` would (an escape, an unusual number, a value of an
/// unexpected kind, a repeated member), and the caller then decodes those bytes with `JSONDecoder` as
/// before, which also produces the error an unreadable record is quarantined with. Tests compare the two
/// readers on generated and hand-picked records.
public protocol OmniumWireDecodable: Decodable, Sendable {
    /// The record in `json` (one JSON object), or nil when the fast reader is not certain.
    init?(wireJSON json: UnsafeBufferPointer<UInt8>)
}

extension OmniumWireDecodable {
    /// ``init(wireJSON:)`` over `Data`.
    public init?(wireJSON data: Data) {
        guard let value = data.withUnsafeBytes({ raw in Self(wireJSON: raw.bindMemory(to: UInt8.self)) }) else { return nil }
        self = value
    }
}

// MARK: - OmniumWireObject

/// The members of one flat JSON object, read from its bytes: each key with its value's kind and bytes.
///
/// Only what a flat record needs: strings without escapes, numbers, `true`/`false`/`null`; a nested
/// object or list is skipped and reported as `.nested`, so a model that does not read that member is
/// unaffected. Anything malformed or unexpected ends the read with nil.
struct OmniumWireObject {
    enum Value {
        /// The bytes between the quotes (no escapes in them).
        case string(Range<Int>)
        /// The number's text.
        case number(Range<Int>)
        case bool(Bool)
        case null
        /// An object or list.
        case nested
    }

    let bytes: UnsafeBufferPointer<UInt8>

    /// Calls `member` with each key's bytes and value, in order; false (and no further calls) when the
    /// bytes are not one well-formed object of that shape, a key holds an escape, or `member` says stop.
    static func forEachMember(in bytes: UnsafeBufferPointer<UInt8>,
                              _ member: (UnsafeBufferPointer<UInt8>.SubSequence, Value) -> Bool) -> Bool {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: "{")) else { return false }
        reader.skipWhitespace()
        if reader.take(UInt8(ascii: "}")) { return reader.atEndAfterWhitespace() }
        while true {
            reader.skipWhitespace()
            guard reader.peek == UInt8(ascii: "\""), let key = reader.plainString() else { return false }
            reader.skipWhitespace()
            guard reader.take(UInt8(ascii: ":")) else { return false }
            reader.skipWhitespace()
            guard let value = reader.value(), member(bytes[key], value) else { return false }
            reader.skipWhitespace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return false }
            return reader.atEndAfterWhitespace()
        }
    }

    // MARK: Values

    /// The text of a string value, validated as UTF-8 (as `JSONDecoder` does); nil when it is not.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        String(validating: bytes[range], as: UTF8.self)
    }

    /// A JSON number as an exact `Decimal`, for `-?digits[.digits]` with at most 18 digits in all (what
    /// quantities, prices and costs look like); nil otherwise (an exponent, `-0`, more digits), for the
    /// caller to leave to `JSONDecoder`.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Decimal? {
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var inFraction = false
        guard index < range.upperBound else { return nil }
        // JSON allows no leading zero before other digits ("01").
        if bytes[index] == UInt8(ascii: "0"), index + 1 < range.upperBound, bytes[index + 1] != UInt8(ascii: ".") { return nil }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction, digits > 0 {
                inFraction = true
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, !inFraction || fractionDigits > 0, !(negative && mantissa == 0) else { return nil }
        if fractionDigits == 0 { return negative ? -Decimal(mantissa) : Decimal(mantissa) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }

    /// A date in any of Omnium's shapes (`OmniumDateFormat`), `""` as ``OmniumJSON/unsetDate``, as the
    /// decoder's date strategy reads it.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Date? {
        if range.isEmpty { return OmniumJSON.unsetDate }
        return OmniumDateFormat.date(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    // MARK: Reader

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func atEndAfterWhitespace() -> Bool {
            skipWhitespace()
            return index == bytes.count
        }

        /// At `"`: the bytes inside the quotes, when they hold no escape and no control character.
        mutating func plainString() -> Range<Int>? {
            let start = index + 1
            index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<(index - 1)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        mutating func value() -> Value? {
            guard let first = peek else { return nil }
            switch first {
            case UInt8(ascii: "\""):
                return plainString().map(Value.string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return skipNested() ? .nested : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default:
                let start = index
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                         UInt8(ascii: "e"), UInt8(ascii: "E"):
                        index += 1
                    default:
                        return index > start ? .number(start..<index) : nil
                    }
                }
                return nil
            }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// Moves past an object or list (strings may hold escapes there: they are skipped, not read).
        private mutating func skipNested() -> Bool {
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    guard index < bytes.count else { return false }
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
