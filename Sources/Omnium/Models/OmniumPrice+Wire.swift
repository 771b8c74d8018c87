import Foundation

extension OmniumPrice: OmniumWireDecodable, OmniumWireNested {
    /// Reads a price as `OmniumJSON.decoder` would (its synthesized `Decodable`: every member optional,
    /// `null` = unset, unknown members ignored), or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let price = Self.read(wholeRecord: json) else { return nil }
        self = price
    }

    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var price = OmniumPrice()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .code: read = reader.read(&price.code)
            case .productId: read = reader.read(&price.productId)
            case .marketId: read = reader.read(&price.marketId)
            case .marketGroupId: read = reader.read(&price.marketGroupId)
            case .storeId: read = reader.read(&price.storeId)
            case .currencyCode: read = reader.read(&price.currencyCode)
            case .unitPrice: read = reader.read(&price.unitPrice)
            case .originalUnitPrice: read = reader.read(&price.originalUnitPrice)
            case .discountAmount: read = reader.read(&price.discountAmount)
            case .discountPercent: read = reader.read(&price.discountPercent)
            case .recommendedRetailPrice: read = reader.read(&price.recommendedRetailPrice)
            case .cost: read = reader.read(&price.cost)
            case .minQuantity: read = reader.read(&price.minQuantity)
            case .validFrom: read = reader.read(&price.validFrom)
            case .validUntil: read = reader.read(&price.validUntil)
            case .isTaxExcluded: read = reader.read(&price.isTaxExcluded)
            case .taxRate: read = reader.read(&price.taxRate)
            case .customerId: read = reader.read(&price.customerId)
            case .customerGroup: read = reader.read(&price.customerGroup)
            case .priceListId: read = reader.read(&price.priceListId)
            case .priceType: read = reader.read(&price.priceType)
            case .promotionId: read = reader.read(&price.promotionId)
            case .promotionName: read = reader.read(&price.promotionName)
            case .unit: read = reader.read(&price.unit)
            case .modified: read = reader.read(&price.modified)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : price
    }

    private enum Member: String, OmniumWireMember {
        case code, productId, marketId, marketGroupId, storeId, currencyCode, unitPrice, originalUnitPrice, discountAmount,
             discountPercent, recommendedRetailPrice, cost, minQuantity, validFrom, validUntil, isTaxExcluded, taxRate,
             customerId, customerGroup, priceListId, priceType, promotionId, promotionName, unit, modified

        static let keys = utf8Keys()
    }
}
