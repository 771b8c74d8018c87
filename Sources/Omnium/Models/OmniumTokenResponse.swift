import Foundation

/// The JSON form of `POST /api/token?returnAsJson=true`; `expiresIn` is in seconds (864000 = 10 days).
///
/// Spec: omnium-contract.md §2.
public struct OmniumTokenResponse: Codable, Sendable, Equatable {
    public var accessToken: String?
    public var tokenType: String?
    public var expiresIn: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        accessToken: String? = nil,
        tokenType: String? = nil,
        expiresIn: Int? = nil
    ) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
    }
}
