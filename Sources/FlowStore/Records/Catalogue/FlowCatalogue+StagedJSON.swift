import Foundation

// The staged JSON of the Flow catalogue records a transform hands its load (``StagedJSONWriter``): the
// members of each type in the staging encoder's (sorted) order, nil members left out. Tests compare every
// writer with `JSONEncoder` byte for byte.

extension FlowProduct {
    /// Writes this product as the staging encoder would.
    public func writeStagedJSON(to writer: inout StagedJSONWriter) {
        writer.beginObject()
        writer.member("allowPurchase", allowPurchase)
        writer.member("barcodes", barcodes)
        writer.member("brandUid", brandUid)
        writer.member("color", color)
        writer.member("currency", currency)
        writer.member("currencyPurchasePrice", currencyPurchasePrice)
        writer.member("description", description)
        writer.member("height", height)
        writer.member("isActive", isActive)
        writer.member("length", length)
        writer.member("name", name)
        writer.member("productGroupUid", productGroupUid)
        writer.member("productUid", productUid)
        writer.member("purchasePrice", purchasePrice)
        writer.member("recommendedRetailPrice", recommendedRetailPrice)
        writer.member("shortDescription", shortDescription)
        writer.member("siblingGroupUid", siblingGroupUid)
        writer.member("size", size)
        writer.member("sku", sku)
        writer.member("vatCodeUid", vatCodeUid)
        writer.member("weight", weight)
        writer.member("width", width)
        writer.endObject()
    }
}

extension FlowProductImage {
    /// Writes this image as the staging encoder would.
    public func writeStagedJSON(to writer: inout StagedJSONWriter) {
        writer.beginObject()
        writer.member("fileName", fileName)
        writer.member("isMain", isMain)
        writer.member("productUid", productUid)
        writer.member("sortOrder", sortOrder)
        writer.member("url", url)
        writer.endObject()
    }
}

extension FlowPriceKey {
    /// Writes this key as the staging encoder would.
    public func writeStagedJSON(to writer: inout StagedJSONWriter) {
        writer.beginObject()
        writer.member("priceListUid", priceListUid)
        writer.member("productUid", productUid)
        writer.endObject()
    }
}

extension FlowPrice {
    /// Writes this price period as the staging encoder would.
    public func writeStagedJSON(to writer: inout StagedJSONWriter) {
        writer.beginObject()
        writer.member("isCampaign", isCampaign)
        writer.member("originalPrice", originalPrice)
        writer.member("price", price)
        writer.member("priceListUid", priceListUid)
        writer.member("productUid", productUid)
        writer.member("validFrom", validFrom)
        writer.member("validTo", validTo)
        writer.endObject()
    }
}
