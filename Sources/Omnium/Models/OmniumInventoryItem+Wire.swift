import Foundation

extension OmniumInventoryItem: OmniumWireDecodable, OmniumWireNested {
    /// Reads a stock item as `OmniumJSON.decoder` would (its synthesized `Decodable`: every member
    /// optional, `null` = unset, unknown members ignored), or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let item = Self.read(wholeRecord: json) else { return nil }
        self = item
    }

    static func read(from reader: inout OmniumWireReader) -> Self? {
        guard reader.beginObject() else { return nil }
        var item = OmniumInventoryItem()
        var seen = OmniumWireSeenMembers()
        while let key = reader.nextKey() {
            guard let index = Member.index(ofKey: key) else {
                reader.skipValue()
                continue
            }
            guard seen.insert(index) else { return nil }
            let read: Bool
            switch Member.allCases[index] {
            case .sku: read = reader.read(&item.sku)
            case .warehouseCode: read = reader.read(&item.warehouseCode)
            case .inventory: read = reader.read(&item.inventory)
            case .reservedInventory: read = reader.read(&item.reservedInventory)
            case .location: read = reader.read(&item.location)
            case .cost: read = reader.read(&item.cost)
            case .costCurrency: read = reader.read(&item.costCurrency)
            case .minQuantity: read = reader.read(&item.minQuantity)
            case .maxQuantity: read = reader.read(&item.maxQuantity)
            case .reorderMinQuantity: read = reader.read(&item.reorderMinQuantity)
            case .created: read = reader.read(&item.created)
            case .modified: read = reader.read(&item.modified)
            }
            guard read else { return nil }
        }
        return reader.failed ? nil : item
    }

    private enum Member: String, OmniumWireMember {
        case sku, warehouseCode, inventory, reservedInventory, location, cost, costCurrency, minQuantity, maxQuantity,
             reorderMinQuantity, created, modified

        static let keys = utf8Keys()
    }
}
