import Foundation

/// A key/value property (`OmniumPropertyItem`); `valueType` e.g. `String`, `Number`, `Xhtml`, `DateTime`, `Boolean`.
///
/// Spec: omnium-api.md §5.2 "Shared small types".
public struct OmniumProperty: Codable, Sendable, Equatable {
    public var key: String?
    public var value: String?
    public var keyGroup: String?
    public var valueType: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        key: String? = nil,
        value: String? = nil,
        keyGroup: String? = nil,
        valueType: String? = nil
    ) {
        self.key = key
        self.value = value
        self.keyGroup = keyGroup
        self.valueType = valueType
    }
}

/// Omnium's own name for a property.
public typealias OmniumPropertyItem = OmniumProperty
