import Foundation

/// A key/value property (`OmniumPropertyItem`); `valueType` e.g. `String`, `Number`, `Xhtml`, `DateTime`, `Boolean`.
///
/// Spec: omnium-api.md §5.2 "Shared small types".
public struct OmniumProperty: Codable, Sendable, Equatable {
    public var key: String?
    public var value: String?
    public var keyGroup: String?
    public var valueType: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        key: String? = nil,
        value: String? = nil,
        keyGroup: String? = nil,
        valueType: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.key = key
        self.value = value
        self.keyGroup = keyGroup
        self.valueType = valueType
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "key", "value", "keygroup", "valuetype"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        key = try container.decodeIfPresent(String.self, forKey: "key")
        value = try container.decodeIfPresent(String.self, forKey: "value")
        keyGroup = try container.decodeIfPresent(String.self, forKey: "keyGroup")
        valueType = try container.decodeIfPresent(String.self, forKey: "valueType")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(key, forKey: "key")
        try container.encodeIfPresent(value, forKey: "value")
        try container.encodeIfPresent(keyGroup, forKey: "keyGroup")
        try container.encodeIfPresent(valueType, forKey: "valueType")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// Omnium's own name for a property.
public typealias OmniumPropertyItem = OmniumProperty
