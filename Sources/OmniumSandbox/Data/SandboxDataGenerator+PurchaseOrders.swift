import Foundation
import Omnium

/// Purchase orders with one delivery each: every status (incl. a cancelled `OrderCanceled`),
/// partially delivered lines, an internal transfer now and then.
extension SandboxDataGenerator {
    static let purchaseOrderStatuses = ["New", "Confirmed", "InProgress", "Completed", "OrderCanceled", "Confirmed"]

    public func purchaseOrdersAndDeliveries() -> (purchaseOrders: [OmniumPurchaseOrder], deliveries: [OmniumDelivery]) {
        var orders: [OmniumPurchaseOrder] = []
        var deliveries: [OmniumDelivery] = []
        guard productCount > 0 else { return ([], []) }
        let stores = primaryStoreIds()
        let count = options.scale.purchaseOrders
        for i in 0..<count {
            var random = rng("purchaseOrder", i)
            let number = "PO-\(20_001 + i)"
            let deliveryId = "DEL-\(20_001 + i)"
            let status = Self.purchaseOrderStatuses[i % Self.purchaseOrderStatuses.count]
            let supplier = SandboxNames.suppliers[random.int(below: SandboxNames.suppliers.count)]
            let warehouse = random.chance(0.4) ? Self.centralWarehouseId : stores[random.int(below: stores.count)]
            let isTransfer = i % 10 == 9 && warehouse != Self.centralWarehouseId
            let eta = date(daysBeforeEpoch: Double(random.int(in: -30...20)))
            var lines: [OmniumPurchaseOrderLine] = []
            for n in 0..<random.int(in: 1...6) {
                let productIndex = random.int(below: productCount)
                let plan = plan(productIndex)
                let v = random.int(below: plan.skus.count)
                let quantity = Decimal(random.int(in: 1...8) * 6)
                let unit = Self.money(plan.priceHundredths * 2 / 5)
                let total = quantity * unit
                var line = OmniumPurchaseOrderLine(
                    lineItemId: "\(number)-\(n + 1)", purchaseOrderId: number, code: plan.skus[v],
                    ean: ean(productAt: productIndex, variant: v),
                    displayName: "\(SandboxNames.brands[plan.brandIndex]) \(plan.category.4)",
                    size: plan.sizes.isEmpty ? nil : plan.sizes[v], quantity: quantity, deliveredQuantity: 0,
                    canceledQuantity: 0, placedPrice: unit, placedPriceExclTax: SandboxOrderCalculator.round2(unit / Self.vat25Factor),
                    taxRate: 25, currency: "NOK", discountedPrice: total,
                    discountedPriceExclTax: SandboxOrderCalculator.round2(total / Self.vat25Factor), extendedPrice: total,
                    extendedPriceExclTax: SandboxOrderCalculator.round2(total / Self.vat25Factor), deliveryId: deliveryId,
                    estimatedTimeOfArrival: eta, warehouseCode: warehouse, supplierSkuId: "\(supplier.0)-\(plan.skus[v])", unit: "stk")
                switch status {
                case "Completed": line.deliveredQuantity = quantity; line.deliveredDate = eta
                case "OrderCanceled": line.canceledQuantity = quantity
                case "InProgress" where n == 0: line.deliveredQuantity = quantity; line.deliveredDate = eta
                case "InProgress" where n == 1: line.deliveredQuantity = quantity / 2; line.deliveredDate = eta
                default: break
                }
                lines.append(line)
            }
            if status == "InProgress" && lines.count == 1 { lines[0].deliveredQuantity = lines[0].quantity! / 2 }
            let total = lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
            let created = date(daysBeforeEpoch: Double(90 - i % 60) + 0.5)
            let modified = Date(timeIntervalSince1970: epoch.timeIntervalSince1970 - 7_200 - Double(count - i) * 61)
            orders.append(OmniumPurchaseOrder(
                id: number, purchaseOrderNumber: number, name: "Innkjøp \(supplier.1)", referenceNumber: "LEV-\(40_000 + i)",
                status: status, storeId: warehouse, supplierId: isTransfer ? nil : supplier.0,
                supplierName: isTransfer ? nil : supplier.1,
                supplierWarehouseCode: isTransfer ? Self.centralWarehouseId : nil, marketId: "NOR", billingCurrency: "NOK",
                requestedDeliveryDate: eta, isDelivery: true, deliveryId: deliveryId,
                purchaseOrderForm: OmniumPurchaseOrderForm(lineItems: lines, total: total,
                                                           totalExclTax: SandboxOrderCalculator.round2(total / Self.vat25Factor)),
                purchaseOrderNotes: i % 4 == 0 ? [OmniumComment(id: "\(number)-n1", created: created, title: "Merknad",
                                                                 detail: "Leveres på rampe bak, ring før levering.")] : nil,
                externalIds: [OmniumExternalId(id: "ERP-\(number)", providerName: "ERP")],
                created: created, modified: modified))
            let deliveryStatus = status == "Completed" ? "Completed" : (status == "InProgress" ? "InProgress" : "Created")
            deliveries.append(OmniumDelivery(
                id: deliveryId, deliveryStatus: deliveryStatus, warehouseCode: warehouse,
                supplierWarehouseCode: isTransfer ? Self.centralWarehouseId : nil,
                orderType: isTransfer ? "InternalTransfer" : "PurchaseOrder", supplierIds: isTransfer ? nil : [supplier.0],
                estimatedTimeOfArrival: eta, isAutoDeliveryStatusDisabled: false, created: created, modified: modified))
        }
        return (orders, deliveries)
    }
}
