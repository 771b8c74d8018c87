import FlowStore
import Foundation
import Omnium

// MARK: - POS orders as bytes

extension OutboundOrderMapping {
    /// The body of `PUT /api/Orders/PosOrders` for `order`: byte for byte what `OmniumJSON.encode` writes for
    /// ``posOrder(_:marketId:settings:)`` (keys sorted, unset members left out), written from the Flow order's
    /// integers without building the model, its `Decimal`s or `JSONEncoder`'s tree.
    ///
    /// Why: for a 10,000-order push, mapping to the model and encoding it were a fifth of the client's CPU.
    /// `OutboundOrderJSONTests` compare both paths on generated orders with every optional member set and
    /// unset; a member added to ``posOrder(_:marketId:settings:)`` must be added here too (those tests fail
    /// until it is).
    public static func posOrderJSON(_ order: FlowPosOrder, marketId: String?, settings: OutboundSettings) -> Data {
        var json = OmniumJSONBytes(capacity: 1_024 + 384 * order.lines.count + 320 * order.payments.count)
        let created = OmniumDateFormat.string(from: order.createdAt)
        json.byte(UInt8(ascii: "{"))
        json.key("billingCurrency")
        json.string(order.currency)
        json.raw(",\"created\":")
        json.string(created)
        if let customer = order.customerUid {
            json.raw(",\"customerId\":")
            json.string(customer)
        }
        json.raw(",\"id\":")
        json.string(order.orderUid)
        if let marketId {
            json.raw(",\"marketId\":")
            json.string(marketId)
        }
        json.raw(",\"orderForm\":{\"lineItems\":[")
        for (index, line) in order.lines.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.raw("{\"code\":")
            json.string(line.sku)
            if let cost = line.costPrice {
                json.raw(",\"cost\":")
                json.hundredths(cost)
            }
            json.raw(",\"discounted\":")
            json.hundredths(line.discountAmount)
            json.raw(",\"displayName\":")
            json.string(line.name)
            json.raw(",\"lineItemId\":\"")
            json.integer(Int64(line.lineNo))
            json.raw("\",\"placedPrice\":")
            json.hundredths(line.unitPrice)
            if let product = line.productUid {
                json.raw(",\"productId\":")
                json.string(product)
            }
            json.raw(",\"quantity\":")
            json.hundredths(line.quantity)
            json.raw(",\"taxRate\":")
            json.hundredths(Int64(line.vatRate))
            json.byte(UInt8(ascii: "}"))
        }
        json.raw("],\"payments\":[")
        let paidDate = order.settledAt.map(OmniumDateFormat.string(from:)) ?? created
        for (index, (payment, net)) in zip(order.payments, netPaymentAmounts(order)).enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.raw("{\"amount\":")
            json.hundredths(net < 0 ? -net : net)
            json.raw(",\"id\":")
            json.string("\(order.orderUid)-\(payment.paymentNo)")
            json.raw(",\"paidDate\":")
            json.string(paidDate)
            json.raw(",\"paymentMethodName\":")
            json.string(methodName(payment.tenderType))
            json.raw(",\"shipmentId\":\"1\",\"status\":\"Processed\",\"storeId\":")
            json.string(order.storeUid)
            if let reference = payment.reference {
                json.raw(",\"transactionId\":")
                json.string(reference)
            }
            json.raw(net < 0 ? ",\"transactionType\":\"Credit\"}" : ",\"transactionType\":\"Sale\"}")
        }
        json.raw("],\"shipments\":[{\"shipmentId\":\"1\"")
        if let method = settings.defaultShippingMethodID {
            json.raw(",\"shippingMethodId\":")
            json.string(method)
        }
        json.raw(",\"warehouseCode\":")
        json.string(order.storeUid)
        json.raw("}]},\"orderNumber\":")
        json.string(order.orderUid)
        json.raw(",\"orderType\":\"Pos\",\"properties\":[")
        let prefix = settings.propertyPrefix
        func property(_ name: String, _ value: String, first: Bool = false) {
            json.raw(first ? "{\"key\":" : ",{\"key\":")
            json.string(prefix + name)
            json.raw(",\"value\":")
            json.string(value)
            json.byte(UInt8(ascii: "}"))
        }
        property("CashRegister", order.cashRegisterUid, first: true)
        property("ReceiptNumber", order.orderNumber)
        property("TransactionType", order.type.rawValue)
        if let employee = order.employeeUid { property("Employee", employee) }
        if let original = order.originalOrderUid { property("OriginalOrder", original) }
        json.raw("],\"status\":\"Completed\",\"storeId\":")
        json.string(order.storeUid)
        json.byte(UInt8(ascii: "}"))
        return json.data
    }
}
