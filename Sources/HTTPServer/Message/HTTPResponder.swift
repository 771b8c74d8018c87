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

/// Wraps a responder: does something before and/or after calling `next`.
///
/// Why: cross-cutting concerns (logs, auth, limits, faults) stay out of handlers
/// (Hummingbird `Middleware/Middleware.swift`).
public protocol HTTPMiddleware: Sendable {
    func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse
}

extension Array where Element == any HTTPMiddleware {
    /// One responder running these middlewares outermost-first, then `responder`.
    public func wrapping(_ responder: any HTTPResponder) -> any HTTPResponder {
        reversed().reduce(responder) { next, middleware in MiddlewareResponder(middleware: middleware, next: next) }
    }
}

private struct MiddlewareResponder: HTTPResponder {
    let middleware: any HTTPMiddleware
    let next: any HTTPResponder

    func respond(to request: HTTPRequest) -> HTTPResponse { middleware.respond(to: request, next: next) }
}
