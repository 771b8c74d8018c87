/// A Flow product group, built from an Omnium category when `SyncCategoriesToFlow` is on.
///
/// Spec: flow-integration.md §3.1 (`productGroupUid` ← `MainCategoryId`), §3.2.
public struct FlowProductGroup: Sendable, Hashable, Codable, ContentHashable {
    /// The sanitized Omnium category id.
    public var productGroupUid: String
    public var name: String
    /// The parent group; `nil` for a top-level group (a child of `ProductGroupRootId`).
    public var parentUid: String?

    public init(productGroupUid: String, name: String, parentUid: String? = nil) {
        self.productGroupUid = productGroupUid
        self.name = name
        self.parentUid = parentUid
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(parentUid)
    }
}
