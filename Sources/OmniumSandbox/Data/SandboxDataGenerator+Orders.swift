import Foundation
import Omnium

/// Seeded orders: `ClickAndCollect` (pickup store in `pickUpWarehouseCode`, mostly unpaid),
/// `Online` (shipped from the web warehouse, Klarna) and a few `Pos`, over every status of their type.
///
/// Spec: omnium-contract.md §10.2.
extension SandboxDataGenerator {
    public func orders() -> [OmniumOrder] {
        (0..<options.scale.orders).compactMap(order)
    }

    func order(at i: Int) -> OmniumOrder? {
        guard productCount > 0 else { return nil }
        var random = rng("order", i)
        let type = i % 10 < 5 ? "ClickAndCollect" : (i % 10 < 9 ? "Online" : "Pos")
        let statuses = orderTypes.statuses[type] ?? ["New"]
        let status = random.chance(0.4) ? "New" : statuses[random.int(below: statuses.count)]
        let store = random.pick(pickupStoreIdList)
        let isSwedish = type == "Online" && i % 25 == 6
        let isBusiness = type == "Online" && i % 20 == 7 && options.scale.businessCustomers > 0
        let id = "OM-\(700_001 + i)"
        let created = date(daysBeforeEpoch: Double(random.int(in: 1...45)) + Double(random.int(below: 86_400)) / 86_400)
        let modified = min(created.addingTimeInterval(Double(random.int(in: 60...7_200))), epoch.addingTimeInterval(-60))

        var order = OmniumOrder(id: id, orderNumber: id, orderType: type, status: status,
                                marketId: isSwedish ? "SWE" : "NOR",
                                storeId: type == "Online" ? Self.webshopId : store,
                                billingCurrency: isSwedish ? "SEK" : "NOK")
        // MARK: Customer
        if isBusiness {
            let b = businessCustomer(at: i % options.scale.businessCustomers)
            order.customerId = b.customerId
            order.customerName = b.name
            order.customerEmail = b.email
            order.customerPhone = b.phone
            order.customerType = "B2B"
            order.billingAddress = OmniumOrderAddress(name: b.name, organization: b.name, organizationalNumber: b.taxId,
                                                      line1: b.address?.line1, postalCode: b.address?.postalCode,
                                                      city: b.address?.city, countryCode: "NO", email: b.email)
        } else if options.scale.privateCustomers > 0, type != "Pos" || i % 3 == 0 {
            let c = privateCustomer(at: (i * 7) % options.scale.privateCustomers)
            order.customerId = c.customerId
            order.customerNumber = c.customerNumber
            order.customerName = c.fullName
            order.customerEmail = c.email
            order.customerPhone = c.phone
            order.customerType = "B2C"
            order.billingAddress = OmniumOrderAddress(name: c.fullName, firstName: c.firstName, lastName: c.lastName,
                                                      line1: c.address?.line1, postalCode: c.address?.postalCode,
                                                      city: c.address?.city, countryCode: "NO", phone: c.phone, email: c.email)
        }
        // MARK: Lines
        var lines: [OmniumOrderLine] = []
        for n in 0..<random.int(in: 1...4) {
            let productIndex = random.int(below: productCount)
            let plan = plan(productIndex)
            let v = random.int(below: plan.skus.count)
            let quantity = Decimal(random.int(in: 1...3))
            let price = Self.money(plan.priceHundredths + (isSwedish ? plan.priceHundredths / 10 : 0))
            var line = OmniumOrderLine(lineItemId: String(n + 1), code: plan.skus[v], productId: plan.productId,
                                       displayName: "\(SandboxNames.brands[plan.brandIndex]) \(plan.category.4)",
                                       quantity: quantity, placedPrice: price, taxRate: Decimal(plan.category.5),
                                       unit: "stk", ean: ean(productAt: productIndex, variant: v),
                                       color: plan.color, size: plan.sizes.isEmpty ? nil : plan.sizes[v])
            if i % 6 == 0 && n == 0 { line.discounted = SandboxOrderCalculator.round2(quantity * price / 10) }
            if status == "OrderCanceled" { line.canceledQuantity = quantity; line.canceledDate = modified; line.cancelReason = "Kunden angret" }
            if status == "Returned" || (status == "PartiallyReturned" && n == 0) {
                line.returnQuantity = status == "Returned" ? quantity : 1
                line.returnDate = modified
                line.returnReason = "Feil størrelse"
            }
            if ["Completed", "PickedUp", "Ship", "Returned", "PartiallyReturned"].contains(status) { line.deliveredQuantity = quantity }
            if status == "ReadyForPickup" { line.readyForPickupQuantity = quantity }
            lines.append(line)
        }
        // MARK: Shipment and payments
        var shipment = OmniumShipment(shipmentId: "1", lineItems: lines)
        switch type {
        case "ClickAndCollect":
            shipment.warehouseCode = store
            shipment.pickUpWarehouseCode = store
            shipment.shippingMethodName = "ClickAndCollect"
        case "Online":
            // Two in three web orders ship from a shop (ship-from-store: Flow handles them), the rest
            // from the web warehouse (no shop involved).
            shipment.warehouseCode = i % 3 == 0 ? Self.webWarehouseId : store
            shipment.shippingMethodName = "Bring_SERVICEPAKKE"
            shipment.shippingSubTotal = i % 2 == 0 ? 99 : 0
            shipment.shipmentTaxRate = 25
            shipment.address = order.billingAddress
            if ["Ship", "Completed"].contains(status) { shipment.shipmentTrackingNumber = "70\(700_000_000 + i)" }
        default:
            shipment.warehouseCode = store
        }
        shipment.status = ["Completed", "PickedUp", "Ship", "Returned", "PartiallyReturned"].contains(status) ? "Shipped"
            : (status == "OrderCanceled" ? "Cancelled" : "AwaitingInventory")
        shipment.orderStatus = status
        var form = OmniumOrderForm(lineItems: lines, shipments: [shipment])
        if i % 8 == 0 {
            form.discounts = [OmniumDiscount(discountId: "D-\(i)", discountName: "10 % medlemsrabatt", discountType: "Order",
                                             rewardType: "Percentage", discountValue: 10, discountSource: "Campaign")]
        }
        order.orderForm = form
        order = SandboxOrderCalculator.calculate(order)
        let total = order.orderForm?.total ?? 0
        switch type {
        case "Online":
            var payments = [OmniumPayment(id: "\(id)-P1", transactionId: "KL-\(8_000_000 + i)", paymentMethodName: "Klarna",
                                          paymentType: "Invoice", transactionType: "Authorization", status: "Processed",
                                          amount: total, created: created)]
            if ["Ship", "Completed", "Returned", "PartiallyReturned"].contains(status) {
                payments.append(OmniumPayment(id: "\(id)-P2", transactionId: "KL-\(8_000_000 + i)", paymentMethodName: "Klarna",
                                              paymentType: "Invoice", transactionType: "Capture", status: "Processed",
                                              amount: total, paidDate: modified, created: modified))
            }
            order.orderForm?.payments = payments
        case "Pos":
            order.orderForm?.payments = [OmniumPayment(id: "\(id)-P1", paymentMethodName: "Card", paymentType: "Card",
                                                       transactionType: "Sale", status: "Processed", amount: total,
                                                       paidDate: created, storeId: store)]
        default:
            if i % 4 == 1 {
                order.orderForm?.payments = [OmniumPayment(id: "\(id)-P1", paymentMethodName: "Vipps", transactionType: "Authorization",
                                                           status: "Processed", amount: total, created: created)]
            }
        }
        // MARK: Dates by status
        order.created = created
        order.modified = modified
        order.orderOrigin = type == "Pos" ? "POS" : "OMS"
        order.salesChannel = type == "Pos" ? "Store" : "Web"
        if type == "ClickAndCollect" && ["ReadyForPickup", "PickedUp", "Completed", "NotCollected", "Expired"].contains(status) {
            order.readyForPickup = created.addingTimeInterval(3_600)
            order.customerPickupDeadline = created.addingTimeInterval(3_600 + 3 * 86_400)
        }
        if status == "Completed" || status == "PickedUp" { order.completed = modified }
        if status == "Returned" || status == "PartiallyReturned" {
            let returned = lines.filter { ($0.returnQuantity ?? 0) > 0 }
            order.returnOrderForms = [OmniumReturnOrderForm(
                returnId: "\(id)-R1", rmaNumber: "RMA-\(700_001 + i)", status: "Completed", returnType: "Return",
                storeId: type == "Online" ? Self.webWarehouseId : store, created: modified, modified: modified,
                lineItems: returned, creditPayment: true)]
        }
        return order
    }
}
