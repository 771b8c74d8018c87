import Foundation
import SQLite

/// Writes a Flow record's staged JSON by hand: exactly the bytes of the staging encoder
/// (`RunStaging.makeEncoder()`: members in sorted order, nil members left out, dates as ``SQLiteDate`` text,
/// slashes unescaped, strings escaped as `JSONEncoder` escapes them). Each writer that uses it is tested
/// byte for byte against the encoder.
///
/// Why by hand: a catalogue run stages one Flow record per product, price and stock level (3 million at
/// 100,000 products × 20 stores), and `JSONEncoder`'s containers cost as much as the mapping (issue 8).
/// Members must be written in the encoder's order; the caller lists them so.
public struct StagedJSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or list.
    private var first = true

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var data: Data { Data(bytes) }

    // MARK: - Structure

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); first = true }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); first = false }
    public mutating func beginList() { separate(); bytes.append(UInt8(ascii: "[")); first = true }
    public mutating func endList() { bytes.append(UInt8(ascii: "]")); first = false }

    /// A member's key; its value follows.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\":".utf8)
        first = true   // the value takes no comma
    }

    // MARK: - Members

    public mutating func member(_ key: StaticString, _ value: String) { self.key(key); string(value) }
    public mutating func member(_ key: StaticString, _ value: Int64) { self.key(key); integer(value) }
    public mutating func member(_ key: StaticString, _ value: Int) { self.key(key); integer(Int64(value)) }
    public mutating func member(_ key: StaticString, _ value: Bool) { self.key(key); bool(value) }
    public mutating func member(_ key: StaticString, _ value: Date) { self.key(key); string(SQLiteDate.format(value)) }

    /// Nothing when `value` is nil, as the synthesized `encodeIfPresent` leaves the member out.
    public mutating func member(_ key: StaticString, _ value: String?) { if let value { member(key, value) } }
    public mutating func member(_ key: StaticString, _ value: Int64?) { if let value { member(key, value) } }
    public mutating func member(_ key: StaticString, _ value: Date?) { if let value { member(key, value) } }

    public mutating func member(_ key: StaticString, _ values: [String]) {
        self.key(key)
        list(values) { value, writer in writer.string(value) }
    }

    /// `elements` as a list, each written by `write`.
    public mutating func list<Element>(_ elements: [Element], _ write: (Element, inout StagedJSONWriter) -> Void) {
        beginList()
        for element in elements { write(element, &self) }
        endList()
    }

    // MARK: - Values

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    public mutating func integer(_ value: Int64) {
        separate()
        // Digits written backwards into a buffer on the stack, then appended at once (not a byte at a time):
        // this runs for every number of every staged stock level, price and product.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            // Through the magnitude, so Int64.min has no positive counterpart to overflow into.
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A string as `JSONEncoder` writes it: `"` and `\` escaped, control characters as `\b \f \n \r \t` or
    /// `\u00xx`, everything else (slashes, non-ASCII) as it is.
    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // Most values need no escape: copied whole from the string's own storage.
        let copied = value.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }
}
