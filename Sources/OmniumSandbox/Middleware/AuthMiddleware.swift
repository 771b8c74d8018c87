import Foundation
import HTTPServer

/// Checks `Authorization: Bearer {token}` (401) and the route's role (403), then records the caller.
///
/// Why 403 only for roles: contract §2 (Sandbox choice) — 401 means "renew the token", 403 is
/// permanent, and the client never renews on 403. Requests to unknown paths still need a token,
/// so a caller without one learns nothing about which routes exist.
public struct AuthMiddleware: SandboxMiddleware {
    private let tokens: TokenStore

    public init(tokens: TokenStore) { self.tokens = tokens }

    public func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse {
        if let route = context.route, route.permission == nil {
            return try next(request, context)
        }
        guard let token = Self.bearerToken(in: request) else { throw SandboxError.unauthorized() }
        let record: TokenStore.IssuedToken
        do {
            record = try tokens.validate(token)
        } catch {
            throw SandboxError.unauthorized(error == .expired ? "Token expired" : "Unauthorized")
        }
        if let permission = context.route?.permission, !record.principal.isAllowed(permission) {
            throw SandboxError.forbidden("Missing role \(permission.area.rawValue)\(permission.access.rawValue)")
        }
        var context = context
        context.principal = record.principal
        return try next(request, context)
    }

    /// The token of a `Bearer` authorization header (scheme compared case-insensitively).
    static func bearerToken(in request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
