import Foundation
import SQLite

// MARK: - FlowOrder rows

extension FlowOrder: ContentHashable {
    static let valueColumns = [
        "order_number", "external_order_number", "type", "order_state", "store_uid", "customer_uid", "currency",
        "order_total", "vat_total", "discount_total", "shipping_total", "valid_until", "omnium_status",
        "omnium_modified",
    ]

    var columnValues: [(any DatabaseValueConvertible)?] {
        [orderNumber, externalOrderNumber, type.rawValue, orderState.rawValue, storeUid, customerUid, currency,
         orderTotal, vatTotal, discountTotal, shippingTotal, validUntil, omniumStatus, omniumModified]
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(orderUid)
        hasher.combine(orderNumber)
        hasher.combine(externalOrderNumber)
        hasher.combine(type.rawValue)
        hasher.combine(orderState.rawValue)
        hasher.combine(storeUid)
        hasher.combine(customerUid)
        hasher.combine(currency)
        hasher.combine(orderTotal)
        hasher.combine(vatTotal)
        hasher.combine(discountTotal)
        hasher.combine(shippingTotal)
        hasher.combine(validUntil)
        hasher.combine(omniumStatus)
        hasher.combine(omniumModified)
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL.
    public init(row: Row) throws {
        self.init(orderUid: try row.decode("order_uid"), orderNumber: try row.decode("order_number"),
                  externalOrderNumber: try row.decodeIfPresent("external_order_number") ?? "",
                  type: FlowOrderType(rawValue: try row.decode("type")),
                  orderState: FlowOrderState(rawValue: try row.decode("order_state")),
                  storeUid: try row.decode("store_uid"), customerUid: try row.decodeIfPresent("customer_uid"),
                  currency: try row.decodeIfPresent("currency"), orderTotal: try row.decode("order_total"),
                  vatTotal: try row.decode("vat_total"), discountTotal: try row.decode("discount_total"),
                  shippingTotal: try row.decode("shipping_total"), validUntil: try row.decodeIfPresent("valid_until"),
                  omniumStatus: try row.decodeIfPresent("omnium_status"),
                  omniumModified: try row.decodeIfPresent("omnium_modified"))
    }
}

// MARK: - FlowOrderItem rows

extension FlowOrderItem: ContentHashable {
    static let valueColumns = [
        "position", "product_uid", "sku", "name", "quantity", "item_price", "item_discount_amount", "vat_rate",
        "cancelled_quantity", "returned_quantity", "delivered_quantity",
    ]

    var columnValues: [(any DatabaseValueConvertible)?] {
        [position, productUid, sku, name, quantity, itemPrice, itemDiscountAmount, vatRate.map { "\($0)" },
         cancelledQuantity, returnedQuantity, deliveredQuantity]
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(orderUid)
        hasher.combine(externalId)
        hasher.combine(position)
        hasher.combine(productUid)
        hasher.combine(sku)
        hasher.combine(name)
        hasher.combine(quantity)
        hasher.combine(itemPrice)
        hasher.combine(itemDiscountAmount)
        hasher.combine(vatRate.map { "\($0)" })
        hasher.combine(cancelledQuantity)
        hasher.combine(returnedQuantity)
        hasher.combine(deliveredQuantity)
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL; `DecodingError` for a `vat_rate` that is not a decimal.
    public init(row: Row) throws {
        let vatText: String? = try row.decodeIfPresent("vat_rate")
        var vatRate: Decimal?
        if let vatText {
            guard let parsed = Decimal(string: vatText, locale: Locale(identifier: "en_US_POSIX")) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: [], debugDescription: "column vat_rate: '\(vatText)' is not a decimal (SQL: \(row.sql))"))
            }
            vatRate = parsed
        }
        self.init(orderUid: try row.decode("order_uid"), externalId: try row.decode("external_id"),
                  position: try row.decode("position"), productUid: try row.decodeIfPresent("product_uid"),
                  sku: try row.decode("sku"), name: try row.decodeIfPresent("name"), quantity: try row.decode("quantity"),
                  itemPrice: try row.decode("item_price"), itemDiscountAmount: try row.decode("item_discount_amount"),
                  vatRate: vatRate, cancelledQuantity: try row.decode("cancelled_quantity"),
                  returnedQuantity: try row.decode("returned_quantity"),
                  deliveredQuantity: try row.decode("delivered_quantity"))
    }
}

// MARK: - FlowOrderHandling rows

extension FlowOrderHandling: ContentHashable {
    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(orderUid)
        hasher.combine(orderHandlingUid)
        hasher.combine(state)
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL.
    public init(row: Row) throws {
        self.init(orderUid: try row.decode("order_uid"), orderHandlingUid: try row.decode("order_handling_uid"),
                  state: try row.decode("state"))
    }
}
