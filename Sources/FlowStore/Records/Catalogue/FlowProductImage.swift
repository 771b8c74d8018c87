/// A product image Flow shows on the till, taken from the Omnium product's assets.
///
/// Spec: flow-integration.md §3 step 6 (image export); omnium-contract.md §6 (`assets`).
public struct FlowProductImage: Sendable, Hashable, Codable, ContentHashable {
    public var productUid: String
    public var url: String
    public var fileName: String?
    /// 0-based display order; the main image sorts first.
    public var sortOrder: Int
    public var isMain: Bool

    public init(productUid: String, url: String, fileName: String? = nil, sortOrder: Int, isMain: Bool) {
        self.productUid = productUid
        self.url = url
        self.fileName = fileName
        self.sortOrder = sortOrder
        self.isMain = isMain
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(fileName)
        hasher.combine(sortOrder)
        hasher.combine(isMain)
    }
}
