import FlowStore

/// What one batch of Omnium products becomes on the Flow side.
///
/// Brands and product groups are deduplicated within the batch; the load upserts them before
/// the products that reference them. `issues` holds quarantined products and dropped fields.
public struct CatalogueProducts: Sendable, Equatable {
    public var brands: [FlowBrand] = []
    public var productGroups: [FlowProductGroup] = []
    public var products: [FlowProduct] = []
    public var images: [FlowProductImage] = []
    public var issues: [MappingIssue] = []

    public init(brands: [FlowBrand] = [], productGroups: [FlowProductGroup] = [], products: [FlowProduct] = [],
                images: [FlowProductImage] = [], issues: [MappingIssue] = []) {
        self.brands = brands
        self.productGroups = productGroups
        self.products = products
        self.images = images
        self.issues = issues
    }
}
