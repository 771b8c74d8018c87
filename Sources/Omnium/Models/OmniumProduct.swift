import Foundation

/// A product document or a sellable variant. `id` carries the language suffix (`shirt-yellow_no`), `productId` is language-neutral, `skuId` is the sellable SKU and `parentId` groups siblings. Variants carry the same fields, so `OmniumProductVariant` is this type.
///
/// Spec: omnium-contract.md §6, omnium-api.md §7.
public struct OmniumProduct: Codable, Sendable, Equatable {
    public var id: String?
    public var productId: String?
    public var skuId: String?
    public var parentId: String?
    public var isSku: Bool?
    public var name: String?
    /// may contain HTML and entities
    public var description: String?
    public var shortDescription: String?
    public var brand: String?
    public var color: String?
    public var size: String?
    public var ean: String?
    public var gtins: [String]?
    public var unit: String?
    public var variants: [OmniumProduct]?
    public var prices: [OmniumPrice]?
    public var cost: Decimal?
    public var costCurrency: String?
    /// the categories the product is in, as objects (contract §6, corrected)
    public var categories: [OmniumProductCategory]?
    /// category ids, as list items from `SearchProducts` carry them
    public var categoryIds: [String]?
    public var mainCategoryId: String?
    public var mainCategoryName: String?
    public var marketIds: [String]?
    public var assortmentCodes: [OmniumAssortmentCode]?
    public var isActive: Bool?
    /// `Published` | `Deleted`
    public var status: String?
    /// kg
    public var weight: Decimal?
    public var colli: [OmniumColli]?
    public var assets: [OmniumAsset]?
    public var mainImageUrl: String?
    public var taxCategory: String?
    public var supplierId: String?
    public var supplierSkuId: String?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var tags: [String]?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        productId: String? = nil,
        skuId: String? = nil,
        parentId: String? = nil,
        isSku: Bool? = nil,
        name: String? = nil,
        description: String? = nil,
        shortDescription: String? = nil,
        brand: String? = nil,
        color: String? = nil,
        size: String? = nil,
        ean: String? = nil,
        gtins: [String]? = nil,
        unit: String? = nil,
        variants: [OmniumProduct]? = nil,
        prices: [OmniumPrice]? = nil,
        cost: Decimal? = nil,
        costCurrency: String? = nil,
        categories: [OmniumProductCategory]? = nil,
        categoryIds: [String]? = nil,
        mainCategoryId: String? = nil,
        mainCategoryName: String? = nil,
        marketIds: [String]? = nil,
        assortmentCodes: [OmniumAssortmentCode]? = nil,
        isActive: Bool? = nil,
        status: String? = nil,
        weight: Decimal? = nil,
        colli: [OmniumColli]? = nil,
        assets: [OmniumAsset]? = nil,
        mainImageUrl: String? = nil,
        taxCategory: String? = nil,
        supplierId: String? = nil,
        supplierSkuId: String? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        tags: [String]? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.id = id
        self.productId = productId
        self.skuId = skuId
        self.parentId = parentId
        self.isSku = isSku
        self.name = name
        self.description = description
        self.shortDescription = shortDescription
        self.brand = brand
        self.color = color
        self.size = size
        self.ean = ean
        self.gtins = gtins
        self.unit = unit
        self.variants = variants
        self.prices = prices
        self.cost = cost
        self.costCurrency = costCurrency
        self.categories = categories
        self.categoryIds = categoryIds
        self.mainCategoryId = mainCategoryId
        self.mainCategoryName = mainCategoryName
        self.marketIds = marketIds
        self.assortmentCodes = assortmentCodes
        self.isActive = isActive
        self.status = status
        self.weight = weight
        self.colli = colli
        self.assets = assets
        self.mainImageUrl = mainImageUrl
        self.taxCategory = taxCategory
        self.supplierId = supplierId
        self.supplierSkuId = supplierSkuId
        self.properties = properties
        self.externalIds = externalIds
        self.tags = tags
        self.created = created
        self.modified = modified
    }
}

/// One package of a product. Weight in kg; height, width and length in cm (Sandbox choice; the unit is configurable on the client side).
///
/// Spec: omnium-contract.md §6 (undocumented shape, Sandbox choice).
public struct OmniumColli: Codable, Sendable, Equatable {
    public var weight: Decimal?
    public var height: Decimal?
    public var width: Decimal?
    public var length: Decimal?
    public var volume: Decimal?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        weight: Decimal? = nil,
        height: Decimal? = nil,
        width: Decimal? = nil,
        length: Decimal? = nil,
        volume: Decimal? = nil
    ) {
        self.weight = weight
        self.height = height
        self.width = width
        self.length = length
        self.volume = volume
    }
}

/// A product variant; variants carry the product fields (Sandbox choice, omnium-contract.md §6).
public typealias OmniumProductVariant = OmniumProduct
