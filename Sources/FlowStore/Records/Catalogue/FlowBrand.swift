/// A Flow brand, created when a product references one Flow does not have yet.
///
/// Spec: flow-integration.md §3 step 2 (brand sync), §3.1 (`brandUid`).
public struct FlowBrand: Sendable, Hashable, Codable, ContentHashable {
    /// `FlowUID.brand(Omnium Brand)`: lower-cased and sanitized (`nike_air`).
    public var brandUid: String
    /// The brand as Omnium spells it (`Nike Air`).
    public var name: String

    public init(brandUid: String, name: String) {
        self.brandUid = brandUid
        self.name = name
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
    }
}
