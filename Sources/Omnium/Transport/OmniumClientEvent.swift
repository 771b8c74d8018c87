import Foundation

// MARK: - Events

/// Something the client did on its own that a run log or a metric should show: a retry, a token
/// renewal, a scroll restart. Delivered to `OmniumClientEnvironment.observe`; never carries
/// secrets (paths are redacted like `OmniumError.path`).
public enum OmniumClientEvent: Sendable, Equatable, CustomStringConvertible {
    /// A failed attempt will be repeated after `delay`. `status` is nil for transport errors.
    case retrying(method: String, path: String, status: Int?, reason: String, attempt: Int, delay: Duration)
    /// A new access token was fetched (`reason`: "first use", "expiring", "401").
    case tokenFetched(reason: String)
    /// A scroll starts over (expired id or a short count); earlier batches will come again.
    case scrollRestarted(path: String, reason: String)

    public var description: String {
        switch self {
        case let .retrying(method, path, status, reason, attempt, delay):
            let code = status.map { " \($0)" } ?? ""
            return "omnium.retry \(method) \(path)\(code) \(reason), attempt \(attempt), waiting \(delay)"
        case let .tokenFetched(reason):
            return "omnium.token fetched (\(reason))"
        case let .scrollRestarted(path, reason):
            return "omnium.scroll restarted \(path): \(reason)"
        }
    }
}
