import Foundation
import Omnium

/// Reads a stock push's `UpdateMany` body, an array of objects of exactly `sku`, `warehouseCode` and
/// `inventory`, straight from its bytes: no JSON tree, no `Decimal(string:)` for a plain number.
///
/// Why: the strict parser made a tree of 1,000 dictionaries per call and parsed each number through
/// `Decimal(string:)`; with the plain items read from the tree that was about 1.5 ms of the sandbox per
/// 1,000-item call, on every one of a stock push's 100 calls.
///
/// It answers only what it is sure of, and nil for anything else (white space aside: an escape or a byte
/// below 0x20 in a string, invalid UTF-8, `null`, another member, a member twice, another type, a number
/// with an exponent, more than 18 digits or a leading zero, text after the array). The caller then reads
/// the body the strict way (`SandboxJSONParser`, then the plain items or the decoder), so what is accepted,
/// the items made and every error are those of that path. A number is the `Decimal` that
/// `Decimal(string:)` makes of its text (same mantissa, exponent and sign; zero is made by it).
enum SandboxInventoryItemsReader {
    /// The items of `data`, or nil when the body is not plainly such an array.
    static func plainItems(_ data: Data) -> [OmniumInventoryItem]? {
        data.withUnsafeBytes { raw in
            var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.items()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The last warehouse code read and its bytes: a push sends one warehouse per call, so one `String`.
        var lastWarehouse: (bytes: UnsafeBufferPointer<UInt8>, text: String)?

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func items() -> [OmniumInventoryItem]? {
            skipWhitespace()
            guard take(UInt8(ascii: "[")) else { return nil }
            var items: [OmniumInventoryItem] = []
            items.reserveCapacity(min(bytes.count / 48 + 1, SandboxState.inventoryBatchLimit + 1))
            skipWhitespace()
            if !take(UInt8(ascii: "]")) {
                while true {
                    skipWhitespace()
                    guard let item = item() else { return nil }
                    items.append(item)
                    skipWhitespace()
                    if take(UInt8(ascii: ",")) { continue }
                    guard take(UInt8(ascii: "]")) else { return nil }
                    break
                }
            }
            skipWhitespace()
            return index == bytes.count ? items : nil
        }

        /// `{"sku":"…","warehouseCode":"…","inventory":N}`, the members in any order, each once.
        private mutating func item() -> OmniumInventoryItem? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var item = OmniumInventoryItem()
            var seen = 0
            for member in 0..<3 {
                if member > 0 {
                    skipWhitespace()
                    guard take(UInt8(ascii: ",")) else { return nil }
                }
                skipWhitespace()
                guard let name = plainString() else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                switch Self.member(name) {
                case 1 where seen & 1 == 0:
                    guard let sku = plainString().flatMap(text) else { return nil }
                    item.sku = sku
                    seen |= 1
                case 2 where seen & 2 == 0:
                    guard let bytes = plainString(), let code = warehouse(bytes) else { return nil }
                    item.warehouseCode = code
                    seen |= 2
                case 4 where seen & 4 == 0:
                    guard let inventory = number() else { return nil }
                    item.inventory = inventory
                    seen |= 4
                default:
                    return nil
                }
            }
            skipWhitespace()
            guard take(UInt8(ascii: "}")) else { return nil }
            return item
        }

        /// 1 for `sku`, 2 for `warehouseCode`, 4 for `inventory`, 0 for any other name.
        private static func member(_ name: UnsafeBufferPointer<UInt8>) -> Int {
            if name.elementsEqual("sku".utf8) { return 1 }
            if name.elementsEqual("warehouseCode".utf8) { return 2 }
            if name.elementsEqual("inventory".utf8) { return 4 }
            return 0
        }

        /// The bytes of a string without escapes or control characters; the index ends after its closing quote.
        private mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        private func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            SandboxUTF8.string(bytes)
        }

        private mutating func warehouse(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            if let last = lastWarehouse, last.bytes.elementsEqual(bytes) { return last.text }
            guard let code = text(bytes) else { return nil }
            lastWarehouse = (bytes, code)
            return code
        }

        /// `-? (0 | [1-9][0-9]*) (.[0-9]+)?` of at most 18 digits, as `Decimal(string:)` makes it.
        private mutating func number() -> Decimal? {
            let start = index
            let isNegative = take(UInt8(ascii: "-"))
            var mantissa: UInt64 = 0
            var digits = 0
            var fractionDigits = 0
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { return nil }
                digits = 1
            } else {
                while index < bytes.count, isDigit(bytes[index]) {
                    mantissa = mantissa * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                    if digits > 18 { return nil }
                }
            }
            if take(UInt8(ascii: ".")) {
                guard index < bytes.count, isDigit(bytes[index]) else { return nil }
                while index < bytes.count, isDigit(bytes[index]) {
                    mantissa = mantissa * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    fractionDigits += 1
                    index += 1
                    if digits > 18 { return nil }
                }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
            guard mantissa != 0 else {
                // Zero in its spellings (`0`, `-0`, `0.00`): as the strict parser makes it.
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                guard let zero = Decimal(string: text), !zero.isNaN else { return nil }
                return zero
            }
            return Decimal(sign: isNegative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

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
    }
}
