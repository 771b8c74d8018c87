import Foundation

/// One `name=value` pair of a query string, percent-decoded (`+` read as a space).
public struct HTTPQueryItem: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Splits an origin-form request target (`/path?query`) into path, decoded path and query items.
///
/// Why its own type: the parser and in-process tests (`HTTPRequest(method:target:)`) must agree
/// byte for byte on how a target is decoded.
enum HTTPRequestTarget {
    /// A target that is not origin-form or holds a broken `%` escape.
    struct Invalid: Error {}

    /// Returns (path, decodedPath, queryItems) or throws `Invalid`.
    static func split(_ target: String) throws(Invalid) -> (String, String, [HTTPQueryItem]) {
        guard target.hasPrefix("/") else { throw Invalid() }
        let path: Substring
        let query: Substring?
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target[...]
            query = nil
        }
        guard let decodedPath = percentDecode(path, plusIsSpace: false) else { throw Invalid() }
        var items: [HTTPQueryItem] = []
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecode(parts[0], plusIsSpace: true),
                  let value = percentDecode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
            else { throw Invalid() }
            items.append(HTTPQueryItem(name: name, value: value))
        }
        return (String(path), decodedPath, items)
    }

    /// Decodes `%XX` escapes (and `+` when asked); nil for a broken escape or invalid UTF-8.
    static func percentDecode(_ text: Substring, plusIsSpace: Bool) -> String? {
        let utf8 = Array(text.utf8)
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
                else { return nil }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
