import Foundation
import SQLite

/// A record that reads its staged JSON without `JSONDecoder` (``StagedJSONReader``), or declines.
public protocol StagedJSONDecodable: Sendable {
    /// The record, or nil when the bytes are not exactly in the shape ``StagedJSONWriter`` writes; the caller
    /// then decodes them with the staging decoder, which also words any error.
    init?(stagedJSON: Data)
}

/// Reads back what ``StagedJSONWriter`` (or the staging encoder, the same bytes) wrote: an object's members
/// in the writer's order, an absent optional member as nil. Whatever else it meets (another order, a
/// `null`, whitespace, a fraction or exponent, an escape the encoder does not write, text that is not
/// UTF-8) makes it fail, and the record goes to `JSONDecoder`: this reader is a shortcut for our own bytes,
/// never a second opinion on anyone's JSON.
///
/// Why: the loads of products and prices decoded every staged entry with `JSONDecoder`, about 5 % of a
/// catalogue run's CPU (issue 8). Tests compare it with `JSONDecoder` on generated entries.
public struct StagedJSONReader {
    private let bytes: [UInt8]
    private var index = 0
    /// Whether the next member or element is the first of its object or list.
    private var first = true
    /// Set by the first thing that did not read; every later read then fails too.
    public private(set) var failed = false

    public init(_ data: Data) { bytes = [UInt8](data) }

    /// True when everything read and nothing follows the value read last.
    public var finished: Bool { !failed && index == bytes.count }

    // MARK: - Structure

    public mutating func beginObject() { expect(UInt8(ascii: "{")); first = true }
    public mutating func endObject() { expect(UInt8(ascii: "}")); first = false }

    /// Begins a list; ``nextElement()`` then says whether an element follows.
    public mutating func beginList() { expect(UInt8(ascii: "[")); first = true }

    public mutating func nextElement() -> Bool {
        guard !failed, index < bytes.count else { failed = true; return false }
        if bytes[index] == UInt8(ascii: "]") { index += 1; first = false; return false }
        if !first { expect(UInt8(ascii: ",")) }
        first = true   // the element takes no comma
        return !failed
    }

    /// Reads the key `key` when it is the next member (and then its value must follow); false, consuming
    /// nothing, when the next member is another one or the object ends.
    public mutating func member(_ key: StaticString) -> Bool {
        guard !failed else { return false }
        var at = index
        if !first {
            guard at < bytes.count, bytes[at] == UInt8(ascii: ",") else { return false }
            at += 1
        }
        let length = key.utf8CodeUnitCount
        guard at + length + 3 <= bytes.count, bytes[at] == UInt8(ascii: "\"") else { return false }
        let matches = UnsafeBufferPointer(start: key.utf8Start, count: length).elementsEqual(bytes[(at + 1)..<(at + 1 + length)])
        guard matches, bytes[at + 1 + length] == UInt8(ascii: "\""), bytes[at + 2 + length] == UInt8(ascii: ":") else {
            return false
        }
        index = at + 3 + length
        first = true   // the value takes no comma
        return true
    }

    // MARK: - Members

    public mutating func string(_ key: StaticString) -> String { require(key) ? string() : "" }
    public mutating func int64(_ key: StaticString) -> Int64 { require(key) ? integer() : 0 }
    public mutating func bool(_ key: StaticString) -> Bool { require(key) ? bool() : false }
    public mutating func optionalString(_ key: StaticString) -> String? { member(key) ? string() : nil }
    public mutating func optionalInt64(_ key: StaticString) -> Int64? { member(key) ? integer() : nil }
    public mutating func optionalDate(_ key: StaticString) -> Date? { member(key) ? date() : nil }

    public mutating func strings(_ key: StaticString) -> [String] {
        guard require(key) else { return [] }
        return list { $0.string() }
    }

    /// A list, each element read by `read`.
    public mutating func list<Element>(_ read: (inout StagedJSONReader) -> Element) -> [Element] {
        var elements: [Element] = []
        beginList()
        while nextElement() { elements.append(read(&self)) }
        return elements
    }

    private mutating func require(_ key: StaticString) -> Bool {
        if member(key) { return true }
        failed = true
        return false
    }

    // MARK: - Values

    public mutating func bool() -> Bool {
        separate()
        if literal("true") { return true }
        if !literal("false") { failed = true }
        return false
    }

    public mutating func integer() -> Int64 {
        separate()
        guard !failed, index < bytes.count else { failed = true; return 0 }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { failed = true; return 0 }
            magnitude = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"),
              index == bytes.count || ![UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) else {
            failed = true
            return 0
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { failed = true; return 0 }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { failed = true; return 0 }
        return Int64(magnitude)
    }

    /// A string with the escapes the encoder writes (`\" \\ \/ \b \f \n \r \t`, `\u00xx` below 0x20).
    public mutating func string() -> String {
        separate()
        guard !failed, index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { failed = true; return "" }
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        guard index < bytes.count else { failed = true; return "" }
        if bytes[index] == UInt8(ascii: "\"") {
            // No escape (the usual case): the text straight from the bytes, no copy.
            defer { index += 1 }
            guard let string = bytes.withUnsafeBufferPointer({ Self.utf8(UnsafeBufferPointer(rebasing: $0[start..<index])) }) else {
                failed = true; return ""
            }
            return string
        }
        var text = Array(bytes[start..<index])
        while bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else { failed = true; return "" }
            index += 1
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(bytes[index])
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "0"), bytes[index + 2] == UInt8(ascii: "0"),
                      let high = Self.hexValue(bytes[index + 3]), let low = Self.hexValue(bytes[index + 4]),
                      high < 2 else { failed = true; return "" }
                text.append(high << 4 | low)
                index += 4
            default:
                failed = true
                return ""
            }
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                text.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { failed = true; return "" }
        }
        index += 1
        guard let string = text.withUnsafeBufferPointer(Self.utf8) else { failed = true; return "" }
        return string
    }

    /// `text` as a string when it is UTF-8, else nil. ASCII (the usual case) takes `String(decoding:)`'s fast
    /// path: `String(validating:as:)` is generic and looked up its metadata at run time for every string.
    private static func utf8(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in text { high |= byte }
        return high < 0x80 ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
    }

    /// A ``SQLiteDate`` text, as the staging encoder writes dates.
    public mutating func date() -> Date? {
        let text = string()
        guard !failed, let date = SQLiteDate.parse(text) else { failed = true; return nil }
        return date
    }

    // MARK: - Bytes

    private mutating func separate() {
        if !first { expect(UInt8(ascii: ",")) }
        first = false
    }

    private mutating func expect(_ byte: UInt8) {
        guard !failed, index < bytes.count, bytes[index] == byte else { failed = true; return }
        index += 1
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard !failed, index + length <= bytes.count,
              UnsafeBufferPointer(start: word.utf8Start, count: length).elementsEqual(bytes[index..<(index + length)]) else {
            return false
        }
        index += length
        return true
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
