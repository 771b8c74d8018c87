import HTTPServer

/// The next step of the chain: the inner middlewares and finally the route handler.
public typealias SandboxNext = (HTTPRequest, SandboxRequestContext) throws -> HTTPResponse

/// Wraps the rest of the chain: act before, after, or instead of calling `next`.
///
/// Why in the sandbox and not in `HTTPServer` (which only knows one responder): middleware here passes
/// a context (route, caller) and may throw `SandboxError`, which the error middleware renders
/// (Hummingbird `Middleware/Middleware.swift` with its request context).
public protocol SandboxMiddleware: Sendable {
    func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse
}

extension Array where Element == any SandboxMiddleware {
    /// Runs these middlewares outermost-first around `handler`.
    func run(_ request: HTTPRequest, context: SandboxRequestContext, handler: SandboxNext) throws -> HTTPResponse {
        try run(from: startIndex, request, context, handler)
    }

    private func run(from index: Int, _ request: HTTPRequest, _ context: SandboxRequestContext,
                     _ handler: SandboxNext) throws -> HTTPResponse {
        guard index < endIndex else { return try handler(request, context) }
        return try self[index].respond(to: request, context: context) { request, context in
            try run(from: index + 1, request, context, handler)
        }
    }
}
