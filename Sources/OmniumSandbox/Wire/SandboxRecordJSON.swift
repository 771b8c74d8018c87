import Foundation
import Omnium

/// The catalogue records (products, prices, stock) as JSON bytes, written member by member instead of
/// through `Encodable`: the same bytes ``SandboxResponseEncoder`` writes for the same value (members
/// sorted by name, `null` for every unset one), at a fraction of the cost (issue 8).
///
/// Each type's members are listed once below, in any order; they are sorted by name when the
/// writer is made, with the comparison the encoder sorts with. A model member this list misses would
/// show as a missing `null` — `SandboxRecordJSONTests` compares both writers on empty, full and
/// generated values, so a model change fails there, not in a client. A value carrying members the
/// model does not name (`additionalMembers`) is written by ``SandboxResponseEncoder`` instead.
enum SandboxRecordJSON {
    /// The bytes of one product (its variants included).
    static func product(_ product: OmniumProduct) throws -> [UInt8] {
        try record(product) { productWriter.write($1, to: &$0) }
    }

    static func price(_ price: OmniumPrice) throws -> [UInt8] {
        try record(price) { priceWriter.write($1, to: &$0) }
    }

    static func inventoryItem(_ item: OmniumInventoryItem) throws -> [UInt8] {
        try record(item) { inventoryWriter.write($1, to: &$0) }
    }

    /// `value` by hand, or through the generic encoder when the hand writer cannot.
    private static func record<T: Encodable>(_ value: T, _ write: (inout SandboxJSONBytes, T) -> Void) throws -> [UInt8] {
        var out = SandboxJSONBytes(capacity: 512)
        write(&out, value)
        if out.isUnsupported { return Array(try SandboxResponseEncoder.encode(value)) }
        return out.bytes
    }

    /// `value` by hand; nil when the writer cannot write it exactly (kept unknown members).
    static func handWritten<T>(_ value: T, _ writer: SandboxObjectWriter<T>) -> [UInt8]? {
        var out = SandboxJSONBytes(capacity: 512)
        writer.write(value, to: &out)
        return out.isUnsupported ? nil : out.bytes
    }

