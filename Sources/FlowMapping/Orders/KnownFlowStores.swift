import FlowStore

// MARK: - KnownFlowStores

/// The Flow stores and warehouses that exist, for resolving Omnium store ids on orders and POs.
///
/// Why passed in: the mapping has no I/O; the pipeline reads Flow's stores (synced before orders
/// and POs) and hands them over. A warehouse resolves to the primary store that owns it, as the
/// store export puts non-primary Omnium stores under their parent (flow-integration.md §10).
public struct KnownFlowStores: Hashable, Sendable {
    public var storeUids: Set<String>
    /// Warehouse uid → owning store uid.
    public var storeUidByWarehouseUid: [String: String]
    /// Flow warehouses that belong to no store (the web warehouse): orders shipped from them involve no shop.
    public var storelessWarehouseUids: Set<String>

    public init(storeUids: Set<String>, storeUidByWarehouseUid: [String: String] = [:],
                storelessWarehouseUids: Set<String> = []) {
        self.storeUids = storeUids
        self.storeUidByWarehouseUid = storeUidByWarehouseUid
        self.storelessWarehouseUids = storelessWarehouseUids
    }

    /// Whether an Omnium warehouse id names a Flow warehouse that no store uses.
    public func isStorelessWarehouse(omniumId id: String?) -> Bool {
        guard let uid = id.flatMap(FlowUID.sanitize) else { return false }
        return storelessWarehouseUids.contains(uid) && storeUidByWarehouseUid[uid] == nil && !storeUids.contains(uid)
    }

    /// The Flow store for an Omnium store or warehouse id (sanitized first), or nil when Flow has none.
    public func storeUid(forOmniumId id: String?) -> String? {
        guard let uid = id.flatMap(FlowUID.sanitize) else { return nil }
        if storeUids.contains(uid) { return uid }
        if let owner = storeUidByWarehouseUid[uid], storeUids.contains(owner) { return owner }
        return nil
    }
}

// MARK: - Issue entities

extension MappingIssue.Entity {
    public static let order = Self(rawValue: "order")
    public static let purchaseOrder = Self(rawValue: "purchase_order")
    public static let customer = Self(rawValue: "customer")
}
