/// Whatever turns a request into a response; the server calls it on the connection's thread.
///
/// Why synchronous: the server runs one thread per connection, so a plain call is the simplest
/// correct shape (Hummingbird's `HTTPResponder`, minus async).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A responder made from a closure (tests, small servers).
public struct ClosureResponder: HTTPResponder {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.body = body }

    public func respond(to request: HTTPRequest) -> HTTPResponse { body(request) }
}
