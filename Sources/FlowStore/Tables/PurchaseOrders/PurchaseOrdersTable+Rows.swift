import Foundation
import SQLite

// MARK: - FlowPurchaseOrder rows

extension FlowPurchaseOrder: ContentHashable {
    static let valueColumns = [
        "omnium_purchase_order_id", "omnium_delivery_id", "purchase_order_number", "supplier_uid", "supplier_name",
        "currency", "supplier_reference_number", "note", "status", "store_uid", "warehouse_uid",
        "expected_delivery_date", "omnium_status", "omnium_modified",
    ]

    var columnValues: [(any DatabaseValueConvertible)?] {
        [omniumPurchaseOrderId, omniumDeliveryId, purchaseOrderNumber, supplierUid, supplierName, currency,
         supplierReferenceNumber, note, status.rawValue, storeUid, warehouseUid, expectedDeliveryDate,
         omniumStatus, omniumModified]
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(purchaseOrderUid)
        hasher.combine(omniumPurchaseOrderId)
        hasher.combine(omniumDeliveryId)
        hasher.combine(purchaseOrderNumber)
        hasher.combine(supplierUid)
        hasher.combine(supplierName)
        hasher.combine(currency)
        hasher.combine(supplierReferenceNumber)
        hasher.combine(note)
        hasher.combine(status.rawValue)
        hasher.combine(storeUid)
        hasher.combine(warehouseUid)
        hasher.combine(expectedDeliveryDate)
        hasher.combine(omniumStatus)
        hasher.combine(omniumModified)
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL.
    public init(row: Row) throws {
        self.init(purchaseOrderUid: try row.decode("purchase_order_uid"),
                  omniumPurchaseOrderId: try row.decode("omnium_purchase_order_id"),
                  omniumDeliveryId: try row.decodeIfPresent("omnium_delivery_id"),
                  purchaseOrderNumber: try row.decodeIfPresent("purchase_order_number"),
                  supplierUid: try row.decode("supplier_uid"),
                  supplierName: try row.decodeIfPresent("supplier_name"),
                  currency: try row.decodeIfPresent("currency"),
                  supplierReferenceNumber: try row.decodeIfPresent("supplier_reference_number"),
                  note: try row.decodeIfPresent("note"),
                  status: FlowPurchaseOrderStatus(rawValue: try row.decode("status")),
                  storeUid: try row.decodeIfPresent("store_uid"),
                  warehouseUid: try row.decodeIfPresent("warehouse_uid"),
                  expectedDeliveryDate: try row.decodeIfPresent("expected_delivery_date"),
                  omniumStatus: try row.decodeIfPresent("omnium_status"),
                  omniumModified: try row.decodeIfPresent("omnium_modified"))
    }
}

// MARK: - FlowPurchaseOrderLine rows

extension FlowPurchaseOrderLine: ContentHashable {
    static let valueColumns = [
        "omnium_line_item_id", "position", "sku", "ean", "name", "supplier_sku", "quantity_ordered",
        "quantity_received", "unit_price", "warehouse_uid", "expected_delivery_date", "omnium_delivery_id",
    ]

    var columnValues: [(any DatabaseValueConvertible)?] {
        [omniumLineItemId, position, sku, ean, name, supplierSku, quantityOrdered, quantityReceived, unitPrice,
         warehouseUid, expectedDeliveryDate, omniumDeliveryId]
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(purchaseOrderUid)
        hasher.combine(lineUid)
        hasher.combine(omniumLineItemId)
        hasher.combine(position)
        hasher.combine(sku)
        hasher.combine(ean)
        hasher.combine(name)
        hasher.combine(supplierSku)
        hasher.combine(quantityOrdered)
        hasher.combine(quantityReceived)
        hasher.combine(unitPrice)
        hasher.combine(warehouseUid)
        hasher.combine(expectedDeliveryDate)
        hasher.combine(omniumDeliveryId)
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL.
    public init(row: Row) throws {
        self.init(purchaseOrderUid: try row.decode("purchase_order_uid"), lineUid: try row.decode("line_uid"),
                  omniumLineItemId: try row.decode("omnium_line_item_id"), position: try row.decode("position"),
                  sku: try row.decode("sku"), ean: try row.decodeIfPresent("ean"), name: try row.decodeIfPresent("name"),
                  supplierSku: try row.decodeIfPresent("supplier_sku"),
                  quantityOrdered: try row.decode("quantity_ordered"),
                  quantityReceived: try row.decode("quantity_received"), unitPrice: try row.decode("unit_price"),
                  warehouseUid: try row.decodeIfPresent("warehouse_uid"),
                  expectedDeliveryDate: try row.decodeIfPresent("expected_delivery_date"),
                  omniumDeliveryId: try row.decodeIfPresent("omnium_delivery_id"))
    }
}
