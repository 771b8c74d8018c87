import Foundation
import SQLite

// MARK: - InboxEvent

/// An Omnium webhook event, stored the moment it arrives and worked later.
///
/// Why an inbox: Omnium delivers at least once and expects a fast 2xx; the receiver only records
/// the event (deduplicated on its `id`) and the batch fetches the order by `objectId`
/// (omnium-contract.md §13, omnium-api.md §14.2). Field names are Omnium's.
public struct InboxEvent: Sendable, Hashable, Codable {
    /// Omnium's event id, unique per event (the dedupe key; see ``dedupeID(id:objectId:status:)``).
    public var id: String
    public var operationId: Int?
    /// The entity the event is about (an order id): fetch it by this.
    public var objectId: String?
    public var className: String?
    /// For orders, the order type (`ClickAndCollect`, `Online`, …).
    public var subClassName: String?
    /// `Created`, `Updated`, `Workflow`, …
    public var category: String?
    public var market: String?
    public var storeId: String?
    public var status: String?
    /// When Omnium says the event happened (UTC).
    public var timestamp: Date?
    public var receivedAt: Date
    /// The body as received (JSON text).
    public var payload: String
    public var processedAt: Date?

    public var isProcessed: Bool { processedAt != nil }

    public init(id: String, operationId: Int? = nil, objectId: String? = nil, className: String? = nil,
                subClassName: String? = nil, category: String? = nil, market: String? = nil,
                storeId: String? = nil, status: String? = nil, timestamp: Date? = nil, receivedAt: Date,
                payload: String, processedAt: Date? = nil) {
        self.id = id
        self.operationId = operationId
        self.objectId = objectId
        self.className = className
        self.subClassName = subClassName
        self.category = category
        self.market = market
        self.storeId = storeId
        self.status = status
        self.timestamp = timestamp
        self.receivedAt = receivedAt
        self.payload = payload
        self.processedAt = processedAt
    }

    /// Reads an `inbox_events` row.
    /// - Throws: ``RowDecodingError`` naming the column.
    public init(row: Row) throws {
        id = try row.decode("id")
        operationId = try row.decodeIfPresent("operation_id")
        objectId = try row.decodeIfPresent("object_id")
        className = try row.decodeIfPresent("class_name")
        subClassName = try row.decodeIfPresent("sub_class_name")
        category = try row.decodeIfPresent("category")
        market = try row.decodeIfPresent("market")
        storeId = try row.decodeIfPresent("store_id")
        status = try row.decodeIfPresent("status")
        timestamp = try row.decodeIfPresent("timestamp")
        receivedAt = try row.decode("received_at")
        payload = try row.decode("payload")
        processedAt = try row.decodeIfPresent("processed_at")
    }

    /// The dedupe key: Omnium's `id`, or — for older events without one — `objectId|status`
    /// (omnium-contract.md §13 "Client rule").
    public static func dedupeID(id: String?, objectId: String?, status: String?) -> String {
        if let id, !id.isEmpty { return id }
        return "\(objectId ?? "")|\(status ?? "")"
    }
}
