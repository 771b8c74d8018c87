import Foundation

// The fast readers of a product document and the values inside it (``OmniumWireDecodable``): each reads
// what its `Decodable` conformance reads (synthesized ones: unknown members ignored; the models that keep
// unknown members in `additionalMembers` leave any member they do not name to JSONDecoder), or nil.

extension OmniumProduct: OmniumWireDecodable {
    /// Reads a product document as `OmniumJSON.decoder` would, or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let value = Self.read(wholeRecord: json) else { return nil }
        self = value
    }
}

extension OmniumProduct: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumProduct()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .id: return reader.read(&value.id)
            case .productId: return reader.read(&value.productId)
            case .skuId: return reader.read(&value.skuId)
            case .parentId: return reader.read(&value.parentId)
            case .isSku: return reader.read(&value.isSku)
            case .name: return reader.read(&value.name)
            case .description: return reader.read(&value.description)
            case .shortDescription: return reader.read(&value.shortDescription)
            case .brand: return reader.read(&value.brand)
            case .color: return reader.read(&value.color)
            case .size: return reader.read(&value.size)
            case .ean: return reader.read(&value.ean)
            case .gtins: return reader.read(&value.gtins)
            case .unit: return reader.read(&value.unit)
            case .variants: return reader.read(&value.variants)
            case .prices: return reader.read(&value.prices)
            case .cost: return reader.read(&value.cost)
            case .costCurrency: return reader.read(&value.costCurrency)
            case .categories: return reader.read(&value.categories)
            case .categoryIds: return reader.read(&value.categoryIds)
            case .mainCategoryId: return reader.read(&value.mainCategoryId)
            case .mainCategoryName: return reader.read(&value.mainCategoryName)
            case .marketIds: return reader.read(&value.marketIds)
            case .assortmentCodes: return reader.read(&value.assortmentCodes)
            case .isActive: return reader.read(&value.isActive)
            case .status: return reader.read(&value.status)
            case .weight: return reader.read(&value.weight)
            case .colli: return reader.read(&value.colli)
            case .assets: return reader.read(&value.assets)
            case .mainImageUrl: return reader.read(&value.mainImageUrl)
            case .taxCategory: return reader.read(&value.taxCategory)
            case .supplierId: return reader.read(&value.supplierId)
            case .supplierSkuId: return reader.read(&value.supplierSkuId)
            case .properties: return reader.read(&value.properties)
            case .externalIds: return reader.read(&value.externalIds)
            case .tags: return reader.read(&value.tags)
            case .created: return reader.read(&value.created)
            case .modified: return reader.read(&value.modified)
            }
        }
        return complete ? value : nil
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
        var value = OmniumProductCategory()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .categoryId: return reader.read(&value.categoryId)
            case .id: return reader.read(&value.id)
            case .name: return reader.read(&value.name)
            case .parentId: return reader.read(&value.parentId)
            case .isMainCategory: return reader.read(&value.isMainCategory)
            case .isHidden: return reader.read(&value.isHidden)
            case .language: return reader.read(&value.language)
            case .description: return reader.read(&value.description)
            case .sortIndex: return reader.read(&value.sortIndex)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case categoryId, id, name, parentId, isMainCategory, isHidden, language, description, sortIndex

        static let keys = utf8Keys()
    }
}

extension OmniumAssortmentCode: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumAssortmentCode()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .assortmentCodeId: return reader.read(&value.assortmentCodeId)
            case .validFrom: return reader.read(&value.validFrom)
            case .validTo: return reader.read(&value.validTo)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case assortmentCodeId, validFrom, validTo

        static let keys = utf8Keys()
    }
}

extension OmniumColli: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumColli()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .weight: return reader.read(&value.weight)
            case .height: return reader.read(&value.height)
            case .width: return reader.read(&value.width)
            case .length: return reader.read(&value.length)
            case .volume: return reader.read(&value.volume)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case weight, height, width, length, volume

        static let keys = utf8Keys()
    }
}

extension OmniumAsset: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumAsset()
        let complete = reader.readObject(Member.self, unknown: .declined) { member, reader in
            switch member {
            case .assetId: return reader.read(&value.assetId)
            case .fileName: return reader.read(&value.fileName)
            case .url: return reader.read(&value.url)
            case .externalUrl: return reader.read(&value.externalUrl)
            case .contentType: return reader.read(&value.contentType)
            case .length: return reader.read(&value.length)
            case .name: return reader.read(&value.name)
            case .description: return reader.read(&value.description)
            case .altText: return reader.read(&value.altText)
            case .assetType: return reader.read(&value.assetType)
            case .purpose: return reader.read(&value.purpose)
            case .isMainImage: return reader.read(&value.isMainImage)
            case .sortOrder: return reader.read(&value.sortOrder)
            case .created: return reader.read(&value.created)
            case .modified: return reader.read(&value.modified)
            case .forceUpload: return reader.read(&value.forceUpload)
            case .parentId: return reader.read(&value.parentId)
            case .properties: return reader.read(&value.properties)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case assetId, fileName, url, externalUrl, contentType, length, name, description, altText, assetType,
             purpose, isMainImage, sortOrder, created, modified, forceUpload, parentId, properties

        static let keys = utf8Keys()
    }
}

extension OmniumProperty: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumProperty()
        let complete = reader.readObject(Member.self, unknown: .declined) { member, reader in
            switch member {
            case .key: return reader.read(&value.key)
            case .value: return reader.read(&value.value)
            case .keyGroup: return reader.read(&value.keyGroup)
            case .valueType: return reader.read(&value.valueType)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case key, value, keyGroup, valueType

        static let keys = utf8Keys()
    }
}

extension OmniumExternalId: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumExternalId()
        let complete = reader.readObject(Member.self, unknown: .declined) { member, reader in
            switch member {
            case .id: return reader.read(&value.id)
            case .providerName: return reader.read(&value.providerName)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case id, providerName

        static let keys = utf8Keys()
    }
}
