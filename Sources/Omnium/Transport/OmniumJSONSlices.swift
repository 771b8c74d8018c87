import Foundation

// MARK: - OmniumJSONSlices

/// Finds where each record of a page answer starts and ends in its bytes, without decoding it.
///
/// Why: the catalogue extracts stage each record's JSON as Omnium sent it instead of encoding the
/// decoded model again (issue 8). The page is still decoded by `JSONDecoder` (strictly for the envelope,
/// leniently per record); this scan only cuts the same records out of the same bytes. It follows JSON's
/// structure (strings with escapes, nesting) and gives up (nil) on anything it does not expect, in
/// which case the caller does without the slices; the record counts must also agree.
enum OmniumJSONSlices {
    /// The byte ranges (offsets from the start of `body`) of the elements of the array that is `body`
    /// itself (a bare list) or `body`'s top-level member `member` (`{"result": [...]}`).
    static func elements(ofMember member: String, in body: Data) -> [Range<Int>]? {
        let wanted = Array(member.utf8)
        return body.withUnsafeBytes { raw -> [Range<Int>]? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.skipWhitespace()
            switch scanner.peek {
            case UInt8(ascii: "["):
                return scanner.arrayElements()
            case UInt8(ascii: "{"):
                scanner.index += 1
                while true {
                    scanner.skipWhitespace()
                    guard scanner.peek == UInt8(ascii: "\""), let key = scanner.string() else { return nil }
                    scanner.skipWhitespace()
                    guard scanner.peek == UInt8(ascii: ":") else { return nil }
                    scanner.index += 1
                    scanner.skipWhitespace()
                    if scanner.bytes[key].elementsEqual(wanted) {
                        return scanner.peek == UInt8(ascii: "[") ? scanner.arrayElements() : nil
                    }
                    guard scanner.skipValue() else { return nil }
                    scanner.skipWhitespace()
                    guard scanner.peek == UInt8(ascii: ",") else { return nil }
                    scanner.index += 1
                }
            default:
                return nil
            }
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// At `"`: moves past the closing quote; returns the range inside the quotes.
        mutating func string() -> Range<Int>? {
            let start = index + 1
            index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<(index - 1)
                default: index += 1
                }
            }
            return nil
        }

        /// Moves past one value of any kind; false when the bytes end first or nest wrongly.
        mutating func skipValue() -> Bool {
            guard let first = peek else { return false }
            switch first {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return false }
                        continue
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
            default:
                // A number, true, false or null: up to the next delimiter.
                let start = index
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D]
                    .contains(bytes[index]) { index += 1 }
                return index > start
            }
        }

        /// At `[`: the ranges of its elements, moving past the closing `]`.
        mutating func arrayElements() -> [Range<Int>]? {
            index += 1
            var ranges: [Range<Int>] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return ranges
            }
            while true {
                skipWhitespace()
                let start = index
                guard skipValue() else { return nil }
                ranges.append(start..<index)
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return ranges
                default: return nil
                }
            }
        }
    }
}
