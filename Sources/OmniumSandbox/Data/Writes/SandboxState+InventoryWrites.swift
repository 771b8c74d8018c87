import Foundation
import Omnium

/// Stock upserts and goods reception.
///
/// Spec: omnium-contract.md §8 (`UpdateMany`: upsert by (`sku`, `warehouseCode`), ≤ 1,000 items,
/// skips unchanged, keeps `reservedInventory` unless the flag is set, `cost`/`location`/`minQuantity`
/// sent as 0/empty keep stored values, bad keys or a non-warehouse → 400 nothing applied) and §9
/// (goods reception: validation, `goodsReceptionId` idempotency, effects on lines, PO, stock, delivery).
extension SandboxState {
    public static let inventoryBatchLimit = 1_000

    /// `PUT /api/Inventory/UpdateMany`.
    /// - Returns: how many records were created or changed (unchanged ones are skipped).
    /// - Throws: `SandboxWriteError.badRequest` (nothing applied).
    @discardableResult
    public func updateInventory(_ items: [OmniumInventoryItem], isReservedInventoryOverwritten: Bool = false) throws -> Int {
        guard items.count <= Self.inventoryBatchLimit else {
            throw SandboxWriteError.badRequest("At most \(Self.inventoryBatchLimit) inventory items per request")
        }
        return try write { storage, now in
            var resolved: [(SandboxInventoryKey, OmniumInventoryItem)] = []
            resolved.reserveCapacity(items.count)
            // The warehouse of the item before: a push's items are mostly of one warehouse, looked up once.
            var lastWarehouse: (code: String, id: String)?
            for item in items {
                guard let sku = item.sku.nonEmpty, let code = item.warehouseCode.nonEmpty else {
                    throw SandboxWriteError.badRequest("sku and warehouseCode are required")
                }
                let warehouseId: String
                if let lastWarehouse, lastWarehouse.code == code {
                    warehouseId = lastWarehouse.id
                } else {
                    guard let store = storage.stores[code], store.isWarehouse == true else {
                        throw SandboxWriteError.badRequest("Warehouse '\(code)' was not found")
                    }
                    warehouseId = store.id
                    lastWarehouse = (code, store.id)
                }
                resolved.append((SandboxInventoryKey(sku: sku, warehouseCode: warehouseId), item))
            }
            var changed = 0
            for (key, incoming) in resolved {
                let existing = storage.inventoryItem(key)
                var item = incoming
                item.sku = key.sku
                item.warehouseCode = key.warehouseCode
                if let existing {
                    if !isReservedInventoryOverwritten || item.reservedInventory == nil { item.reservedInventory = existing.reservedInventory }
                    if (item.cost ?? 0) == 0 { item.cost = existing.cost }
                    if item.location.nonEmpty == nil { item.location = existing.location }
                    if (item.minQuantity ?? 0) == 0 { item.minQuantity = existing.minQuantity }
                    item.inventory = item.inventory ?? existing.inventory
                    item.costCurrency = item.costCurrency.nonEmpty ?? existing.costCurrency
                    item.maxQuantity = item.maxQuantity ?? existing.maxQuantity
                    item.reorderMinQuantity = item.reorderMinQuantity ?? existing.reorderMinQuantity
                    item.created = existing.created
                    item.modified = existing.modified
                    if item == existing { continue }
                } else {
                    item.inventory = item.inventory ?? 0
                    item.reservedInventory = item.reservedInventory ?? 0
                    item.created = now
                }
                item.modified = now
                storage.setInventoryItem(item, key: key, isNew: existing == nil)
                changed += 1
            }
            return changed
        }
    }

