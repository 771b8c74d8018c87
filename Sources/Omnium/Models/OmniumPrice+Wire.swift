import Foundation

// A price's synthesized `Decodable` reads every member as optional, `null` as unset, and ignores unknown
// members; so does its fast reader.

extension OmniumPrice: OmniumWireDecodable {
    /// Reads a price as `OmniumJSON.decoder` would, or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let value = Self.read(wholeRecord: json) else { return nil }
        self = value
    }
}

extension OmniumPrice: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumPrice()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .code: return reader.read(&value.code)
            case .productId: return reader.read(&value.productId)
            case .marketId: return reader.read(&value.marketId)
            case .marketGroupId: return reader.read(&value.marketGroupId)
            case .storeId: return reader.read(&value.storeId)
            case .currencyCode: return reader.read(&value.currencyCode)
            case .unitPrice: return reader.read(&value.unitPrice)
            case .originalUnitPrice: return reader.read(&value.originalUnitPrice)
            case .discountAmount: return reader.read(&value.discountAmount)
            case .discountPercent: return reader.read(&value.discountPercent)
            case .recommendedRetailPrice: return reader.read(&value.recommendedRetailPrice)
            case .cost: return reader.read(&value.cost)
            case .minQuantity: return reader.read(&value.minQuantity)
            case .validFrom: return reader.read(&value.validFrom)
            case .validUntil: return reader.read(&value.validUntil)
            case .isTaxExcluded: return reader.read(&value.isTaxExcluded)
            case .taxRate: return reader.read(&value.taxRate)
            case .customerId: return reader.read(&value.customerId)
            case .customerGroup: return reader.read(&value.customerGroup)
            case .priceListId: return reader.read(&value.priceListId)
            case .priceType: return reader.read(&value.priceType)
            case .promotionId: return reader.read(&value.promotionId)
            case .promotionName: return reader.read(&value.promotionName)
            case .unit: return reader.read(&value.unit)
            case .modified: return reader.read(&value.modified)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case code, productId, marketId, marketGroupId, storeId, currencyCode, unitPrice, originalUnitPrice,
             discountAmount, discountPercent, recommendedRetailPrice, cost, minQuantity, validFrom, validUntil,
             isTaxExcluded, taxRate, customerId, customerGroup, priceListId, priceType, promotionId, promotionName,
             unit, modified

        static let keys = utf8Keys()
    }
}
