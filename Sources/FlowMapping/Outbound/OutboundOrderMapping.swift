import FlowStore
import Foundation
import Omnium

// MARK: - OutboundSettings

/// The Flow extension settings that shape what goes to Omnium (flow-integration.md §7.2, §6, §11.1).
public struct OutboundSettings: Sendable {
    /// `OMNIUM_DEFAULT_SHIPPING_METHOD_ID`: on the POS order's one shipment.
    public var defaultShippingMethodID: String?
    /// `OMNIUM_PROPERTY_PREFIX`: prefix of the order properties Flow writes (`flowCashRegister`, …).
    public var propertyPrefix: String
    /// `OMNIUM_CUSTOMER_MARKET_GROUP_ID`: market group of customers created in Omnium.
    public var customerMarketGroupID: String?
    /// The tenant's country (private customers' address country, §6.1).
    public var tenantCountryCode: String

    public init(defaultShippingMethodID: String? = nil, propertyPrefix: String = "flow", customerMarketGroupID: String? = nil,
                tenantCountryCode: String = "NO") {
        self.defaultShippingMethodID = defaultShippingMethodID
        self.propertyPrefix = propertyPrefix
        self.customerMarketGroupID = customerMarketGroupID
        self.tenantCountryCode = tenantCountryCode
    }
}

// MARK: - OutboundOrderMapping

/// Flow POS orders as Omnium writes (docs/mapping-outbound.md "POS orders"). Pure functions.
///
/// - A sale, and a return without an original sale in Omnium, is an order of type `Pos`, status
///   `Completed`, id = the Flow order uid (a repeat meets 409 and is done), one line per Flow line
///   (`lineItemId` = line number), one shipment from the selling store, and its payments:
///   `transactionType` `Sale`, or `Credit` for money paid back; change given reduces the cash payment,
///   so the payments add up to the order total.
/// - A return of a known sale goes through the Returns API on that sale, `rmaNumber` = the Flow
///   return's uid (a repeat meets 409).
/// - A cancelled order is set to `OrderCanceled` with `UpdateStatus` (after it was created).
public enum OutboundOrderMapping {
    /// The Omnium order type of POS orders, and its statuses (omnium-contract.md §10.2).
    public static let orderType = "Pos"
    public static let completed = "Completed"
    public static let cancelled = "OrderCanceled"

    /// A POS order as `PUT /api/Orders/PosOrders` takes it.
    /// - Parameter marketId: the selling store's Omnium market, when known (else Omnium's default).
    public static func posOrder(_ order: FlowPosOrder, marketId: String?, settings: OutboundSettings) -> OmniumOrder {
        let shipmentId = "1"
        let lines = order.lines.map { line in
            OmniumOrderLine(
                lineItemId: String(line.lineNo), code: line.sku, productId: line.productUid, displayName: line.name,
                quantity: quantity(line.quantity), placedPrice: amount(line.unitPrice),
                taxRate: Decimal(line.vatRate) / 100, discounted: amount(line.discountAmount),
                cost: line.costPrice.map(amount))
        }
        let payments = omniumPayments(order)
        let prefix = settings.propertyPrefix
        var properties = [
            OmniumProperty(key: prefix + "CashRegister", value: order.cashRegisterUid),
            OmniumProperty(key: prefix + "ReceiptNumber", value: order.orderNumber),
            OmniumProperty(key: prefix + "TransactionType", value: order.type.rawValue),
        ]
        if let employee = order.employeeUid { properties.append(OmniumProperty(key: prefix + "Employee", value: employee)) }
        if let original = order.originalOrderUid {
            properties.append(OmniumProperty(key: prefix + "OriginalOrder", value: original))
        }
        var result = OmniumOrder(
            id: order.orderUid, orderNumber: order.orderUid, orderType: orderType, status: completed, marketId: marketId,
            storeId: order.storeUid, billingCurrency: order.currency, customerId: order.customerUid,
            orderForm: OmniumOrderForm(
                lineItems: lines,
                shipments: [OmniumShipment(shipmentId: shipmentId, warehouseCode: order.storeUid,
                                           shippingMethodId: settings.defaultShippingMethodID)],
                payments: payments),
            created: order.createdAt)
        result.properties = properties
        return result
    }

    /// The Returns API request for a return of `original` (a sale Omnium has).
    /// - Throws: ``OutboundMappingError`` when a returned SKU is not on the original sale, or more is
    ///   returned than was sold.
    public static func returnRequest(_ order: FlowPosOrder, original: FlowPosOrder) throws -> OmniumReturnRequestModel {
        try returnRequest(order, originalUid: original.orderUid, originalLines: original.lines.map {
            OriginalLine(lineItemId: String($0.lineNo), sku: $0.sku, quantity: $0.quantity)
        })
    }

