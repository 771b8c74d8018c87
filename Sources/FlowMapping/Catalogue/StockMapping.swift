import FlowStore
import Foundation
import Omnium

/// Which system owns a warehouse's stock level. Decided per store in Flow
/// (`OMNIUM_FLOW_STOCK_MASTER`: `true` = Flow, default `false` = Omnium).
///
/// Spec: flow-integration.md §5.1, §11.1.
public enum StockMaster: String, Sendable, Hashable, Codable {
    case omnium
    case flow
}

/// What the stock rule needs to know about one Omnium warehouse (a store `id`), built by the
/// integrator from the stores and their `OMNIUM_FLOW_STOCK_MASTER` setting.
public struct StockWarehouse: Sendable, Hashable, Codable {
    /// The Flow warehouse UID the Omnium warehouse was synced as.
    public var warehouseUid: String
    /// The stock master of the store the warehouse belongs to.
    public var stockMaster: StockMaster
    /// Omnium `isWebWarehouse`.
    public var isWebWarehouse: Bool

    public init(warehouseUid: String, stockMaster: StockMaster, isWebWarehouse: Bool = false) {
        self.warehouseUid = warehouseUid
        self.stockMaster = stockMaster
        self.isWebWarehouse = isWebWarehouse
    }
}

/// What one batch of Omnium inventory items becomes on the Flow side.
public struct CatalogueStock: Sendable, Equatable {
    public var stock: [FlowStock] = []
    public var issues: [MappingIssue] = []
    /// Items deliberately not mapped, per reason (Flow is stock master, warehouse not in Flow).
    public var skipped: [String: Int] = [:]

    public init() {}
}

/// Omnium inventory to Flow stock, for warehouses where Omnium is stock master.
///
/// - A warehouse of a store where Flow is stock master is skipped: Flow owns that stock and
///   pushes it to Omnium; taking Omnium's back would fight it (§17: never both ways).
/// - Web warehouses (`isWebWarehouse`) go to `FlowWebWarehouse` when it is set; several Omnium
///   web warehouses are summed into it. Web stock is Omnium's whatever the stores say.
/// - Warehouses the integration did not sync to Flow are skipped and counted.
/// - `quantity` = `inventory`, `reserved` = `reservedInventory` (missing = 0), both ×100; a value
///   beyond `Quantity.largestQuantity` quarantines the item (stock may be negative: oversold);
///   `available = quantity − reserved`. Duplicates of one (sku, warehouse) keep the latest `modified`.
///
/// Spec: flow-integration.md §5.1, §5.2; omnium-contract.md §8.
public enum StockMapping {
    /// - Parameter warehouses: Omnium `warehouseCode` → what Flow knows about that warehouse.
    public static func map(_ items: [OmniumInventoryItem], warehouses: [String: StockWarehouse],
                           settings: CatalogueMappingSettings) -> CatalogueStock {
        var result = CatalogueStock()
        let webWarehouse = settings.flowWebWarehouse?.trimmedNonBlank
        // Why indexes and `updateValue`: this runs for every stock level of a catalogue (2 million at
        // 100,000 products in 20 stores). One hash per item and per level: `updateValue` inserts and
        // returns what was there, and only a duplicate (rare) puts the first index back.
        var entries: [Entry] = []
        entries.reserveCapacity(items.count)
        var entryIndex: [SourceKey: Int] = [:]
        entryIndex.reserveCapacity(items.count)

        for item in items {
            guard let sku = item.sku?.trimmedNonBlank, let code = item.warehouseCode?.trimmedNonBlank else {
                result.issues.append(issue(item, "inventory item lacks sku or warehouseCode")); continue
            }
            guard let productUid = FlowUID.sanitize(sku) else {
                result.issues.append(issue(item, "sku '\(sku)' has no characters usable in a Flow UID")); continue
            }
            guard let warehouse = warehouses[code] else {
                result.skipped["warehouse not in Flow", default: 0] += 1; continue
            }
            let warehouseUid: String
            if warehouse.isWebWarehouse, let webWarehouse {
                warehouseUid = webWarehouse
            } else if warehouse.stockMaster == .flow {
                result.skipped["Flow is stock master", default: 0] += 1; continue
            } else {
                warehouseUid = warehouse.warehouseUid
            }
            let entry = Entry(item: item, warehouseUid: warehouseUid, productUid: productUid)
            let key = SourceKey(warehouseCode: code, sku: sku)
            if let first = entryIndex.updateValue(entries.count, forKey: key) {
                // A duplicate of (sku, warehouse): the first stays where it was, holding the latest `modified`.
                entryIndex[key] = first
                if (item.modified ?? .distantPast) > (entries[first].item.modified ?? .distantPast) {
                    entries[first] = entry
                }
                continue
            }
            entries.append(entry)
        }

        var levelIndex: [FlowStockKey: Int] = [:]
        levelIndex.reserveCapacity(entries.count)
        result.stock.reserveCapacity(entries.count)
        for entry in entries {
            let quantity: Int64, reserved: Int64
            do throws(ValueOutOfRange) {
                quantity = try Quantity.hundredths(entry.item.inventory ?? 0, field: "inventory")
                reserved = try Quantity.hundredths(entry.item.reservedInventory ?? 0, field: "reservedInventory")
            } catch {
                result.issues.append(issue(entry.item, error.description)); continue
            }
            let key = FlowStockKey(warehouseUid: entry.warehouseUid, productUid: entry.productUid)
            if let first = levelIndex.updateValue(result.stock.count, forKey: key) {
                // Several Omnium warehouses in one Flow warehouse (web warehouses in `FlowWebWarehouse`): summed.
                levelIndex[key] = first
                let sum = result.stock[first]
                result.stock[first] = FlowStock(warehouseUid: sum.warehouseUid, productUid: sum.productUid,
                                                quantity: sum.quantity + quantity, reserved: sum.reserved + reserved)
                continue
            }
            result.stock.append(FlowStock(warehouseUid: entry.warehouseUid, productUid: entry.productUid,
                                          quantity: quantity, reserved: reserved))
        }
        return result
    }

    /// An Omnium stock item's identity: duplicates of it keep the latest `modified`.
    private struct SourceKey: Hashable {
        var warehouseCode: String
        var sku: String
    }

    /// An item that maps to a Flow level, with the Flow warehouse and product it maps to.
    private struct Entry {
        var item: OmniumInventoryItem
        var warehouseUid: String
        var productUid: String
    }

    private static func issue(_ item: OmniumInventoryItem, _ reason: String) -> MappingIssue {
        let key = "\(item.sku ?? "?")@\(item.warehouseCode ?? "?")"
        return MappingIssue(entity: .stock, recordKey: key, reason: reason, sourcePayload: SourcePayload.json(item))
    }
}
