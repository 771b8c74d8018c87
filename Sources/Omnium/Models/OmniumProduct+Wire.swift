import Foundation

// The fast readers of a product document and the values inside it (``OmniumWireDecodable``): each reads
// what its `Decodable` conformance reads (synthesized ones: unknown members ignored; the models that keep
// unknown members in `additionalMembers` leave any member they do not name to JSONDecoder), or nil.

extension OmniumProduct: OmniumWireDecodable {
    /// Reads a product document as `OmniumJSON.decoder` would, or nil when not certain.
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let product = Self.read(wholeRecord: json) else { return nil }
        self = product
    }
}

extension OmniumProduct: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumProduct()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .id: read = reader.read(&value.id)
            case .productId: read = reader.read(&value.productId)
            case .skuId: read = reader.read(&value.skuId)
            case .parentId: read = reader.read(&value.parentId)
            case .isSku: read = reader.read(&value.isSku)
            case .name: read = reader.read(&value.name)
            case .description: read = reader.read(&value.description)
            case .shortDescription: read = reader.read(&value.shortDescription)
            case .brand: read = reader.read(&value.brand)
            case .color: read = reader.read(&value.color)
            case .size: read = reader.read(&value.size)
            case .ean: read = reader.read(&value.ean)
            case .gtins: read = reader.read(&value.gtins)
            case .unit: read = reader.read(&value.unit)
            case .variants: read = reader.read(&value.variants)
            case .prices: read = reader.read(&value.prices)
            case .cost: read = reader.read(&value.cost)
            case .costCurrency: read = reader.read(&value.costCurrency)
            case .categories: read = reader.read(&value.categories)
            case .categoryIds: read = reader.read(&value.categoryIds)
            case .mainCategoryId: read = reader.read(&value.mainCategoryId)
            case .mainCategoryName: read = reader.read(&value.mainCategoryName)
            case .marketIds: read = reader.read(&value.marketIds)
            case .assortmentCodes: read = reader.read(&value.assortmentCodes)
            case .isActive: read = reader.read(&value.isActive)
            case .status: read = reader.read(&value.status)
            case .weight: read = reader.read(&value.weight)
            case .colli: read = reader.read(&value.colli)
            case .assets: read = reader.read(&value.assets)
            case .mainImageUrl: read = reader.read(&value.mainImageUrl)
            case .taxCategory: read = reader.read(&value.taxCategory)
            case .supplierId: read = reader.read(&value.supplierId)
            case .supplierSkuId: read = reader.read(&value.supplierSkuId)
            case .properties: read = reader.read(&value.properties)
            case .externalIds: read = reader.read(&value.externalIds)
            case .tags: read = reader.read(&value.tags)
            case .created: read = reader.read(&value.created)
            case .modified: read = reader.read(&value.modified)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case id, productId, skuId, parentId, isSku, name, description, shortDescription, brand, color, size, ean,
             gtins, unit, variants, prices, cost, costCurrency, categories, categoryIds, mainCategoryId,
             mainCategoryName, marketIds, assortmentCodes, isActive, status, weight, colli, assets, mainImageUrl,
             taxCategory, supplierId, supplierSkuId, properties, externalIds, tags, created, modified

        static let keys = utf8Keys()
    }
}

extension OmniumProductCategory: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumProductCategory()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .categoryId: read = reader.read(&value.categoryId)
            case .id: read = reader.read(&value.id)
            case .name: read = reader.read(&value.name)
            case .parentId: read = reader.read(&value.parentId)
            case .isMainCategory: read = reader.read(&value.isMainCategory)
            case .isHidden: read = reader.read(&value.isHidden)
            case .language: read = reader.read(&value.language)
            case .description: read = reader.read(&value.description)
            case .sortIndex: read = reader.read(&value.sortIndex)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case categoryId, id, name, parentId, isMainCategory, isHidden, language, description, sortIndex

        static let keys = utf8Keys()
    }
}

extension OmniumAssortmentCode: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumAssortmentCode()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .assortmentCodeId: read = reader.read(&value.assortmentCodeId)
            case .validFrom: read = reader.read(&value.validFrom)
            case .validTo: read = reader.read(&value.validTo)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case assortmentCodeId, validFrom, validTo

        static let keys = utf8Keys()
    }
}

extension OmniumColli: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumColli()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .weight: read = reader.read(&value.weight)
            case .height: read = reader.read(&value.height)
            case .width: read = reader.read(&value.width)
            case .length: read = reader.read(&value.length)
            case .volume: read = reader.read(&value.volume)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case weight, height, width, length, volume

        static let keys = utf8Keys()
    }
}

extension OmniumAsset: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumAsset()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            // The model keeps unknown members (`additionalMembers`): left to JSONDecoder.
            guard let index = Member.index(ofKey: key) else { return nil }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .assetId: read = reader.read(&value.assetId)
            case .fileName: read = reader.read(&value.fileName)
            case .url: read = reader.read(&value.url)
            case .externalUrl: read = reader.read(&value.externalUrl)
            case .contentType: read = reader.read(&value.contentType)
            case .length: read = reader.read(&value.length)
            case .name: read = reader.read(&value.name)
            case .description: read = reader.read(&value.description)
            case .altText: read = reader.read(&value.altText)
            case .assetType: read = reader.read(&value.assetType)
            case .purpose: read = reader.read(&value.purpose)
            case .isMainImage: read = reader.read(&value.isMainImage)
            case .sortOrder: read = reader.read(&value.sortOrder)
            case .created: read = reader.read(&value.created)
            case .modified: read = reader.read(&value.modified)
            case .forceUpload: read = reader.read(&value.forceUpload)
            case .parentId: read = reader.read(&value.parentId)
            case .properties: read = reader.read(&value.properties)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case assetId, fileName, url, externalUrl, contentType, length, name, description, altText, assetType,
             purpose, isMainImage, sortOrder, created, modified, forceUpload, parentId, properties

        static let keys = utf8Keys()
    }
}

extension OmniumProperty: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumProperty()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            // The model keeps unknown members (`additionalMembers`): left to JSONDecoder.
            guard let index = Member.index(ofKey: key) else { return nil }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .key: read = reader.read(&value.key)
            case .value: read = reader.read(&value.value)
            case .keyGroup: read = reader.read(&value.keyGroup)
            case .valueType: read = reader.read(&value.valueType)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case key, value, keyGroup, valueType

        static let keys = utf8Keys()
    }
}

extension OmniumExternalId: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var value = OmniumExternalId()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            // The model keeps unknown members (`additionalMembers`): left to JSONDecoder.
            guard let index = Member.index(ofKey: key) else { return nil }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .id: read = reader.read(&value.id)
            case .providerName: read = reader.read(&value.providerName)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : value
    }

    private enum Member: String, OmniumWireMember {
        case id, providerName

        static let keys = utf8Keys()
    }
}
