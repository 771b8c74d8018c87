import Foundation

/// The tenant's configured order types and their statuses; orders are validated against them.
///
/// Spec: omnium-contract.md §10.2 (Sandbox choice: seeded types).
public struct SandboxOrderTypes: Sendable, Equatable {
    /// Order type name → its statuses, in lifecycle order.
    public var statuses: [String: [String]]

    public init(statuses: [String: [String]]) { self.statuses = statuses }

    public static let seeded = SandboxOrderTypes(statuses: [
        "Pos": ["New", "Completed", "OrderCanceled", "PartiallyReturned", "Returned"],
        "Online": ["New", "InProgress", "PackedAndReady", "Ship", "PartiallyShipped", "Completed",
                   "OrderCanceled", "PartiallyReturned", "Returned"],
        "ClickAndCollect": ["New", "InProgress", "ReadyForPickup", "PickedUp", "Completed", "OrderCanceled",
                            "NotCollected", "Expired", "PartiallyReturned", "Returned"],
    ])

    /// The configured spelling of a type, matched case-insensitively (`ClickAndcollect` → `ClickAndCollect`).
    public func canonicalType(_ name: String) -> String? {
        statuses.keys.first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The configured spelling of a status of a type, matched case-insensitively.
    public func canonicalStatus(_ status: String, ofType type: String) -> String? {
        guard let type = canonicalType(type) else { return nil }
        return statuses[type]?.first { $0.caseInsensitiveCompare(status) == .orderedSame }
    }
}
