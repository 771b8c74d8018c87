import Foundation

/// A webhook event: metadata only, fetch the entity by `objectId`. Dedupe on `id`, else (`objectId`, `status`); older events lack `id`, `operationId` and `objectNumber`.
///
/// Spec: omnium-contract.md §13, omnium-api.md §14, flow-integration.md §7.1.
public struct OmniumEvent: Codable, Sendable, Equatable {
    public var id: String?
    public var operationId: Int?
    public var timestamp: Date?
    public var message: String?
    public var className: String?
    /// the order type
    public var subClassName: String?
    public var objectId: String?
    public var objectNumber: String?
    /// `Created` | `Updated` | `Workflow` | ...
    public var category: String?
    public var market: String?
    public var storeId: String?
    public var user: String?
    public var userId: String?
    public var status: String?
    public var previousStatus: String?
    public var isError: Bool?
    public var origin: String?
    public var tags: [String]?
    public var attachments: [OmniumEventAttachment]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        operationId: Int? = nil,
        timestamp: Date? = nil,
        message: String? = nil,
        className: String? = nil,
        subClassName: String? = nil,
        objectId: String? = nil,
        objectNumber: String? = nil,
        category: String? = nil,
        market: String? = nil,
        storeId: String? = nil,
        user: String? = nil,
        userId: String? = nil,
        status: String? = nil,
        previousStatus: String? = nil,
        isError: Bool? = nil,
        origin: String? = nil,
        tags: [String]? = nil,
        attachments: [OmniumEventAttachment]? = nil
    ) {
        self.id = id
        self.operationId = operationId
        self.timestamp = timestamp
        self.message = message
        self.className = className
        self.subClassName = subClassName
        self.objectId = objectId
        self.objectNumber = objectNumber
        self.category = category
        self.market = market
        self.storeId = storeId
        self.user = user
        self.userId = userId
        self.status = status
        self.previousStatus = previousStatus
        self.isError = isError
        self.origin = origin
        self.tags = tags
        self.attachments = attachments
    }
}

/// A name/value attachment on an event (e.g. `ShipmentId`).
///
/// Spec: omnium-api.md §14.2.
public struct OmniumEventAttachment: Codable, Sendable, Equatable {
    public var name: String?
    public var value: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        name: String? = nil,
        value: String? = nil
    ) {
        self.name = name
        self.value = value
    }
}
