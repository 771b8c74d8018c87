import Foundation

extension OmniumInventoryItem: OmniumWireDecodable {
    /// Reads a stock item as `OmniumJSON.decoder` would (its synthesized `Decodable`: every member
    /// optional, `null` = unset, unknown members ignored), or nil when not certain (``OmniumWireDecodable``).
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        var item = OmniumInventoryItem()
        var seen: UInt16 = 0
        let complete = OmniumWireObject.forEachMember(in: json) { key, value in
            guard let member = Member(key) else { return true }
            // A repeated member: leave the choice between the two to JSONDecoder.
            guard seen & member.bit == 0 else { return false }
            seen |= member.bit
            if case .null = value { return true }
            switch member {
            case .sku: return Self.read(value, json, into: &item.sku, OmniumWireObject.string)
            case .warehouseCode: return Self.read(value, json, into: &item.warehouseCode, OmniumWireObject.string)
            case .location: return Self.read(value, json, into: &item.location, OmniumWireObject.string)
            case .costCurrency: return Self.read(value, json, into: &item.costCurrency, OmniumWireObject.string)
            case .inventory: return Self.read(value, json, into: &item.inventory, OmniumWireObject.decimal)
            case .reservedInventory: return Self.read(value, json, into: &item.reservedInventory, OmniumWireObject.decimal)
            case .cost: return Self.read(value, json, into: &item.cost, OmniumWireObject.decimal)
            case .minQuantity: return Self.read(value, json, into: &item.minQuantity, OmniumWireObject.decimal)
            case .maxQuantity: return Self.read(value, json, into: &item.maxQuantity, OmniumWireObject.decimal)
            case .reorderMinQuantity: return Self.read(value, json, into: &item.reorderMinQuantity, OmniumWireObject.decimal)
            case .created: return Self.read(value, json, into: &item.created, OmniumWireObject.date)
            case .modified: return Self.read(value, json, into: &item.modified, OmniumWireObject.date)
            }
        }
        guard complete else { return nil }
        self = item
    }

    /// Reads a string member with `parse` (strings), or a number member with it (numbers); false for
    /// any other kind of value, or when `parse` is not certain.
    private static func read<T>(_ value: OmniumWireObject.Value, _ json: UnsafeBufferPointer<UInt8>, into field: inout T?,
                                _ parse: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T?) -> Bool {
        let range: Range<Int>
        switch value {
        case .string(let text) where T.self != Decimal.self: range = text
        case .number(let number) where T.self == Decimal.self: range = number
        default: return false
        }
        guard let parsed = parse(json, range) else { return false }
        field = parsed
        return true
    }

    /// The members the model reads, by their JSON keys.
    private enum Member: UInt16 {
        case sku, warehouseCode, inventory, reservedInventory, location, cost, costCurrency, minQuantity, maxQuantity,
             reorderMinQuantity, created, modified

        var bit: UInt16 { 1 << rawValue }

        init?(_ key: UnsafeBufferPointer<UInt8>.SubSequence) {
            // Compared as bytes: building a String per key cost more than the rest of the read.
            switch key.count {
            case 3 where key.elementsEqual("sku".utf8): self = .sku
            case 4 where key.elementsEqual("cost".utf8): self = .cost
            case 7 where key.elementsEqual("created".utf8): self = .created
            case 8 where key.elementsEqual("location".utf8): self = .location
            case 8 where key.elementsEqual("modified".utf8): self = .modified
            case 9 where key.elementsEqual("inventory".utf8): self = .inventory
            case 11 where key.elementsEqual("minQuantity".utf8): self = .minQuantity
            case 11 where key.elementsEqual("maxQuantity".utf8): self = .maxQuantity
            case 12 where key.elementsEqual("costCurrency".utf8): self = .costCurrency
            case 13 where key.elementsEqual("warehouseCode".utf8): self = .warehouseCode
            case 17 where key.elementsEqual("reservedInventory".utf8): self = .reservedInventory
            case 18 where key.elementsEqual("reorderMinQuantity".utf8): self = .reorderMinQuantity
            default: return nil
            }
        }
    }
}
