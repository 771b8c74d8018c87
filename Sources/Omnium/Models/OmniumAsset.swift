import Foundation

/// A file attached to a product, order or invoice (image, PDF).
///
/// Spec: omnium-api.md §5.11, omnium-contract.md §6.
public struct OmniumAsset: Codable, Sendable, Equatable {
    public var assetId: String?
    public var fileName: String?
    public var url: String?
    public var externalUrl: String?
    public var contentType: String?
    public var length: Int?
    public var name: String?
    public var description: String?
    public var altText: String?
    public var assetType: String?
    public var purpose: String?
    public var isMainImage: Bool?
    public var sortOrder: Int?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        assetId: String? = nil,
        fileName: String? = nil,
        url: String? = nil,
        externalUrl: String? = nil,
        contentType: String? = nil,
        length: Int? = nil,
        name: String? = nil,
        description: String? = nil,
        altText: String? = nil,
        assetType: String? = nil,
        purpose: String? = nil,
        isMainImage: Bool? = nil,
        sortOrder: Int? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.assetId = assetId
        self.fileName = fileName
        self.url = url
        self.externalUrl = externalUrl
        self.contentType = contentType
        self.length = length
        self.name = name
        self.description = description
        self.altText = altText
        self.assetType = assetType
        self.purpose = purpose
        self.isMainImage = isMainImage
        self.sortOrder = sortOrder
        self.created = created
        self.modified = modified
    }
}
