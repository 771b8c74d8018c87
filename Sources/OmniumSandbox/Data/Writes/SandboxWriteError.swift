import Foundation

/// Why the sandbox refused a write; the routes render it as the HTTP status with Omnium's bare
/// string error body (e.g. `"Order was not found"`).
///
/// Spec: omnium-contract.md §1 "Codes", "Error body".
public enum SandboxWriteError: Error, Equatable, CustomStringConvertible {
    /// 400: validation failed; nothing was applied.
    case badRequest(String)
    /// 404
    case notFound(String)
    /// 409: an object with this id already exists.
    case conflict(String)

    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .notFound: return 404
        case .conflict: return 409
        }
    }

    public var message: String {
        switch self {
        case .badRequest(let m), .notFound(let m), .conflict(let m): return m
        }
    }

    public var description: String { "\(status) \(message)" }
}
