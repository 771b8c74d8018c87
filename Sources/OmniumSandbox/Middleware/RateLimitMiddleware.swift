import Foundation
import HTTPServer

/// Applies `RateLimiter` to authenticated calls; the token call (no caller yet) is exempt.
///
/// Why classification here: which limit applies depends only on method and path (contract §4,
/// Sandbox choice): paths ending `Many` are batch calls; `GET /api/Products/*`, `GET /api/Inventory/*`
/// and `POST /api/Inventory/Search` are high-traffic reads outside the ordinary concurrency limits.
/// The sandbox's own `/_sandbox/` admin routes are not Omnium calls and are never limited.
public struct RateLimitMiddleware: SandboxMiddleware {
    private let limiter: RateLimiter
    private let isEnabled: Bool

    public init(limiter: RateLimiter, limits: SandboxRateLimits) {
        self.limiter = limiter
        self.isEnabled = limits.isEnabled
    }

    public func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse {
        guard isEnabled, let principal = context.principal, !SandboxAdminRoutes.isAdmin(request) else {
            return try next(request, context)
        }
        let permit = try limiter.acquire(clientId: principal.clientId, traffic: Self.traffic(of: request))
        defer { limiter.release(permit) }
        return try next(request, context)
    }

    /// The limit class of a request, from its method and path.
    public static func traffic(of request: HTTPRequest) -> RateLimiter.Traffic {
        let path = request.decodedPath.lowercased()
        let method = request.method.rawValue.uppercased()
        if (method == "GET" && (path.hasPrefix("/api/products/") || path.hasPrefix("/api/inventory/")))
            || (method == "POST" && path.trimmingCharacters(in: ["/"]) == "api/inventory/search") {
            return .highTraffic
        }
        if path.split(separator: "/").last?.hasSuffix("many") == true { return .batch }
        return .normal
    }
}
