/// A sellable Flow product: one per Omnium SKU, variants included.
///
/// Field names and units are Flow's: money in hundredths (øre/cents), weight in grams,
/// dimensions in millimetres. Variants of one Omnium product are separate Flow products that
/// share a `siblingGroupUid`, which is how Flow links configurable products as siblings.
///
/// Spec: flow-integration.md §3 (step 5 variants), §3.1 (field mapping), §15 (units).
public struct FlowProduct: Sendable, Hashable, Codable, ContentHashable {
    // MARK: - Identity

    /// Sanitized Omnium `skuId`, else `productId`.
    public var productUid: String
    /// Omnium `skuId`, `"NoSku"` when Omnium has none.
    public var sku: String
    /// Sanitized Omnium `parentId` (or the parent's `productId` for embedded variants):
    /// products sharing it are siblings (sizes/colours of one article). `nil` for a lone product.
    public var siblingGroupUid: String?

    // MARK: - Texts

    public var name: String
    /// Plain text: HTML stripped.
    public var description: String?
    /// Plain text: HTML stripped.
    public var shortDescription: String?
    /// Variant property shown on the till next to the name.
    public var color: String?
    /// Variant property shown on the till next to the name.
    public var size: String?

    // MARK: - Classification

    public var brandUid: String?
    public var productGroupUid: String
    public var vatCodeUid: String
    /// Valid GTINs only (EAN-8/12/13/14), main EAN first, no duplicates.
    public var barcodes: [String]

    // MARK: - Status

    public var isActive: Bool
    /// `isActive` and none of the product's assortment codes is non-purchasable.
    public var allowPurchase: Bool

    // MARK: - Prices (hundredths)

    /// Omnium `Cost` in hundredths, in the tenant currency.
    public var purchasePrice: Int64?
    /// Omnium `Cost` in hundredths when Omnium gives a `CostCurrency`; `nil` otherwise.
    public var currencyPurchasePrice: Int64?
    /// ISO code of `currencyPurchasePrice` (Omnium `CostCurrency`).
    public var currency: String?
    /// Recommended retail price in hundredths; `nil` when selling prices come through price lists.
    public var recommendedRetailPrice: Int64?

    // MARK: - Physical

    /// Grams.
    public var weight: Int64?
    /// Millimetres.
    public var height: Int64?
    /// Millimetres.
    public var width: Int64?
    /// Millimetres.
    public var length: Int64?

    public init(productUid: String, sku: String, name: String, vatCodeUid: String,
                productGroupUid: String, siblingGroupUid: String? = nil,
                description: String? = nil, shortDescription: String? = nil,
                color: String? = nil, size: String? = nil, brandUid: String? = nil,
                barcodes: [String] = [], isActive: Bool = true, allowPurchase: Bool = true,
                purchasePrice: Int64? = nil, currencyPurchasePrice: Int64? = nil,
                currency: String? = nil, recommendedRetailPrice: Int64? = nil,
                weight: Int64? = nil, height: Int64? = nil, width: Int64? = nil, length: Int64? = nil) {
        self.productUid = productUid
        self.sku = sku
        self.siblingGroupUid = siblingGroupUid
        self.name = name
        self.description = description
        self.shortDescription = shortDescription
        self.color = color
        self.size = size
        self.brandUid = brandUid
        self.productGroupUid = productGroupUid
        self.vatCodeUid = vatCodeUid
        self.barcodes = barcodes
        self.isActive = isActive
        self.allowPurchase = allowPurchase
        self.purchasePrice = purchasePrice
        self.currencyPurchasePrice = currencyPurchasePrice
        self.currency = currency
        self.recommendedRetailPrice = recommendedRetailPrice
        self.weight = weight
        self.height = height
        self.width = width
        self.length = length
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(sku)
        hasher.combine(siblingGroupUid)
        hasher.combine(name)
        hasher.combine(description)
        hasher.combine(shortDescription)
        hasher.combine(color)
        hasher.combine(size)
        hasher.combine(brandUid)
        hasher.combine(productGroupUid)
        hasher.combine(vatCodeUid)
        hasher.combine(barcodes)
        hasher.combine(isActive)
        hasher.combine(allowPurchase)
        hasher.combine(purchasePrice)
        hasher.combine(currencyPurchasePrice)
        hasher.combine(currency)
        hasher.combine(recommendedRetailPrice)
        hasher.combine(weight)
        hasher.combine(height)
        hasher.combine(width)
        hasher.combine(length)
    }
}
