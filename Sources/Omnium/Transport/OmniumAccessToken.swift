import Foundation

// MARK: - Access token

/// A bearer token from `POST /api/token` and when it stops being usable.
///
/// Omnium answers either `{"accessToken", "tokenType", "expiresIn"}` (`returnAsJson=true`) or the
/// JWT as a plain string, possibly quoted; both are read. Expiry comes from `expiresIn`, else from
/// the JWT `exp` claim; with neither, the token is kept until a 401 says otherwise.
/// Spec: omnium-contract.md §2.
struct OmniumAccessToken: Sendable, Equatable {
    var value: String
    var issuedAt: Date
    var expiresAt: Date?

    /// Whether the token should be renewed at `now`: less than `margin` left, where `margin` is
    /// shrunk to half the lifetime for short-lived tokens (so a 30-minute sandbox token is used
    /// for 15 minutes instead of being renewed on every call).
    func needsRenewal(at now: Date, margin: TimeInterval) -> Bool {
        guard let expiresAt else { return false }
        let lifetime = expiresAt.timeIntervalSince(issuedAt)
        let effectiveMargin = min(margin, max(lifetime / 2, 0))
        return expiresAt.timeIntervalSince(now) < effectiveMargin
    }

    // MARK: Parsing

    private struct JSONForm: Decodable {
        var accessToken: String?
        var expiresIn: Double?
    }

    private struct Claims: Decodable {
        var exp: Double?
        var iat: Double?
    }

    /// Reads either response form. Returns nil when the body holds no token.
    static func parse(_ body: Data, issuedAt: Date) -> OmniumAccessToken? {
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") {
            guard let form = try? JSONDecoder().decode(JSONForm.self, from: Data(text.utf8)),
                  let token = form.accessToken.map(stripQuotes), !token.isEmpty else { return nil }
            let expiry = form.expiresIn.map { issuedAt.addingTimeInterval($0) } ?? jwtExpiry(token, issuedAt: issuedAt)
            return OmniumAccessToken(value: token, issuedAt: issuedAt, expiresAt: expiry)
        }
        let token = stripQuotes(text)
        guard !token.isEmpty, !token.contains(where: { $0.isWhitespace }) else { return nil }
        return OmniumAccessToken(value: token, issuedAt: issuedAt, expiresAt: jwtExpiry(token, issuedAt: issuedAt))
    }

    static func stripQuotes(_ text: String) -> String {
        var token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while token.count >= 2, token.hasPrefix("\""), token.hasSuffix("\"") {
            token = String(token.dropFirst().dropLast())
        }
        return token
    }

    /// The `exp` claim (seconds since 1970) of a JWT, without verifying the signature (the
    /// server does that; the client only wants to know when to renew). With an `iat` claim the
    /// lifetime `exp - iat` is counted from `issuedAt` on the local clock instead: a server clock
    /// behind ours would otherwise make every fresh token look expired and renew on every call.
    static func jwtExpiry(_ token: String, issuedAt: Date) -> Date? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let payload = Data(base64Encoded: base64),
              let claims = try? JSONDecoder().decode(Claims.self, from: payload),
              let exp = claims.exp else { return nil }
        if let iat = claims.iat, exp > iat { return issuedAt.addingTimeInterval(exp - iat) }
        return Date(timeIntervalSince1970: exp)
    }
}

// MARK: - Token cache

/// Holds the current token and fetches a new one at most once at a time.
///
/// Concurrent callers that find no usable token share one fetch (single flight), so 20 parallel
/// requests at start-up cause one `POST /api/token`, not 20. After a 401 the caller reports the
/// token it used; only if that is still the cached one is it dropped, so several requests failing
/// with the same stale token renew it once.
actor OmniumTokenCache {
    typealias Fetch = @Sendable (_ reason: String) async throws -> OmniumAccessToken

    private let fetch: Fetch
    private let now: @Sendable () -> Date
    private let margin: TimeInterval
    private var current: OmniumAccessToken?
    private var pending: Task<OmniumAccessToken, Error>?
    private var hasFetched = false

    init(margin: TimeInterval, now: @escaping @Sendable () -> Date, fetch: @escaping Fetch) {
        self.margin = margin
        self.now = now
        self.fetch = fetch
    }

    /// A usable token: the cached one, or a fresh one when none is cached or it is close to expiry.
    func token() async throws -> OmniumAccessToken {
        if let current, !current.needsRenewal(at: now(), margin: margin) {
            return current
        }
        do {
            return try await renew(reason: current == nil ? (hasFetched ? "401" : "first use") : "expiring")
        } catch {
            // An early renewal that failed (token endpoint down) must not stop a token that is still
            // valid: keep it until it really expires; the next call tries the renewal again.
            if let current, let expiresAt = current.expiresAt, expiresAt > now() { return current }
            throw error
        }
    }

    /// Forget `rejected` (it got a 401) unless it was already replaced.
    func invalidate(_ rejected: OmniumAccessToken) {
        if current == rejected { current = nil }
    }

    /// Drops the cached token.
    func forget() {
        current = nil
    }

    private func renew(reason: String) async throws -> OmniumAccessToken {
        if let pending { return try await pending.value }
        hasFetched = true
        let task = Task { try await fetch(reason) }
        pending = task
        defer { pending = nil }
        let token = try await task.value
        current = token
        return token
    }
}
