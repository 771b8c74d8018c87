import Foundation

/// A reference to the same object in another system (`{id, providerName}`).
///
/// Spec: omnium-contract.md "Notation".
public struct OmniumExternalId: Codable, Sendable, Equatable {
    public var id: String?
    public var providerName: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        providerName: String? = nil
    ) {
        self.id = id
        self.providerName = providerName
    }
}
