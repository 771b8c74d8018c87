import Foundation
import Omnium

/// What one `SandboxMutations.apply` changed.
public struct SandboxMutationResult: Sendable, Equatable {
    /// Product indices whose product document changed.
    public var productIndices: [Int] = []
    /// Product indices whose prices changed.
    public var priceProductIndices: [Int] = []
    /// Stock records changed.
    public var inventoryKeys: [SandboxInventoryKey] = []
    /// Orders changed.
    public var orderIds: [String] = []
    /// Events for the changed orders (already recorded in the state; give them to a dispatcher).
    public var events: [OmniumEvent] = []
    /// The `modified` every change got.
    public var stamp: Date = .distantPast
}

/// Simulated changes on the Omnium side between two runs, so incremental extraction can be
/// exercised: a given fraction of products, of products' prices, of products' stock and of orders
/// change and get `modified` = server time. Deterministic: the same state, fraction and `round`
/// pick the same records; each `round` picks a different set.
public enum SandboxMutations {
    /// Changes `round(count × fraction)` products, price sets, stock sets and orders.
    @discardableResult
    public static func apply(to state: SandboxState, fraction: Double, round: Int = 1) -> SandboxMutationResult {
        let fraction = min(max(fraction, 0), 1)
        return state.write { storage, now in
            var result = SandboxMutationResult(stamp: now)
            let seed = storage.generator.options.seed
            let productCount = storage.productCount
            // MARK: Products
            for index in pick(count: productCount, fraction: fraction, seed: seed, stream: "mutate.products", round: round) {
                var product = storage.product(at: index)
                product.name = (product.name ?? "") + " (\(round). utgave)"
                product.shortDescription = "Oppdatert \(round). gang"
                product.modified = now
                product.variants = product.variants?.map { variant in
                    var variant = variant
                    variant.name = product.name
                    variant.modified = now
                    return variant
                }
                storage.productOverrides[index] = product
                result.productIndices.append(index)
            }
            // MARK: Prices
            for index in pick(count: productCount, fraction: fraction, seed: seed, stream: "mutate.prices", round: round) {
                storage.priceOverrides[index] = storage.prices(forProductAt: index).map { price in
                    var price = price
                    if price.priceType == nil { price.unitPrice = (price.unitPrice ?? 0) + 10 }
                    price.modified = now
                    return price
                }
                result.priceProductIndices.append(index)
            }
            // MARK: Stock
            var random = SplitMix64(seed: seed, stream: "mutate.stock.amounts", index: round)
            for index in pick(count: productCount, fraction: fraction, seed: seed, stream: "mutate.stock", round: round) {
                for generated in storage.generator.inventory(forProductAt: index) {
                    let key = SandboxInventoryKey(sku: generated.sku ?? "", warehouseCode: generated.warehouseCode ?? "")
                    var item = storage.inventoryWritten[key] ?? generated
                    item.inventory = max(0, (item.inventory ?? 0) + Decimal(random.int(in: 1...5)) * (random.chance(0.3) ? -1 : 1))
                    if item.inventory == (storage.inventoryWritten[key] ?? generated).inventory { item.inventory! += 1 }
                    item.modified = now
                    storage.setInventoryItem(item)
                    result.inventoryKeys.append(key)
                }
            }
            // MARK: Orders
            let orderIds = storage.orders.ids
            for position in pick(count: orderIds.count, fraction: fraction, seed: seed, stream: "mutate.orders", round: round) {
                guard var order = storage.orders[orderIds[position]] else { continue }
                let previous = order.status
                let statuses = storage.orderTypes.statuses[order.orderType ?? ""] ?? []
                if let current = statuses.firstIndex(of: previous ?? ""), current + 1 < statuses.count, position % 4 != 0 {
                    order.status = statuses[current + 1]
                } else if var lines = order.orderForm?.lineItems, let first = lines.first {
                    var line = first
                    line.lineItemId = "m\(round)-\(lines.count + 1)"
                    line.quantity = 1
                    line.canceledQuantity = nil
                    line.returnQuantity = nil
                    lines.append(line)
                    order.orderForm?.lineItems = lines
                }
                if order.status == "ReadyForPickup" { order.readyForPickup = now }
                if order.status == "Completed" || order.status == "PickedUp" { order.completed = now }
                order.modified = now
                let rate = order.marketId.flatMap { storage.market($0)?.defaultTaxRate } ?? 25
                order = SandboxOrderCalculator.calculate(order, defaultTaxRate: rate)
                storage.orders[order.id ?? ""] = order
                result.orderIds.append(order.id ?? "")
                let statusChanged = previous != order.status
                let event = SandboxEvents.orderEvent(order, category: statusChanged ? "Workflow" : "Updated",
                                                     previousStatus: statusChanged ? previous : nil, at: now, storage: &storage)
                result.events.append(event)
                if statusChanged {
                    storage.statusChanges.append(SandboxStatusChange(orderId: order.id ?? "", previousStatus: previous,
                                                                     status: order.status ?? "", at: now))
                }
            }
            return result
        }
    }

    /// `round(count × fraction)` distinct positions in `0..<count`, ascending (Floyd's sampling).
    static func pick(count: Int, fraction: Double, seed: UInt64, stream: String, round: Int) -> [Int] {
        let wanted = min(count, Int((Double(count) * fraction).rounded()))
        guard wanted > 0 else { return [] }
        var random = SplitMix64(seed: seed, stream: stream, index: round)
        var chosen = Set<Int>()
        for j in (count - wanted)..<count {
            let t = random.int(in: 0...j)
            if !chosen.insert(t).inserted { chosen.insert(j) }
        }
        return chosen.sorted()
    }
}
