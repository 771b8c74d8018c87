import Foundation

// A stock item's synthesized `Decodable` reads every member as optional, `null` as unset, and ignores
// unknown members; so does its fast reader.

extension OmniumInventoryItem: OmniumWireDecodable {
    /// Reads a stock item as `OmniumJSON.decoder` would, or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        guard let value = Self.read(wholeRecord: json) else { return nil }
        self = value
    }
}

extension OmniumInventoryItem: OmniumWireNested {
    static func read(from reader: inout OmniumWireReader) -> Self? {
        var value = OmniumInventoryItem()
        let complete = reader.readObject(Member.self) { member, reader in
            switch member {
            case .sku: return reader.read(&value.sku)
            case .warehouseCode: return reader.read(&value.warehouseCode)
            case .inventory: return reader.read(&value.inventory)
            case .reservedInventory: return reader.read(&value.reservedInventory)
            case .location: return reader.read(&value.location)
            case .cost: return reader.read(&value.cost)
            case .costCurrency: return reader.read(&value.costCurrency)
            case .minQuantity: return reader.read(&value.minQuantity)
            case .maxQuantity: return reader.read(&value.maxQuantity)
            case .reorderMinQuantity: return reader.read(&value.reorderMinQuantity)
            case .created: return reader.read(&value.created)
            case .modified: return reader.read(&value.modified)
            }
        }
        return complete ? value : nil
    }

    private enum Member: String, OmniumWireMember {
        case sku, warehouseCode, inventory, reservedInventory, location, cost, costCurrency, minQuantity,
             maxQuantity, reorderMinQuantity, created, modified

        static let keys = utf8Keys()
    }
}
