import Foundation
import HTTPServer

/// The sandbox as one `HTTPResponder`: route lookup, the middleware chain, the handler.
///
/// Why separate from `SandboxServer`: handler tests call `respond(to:)` directly, no sockets
/// (Hummingbird's `.router` test mode). Chain, outermost first: request log → error rendering →
/// fault injection → auth → rate limits → route handler (404/405 when no route matched).
public final class SandboxApplication: HTTPResponder, @unchecked Sendable {
    public let services: SandboxServices
    public let routes: RouteTable
    private let middlewares: [any SandboxMiddleware]
    private let lock = NSLock()
    private var requestCount = 0

    /// Builds the route table and the chain.
    /// - Throws: `RouterError` when two routes clash.
    public init(services: SandboxServices, extraRoutes: [any SandboxRouteCollection] = []) throws {
        self.services = services
        var router = Router()
        for collection in SandboxRoutes.collections(services: services) + extraRoutes {
            collection.register(in: &router)
        }
        routes = try router.build()
        let configuration = services.configuration
        var chain: [any SandboxMiddleware] = []
        if let log = configuration.log { chain.append(RequestLogMiddleware(handler: log)) }
        chain.append(ErrorMiddleware(log: configuration.log))
        if !configuration.faults.isEmpty {
            chain.append(FaultInjectionMiddleware(faults: configuration.faults, clock: services.clock))
        }
        chain.append(AuthMiddleware(tokens: services.tokens))
        chain.append(RateLimitMiddleware(limiter: services.rateLimiter, limits: configuration.rateLimits))
        middlewares = chain
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var context = SandboxRequestContext(requestID: nextRequestID())
        var allowed: [HTTPMethod] = []
        switch routes.match(request) {
        case .found(let route, let parameters):
            context.route = route
            context.parameters = parameters
        case .methodNotAllowed(let methods):
            allowed = methods
        case .notFound:
            break
        }
        do {
            return try middlewares.run(request, context: context) { request, context in
                guard let route = context.route else {
                    guard allowed.isEmpty else {
                        throw SandboxError(status: .methodNotAllowed, message: "Method not allowed",
                                           headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
                    }
                    throw SandboxError.notFound("Not Found")
                }
                // The injected latency is waited out here, inside the rate limiter's permit: Omnium counts a
                // call in flight until it answers.
                defer { context.answerDelay?.waitOut() }
                return try route.handler(request, context)
            }
        } catch {
            return SandboxError.internalError().response()
        }
    }

    private func nextRequestID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        requestCount += 1
        return requestCount
    }
}
