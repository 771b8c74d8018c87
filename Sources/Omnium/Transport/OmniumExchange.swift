import Foundation

// MARK: - Exchange loop

/// One request's life: token, limiter, transport, status handling, retries.
///
/// Rules (contract §1, §2, §4): 2xx is success (a body that does not decode is retried a bounded
/// number of times when the request is idempotent, then `.malformedResponse`); 401 renews the
/// token once and repeats once, a second 401 is fatal `.unauthorized`; 403 and other 4xx fail at
/// once; 429 waits at least `Retry-After`; 408, 5xx, timeouts and connection errors back off
/// exponentially with full jitter — unless the request's `repeatability` forbids repeating a call
/// that may have had an effect. The limiter is held only while the exchange is on the wire,
/// never while sleeping.
struct OmniumExchange: Sendable {
    let configuration: OmniumConfiguration
    let transport: any HTTPTransport
    let environment: OmniumClientEnvironment
    /// Nil for the token call (exempt from limits).
    let limiter: OmniumRequestLimiter?
    /// Nil for the token call (it makes the token).
    let tokens: OmniumTokenCache?

    /// Why a 2xx body was refused by `decode`.
    struct UnreadableBody: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Perform

    func perform<T>(_ request: OmniumRequest, decode: (HTTPTransportResponse) throws -> T) async throws -> T {
        let policy = configuration.retryPolicy
        let repeatsAfterPossibleEffect = request.repeatability == .idempotent || request.repeatability == .conflictOnRepeat
        let repeatsAfterErrorAnswer = request.repeatability != .notRepeatable
        var attempt = 0
        var hasRenewedToken = false
        var malformedRetries = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let token = try await currentToken(for: request)
            let response: HTTPTransportResponse
            do {
                response = try await send(request, token: token)
            } catch {
                let error = try Self.transportFailure(error)
                let kind: OmniumError.Kind = error.code == .timedOut ? .timeout : .connection
                guard attempt < policy.maxAttempts, repeatsAfterPossibleEffect else {
                    throw failure(kind, request, detail: Self.describe(error), attempts: attempt)
                }
                try await retry(request, status: nil, reason: Self.describe(error), attempt: attempt,
                                after: policy.backoff(afterAttempt: attempt, unitRandom: environment.random()))
                continue
            }

            switch response.status {
            case 200 ..< 300:
                do {
                    return try decode(response)
                } catch {
                    let canRetry = request.repeatability == .idempotent
                        && malformedRetries < policy.maxMalformedResponseRetries
                        && attempt < policy.maxAttempts
                    guard canRetry else {
                        throw failure(.malformedResponse, request, response: response,
                                      detail: Self.describe(decodingError: error), attempts: attempt)
                    }
                    malformedRetries += 1
                    try await retry(request, status: response.status, reason: "malformed body", attempt: attempt,
                                    after: policy.backoff(afterAttempt: attempt, unitRandom: environment.random()))
                }
            case 401 where token != nil && !hasRenewedToken:
                hasRenewedToken = true
                attempt -= 1
                if let token, let tokens { await tokens.invalidate(token) }
            case 401:
                let detail = token == nil
                    ? "token request refused: check the API user's clientId and clientSecret"
                    : "401 again after renewing the token: credentials rejected or API user deactivated"
                throw failure(.unauthorized, request, response: response, detail: detail, attempts: attempt)
            case 429:
                let retryAfter = retryAfter(in: response)
                if let retryAfter, retryAfter > policy.maxRetryAfter {
                    throw failure(.rateLimited, request, response: response,
                                  detail: "Retry-After \(retryAfter) exceeds the allowed \(policy.maxRetryAfter)",
                                  attempts: attempt, retryAfter: retryAfter)
                }
                guard attempt < policy.maxAttempts else {
                    throw failure(.rateLimited, request, response: response, attempts: attempt, retryAfter: retryAfter)
                }
                let delay = policy.delayAfterRateLimit(afterAttempt: attempt, retryAfter: retryAfter,
                                                       unitRandom: environment.random())
                try await retry(request, status: 429, reason: "rate limited", attempt: attempt, after: delay)
            case 408, 500 ..< 600:
                guard attempt < policy.maxAttempts, repeatsAfterErrorAnswer else {
                    throw failure(OmniumError.kind(forStatus: response.status), request, response: response,
                                  attempts: attempt)
                }
                try await retry(request, status: response.status, reason: "server trouble", attempt: attempt,
                                after: policy.backoff(afterAttempt: attempt, unitRandom: environment.random()))
            default:
                throw failure(OmniumError.kind(forStatus: response.status), request, response: response,
                              attempts: attempt)
            }
        }
    }

    // MARK: Token

    /// `POST /api/token?clientId=..&clientSecret=..&returnAsJson=true` (query only, no body).
    func fetchToken() async throws -> OmniumAccessToken {
        let request = OmniumRequest(
            method: .post, path: "/api/token",
            query: [
                URLQueryItem(name: "clientId", value: configuration.clientId),
                URLQueryItem(name: "clientSecret", value: configuration.clientSecret),
                URLQueryItem(name: "returnAsJson", value: "true"),
            ],
            requiresAuthorization: false)
        let issuedAt = environment.now()
        return try await perform(request) { response in
            guard let token = OmniumAccessToken.parse(response.body, issuedAt: issuedAt) else {
                throw UnreadableBody(description: "no access token in the token response")
            }
            return token
        }
    }

    private func currentToken(for request: OmniumRequest) async throws -> OmniumAccessToken? {
        guard request.requiresAuthorization, let tokens else { return nil }
        return try await tokens.token()
    }

    // MARK: Transport

    private func send(_ request: OmniumRequest, token: OmniumAccessToken?) async throws -> HTTPTransportResponse {
        guard let url = request.url(relativeTo: configuration.baseURL) else {
            throw failure(.invalidRequest, request, detail: "cannot form a URL under \(configuration.baseURL)")
        }
        var headers = ["Accept": "application/json"]
        if let contentType = request.contentType { headers["Content-Type"] = contentType }
        if let token { headers["Authorization"] = "Bearer \(token.value)" }
        let transportRequest = HTTPTransportRequest(method: request.method.rawValue, url: url, headers: headers,
                                                    body: request.body, timeout: configuration.requestTimeout)
        guard let limiter else { return try await transport.send(transportRequest) }
        return try await limiter.send(transportRequest, for: request, through: transport)
    }

    /// Reports the coming retry, then waits.
    private func retry(_ request: OmniumRequest, status: Int?, reason: String, attempt: Int, after delay: Duration)
        async throws {
        environment.observe(.retrying(method: request.method.rawValue, path: request.redactedTarget, status: status,
                                      reason: reason, attempt: attempt, delay: delay))
        try await environment.sleep(delay)
    }

    /// `Retry-After` as seconds (integer or decimal) or an HTTP date.
    private func retryAfter(in response: HTTPTransportResponse) -> Duration? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        // Non-finite values are ignored and huge ones capped: `Duration.seconds` traps beyond ~1.7e20 s.
        if let seconds = Double(value) {
            guard seconds.isFinite, seconds >= 0 else { return nil }
            return .seconds(min(seconds, 1e9))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(environment.now())))
    }

    // MARK: Errors

    private func failure(
        _ kind: OmniumError.Kind, _ request: OmniumRequest, response: HTTPTransportResponse? = nil,
        detail: String? = nil, attempts: Int = 1, retryAfter: Duration? = nil
    ) -> OmniumError {
        let body = response.map { String(decoding: $0.body, as: UTF8.self) }.map(redact)
        return OmniumError(kind: kind, method: request.method.rawValue, path: request.redactedTarget,
                           status: response?.status, body: body, detail: detail.map(redact), attempts: attempts,
                           retryAfter: retryAfter)
    }

    /// Removes the client secret from any text that might echo it (bodies, transport errors).
    private func redact(_ text: String) -> String {
        let secret = configuration.clientSecret
        guard !secret.isEmpty else { return text }
        var redacted = text.replacingOccurrences(of: secret, with: "***")
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: OmniumRequest.unreserved), encoded != secret {
            redacted = redacted.replacingOccurrences(of: encoded, with: "***")
        }
        return redacted
    }

    /// The transport error to retry, as a `URLError` (Foundation on Linux may hand back an
    /// `NSError` in `NSURLErrorDomain`). Cancellation and errors that are not about the network
    /// are rethrown as they are.
    static func transportFailure(_ error: Error) throws -> URLError {
        if Task.isCancelled { throw CancellationError() }
        if let error = error as? URLError {
            if error.code == .cancelled { throw CancellationError() }
            return error
        }
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else { throw error }
        if nsError.code == URLError.Code.cancelled.rawValue { throw CancellationError() }
        return URLError(URLError.Code(rawValue: nsError.code) ?? .unknown)
    }

    /// A transport error by code only: `URLError`'s own text can carry the failing URL (and so
    /// the token call's secret).
    static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "cannot connect to host"
        case .networkConnectionLost: return "connection lost"
        case .cannotFindHost: return "cannot find host"
        case .notConnectedToInternet: return "not connected"
        case .badServerResponse: return "bad server response"
        default: return "URLError \(error.code.rawValue)"
        }
    }

    /// A decoding error as one readable line: what was wrong and where (`result[3].modified`).
    static func describe(decodingError error: Error) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            return "invalid JSON at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "null where \(type) expected at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
