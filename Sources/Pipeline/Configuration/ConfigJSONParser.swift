// MARK: - JSON nodes with positions

/// A JSON value of the configuration file, with the byte offset where it starts.
///
/// Why: Foundation's JSON decoders report neither the position of a key nor of a wrongly typed
/// value, and a configuration error must name line and column. This small strict parser (RFC 8259,
/// no trailing commas) keeps each value's offset so the loader can point at it. One extension: `//`
/// outside a string starts a comment to the end of the line, so the file `omniflow init` writes can
/// explain each key (as VS Code's and TypeScript's JSON settings files do).
struct JSONNode: Sendable, Equatable {
    indirect enum Value: Sendable, Equatable {
        case string(String)
        /// The number's text exactly as written, so integers and decimals convert without Double.
        case number(String)
        case bool(Bool)
        case null
        case array([JSONNode])
        case object([JSONMember])
    }

    var value: Value
    var offset: Int

    /// How the value reads in an error message: `string "abc"`, `number 3`, `an object` …
    var kindDescription: String {
        switch value {
        case .string(let text): return "string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .number(let text): return "number \(text)"
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One `"key": value` pair, with the offset of the key.
struct JSONMember: Sendable, Equatable {
    var key: String
    var keyOffset: Int
    var value: JSONNode
}

/// A syntax error at a byte offset.
struct JSONSyntaxError: Error, Equatable {
    var offset: Int
    var message: String
}

// MARK: - Source positions

/// Turns byte offsets of a UTF-8 text into 1-based line and column (columns count characters).
struct SourceText: Sendable {
    let bytes: [UInt8]

    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}

// MARK: - Parser

/// A strict recursive-descent JSON parser over UTF-8 bytes.
struct ConfigJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private static let maximumDepth = 32

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses a whole document; anything after the top-level value is an error.
    mutating func parseDocument() throws -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // UTF-8 byte order mark
        skipWhitespace()
        guard index < bytes.count else { throw JSONSyntaxError(offset: index, message: "the file is empty") }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()) after the end of the JSON value")
        }
        return node
    }

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        guard depth < Self.maximumDepth else {
            throw JSONSyntaxError(offset: index, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
        let start = index
        guard index < bytes.count else { throw JSONSyntaxError(offset: index, message: "unexpected end of file, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: .object(try parseObject(depth: depth)), offset: start)
        case UInt8(ascii: "["): return JSONNode(value: .array(try parseArray(depth: depth)), offset: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), offset: start)
        default:
            throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws -> [JSONMember] {
        index += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return members }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected a quoted key")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected ':' after key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return members
            default: throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> [JSONNode] {
        index += 1  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return elements }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return elements
            default: throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected ',' or ']'")
            }
        }
    }

    private mutating func parseString() throws -> String {
        let start = index
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var chunkStart = index
        func flush(_ parser: ConfigJSONParser, upTo end: Int) throws {
            guard chunkStart < end else { return }
            guard let text = String(validating: parser.bytes[chunkStart..<end], as: UTF8.self) else {
                throw JSONSyntaxError(offset: chunkStart, message: "invalid UTF-8 in a string")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, upTo: index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self, upTo: index)
                scalars.append(try parseEscape())
                chunkStart = index
            case 0x00..<0x20:
                throw JSONSyntaxError(offset: index, message: "control character in a string (use an escape such as \\n)")
            default:
                index += 1
            }
        }
        throw JSONSyntaxError(offset: start, message: "unterminated string")
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        let escapeOffset = index
        index += 1  // backslash
        guard index < bytes.count else { throw JSONSyntaxError(offset: escapeOffset, message: "unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4(escapeOffset: escapeOffset)
            if (0xD800...0xDBFF).contains(high) {
                guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: escapeOffset, message: "unpaired UTF-16 surrogate in \\u escape")
                }
                index += 2
                let low = try parseHex4(escapeOffset: escapeOffset)
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw JSONSyntaxError(offset: escapeOffset, message: "invalid UTF-16 surrogate pair in \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw JSONSyntaxError(offset: escapeOffset, message: "unpaired UTF-16 surrogate in \\u escape")
            }
            return scalar
        default:
            throw JSONSyntaxError(offset: escapeOffset, message: "invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func parseHex4(escapeOffset: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONSyntaxError(offset: escapeOffset, message: "incomplete \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw JSONSyntaxError(offset: escapeOffset, message: "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else {
            throw JSONSyntaxError(offset: start, message: "invalid number")
        }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw JSONSyntaxError(offset: start, message: "numbers must not have leading zeros") }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let next = peek(), isDigit(next) else { throw JSONSyntaxError(offset: start, message: "invalid number: digits expected after '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let next = peek(), isDigit(next) else { throw JSONSyntaxError(offset: start, message: "invalid number: digits expected in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectLiteral(_ literal: String) throws {
        let expected = Array(literal.utf8)
        guard bytes.count >= index + expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw JSONSyntaxError(offset: index, message: "unexpected \(describeCurrent()), expected a value")
        }
        index += expected.count
    }

    // MARK: - Scanning helpers

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    /// Skips whitespace and `//` line comments.
    private mutating func skipWhitespace() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }

    private func describeCurrent() -> String {
        guard let byte = peek() else { return "end of file" }
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
