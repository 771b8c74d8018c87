import Foundation

// MARK: - OmniumJSONBytes

/// Writes request bodies for the two hot outbound pushes (`UpdateMany` stock levels, POS orders) straight
/// into bytes, with exactly the text `OmniumJSON.encoder` gives the same model: keys sorted, unset members
/// left out, strings escaped as Foundation's `JSONEncoder` escapes them (`withoutEscapingSlashes`), and
/// numbers held as integer hundredths written as `Decimal` writes them (`1`, `1.5`, `-0.05`).
///
/// Why: `JSONEncoder` builds a tree of boxed values per item and sorts every object's keys; for 100,000 stock
/// rows and 10,000 orders that was the largest share of the client's CPU after the transport. The wire text
/// does not change: `OmniumJSONBytesTests` compare these bytes with `OmniumJSON.encode` of the same model,
/// value by value. Only the client writes with this; the sandbox reads with its own parser.
public struct OmniumJSONBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as `Data` (a request body).
    public var data: Data { Data(bytes) }

    // MARK: Structure

    @inline(__always) public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Raw ASCII text (punctuation, keys known to need no escaping).
    @inline(__always) public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` for a key that needs no escaping (the models' coding keys).
    @inline(__always) public mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values

    /// A JSON string, escaped as `JSONEncoder` escapes: `"` and `\` with a backslash, `\b \f \n \r \t`,
    /// other control characters as `\u00xx` (lower-case hex), everything else (slashes and non-ASCII included)
    /// as its UTF-8.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let unit = utf8[index]
                guard unit < 0x20 || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch unit {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(unit)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(unit >> 4)], hex[Int(unit & 0x0F)]])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer.
    public mutating func integer(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            unsigned(value.magnitude)
        } else {
            unsigned(UInt64(value))
        }
    }

    /// `hundredths / 100` as `Decimal` writes it: no trailing zeros in the fraction, no fraction when whole,
    /// `-` only when not zero (`150` → `1.5`, `-5` → `-0.05`, `200` → `2`, `0` → `0`).
    public mutating func hundredths(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        unsigned(magnitude / 100)
        let fraction = Int(magnitude % 100)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    private mutating func unsigned(_ value: UInt64) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
