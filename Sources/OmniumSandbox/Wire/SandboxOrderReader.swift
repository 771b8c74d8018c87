import Foundation
import HTTPServer
import Omnium

/// An order body (`PUT /api/Orders/PosOrders`, `POST /api/Orders`, `PUT /api/Orders`) read from its parsed
/// JSON by hand, as `SandboxRequestDecoder.decode(OmniumOrder.self, from:)` reads it, for the members a POS
/// order carries; nil for any other body, which then goes through the decoder whole.
///
/// Why: a POS push sends one order per call (10,000 in issue 11's benchmark), and reading it through
/// `Decodable` (a container per object, each of the model's ~80 members looked up, generic dispatch per
/// value) was about a tenth of the sandbox's CPU on the call. The body is still parsed by the strict
/// `SandboxJSONParser` first, so what is refused as JSON is unchanged.
///
/// The rule that keeps validation exactly as strict: an object is read here only when every member name is
/// one listed below, spelled exactly so, and every value has the JSON type its field reads (a string for
/// `String`, a number for `Decimal`, an Omnium date text for `Date`, `null` for unset). Then the decoder
/// finds the same members by their exact names, makes the same values, and keeps no unknown members
/// (`additionalMembers` nil). Anything else (another member or spelling, another type, a date it would
/// refuse, a `null` in an array) returns nil, and the decoder gives its own answer or error.
/// `SandboxOrderReaderTests` check both give the same order on generated bodies and their variations.
/// Spec: omnium-contract.md §1 (case-insensitive names, unknown members ignored), §10.
enum SandboxOrderReader {
    /// The order `value` holds, or nil when the decoder must read it.
    static func order(_ value: OmniumJSONValue) -> OmniumOrder? {
        try? readOrder(value)
    }

    /// Why a body is left to the decoder (never shown: the decoder then answers).
    private struct Declined: Error {}

    // MARK: - Members read here, by model

    static let orderMembers: Set<String> = [
        "id", "orderNumber", "orderType", "status", "marketId", "storeId", "billingCurrency", "customerId",
        "customerNumber", "customerName", "customerEmail", "customerPhone", "customerType", "customerReference",
        "orderForm", "created", "orderOrigin", "salesChannel", "salesPersonId", "salesPersonName", "properties",
    ]
    static let orderFormMembers: Set<String> = ["lineItems", "payments", "shipments"]
    static let lineMembers: Set<String> = [
        "lineItemId", "code", "productId", "displayName", "quantity", "placedPrice", "taxRate", "discounted",
        "unit", "ean", "cost",
    ]
    static let paymentMembers: Set<String> = [
        "id", "transactionId", "paymentMethodName", "paymentType", "transactionType", "status", "amount", "paidDate",
        "created", "shipmentId", "storeId",
    ]
    static let shipmentMembers: Set<String> = [
        "shipmentId", "warehouseCode", "pickUpWarehouseCode", "shippingMethodName", "shippingMethodId", "status",
    ]
    static let propertyMembers: Set<String> = ["key", "value", "keyGroup", "valueType"]

    // MARK: - Models

    private static func readOrder(_ value: OmniumJSONValue) throws -> OmniumOrder {
        let members = try Members(value, allowed: orderMembers)
        var order = OmniumOrder()
        order.id = try members.string("id")
        order.orderNumber = try members.string("orderNumber")
        order.orderType = try members.string("orderType")
        order.status = try members.string("status")
        order.marketId = try members.string("marketId")
        order.storeId = try members.string("storeId")
        order.billingCurrency = try members.string("billingCurrency")
        order.customerId = try members.string("customerId")
        order.customerNumber = try members.string("customerNumber")
        order.customerName = try members.string("customerName")
        order.customerEmail = try members.string("customerEmail")
        order.customerPhone = try members.string("customerPhone")
        order.customerType = try members.string("customerType")
        order.customerReference = try members.string("customerReference")
        order.orderForm = try members.object("orderForm", readOrderForm)
        order.created = try members.date("created")
        order.orderOrigin = try members.string("orderOrigin")
        order.salesChannel = try members.string("salesChannel")
        order.salesPersonId = try members.string("salesPersonId")
        order.salesPersonName = try members.string("salesPersonName")
        order.properties = try members.array("properties", readProperty)
        return order
    }

    private static func readOrderForm(_ value: OmniumJSONValue) throws -> OmniumOrderForm {
        let members = try Members(value, allowed: orderFormMembers)
        var form = OmniumOrderForm()
        form.lineItems = try members.array("lineItems", readLine)
        form.payments = try members.array("payments", readPayment)
        form.shipments = try members.array("shipments", readShipment)
        return form
    }

