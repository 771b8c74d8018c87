/// An HTTP request method, kept exactly as sent (methods are case-sensitive, RFC 9110 §9.1).
///
/// Why a type and not a `String`: routes and middleware compare methods often; constants avoid typos.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    // MARK: - Common methods

    public static let GET: HTTPMethod = "GET"
    public static let HEAD: HTTPMethod = "HEAD"
    public static let POST: HTTPMethod = "POST"
    public static let PUT: HTTPMethod = "PUT"
    public static let PATCH: HTTPMethod = "PATCH"
    public static let DELETE: HTTPMethod = "DELETE"
    public static let OPTIONS: HTTPMethod = "OPTIONS"
}
