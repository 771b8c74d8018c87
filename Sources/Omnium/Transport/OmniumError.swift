import Foundation

// MARK: - Error

/// Everything that can go wrong talking to Omnium, with enough context to act on it:
/// method, path (query secrets redacted), HTTP status, the body text (truncated) and a kind.
///
/// Omnium's error bodies are bare strings without codes (contract §1), so the kind comes from
/// the status. `isRetryable` / `isPermanent` tell the sync queue whether to reschedule a job or
/// send it to dead; `isFatal` (bad credentials) should stop the whole run. The client secret
/// never appears in `path`, `body`, `detail` or `description`.
/// Spec: omnium-contract.md §1 (client rules), §2.
public struct OmniumError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, independent of the endpoint.
    public enum Kind: String, Sendable {
        /// 401 after one token renewal, or the token call itself refused: bad credentials.
        case unauthorized
        /// 403: missing role or store/market scope. Never retried, never renews the token.
        case forbidden
        /// 404.
        case notFound
        /// 409: duplicate id on create, concurrency conflict or lock.
        case conflict
        /// 400: validation failed (Omnium's message is in `body`).
        case badRequest
        /// Any other 4xx.
        case clientError
        /// 429 that outlasted the retries (or asked for a longer wait than allowed).
        case rateLimited
        /// 5xx after the retries.
        case serverError
        /// 408 or a transport timeout after the retries.
        case timeout
        /// Connection refused, reset or dropped after the retries.
        case connection
        /// A 2xx whose body did not decode as the expected JSON.
        case malformedResponse
        /// A scroll id expired (404) or a scroll came back incomplete, beyond the allowed restarts.
        case scrollExpired
        /// A POST search would go past Omnium's `take * page <= 10000` window; use Scroll.
        case pagingLimitExceeded
        /// The request could not be built (encoding failed, too many items, bad argument).
        case invalidRequest
    }

    public var kind: Kind
    /// `GET`, `POST`, ...
    public var method: String
    /// Path and query as sent, with secret query values replaced by `***`.
    public var path: String
    /// HTTP status, when a response arrived.
    public var status: Int?
    /// The response body as text, truncated to `OmniumError.maxBodyLength` characters.
    public var body: String?
    /// What else is known: the decoding problem, the transport error, the client-side reason.
    public var detail: String?
    /// How many attempts were made (retries included).
    public var attempts: Int
    /// `Retry-After` of the last 429, so a queue can wait at least that long.
    public var retryAfter: Duration?

    public static let maxBodyLength = 500

    public init(
        kind: Kind, method: String, path: String, status: Int? = nil, body: String? = nil,
        detail: String? = nil, attempts: Int = 1, retryAfter: Duration? = nil
    ) {
        self.kind = kind
        self.method = method
        self.path = path
        self.status = status
        self.body = body.map(OmniumError.truncate)
        self.detail = detail
        self.attempts = attempts
        self.retryAfter = retryAfter
    }

    // MARK: Classification

    /// A later retry may succeed (rate limit, server trouble, network, conflict, malformed body).
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .serverError, .timeout, .connection, .malformedResponse, .conflict, .scrollExpired:
            return true
        case .unauthorized, .forbidden, .notFound, .badRequest, .clientError, .pagingLimitExceeded,
             .invalidRequest:
            return false
        }
    }

    /// Repeating the same request cannot succeed (most 4xx): a queue job goes to dead at once.
    /// (Cancellation is not an `OmniumError`: the client rethrows `CancellationError`.)
    public var isPermanent: Bool { !isRetryable }

    /// Bad credentials: every further call would fail the same way, so stop the run.
    public var isFatal: Bool { kind == .unauthorized }

    /// 409, which on a create means "already there": read it by id and treat the create as done
    /// (see `OmniumClient.createTreatingConflictAsDone`). On other writes: re-read, retry.
    public var isConflict: Bool { kind == .conflict }

    /// 404.
    public var isNotFound: Bool { kind == .notFound }

    // MARK: Presentation

    /// One line: kind, method, path, status, attempts, detail, body.
    public var description: String {
        var line = "OmniumError.\(kind.rawValue): \(method) \(path)"
        if let status { line += " -> \(status)" }
        if attempts > 1 { line += " after \(attempts) attempts" }
        if let detail, !detail.isEmpty { line += ": \(OmniumError.oneLine(detail))" }
        if let body, !body.isEmpty { line += " body: \(OmniumError.oneLine(body))" }
        return line
    }

    static func truncate(_ text: String) -> String {
        guard text.count > maxBodyLength else { return text }
        return String(text.prefix(maxBodyLength)) + "…(\(text.count) chars)"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// The kind an HTTP error status maps to (2xx never reaches here).
    static func kind(forStatus status: Int) -> Kind {
        switch status {
        case 400: return .badRequest
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 408: return .timeout
        case 409: return .conflict
        case 429: return .rateLimited
        case 500...599: return .serverError
        default: return .clientError
        }
    }
}
