/// One node of Omnium's category tree, as the product-group rule needs it.
///
/// Omnium products carry only `mainCategoryId` (and `mainCategoryName`); the hierarchy comes
/// from `/api/ProductCategories` when the extractor reads it. Without the tree, each main
/// category becomes a top-level group, and `ProductGroupRootId` cannot be honoured (see
/// `ProductGroupResolver`).
///
/// Spec: flow-integration.md §3.2; omnium-api.md §7 (`/api/ProductCategories`).
public struct CatalogueCategory: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var parentId: String?

    public init(id: String, name: String? = nil, parentId: String? = nil) {
        self.id = id
        self.name = name
        self.parentId = parentId
    }
}
