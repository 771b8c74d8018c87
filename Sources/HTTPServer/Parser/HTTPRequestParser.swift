import Foundation

/// An incremental HTTP/1.1 request parser: feed bytes with `append`, take requests with `nextRequest`.
///
/// Why its own type: framing rules (RFC 9112 §2–§6) and limits are tested without sockets, and a
/// pipelined client's second request stays buffered for the next call. After it throws, the
/// parser is spent: the connection answers the error and closes.
/// Bodies need `Content-Length`; any `Transfer-Encoding` is refused with 411.
public struct HTTPRequestParser: Sendable {
    public let limits: HTTPLimits

    private var buffer: [UInt8] = []
    /// Bytes before `start` are consumed.
    private var start = 0
    /// Where the search for the end of the head resumes.
    private var scanned = 0
    /// A parsed head whose body is still arriving.
    private var pending: HTTPRequestHead?
    /// Empty lines skipped before the next request line (RFC 9112 §2.2 lets a server ignore a few).
    private var skippedEmptyLines = 0
    /// More than this many is a peer trickling CRLFs to hold the connection open forever.
    private static let maxSkippedEmptyLines = 8

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    // MARK: - Feeding

    /// Appends received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// True when part of a request has arrived but not all of it.
    public var hasPartialRequest: Bool { pending != nil || start < buffer.count }

    /// True when a head asked for `Expect: 100-continue` and its body has not arrived yet.
    public var isAwaitingContinue: Bool {
        guard let pending else { return false }
        return pending.expectsContinue && buffer.count - start < pending.contentLength
    }

    // MARK: - Parsing

    /// The next complete request, nil when more bytes are needed.
    /// - Throws: `HTTPParseError` for malformed framing or a limit exceeded.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if pending == nil {
            guard let head = try readHead() else { return nil }
            pending = head
        }
        guard let head = pending, buffer.count - start >= head.contentLength else { return nil }
        let body = Data(buffer[start..<(start + head.contentLength)])
        start += head.contentLength
        pending = nil
        compact()
        return try head.request(body: body)
    }

    // MARK: - Head

    private mutating func readHead() throws(HTTPParseError) -> HTTPRequestHead? {
        skipLeadingEmptyLines()
        guard skippedEmptyLines <= Self.maxSkippedEmptyLines else {
            throw HTTPParseError(status: .badRequest, reason: "too many empty lines before the request line")
        }
        compact()
        guard let end = findHeadEnd() else {
            try checkIncompleteHeadLimits()
            return nil
        }
        let head = try HTTPRequestHead.parse(buffer[start..<end], limits: limits)
        start = end + 4
        scanned = start
        skippedEmptyLines = 0
        return head
    }

    /// RFC 9112 §2.2: ignore empty lines before a request line.
    private mutating func skipLeadingEmptyLines() {
        while start + 1 < buffer.count, buffer[start] == 13, buffer[start + 1] == 10 {
            start += 2
            skippedEmptyLines += 1
        }
        scanned = max(scanned, start)
    }

    /// Index of the `\r\n\r\n` that ends the head, if it has arrived.
    private mutating func findHeadEnd() -> Int? {
        var index = max(start, scanned - 3)
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        scanned = max(start, buffer.count)
        return nil
    }

    /// Refuses a head that is already too long before its end has arrived.
    private func checkIncompleteHeadLimits() throws(HTTPParseError) {
        let received = buffer.count - start
        let lineEnd = buffer[start...].firstIndex(of: 10)
        if lineEnd == nil, received > limits.maxRequestLineLength + 1 {
            throw HTTPParseError(status: .uriTooLong, reason: "request line longer than \(limits.maxRequestLineLength) bytes")
        }
        if received > limits.maxRequestLineLength + limits.maxHeaderBytes + 4 {
            throw HTTPParseError(status: .requestHeaderFieldsTooLarge, reason: "header block larger than \(limits.maxHeaderBytes) bytes")
        }
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count <= 64 * 1024)
            start = 0
            scanned = 0
        } else if start > 64 * 1024 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
    }
}
