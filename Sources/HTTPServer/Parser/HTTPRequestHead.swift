import Foundation

/// A parsed request line and header block, before the body is read.
///
/// Why separate from the parser's buffering: these are the pure syntax rules (RFC 9112 §3, §5, §6.3).
struct HTTPRequestHead: Sendable {
    var method: HTTPMethod
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var contentLength: Int
    var expectsContinue: Bool

    func request(body: Data) throws(HTTPParseError) -> HTTPRequest {
        try HTTPRequest(method: method, target: target, headers: headers, body: body, version: version)
    }

    // MARK: - Parsing

    /// Parses `bytes` (everything before the blank line).
    static func parse(_ bytes: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPParseError) -> HTTPRequestHead {
        let lines = splitLines(bytes)
        guard let requestLine = lines.first else { throw bad("empty request") }
        guard requestLine.count <= limits.maxRequestLineLength else {
            throw HTTPParseError(status: .uriTooLong, reason: "request line longer than \(limits.maxRequestLineLength) bytes")
        }
        let (method, target, version) = try parseRequestLine(requestLine)
        let fieldLines = lines.dropFirst()
        guard fieldLines.count <= limits.maxHeaderCount else {
            throw HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "more than \(limits.maxHeaderCount) header fields")
        }
        guard fieldLines.reduce(0, { $0 + $1.count + 2 }) <= limits.maxHeaderBytes else {
            throw HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "header block larger than \(limits.maxHeaderBytes) bytes")
        }
        var headers = HTTPHeaders()
        for line in fieldLines {
            let (name, value) = try parseField(line)
            headers.add(name: name, value: value)
        }
        let contentLength = try bodyLength(headers, limits: limits)
        let expectsContinue = headers["Expect"]?.lowercased() == "100-continue"
        return HTTPRequestHead(
            method: method, target: target, version: version, headers: headers,
            contentLength: contentLength, expectsContinue: expectsContinue)
    }

    private static func splitLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 {
                lines.append(bytes[lineStart..<index])
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[lineStart..<bytes.endIndex])
        return lines
    }

    private static func parseRequestLine(
        _ line: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> (HTTPMethod, String, HTTPVersion) {
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw bad("malformed request line") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw bad("invalid method") }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else { throw bad("invalid request target") }
        guard parts[1].first == UInt8(ascii: "/") else { throw bad("request target must be origin-form") }
        let version = try parseVersion(parts[2])
        return (HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)),
                String(decoding: parts[1], as: UTF8.self), version)
    }

    private static func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text.starts(with: Array("HTTP/".utf8)),
              (48...57).contains(text[5]), text[6] == UInt8(ascii: "."), (48...57).contains(text[7])
        else { throw bad("invalid HTTP version") }
        let version = HTTPVersion(major: Int(text[5] - 48), minor: Int(text[7] - 48))
        guard version == .http11 || version == .http10 else {
            throw HTTPParseError(status: .httpVersionNotSupported, reason: "\(version) is not supported")
        }
        return version
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, String) {
        guard let first = line.first, first != 32, first != 9 else { throw bad("obsolete line folding") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw bad("header field without colon") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw bad("invalid header field name") }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == 32 || byte == 9 { value = value.dropFirst() }
        while let byte = value.last, byte == 32 || byte == 9 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 9 || ($0 >= 32 && $0 != 127) }) else { throw bad("invalid header field value") }
        let text = String(validating: value, as: UTF8.self) ?? String(value.map { Character(Unicode.Scalar($0)) })
        return (String(decoding: name, as: UTF8.self), text)
    }

    /// RFC 9112 §6.3: `Transfer-Encoding` is refused (411); `Content-Length` values must agree.
    private static func bodyLength(_ headers: HTTPHeaders, limits: HTTPLimits) throws(HTTPParseError) -> Int {
        if headers.contains("Transfer-Encoding") {
            throw HTTPParseError(status: .lengthRequired, reason: "Transfer-Encoding is not supported; send Content-Length")
        }
        let values = headers.values(for: "Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = values.first else { return 0 }
        guard values.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
              first.utf8.allSatisfy({ (48...57).contains($0) }), let length = Int(first)
        else { throw bad("invalid Content-Length") }
        guard length <= limits.maxBodyBytes else {
            throw HTTPParseError(status: .payloadTooLarge, reason: "body larger than \(limits.maxBodyBytes) bytes")
        }
        return length
    }

    // MARK: - Helpers

    private static func bad(_ reason: String) -> HTTPParseError {
        HTTPParseError(status: .badRequest, reason: reason)
    }

    /// `tchar` of RFC 9110 §5.6.2.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
