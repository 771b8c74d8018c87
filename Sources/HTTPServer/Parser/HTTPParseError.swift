/// Why a request could not be parsed, and which status to answer with before closing.
///
/// Why: every malformed or hostile input maps to a definite status (400, 411, 413, 414, 431, 505)
/// instead of an undefined connection state.
public struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let status: HTTPStatus
    public let reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status): \(reason)" }
}