    /// `value` by hand, written in `scratch` (reused from record to record, so it has grown once) and
    /// returned in an array of its own size, as a record kept for long should be.
    static func handWritten<T>(_ value: T, _ writer: SandboxObjectWriter<T>, scratch: inout SandboxJSONBytes) -> [UInt8]? {
        scratch.bytes.removeAll(keepingCapacity: true)
        scratch.isUnsupported = false
        writer.write(value, to: &scratch)
        guard !scratch.isUnsupported else { return nil }
        return scratch.bytes.withUnsafeBufferPointer { written in
            [UInt8](unsafeUninitializedCapacity: written.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: written)
            }
        }
    }

    // MARK: - Members

    static let priceWriter = SandboxObjectWriter<OmniumPrice>([
        ("code", { $0.string($1.code) }),
        ("productId", { $0.string($1.productId) }),
        ("marketId", { $0.string($1.marketId) }),
        ("marketGroupId", { $0.string($1.marketGroupId) }),
        ("storeId", { $0.string($1.storeId) }),
        ("currencyCode", { $0.string($1.currencyCode) }),
        ("unitPrice", { $0.decimal($1.unitPrice) }),
        ("originalUnitPrice", { $0.decimal($1.originalUnitPrice) }),
        ("discountAmount", { $0.decimal($1.discountAmount) }),
        ("discountPercent", { $0.decimal($1.discountPercent) }),
        ("recommendedRetailPrice", { $0.decimal($1.recommendedRetailPrice) }),
        ("cost", { $0.decimal($1.cost) }),
        ("minQuantity", { $0.decimal($1.minQuantity) }),
        ("validFrom", { $0.date($1.validFrom) }),
        ("validUntil", { $0.date($1.validUntil) }),
        ("isTaxExcluded", { $0.bool($1.isTaxExcluded) }),
        ("taxRate", { $0.decimal($1.taxRate) }),
        ("customerId", { $0.string($1.customerId) }),
        ("customerGroup", { $0.string($1.customerGroup) }),
        ("priceListId", { $0.string($1.priceListId) }),
        ("priceType", { $0.string($1.priceType) }),
        ("promotionId", { $0.string($1.promotionId) }),
        ("promotionName", { $0.string($1.promotionName) }),
        ("unit", { $0.string($1.unit) }),
        ("modified", { $0.date($1.modified) }),
    ])

    static let inventoryWriter = SandboxObjectWriter<OmniumInventoryItem>([
        ("sku", { $0.string($1.sku) }),
        ("warehouseCode", { $0.string($1.warehouseCode) }),
        ("inventory", { $0.decimal($1.inventory) }),
        ("reservedInventory", { $0.decimal($1.reservedInventory) }),
        ("location", { $0.string($1.location) }),
        ("cost", { $0.decimal($1.cost) }),
        ("costCurrency", { $0.string($1.costCurrency) }),
        ("minQuantity", { $0.decimal($1.minQuantity) }),
        ("maxQuantity", { $0.decimal($1.maxQuantity) }),
        ("reorderMinQuantity", { $0.decimal($1.reorderMinQuantity) }),
        ("created", { $0.date($1.created) }),
        ("modified", { $0.date($1.modified) }),
    ])

    static let productWriter: SandboxObjectWriter<OmniumProduct> = SandboxObjectWriter([
        ("id", { $0.string($1.id) }),
        ("productId", { $0.string($1.productId) }),
        ("skuId", { $0.string($1.skuId) }),
        ("parentId", { $0.string($1.parentId) }),
        ("isSku", { $0.bool($1.isSku) }),
        ("name", { $0.string($1.name) }),
        ("description", { $0.string($1.description) }),
        ("shortDescription", { $0.string($1.shortDescription) }),
        ("brand", { $0.string($1.brand) }),
        ("color", { $0.string($1.color) }),
        ("size", { $0.string($1.size) }),
        ("ean", { $0.string($1.ean) }),
        ("gtins", { $0.strings($1.gtins) }),
        ("unit", { $0.string($1.unit) }),
        ("variants", { $0.array($1.variants) { productWriter.write($1, to: &$0) } }),
        ("prices", { $0.array($1.prices) { priceWriter.write($1, to: &$0) } }),
        ("cost", { $0.decimal($1.cost) }),
        ("costCurrency", { $0.string($1.costCurrency) }),
        ("categories", { $0.array($1.categories) { categoryWriter.write($1, to: &$0) } }),
        ("categoryIds", { $0.strings($1.categoryIds) }),
        ("mainCategoryId", { $0.string($1.mainCategoryId) }),
        ("mainCategoryName", { $0.string($1.mainCategoryName) }),
        ("marketIds", { $0.strings($1.marketIds) }),
        ("assortmentCodes", { $0.array($1.assortmentCodes) { assortmentCodeWriter.write($1, to: &$0) } }),
        ("isActive", { $0.bool($1.isActive) }),
        ("status", { $0.string($1.status) }),
        ("weight", { $0.decimal($1.weight) }),
        ("colli", { $0.array($1.colli) { colliWriter.write($1, to: &$0) } }),
        ("assets", { $0.array($1.assets) { assetWriter.write($1, to: &$0) } }),
        ("mainImageUrl", { $0.string($1.mainImageUrl) }),
        ("taxCategory", { $0.string($1.taxCategory) }),
        ("supplierId", { $0.string($1.supplierId) }),
        ("supplierSkuId", { $0.string($1.supplierSkuId) }),
        ("properties", { $0.array($1.properties) { propertyWriter.write($1, to: &$0) } }),
        ("externalIds", { $0.array($1.externalIds) { externalIdWriter.write($1, to: &$0) } }),
        ("tags", { $0.strings($1.tags) }),
        ("created", { $0.date($1.created) }),
        ("modified", { $0.date($1.modified) }),
    ])

    static let categoryWriter = SandboxObjectWriter<OmniumProductCategory>([
        ("categoryId", { $0.string($1.categoryId) }),
        ("id", { $0.string($1.id) }),
        ("name", { $0.string($1.name) }),
        ("parentId", { $0.string($1.parentId) }),
        ("isMainCategory", { $0.bool($1.isMainCategory) }),
        ("isHidden", { $0.bool($1.isHidden) }),
        ("language", { $0.string($1.language) }),
        ("description", { $0.string($1.description) }),
        ("sortIndex", { $0.int($1.sortIndex) }),
    ])

    static let assortmentCodeWriter = SandboxObjectWriter<OmniumAssortmentCode>([
        ("assortmentCodeId", { $0.string($1.assortmentCodeId) }),
        ("validFrom", { $0.date($1.validFrom) }),
        ("validTo", { $0.date($1.validTo) }),
    ])

    static let colliWriter = SandboxObjectWriter<OmniumColli>([
        ("weight", { $0.decimal($1.weight) }),
        ("height", { $0.decimal($1.height) }),
        ("width", { $0.decimal($1.width) }),
        ("length", { $0.decimal($1.length) }),
        ("volume", { $0.decimal($1.volume) }),
    ])

    static let assetWriter = SandboxObjectWriter<OmniumAsset>([
        ("assetId", { $0.string($1.assetId) }),
        ("fileName", { $0.string($1.fileName) }),
        ("url", { $0.string($1.url) }),
        ("externalUrl", { $0.string($1.externalUrl) }),
        ("contentType", { $0.string($1.contentType) }),
        ("length", { $0.int($1.length) }),
        ("name", { $0.string($1.name) }),
        ("description", { $0.string($1.description) }),
        ("altText", { $0.string($1.altText) }),
        ("assetType", { $0.string($1.assetType) }),
        ("purpose", { $0.string($1.purpose) }),
        ("isMainImage", { $0.bool($1.isMainImage) }),
        ("sortOrder", { $0.int($1.sortOrder) }),
        ("created", { $0.date($1.created) }),
        ("modified", { $0.date($1.modified) }),
        ("forceUpload", { $0.bool($1.forceUpload) }),
        ("parentId", { $0.string($1.parentId) }),
        ("properties", { $0.array($1.properties) { propertyWriter.write($1, to: &$0) } }),
    ], unsupported: { !($0.additionalMembers?.isEmpty ?? true) })

    static let propertyWriter = SandboxObjectWriter<OmniumProperty>([
        ("key", { $0.string($1.key) }),
        ("value", { $0.string($1.value) }),
        ("keyGroup", { $0.string($1.keyGroup) }),
        ("valueType", { $0.string($1.valueType) }),
    ], unsupported: { !($0.additionalMembers?.isEmpty ?? true) })

    static let externalIdWriter = SandboxObjectWriter<OmniumExternalId>([
        ("id", { $0.string($1.id) }),
        ("providerName", { $0.string($1.providerName) }),
    ], unsupported: { !($0.additionalMembers?.isEmpty ?? true) })
}

