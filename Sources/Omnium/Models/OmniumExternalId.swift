import Foundation

/// A reference to the same object in another system (`{id, providerName}`).
///
/// Spec: omnium-contract.md "Notation".
public struct OmniumExternalId: Codable, Sendable, Equatable {
    public var id: String?
    public var providerName: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        providerName: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.id = id
        self.providerName = providerName
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "providername"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        providerName = try container.decodeIfPresent(String.self, forKey: "providerName")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(providerName, forKey: "providerName")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