    /// A line of the sale a return refers to, as Omnium knows it: its `lineItemId`, SKU and the
    /// quantity (hundredths) that may still come back.
    public struct OriginalLine: Sendable, Equatable {
        public var lineItemId: String
        public var sku: String
        public var quantity: Int64

        public init(lineItemId: String, sku: String, quantity: Int64) {
            self.lineItemId = lineItemId
            self.sku = sku
            self.quantity = quantity
        }
    }

    /// The return of a web order (an Omnium order that came in through the order extract) at the till:
    /// its lines are the web order's `lineItemId`s, less what was cancelled or already returned.
    public static func returnRequest(_ order: FlowPosOrder, webOrder: FlowOrderSnapshot) throws -> OmniumReturnRequestModel {
        try returnRequest(order, originalUid: webOrder.order.orderUid, originalLines: webOrder.items.map {
            OriginalLine(lineItemId: $0.externalId, sku: $0.sku,
                         quantity: $0.quantity - $0.cancelledQuantity - $0.returnedQuantity)
        })
    }

    static func returnRequest(_ order: FlowPosOrder, originalUid: String,
                              originalLines: [OriginalLine]) throws -> OmniumReturnRequestModel {
        var remaining = Dictionary(grouping: originalLines, by: \.sku).mapValues { $0.map { ($0.lineItemId, $0.quantity) } }
        var returns: [OmniumLineItemReturn] = []
        for line in order.lines {
            var toReturn = -line.quantity
            var candidates = remaining[line.sku] ?? []
            guard !candidates.isEmpty else {
                throw OutboundMappingError(record: order.orderUid,
                                           reason: "returned SKU \(line.sku) is not on the original sale \(originalUid)")
            }
            for index in candidates.indices where toReturn > 0 && candidates[index].1 > 0 {
                let take = min(toReturn, candidates[index].1)
                returns.append(OmniumLineItemReturn(lineItemId: candidates[index].0, returnQuantity: quantity(take),
                                                    returnReason: "Returned in store", returnType: "Return",
                                                    creditAmount: nil, isStockUpdated: true))
                candidates[index].1 -= take
                toReturn -= take
            }
            remaining[line.sku] = candidates
            guard toReturn == 0 else {
                throw OutboundMappingError(record: order.orderUid,
                                           reason: "returns more of SKU \(line.sku) than the original sale \(originalUid) sold")
            }
        }
        return OmniumReturnRequestModel(
            returns: returns, storeId: order.storeUid, creditPayment: true, creditShipment: false,
            creditAmount: amount(-order.orderTotal), comment: "Flow return \(order.orderNumber) at \(order.cashRegisterUid)",
            rmaNumber: order.orderUid, returnType: "Return", status: nil)
    }

    /// Payments as Omnium records them: change given comes off the cash tendered.
    static func omniumPayments(_ order: FlowPosOrder) -> [OmniumPayment] {
        zip(order.payments, netPaymentAmounts(order)).map { payment, net in
            OmniumPayment(
                id: "\(order.orderUid)-\(payment.paymentNo)", transactionId: payment.reference,
                paymentMethodName: methodName(payment.tenderType), transactionType: net < 0 ? "Credit" : "Sale",
                status: "Processed", amount: amount(abs(net)), paidDate: order.settledAt ?? order.createdAt,
                shipmentId: "1", storeId: order.storeUid)
        }
    }

    /// Each payment's amount as Omnium records it, in øre: change given comes off the cash tendered, first
    /// cash payment first; negative is money paid back (`Credit`).
    static func netPaymentAmounts(_ order: FlowPosOrder) -> [Int64] {
        var change = order.changeGiven
        return order.payments.map { payment in
            var net = payment.amount
            if payment.tenderType == .cash, change > 0, net > 0 {
                let taken = min(change, net)
                net -= taken
                change -= taken
            }
            return net
        }
    }

    static func methodName(_ tender: FlowTenderType) -> String {
        switch tender {
        case .cash: return "Cash"
        case .card: return "Card"
        case .voucher: return "Voucher"
        case .giftCard: return "GiftCard"
        case .mobile: return "Mobile"
        case .invoice: return "Invoice"
        case .other: return "Other"
        }
    }

    /// Øre → major units, exactly.
    public static func amount(_ ore: Int64) -> Decimal { Decimal(ore) / 100 }

    /// ×100 → units, exactly.
    public static func quantity(_ hundredths: Int64) -> Decimal { Decimal(hundredths) / 100 }
}

/// A Flow record that cannot be expressed as an Omnium write; the job goes dead with this reason.
public struct OutboundMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var record: String
    public var reason: String

    public init(record: String, reason: String) {
        self.record = record
        self.reason = reason
    }

    public var description: String { "\(record): \(reason)" }
}