    /// `POST /api/Deliveries/{deliveryId}/ProcessGoodsReception` (`deliveryId` set) or the generic
    /// `POST /api/Deliveries/ProcessGoodsReception` (nil: deliveries resolved from the PO lines;
    /// no `goodsReceptionId` check).
    /// - Throws: `SandboxWriteError` (404 unknown delivery; 400 empty list, unknown line, bad warehouse,
    ///   negative quantity, or an already processed `goodsReceptionId`, listing the duplicates;
    ///   nothing applied on any error).
    public func processGoodsReception(deliveryId: String?, lines: [OmniumGoodsReceptionLine]) throws {
        try write { storage, now in
            if let deliveryId, !storage.deliveries.contains(deliveryId) {
                throw SandboxWriteError.notFound("Delivery was not found")
            }
            guard !lines.isEmpty else { throw SandboxWriteError.badRequest("No goods reception lines") }
            // MARK: Validate
            var lineIndex: [String: (poId: String, line: Int)] = [:]
            for po in storage.purchaseOrders.all {
                for (k, line) in (po.purchaseOrderForm?.lineItems ?? []).enumerated() {
                    guard let id = line.lineItemId else { continue }
                    if let deliveryId, (line.deliveryId ?? po.deliveryId) != deliveryId { continue }
                    lineIndex[id] = (po.id ?? "", k)
                }
            }
            for line in lines {
                guard let id = line.lineItemId.nonEmpty, lineIndex[id] != nil else {
                    throw SandboxWriteError.badRequest("Line '\(line.lineItemId ?? "")' was not found\(deliveryId.map { " in delivery '\($0)'" } ?? "")")
                }
                guard let quantity = line.deliveredQuantity, quantity >= 0 else {
                    throw SandboxWriteError.badRequest("deliveredQuantity must be 0 or more for line '\(id)'")
                }
                guard let code = line.warehouseCode.nonEmpty else { throw SandboxWriteError.badRequest("warehouseCode is required") }
                guard let store = storage.stores[code], store.isWarehouse == true, store.isVirtual != true else {
                    throw SandboxWriteError.badRequest("Warehouse '\(code)' was not found or is not a warehouse")
                }
            }
            if deliveryId != nil {
                let duplicates = Set(lines.compactMap(\.goodsReceptionId.nonEmpty)).intersection(storage.processedGoodsReceptionIds)
                if !duplicates.isEmpty {
                    throw SandboxWriteError.badRequest("Goods reception already processed: \(duplicates.sorted().joined(separator: ", "))")
                }
            }
            // MARK: Apply
            var touchedOrders = Set<String>()
            for line in lines {
                let (poId, k) = lineIndex[line.lineItemId!]!
                var po = storage.purchaseOrders[poId]!
                var poLine = po.purchaseOrderForm!.lineItems![k]
                let quantity = line.deliveredQuantity!
                if poLine.deliveredDate == nil || (poLine.deliveredQuantity ?? 0) == 0 { poLine.deliveredDate = now }
                poLine.deliveredQuantity = (poLine.deliveredQuantity ?? 0) + quantity
                po.purchaseOrderForm!.lineItems![k] = poLine
                po.modified = now
                storage.purchaseOrders[poId] = po
                touchedOrders.insert(poId)
                let code = storage.stores[line.warehouseCode!]!.id
                let key = SandboxInventoryKey(sku: poLine.code ?? "", warehouseCode: code)
                var item = storage.inventoryItem(key) ?? OmniumInventoryItem(sku: key.sku, warehouseCode: code, inventory: 0,
                                                                              reservedInventory: 0, created: now)
                item.inventory = (item.inventory ?? 0) + quantity
                if let total = poLine.discountedPriceExclTax ?? poLine.extendedPriceExclTax, let ordered = poLine.quantity, ordered > 0 {
                    item.cost = SandboxOrderCalculator.round2(total / ordered)
                    item.costCurrency = item.costCurrency ?? poLine.currency
                }
                item.modified = now
                storage.setInventoryItem(item)
            }
            for poId in touchedOrders {
                var po = storage.purchaseOrders[poId]!
                let poLines = po.purchaseOrderForm?.lineItems ?? []
                if poLines.allSatisfy({ ($0.deliveredQuantity ?? 0) + ($0.canceledQuantity ?? 0) >= ($0.quantity ?? 0) }) {
                    po.status = "Completed"
                    storage.purchaseOrders[poId] = po
                }
                let deliveries = Set(poLines.compactMap { $0.deliveryId ?? po.deliveryId })
                for id in deliveries { storage.refreshDeliveryStatus(id, now: now) }
            }
            for id in lines.compactMap(\.goodsReceptionId.nonEmpty) { storage.processedGoodsReceptionIds.insert(id) }
            storage.goodsReceptions.append(SandboxGoodsReception(deliveryId: deliveryId, lines: lines, at: now))
        }
    }
}

extension SandboxStorage {
    /// Delivery status from its lines: `Completed` when all are done, `InProgress` when some goods
    /// came, unchanged otherwise or when `isAutoDeliveryStatusDisabled`.
    mutating func refreshDeliveryStatus(_ deliveryId: String, now: Date) {
        guard var delivery = deliveries[deliveryId], delivery.isAutoDeliveryStatusDisabled != true else { return }
        let lines = purchaseOrders.all.flatMap { po in
            (po.purchaseOrderForm?.lineItems ?? []).filter { ($0.deliveryId ?? po.deliveryId) == deliveryId }
        }
        let done = lines.allSatisfy { ($0.deliveredQuantity ?? 0) + ($0.canceledQuantity ?? 0) >= ($0.quantity ?? 0) }
        let started = lines.contains { ($0.deliveredQuantity ?? 0) > 0 }
        let status = done ? "Completed" : (started ? "InProgress" : delivery.deliveryStatus)
        guard status != delivery.deliveryStatus else { return }
        delivery.deliveryStatus = status
        delivery.modified = now
        deliveries[deliveryId] = delivery
    }
}