/// Writes one object type: its members sorted by name once, each as `"name":` bytes made up front.
struct SandboxObjectWriter<Value>: Sendable {
    typealias Write = @Sendable (inout SandboxJSONBytes, Value) -> Void
    /// Every member's `,"name":` bytes, one after the other (one buffer, no array per member).
    private let prefixes: [UInt8]
    private let prefixEnds: [Int]
    private let writes: [Write]
    private let unsupported: (@Sendable (Value) -> Bool)?

    /// - Parameter unsupported: true for a value this writer cannot write exactly (kept unknown members).
    init(_ members: [(String, Write)], unsupported: (@Sendable (Value) -> Bool)? = nil) {
        let sorted = members.indices.sorted { members[$0].0 != members[$1].0 ? members[$0].0 < members[$1].0 : $0 < $1 }
        var prefixes = SandboxJSONBytes()
        var ends: [Int] = []
        for (position, index) in sorted.enumerated() {
            if position > 0 { prefixes.byte(UInt8(ascii: ",")) }
            prefixes.string(members[index].0)
            prefixes.byte(UInt8(ascii: ":"))
            ends.append(prefixes.bytes.count)
        }
        self.prefixes = prefixes.bytes
        self.prefixEnds = ends
        self.writes = sorted.map { members[$0].1 }
        self.unsupported = unsupported
    }

    func write(_ value: Value, to out: inout SandboxJSONBytes) {
        if let unsupported, unsupported(value) { out.isUnsupported = true }
        out.byte(UInt8(ascii: "{"))
        prefixes.withUnsafeBufferPointer { prefixes in
            var start = 0
            for (member, end) in prefixEnds.enumerated() {
                out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: prefixes[start..<end]))
                start = end
                writes[member](&out, value)
            }
        }
        out.byte(UInt8(ascii: "}"))
    }
}
