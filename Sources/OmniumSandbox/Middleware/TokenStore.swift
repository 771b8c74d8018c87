import Foundation

/// Issues and checks the sandbox's bearer tokens (JWTs with `sub`, `role`, `iat`, `exp`).
///
/// Why lookup instead of signature checks: Foundation on Linux has no HMAC, and a sandbox only
/// needs to know whether it issued a token and when it expires. The JWT shape is real so clients
/// can read `exp` (contract §2); its third part is a random nonce, not a signature.
public final class TokenStore: @unchecked Sendable {
    /// A token the sandbox issued.
    public struct IssuedToken: Sendable, Hashable {
        public var principal: SandboxPrincipal
        public var issuedAt: Date
        public var expiresAt: Date
    }

    /// Why a bearer token was refused.
    public enum Rejection: Error, Sendable, Equatable {
        case unknown
        case expired
        case revoked
    }

    private let lifetime: Duration
    private let clock: any SandboxClock
    private let lock = NSLock()
    private var issued: [String: IssuedToken] = [:]
    private var revokedClients: Set<String> = []

    public init(lifetime: Duration, clock: any SandboxClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// Lifetime in whole seconds (the `expiresIn` of the JSON answer).
    public var lifetimeSeconds: Int { Int(lifetime.components.seconds) }

    // MARK: - Issuing

    /// A new JWT for `principal`, valid for the configured lifetime from now.
    public func issue(for principal: SandboxPrincipal) -> String {
        let now = clock.now()
        let expires = now.addingTimeInterval(lifetime.timeInterval)
        let header = #"{"alg":"HS256","typ":"JWT"}"#
        let roles = principal.roles.map { SandboxError.jsonStringLiteral($0.rawValue) }.joined(separator: ",")
        let payload = "{\"sub\":\(SandboxError.jsonStringLiteral(principal.clientId)),\"role\":[\(roles)],"
            + "\"iat\":\(Int(now.timeIntervalSince1970)),\"exp\":\(Int(expires.timeIntervalSince1970)),"
            + "\"jti\":\"\(UUID().uuidString.lowercased())\"}"
        var nonce = SystemRandomNumberGenerator()
        let signature = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &nonce) })
        let token = [Data(header.utf8), Data(payload.utf8), signature].map(Self.base64URL).joined(separator: ".")
        lock.lock()
        defer { lock.unlock() }
        issued = issued.filter { $0.value.expiresAt > now }
        issued[token] = IssuedToken(principal: principal, issuedAt: now, expiresAt: expires)
        revokedClients.remove(principal.clientId)
        return token
    }

    // MARK: - Checking

    /// The token's record when it is known, unexpired and its user not deactivated.
    public func validate(_ token: String) throws(Rejection) -> IssuedToken {
        let now = clock.now()
        lock.lock()
        defer { lock.unlock() }
        guard let record = issued[token] else { throw .unknown }
        guard record.expiresAt > now else { throw .expired }
        guard !revokedClients.contains(record.principal.clientId) else { throw .revoked }
        return record
    }

    /// Deactivates `clientId`'s tokens at once (Omnium: "effective immediately", contract §2).
    public func revokeTokens(of clientId: String) {
        lock.lock()
        defer { lock.unlock() }
        revokedClients.insert(clientId)
        issued = issued.filter { $0.value.principal.clientId != clientId }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
