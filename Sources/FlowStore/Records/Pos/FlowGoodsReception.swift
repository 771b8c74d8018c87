import Foundation

// MARK: - FlowGoodsReception

/// Goods received in a Flow store against a purchase order: a known Omnium PO (pushed as Omnium's
/// `ProcessGoodsReception`) or a local PO made in Flow (pushed as a stock update of the receiving
/// warehouse). Quantities ×100. Written whole by ``GoodsReceptionsTable/save(_:in:)``.
public struct FlowGoodsReception: Sendable, Hashable, Codable {
    /// Stable id; the `goodsReceptionId` Omnium deduplicates on.
    public var receptionUid: String
    /// The Flow PO (`purchase_orders.purchase_order_uid`), or a local PO number Omnium does not know.
    public var purchaseOrderUid: String
    public var warehouseUid: String
    public var receivedAt: Date
    public var lines: [Line]

    /// One received line.
    public struct Line: Sendable, Hashable, Codable {
        public var lineNo: Int
        /// The Omnium `lineItemId` of the PO line (nil on a local PO).
        public var omniumLineItemId: String?
        public var sku: String
        /// Received now, ×100 (> 0).
        public var quantity: Int64

        public init(lineNo: Int, omniumLineItemId: String?, sku: String, quantity: Int64) {
            self.lineNo = lineNo
            self.omniumLineItemId = omniumLineItemId
            self.sku = sku
            self.quantity = quantity
        }
    }

    public init(receptionUid: String, purchaseOrderUid: String, warehouseUid: String, receivedAt: Date, lines: [Line]) {
        self.receptionUid = receptionUid
        self.purchaseOrderUid = purchaseOrderUid
        self.warehouseUid = warehouseUid
        self.receivedAt = receivedAt
        self.lines = lines
    }
}

// MARK: - FlowStockMovement

/// A change of stock in a Flow store (sale, return, count, reception, wastage), ×100. For a
/// Flow-master store it is what makes the stock level of (warehouse, SKU) go to Omnium.
public struct FlowStockMovement: Sendable, Hashable, Codable {
    public var warehouseUid: String
    public var productUid: String
    /// ×100, signed.
    public var quantityChange: Int64
    /// `SALE`, `RETURN`, `COUNT`, `RECEPTION`, `WASTAGE`, …
    public var reason: String
    public var occurredAt: Date

    public init(warehouseUid: String, productUid: String, quantityChange: Int64, reason: String, occurredAt: Date) {
        self.warehouseUid = warehouseUid
        self.productUid = productUid
        self.quantityChange = quantityChange
        self.reason = reason
        self.occurredAt = occurredAt
    }
}

// MARK: - FlowChange

/// One entry of the Flow store's change journal (`flow_changes`): an object the POS side created or
/// changed, which the outbound stages turn into a sync job. Written in the same transaction as the
/// change itself, so no change is ever missed and none is enqueued that did not commit.
public struct FlowChange: Sendable, Hashable, Codable {
    /// What changed.
    public enum Entity: String, Sendable, Hashable, Codable, CaseIterable {
        case posOrder = "pos_order"
        case goodsReception = "goods_reception"
        /// Key `<warehouseUid>/<productUid>`.
        case stock
        case customer
        /// A settled receipt to send as an invoice (key = order uid).
        case receipt
    }

    /// Increasing journal position (the outbound watermark).
    public var seq: Int64
    public var entity: Entity
    public var objectKey: String
    public var changedAt: Date
}
