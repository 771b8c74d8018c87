import Foundation

/// Body of `POST /api/PurchaseOrders/Search` and `/Scroll`.
///
/// Spec: omnium-contract.md §9.
public struct OmniumPurchaseOrderSearchRequest: Codable, Sendable, Equatable {
    public var orderNumber: String?
    /// `PurchaseOrder` | `InternalTransfer`
    public var orderType: String?
    public var selectedStatuses: [String]?
    public var selectedStores: [String]?
    public var supplierId: String?
    public var externalIds: [String]?
    public var modifiedFrom: Date?
    public var modifiedTo: Date?
    public var sortOrder: String?
    public var take: Int?
    public var page: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        orderNumber: String? = nil,
        orderType: String? = nil,
        selectedStatuses: [String]? = nil,
        selectedStores: [String]? = nil,
        supplierId: String? = nil,
        externalIds: [String]? = nil,
        modifiedFrom: Date? = nil,
        modifiedTo: Date? = nil,
        sortOrder: String? = nil,
        take: Int? = nil,
        page: Int? = nil
    ) {
        self.orderNumber = orderNumber
        self.orderType = orderType
        self.selectedStatuses = selectedStatuses
        self.selectedStores = selectedStores
        self.supplierId = supplierId
        self.externalIds = externalIds
        self.modifiedFrom = modifiedFrom
        self.modifiedTo = modifiedTo
        self.sortOrder = sortOrder
        self.take = take
        self.page = page
    }
}
