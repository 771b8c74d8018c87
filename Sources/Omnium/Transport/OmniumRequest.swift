import Foundation

// MARK: - Request description

/// One Omnium call before it is sent: method, path below the base URL, query, body, and how it
/// may be retried. Endpoints build these; `OmniumClient.send` adds token, limits and retries.
///
/// `path` is percent-encoded already (build ids into it with `OmniumRequest.segment`).
/// Spec: omnium-contract.md §1.
public struct OmniumRequest: Sendable {
    /// HTTP method.
    public enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    public var method: Method
    /// `/api/...`, percent-encoded.
    public var path: String
    /// Query parameters, in order; keys may repeat (`warehouseIds=A&warehouseIds=B`).
    public var query: [URLQueryItem]
    public var body: Data?
    public var contentType: String?
    /// False only for the token call.
    public var requiresAuthorization: Bool
    /// After which failures the client may send the call again.
    public var repeatability: Repeatability

    /// Whether a call may be sent again after a failure that may have reached the server (a lost
    /// connection, a timeout, a 5xx, an unreadable 2xx). Refusals the server makes before acting
    /// (401 → new token, 429) are always repeated.
    public enum Repeatability: Sendable {
        /// Reads and upserts: repeating changes nothing.
        case idempotent
        /// A create keyed by an explicit id: repeated after transport failures and 5xx (a duplicate
        /// meets 409, which the caller reads as done), never after an unreadable 2xx (the write is
        /// known to have happened).
        case conflictOnRepeat
        /// A scroll continuation: repeated after an error *answer* (408, 5xx — the server said it failed
        /// and delivered no batch; Omnium's scroll, an Elasticsearch scroll, does not advance on a failed
        /// request), never after a lost connection, a timeout or an unreadable 2xx (a batch may have been
        /// consumed unseen; the scroll then restarts from its query). Without this, one 5xx anywhere in a
        /// long scroll restarted it from the start, and a 10 % error rate made 77-batch scrolls fail.
        case repeatableOnErrorAnswer
        /// Never after a possible effect: a create without an id (a repeat would create a second object).
        case notRepeatable
    }

    public init(
        method: Method, path: String, query: [URLQueryItem] = [], body: Data? = nil, contentType: String? = nil,
        requiresAuthorization: Bool = true, repeatability: Repeatability = .idempotent
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.contentType = contentType
        self.requiresAuthorization = requiresAuthorization
        self.repeatability = repeatability
    }

    /// Batch operations (paths ending `Many`) have their own concurrency limit (contract §4).
    public var isBatch: Bool { path.hasSuffix("Many") }

    /// Starting a scroll (`POST .../Scroll`): Omnium refuses concurrent scroll starts (contract §3).
    public var isScrollStart: Bool { method == .post && path.hasSuffix("/Scroll") }

    // MARK: Builders

    /// A GET.
    public static func get(_ path: String, query: [URLQueryItem] = []) -> OmniumRequest {
        OmniumRequest(method: .get, path: path, query: query)
    }

    /// A call with a JSON body encoded by `OmniumJSON.encoder`.
    /// - Throws: `OmniumError.invalidRequest` when the body does not encode.
    public static func json<Body: Encodable>(
        _ method: Method, _ path: String, query: [URLQueryItem] = [], body: Body,
        repeatability: Repeatability = .idempotent
    ) throws -> OmniumRequest {
        let data: Data
        do {
            data = try OmniumWire.encode(body)
        } catch {
            throw OmniumError(kind: .invalidRequest, method: method.rawValue, path: path,
                              detail: "request body did not encode: \(error)")
        }
        return OmniumRequest(method: method, path: path, query: query, body: data,
                             contentType: "application/json", repeatability: repeatability)
    }

    /// A call with raw bytes (`application/octet-stream`), e.g. a file upload.
    public static func bytes(_ method: Method, _ path: String, query: [URLQueryItem] = [], data: Data) -> OmniumRequest {
        OmniumRequest(method: method, path: path, query: query, body: data, contentType: "application/octet-stream")
    }

    // MARK: Encoding

    /// One path segment (an id) percent-encoded, `/` included, so `A/B` stays one segment.
    public static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? raw
    }

    /// RFC 3986 unreserved characters; everything else is escaped (`+` and `&` too, which
    /// servers would otherwise read as a space or a separator).
    static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The encoded query string (without `?`), empty when there is no query.
    func encodedQuery(redactingSecrets: Bool) -> String {
        query.map { item in
            let name = item.name.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? item.name
            guard let value = item.value else { return name }
            if redactingSecrets && Self.isSecret(item.name) { return "\(name)=***" }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? value)"
        }.joined(separator: "&")
    }

    /// Path and query for errors and logs: secret query values replaced by `***`.
    public var redactedTarget: String {
        let query = encodedQuery(redactingSecrets: true)
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    /// Query parameter names whose values are never shown.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("secret") || lowered.contains("token") || lowered.contains("password")
    }

    /// The absolute URL under `baseURL` (whose own path, if any, is kept as a prefix).
    func url(relativeTo baseURL: URL) -> URL? {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else { return nil }
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        components.percentEncodedPath = prefix + (path.hasPrefix("/") ? path : "/" + path)
        let query = encodedQuery(redactingSecrets: false)
        components.percentEncodedQuery = query.isEmpty ? nil : query
        return components.url
    }
}

// MARK: - JSON on the wire

/// The JSON coders the client uses: the shared `OmniumJSON` (every Omnium date shape in, 7-digit
/// UTC out, exact `Decimal`, unset optionals omitted). One place to change.
enum OmniumWire {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        try OmniumJSON.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try OmniumJSON.decode(type, from: data)
    }
}
