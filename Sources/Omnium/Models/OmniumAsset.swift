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
    public var forceUpload: Bool?
    public var parentId: String?
    public var properties: [OmniumProperty]?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        modified: Date? = nil,
        forceUpload: Bool? = nil,
        parentId: String? = nil,
        properties: [OmniumProperty]? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.forceUpload = forceUpload
        self.parentId = parentId
        self.properties = properties
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "assetid", "filename", "url", "externalurl", "contenttype", "length", "name", "description", "alttext",
        "assettype", "purpose", "ismainimage", "sortorder", "created", "modified", "forceupload", "parentid",
        "properties"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        assetId = try container.decodeIfPresent(String.self, forKey: "assetId")
        fileName = try container.decodeIfPresent(String.self, forKey: "fileName")
        url = try container.decodeIfPresent(String.self, forKey: "url")
        externalUrl = try container.decodeIfPresent(String.self, forKey: "externalUrl")
        contentType = try container.decodeIfPresent(String.self, forKey: "contentType")
        length = try container.decodeIfPresent(Int.self, forKey: "length")
        name = try container.decodeIfPresent(String.self, forKey: "name")
        description = try container.decodeIfPresent(String.self, forKey: "description")
        altText = try container.decodeIfPresent(String.self, forKey: "altText")
        assetType = try container.decodeIfPresent(String.self, forKey: "assetType")
        purpose = try container.decodeIfPresent(String.self, forKey: "purpose")
        isMainImage = try container.decodeIfPresent(Bool.self, forKey: "isMainImage")
        sortOrder = try container.decodeIfPresent(Int.self, forKey: "sortOrder")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        modified = try container.decodeIfPresent(Date.self, forKey: "modified")
        forceUpload = try container.decodeIfPresent(Bool.self, forKey: "forceUpload")
        parentId = try container.decodeIfPresent(String.self, forKey: "parentId")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(assetId, forKey: "assetId")
        try container.encodeIfPresent(fileName, forKey: "fileName")
        try container.encodeIfPresent(url, forKey: "url")
        try container.encodeIfPresent(externalUrl, forKey: "externalUrl")
        try container.encodeIfPresent(contentType, forKey: "contentType")
        try container.encodeIfPresent(length, forKey: "length")
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(description, forKey: "description")
        try container.encodeIfPresent(altText, forKey: "altText")
        try container.encodeIfPresent(assetType, forKey: "assetType")
        try container.encodeIfPresent(purpose, forKey: "purpose")
        try container.encodeIfPresent(isMainImage, forKey: "isMainImage")
        try container.encodeIfPresent(sortOrder, forKey: "sortOrder")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(modified, forKey: "modified")
        try container.encodeIfPresent(forceUpload, forKey: "forceUpload")
        try container.encodeIfPresent(parentId, forKey: "parentId")
        try container.encodeIfPresent(properties, forKey: "properties")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