    private static func readLine(_ value: OmniumJSONValue) throws -> OmniumOrderLine {
        let members = try Members(value, allowed: lineMembers)
        var line = OmniumOrderLine()
        line.lineItemId = try members.string("lineItemId")
        line.code = try members.string("code")
        line.productId = try members.string("productId")
        line.displayName = try members.string("displayName")
        line.quantity = try members.decimal("quantity")
        line.placedPrice = try members.decimal("placedPrice")
        line.taxRate = try members.decimal("taxRate")
        line.discounted = try members.decimal("discounted")
        line.unit = try members.string("unit")
        line.ean = try members.string("ean")
        line.cost = try members.decimal("cost")
        return line
    }

    private static func readPayment(_ value: OmniumJSONValue) throws -> OmniumPayment {
        let members = try Members(value, allowed: paymentMembers)
        var payment = OmniumPayment()
        payment.id = try members.string("id")
        payment.transactionId = try members.string("transactionId")
        payment.paymentMethodName = try members.string("paymentMethodName")
        payment.paymentType = try members.string("paymentType")
        payment.transactionType = try members.string("transactionType")
        payment.status = try members.string("status")
        payment.amount = try members.decimal("amount")
        payment.paidDate = try members.date("paidDate")
        payment.created = try members.date("created")
        payment.shipmentId = try members.string("shipmentId")
        payment.storeId = try members.string("storeId")
        return payment
    }

    private static func readShipment(_ value: OmniumJSONValue) throws -> OmniumShipment {
        let members = try Members(value, allowed: shipmentMembers)
        var shipment = OmniumShipment()
        shipment.shipmentId = try members.string("shipmentId")
        shipment.warehouseCode = try members.string("warehouseCode")
        shipment.pickUpWarehouseCode = try members.string("pickUpWarehouseCode")
        shipment.shippingMethodName = try members.string("shippingMethodName")
        shipment.shippingMethodId = try members.string("shippingMethodId")
        shipment.status = try members.string("status")
        return shipment
    }

    private static func readProperty(_ value: OmniumJSONValue) throws -> OmniumProperty {
        let members = try Members(value, allowed: propertyMembers)
        var property = OmniumProperty()
        property.key = try members.string("key")
        property.value = try members.string("value")
        property.keyGroup = try members.string("keyGroup")
        property.valueType = try members.string("valueType")
        return property
    }

    // MARK: - Values, as the decoder reads them

    /// One JSON object whose member names are all in `allowed`.
    private struct Members {
        let members: [String: OmniumJSONValue]

        init(_ value: OmniumJSONValue, allowed: Set<String>) throws {
            guard case .object(let members) = value else { throw Declined() }
            for name in members.keys where !allowed.contains(name) { throw Declined() }
            self.members = members
        }

        /// Absent or `null` → nil (the decoder's `decodeIfPresent`); a string → itself.
        func string(_ name: String) throws -> String? {
            switch members[name] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw Declined()
            }
        }

        func decimal(_ name: String) throws -> Decimal? {
            switch members[name] {
            case nil, .null?: return nil
            case .number(let number)?: return number
            default: throw Declined()
            }
        }

        /// An Omnium date text; `""` is Omnium's unset date, as the decoder reads it.
        func date(_ name: String) throws -> Date? {
            guard let text = try string(name) else { return nil }
            if text.isEmpty { return OmniumJSON.unsetDate }
            guard let date = OmniumDateFormat.date(from: text) else { throw Declined() }
            return date
        }

        func object<T>(_ name: String, _ read: (OmniumJSONValue) throws -> T) throws -> T? {
            switch members[name] {
            case nil, .null?: return nil
            case let value?: return try read(value)
            }
        }

        /// An array of objects; a `null` element is not an object, so it declines too.
        func array<T>(_ name: String, _ read: (OmniumJSONValue) throws -> T) throws -> [T]? {
            switch members[name] {
            case nil, .null?: return nil
            case .array(let items)?: return try items.map(read)
            default: throw Declined()
            }
        }
    }
}

extension HTTPRequest {
    /// The body as `omniumBody(OmniumOrder.self)` reads it, through ``SandboxOrderReader`` when it can.
    func omniumOrderBody() throws -> OmniumOrder {
        guard !body.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            return try omniumBody(OmniumOrder.self)
        }
        let value = try SandboxRequestDecoder.value(of: body)
        return try SandboxOrderReader.order(value) ?? SandboxRequestDecoder.decode(OmniumOrder.self, from: value)
    }
}
