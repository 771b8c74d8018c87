import Foundation

/// Serialises responses onto the wire (status line, headers, `Content-Length`, body).
///
/// Why: the connection decides *whether* and *how much* to send (directives); this decides the bytes.
enum HTTPResponseWriter {
    /// The response head; `Content-Length` always reflects the full body, `Connection: close` when closing.
    static func head(for response: HTTPResponse, closing: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for field in response.headers where !isFramingField(field.name) {
            text += "\(sanitised(field.name)): \(sanitised(field.value))\r\n"
        }
        text += "Content-Length: \(response.body.count)\r\n"
        if closing { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Writes `response` to `socket`, sending at most `bodyBytes` of the body (all when nil).
    static func write(_ response: HTTPResponse, to socket: Socket, closing: Bool, omitBody: Bool,
                      bodyBytes: Int? = nil) throws(SocketError) {
        var bytes = head(for: response, closing: closing)
        if !omitBody {
            let count = min(response.body.count, max(0, bodyBytes ?? response.body.count))
            bytes.append(contentsOf: response.body.prefix(count))
        }
        try socket.write(bytes)
    }

    /// The server owns message framing; responders cannot override it.
    private static func isFramingField(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "content-length" || lowered == "transfer-encoding" || lowered == "connection"
    }

    /// Drops CR and LF so a header value can never split the response.
    private static func sanitised(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would slip past a Character filter.
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
    }
}
