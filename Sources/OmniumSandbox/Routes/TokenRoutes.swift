import Foundation
import HTTPServer

/// `POST /api/token?clientId&clientSecret&returnAsJson` (contract §2).
///
/// Default answer: the JWT as unquoted `text/plain`; with `returnAsJson=true`:
/// `{"accessToken", "tokenType": "Bearer", "expiresIn"}`. Bad credentials → 401; missing → 400.
struct TokenRoutes: SandboxRouteCollection {
    let services: SandboxServices

    /// The JSON answer's shape.
    struct TokenAnswer: Encodable {
        var accessToken: String
        var tokenType = "Bearer"
        var expiresIn: Int32
    }

    func register(in router: inout Router) {
        let services = services
        router.post("/api/token", permission: nil) { request, _ in
            guard let clientId = request.query("clientId"), !clientId.isEmpty,
                  let secret = request.query("clientSecret"), !secret.isEmpty else {
                throw SandboxError.badRequest("clientId and clientSecret are required")
            }
            let returnAsJson = try request.boolQuery("returnAsJson") ?? false
            guard let client = services.configuration.clients.first(where: {
                $0.clientId == clientId && $0.clientSecret == secret
            }) else {
                throw SandboxError.unauthorized("Invalid client credentials")
            }
            let token = services.tokens.issue(for: SandboxPrincipal(clientId: client.clientId, roles: client.roles))
            guard returnAsJson else { return .text(token) }
            return try .json(TokenAnswer(accessToken: token, expiresIn: Int32(clamping: services.tokens.lifetimeSeconds)))
        }
    }
}
