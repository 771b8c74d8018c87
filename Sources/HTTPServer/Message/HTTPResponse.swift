import Foundation

/// A response: status, headers, body, and how the connection should deliver it.
///
/// Why the directive: the sandbox injects transport faults (dropped connection, truncated body)
/// through an ordinary return value, so responders never touch sockets.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: Data
    public var directive: HTTPResponseDirective

    public init(
        status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(),
        directive: HTTPResponseDirective = .send
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.directive = directive
    }

    // MARK: - Helpers

    /// A response with a `text/plain; charset=utf-8` body.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    /// A response whose body is already-encoded JSON.
    public static func json(_ body: Data, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: body)
    }

    /// A response with `value` encoded as JSON by `encoder`.
    public static func json<Value: Encodable>(
        _ value: Value, encoder: JSONEncoder = JSONEncoder(), status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        .json(try encoder.encode(value), status: status)
    }

    /// An empty-bodied response.
    public static func empty(_ status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status)
    }
}

/// How the connection delivers a response; anything but `.send` closes the connection afterwards.
public enum HTTPResponseDirective: Sendable, Hashable {
    /// Write the response normally.
    case send
    /// Close the connection without writing anything.
    case dropConnection
    /// Declare the full `Content-Length`, write only the first `bytes` body bytes, then close.
    case truncateBody(bytes: Int)
}
