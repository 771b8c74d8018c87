import Foundation

/// One parsed HTTP/1.x request with its whole body.
///
/// Why a plain value: handlers and middleware read it on the connection's thread and tests build it
/// in memory (`HTTPRequest(method:target:)`) without any socket.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request target as sent (`/api/Orders?take=10`).
    public var target: String
    /// The path part of the target, still percent-encoded.
    public var path: String
    /// The path with `%XX` escapes decoded.
    public var decodedPath: String
    /// Query items in order, percent-decoded.
    public var queryItems: [HTTPQueryItem]
    public var headers: HTTPHeaders
    public var body: Data
    /// `(major, minor)`, e.g. `(1, 1)`.
    public var version: HTTPVersion
    /// When the request's first bytes were read from its connection (the server sets it); a request built in
    /// memory arrives when it is built. A responder that holds an answer "n ms after arrival" measures from here,
    /// not from when its own work started.
    public var arrival: ContinuousClock.Instant

    /// Builds a request from a target string; throws `HTTPParseError` (400) for a bad target.
    public init(
        method: HTTPMethod, target: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(),
        version: HTTPVersion = .http11
    ) throws(HTTPParseError) {
        let parts: (String, String, [HTTPQueryItem])
        do {
            parts = try HTTPRequestTarget.split(target)
        } catch {
            throw HTTPParseError(status: .badRequest, reason: "invalid request target")
        }
        self.method = method
        self.target = target
        (path, decodedPath, queryItems) = parts
        self.headers = headers
        self.body = body
        self.version = version
        self.arrival = .now
    }

    /// The path split at `/`, each segment percent-decoded on its own (so `SKU%2F1` stays one
    /// segment, `SKU/1`); what routers match against.
    public var pathSegments: [String] {
        path.split(separator: "/").map { HTTPRequestTarget.percentDecode($0, plusIsSpace: false) ?? String($0) }
    }

    // MARK: - Queries

    /// The first value of query item `name`; `caseInsensitive` compares names ignoring case.
    public func queryValue(_ name: String, caseInsensitive: Bool = false) -> String? {
        queryValues(name, caseInsensitive: caseInsensitive).first
    }

    /// Every value of query item `name`, in order (`?warehouseIds=A&warehouseIds=B`).
    public func queryValues(_ name: String, caseInsensitive: Bool = false) -> [String] {
        if caseInsensitive {
            let lowered = name.lowercased()
            return queryItems.filter { $0.name.lowercased() == lowered }.map(\.value)
        }
        return queryItems.filter { $0.name == name }.map(\.value)
    }

    /// Whether the client wants the connection kept open after this request (RFC 9112 §9.3).
    public var isKeepAlive: Bool {
        let tokens = headers.values(for: "Connection")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if tokens.contains("close") { return false }
        if version == .http10 { return tokens.contains("keep-alive") }
        return true
    }
}

/// An HTTP version number as in the request line.
public struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public static let http10 = HTTPVersion(major: 1, minor: 0)
    public static let http11 = HTTPVersion(major: 1, minor: 1)

    public var description: String { "HTTP/\(major).\(minor)" }
}
