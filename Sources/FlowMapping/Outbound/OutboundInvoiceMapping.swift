import FlowStore
import Foundation
import Omnium

// MARK: - OutboundInvoiceMapping

/// A settled Flow receipt as an Omnium invoice (flow-integration.md §8; docs/mapping-outbound.md
/// "Invoices"): `id` = the receipt's (order's) uid, so `UpdateInvoice`, an upsert by id, never makes a
/// second invoice; a return is a credit note; a payment receipt is one `REMITTANCE` line.
public enum OutboundInvoiceMapping {
    public static let remittanceSku = "REMITTANCE"

    /// - Parameters:
    ///   - original: for a payment receipt, the order it pays (its number goes in the line's name).
    ///   - customer: the receipt's customer, when known (name, e-mail, private or business).
    public static func invoice(_ order: FlowPosOrder, original: FlowPosOrder?, customer: FlowCustomer?, marketId: String?,
                               currency: String, settings: OutboundSettings) -> OmniumInvoice {
        let lines: [OmniumOrderLine]
        if order.type == .payment {
            let name = "Payment for invoice \(order.orderNumber)" + (original.map { " (order #\($0.orderNumber))" } ?? "")
            lines = [OmniumOrderLine(lineItemId: "1", code: remittanceSku, displayName: name, quantity: 1,
                                     placedPrice: OutboundOrderMapping.amount(order.orderTotal), taxRate: 0)]
        } else {
            lines = OutboundOrderMapping.posOrder(order, marketId: marketId, settings: settings).orderForm?.lineItems ?? []
        }
        var invoice = OmniumInvoice(
            id: order.orderUid, invoiceNumber: order.orderNumber, invoiceType: "Outgoing", isCreditNote: order.type == .return,
            orderId: order.type == .payment ? (order.originalOrderUid ?? order.orderUid) : order.orderUid,
            invoiceDate: order.createdAt, invoiceDueDate: order.settledAt ?? order.createdAt,
            deliveryDate: order.settledAt ?? order.createdAt)
        invoice.amount = OutboundOrderMapping.amount(order.orderTotal)
        invoice.amountExcludingTax = OutboundOrderMapping.amount(order.orderTotal - order.vatTotal)
        invoice.amountOutstanding = 0
        invoice.amountRoundoff = OutboundOrderMapping.amount(order.rounding)
        invoice.currency = currency
        invoice.customerId = order.customerUid
        invoice.customerName = customer.map { $0.companyName ?? $0.displayName ?? [$0.firstName, $0.lastName].compactMap { $0 }.joined(separator: " ") }
        invoice.customerEmail = customer?.email
        invoice.customerType = customer.map { OutboundCustomerMapping.isBusiness($0) ? "Business" : "Private" }
        invoice.lineItems = lines
        invoice.payments = OutboundOrderMapping.omniumPayments(order)
        invoice.paymentMethodName = invoice.payments?.first?.paymentMethodName
        invoice.marketId = marketId
        invoice.storeId = order.storeUid
        return invoice
    }
}
