import Foundation

// The staged JSON of the Flow catalogue records a transform hands its load, written with
// ``StagedJSONWriter`` and read back with ``StagedJSONReader``: the members of each type in the staging
// encoder's (sorted) order, nil members left out. Tests compare every writer with `JSONEncoder` byte for byte
// and every reader with `JSONDecoder`.

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

// MARK: - Reading

extension FlowProduct {
    /// Reads a product as ``writeStagedJSON(to:)`` writes it; `reader.failed` when it is not so.
    public init(stagedJSON reader: inout StagedJSONReader) {
        reader.beginObject()
        let allowPurchase = reader.bool("allowPurchase"), barcodes = reader.strings("barcodes")
        let brandUid = reader.optionalString("brandUid"), color = reader.optionalString("color")
        let currency = reader.optionalString("currency")
        let currencyPurchasePrice = reader.optionalInt64("currencyPurchasePrice")
        let description = reader.optionalString("description"), height = reader.optionalInt64("height")
        let isActive = reader.bool("isActive"), length = reader.optionalInt64("length")
        let name = reader.string("name"), productGroupUid = reader.string("productGroupUid")
        let productUid = reader.string("productUid"), purchasePrice = reader.optionalInt64("purchasePrice")
        let recommendedRetailPrice = reader.optionalInt64("recommendedRetailPrice")
        let shortDescription = reader.optionalString("shortDescription")
        let siblingGroupUid = reader.optionalString("siblingGroupUid"), size = reader.optionalString("size")
        let sku = reader.string("sku"), vatCodeUid = reader.string("vatCodeUid")
        let weight = reader.optionalInt64("weight"), width = reader.optionalInt64("width")
        reader.endObject()
        self.init(productUid: productUid, sku: sku, name: name, vatCodeUid: vatCodeUid, productGroupUid: productGroupUid,
                  siblingGroupUid: siblingGroupUid, description: description, shortDescription: shortDescription,
                  color: color, size: size, brandUid: brandUid, barcodes: barcodes, isActive: isActive,
                  allowPurchase: allowPurchase, purchasePrice: purchasePrice, currencyPurchasePrice: currencyPurchasePrice,
                  currency: currency, recommendedRetailPrice: recommendedRetailPrice, weight: weight, height: height,
                  width: width, length: length)
    }
}

extension FlowProductImage {
    /// Reads an image as ``writeStagedJSON(to:)`` writes it; `reader.failed` when it is not so.
    public init(stagedJSON reader: inout StagedJSONReader) {
        reader.beginObject()
        let fileName = reader.optionalString("fileName"), isMain = reader.bool("isMain")
        let productUid = reader.string("productUid"), sortOrder = reader.int64("sortOrder")
        let url = reader.string("url")
        reader.endObject()
        self.init(productUid: productUid, url: url, fileName: fileName, sortOrder: Int(sortOrder), isMain: isMain)
    }
}

extension FlowPriceKey {
    /// Reads a key as ``writeStagedJSON(to:)`` writes it; `reader.failed` when it is not so.
    public init(stagedJSON reader: inout StagedJSONReader) {
        reader.beginObject()
        let priceListUid = reader.string("priceListUid"), productUid = reader.string("productUid")
        reader.endObject()
        self.init(priceListUid: priceListUid, productUid: productUid)
    }
}

extension FlowPrice {
    /// Reads a price period as ``writeStagedJSON(to:)`` writes it; `reader.failed` when it is not so.
    public init(stagedJSON reader: inout StagedJSONReader) {
        reader.beginObject()
        let isCampaign = reader.bool("isCampaign"), originalPrice = reader.optionalInt64("originalPrice")
        let price = reader.int64("price"), priceListUid = reader.string("priceListUid")
        let productUid = reader.string("productUid"), validFrom = reader.optionalDate("validFrom")
        let validTo = reader.optionalDate("validTo")
        reader.endObject()
        self.init(priceListUid: priceListUid, productUid: productUid, price: price, isCampaign: isCampaign,
                  originalPrice: originalPrice, validFrom: validFrom, validTo: validTo)
    }
}
