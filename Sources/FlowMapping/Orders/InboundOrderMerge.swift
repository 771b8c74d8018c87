import FlowStore
import Foundation

// MARK: - InboundOrderMerge

/// Merges an inbound Omnium order into the Flow order that already exists (if any).
///
/// Rules (spec: flow-integration.md §7.1 "Updates of an existing order"; docs/mapping-orders.md):
/// - Unknown order whose Omnium status is final (cancelled, picked up, …): `skipped`, nothing to save.
/// - Unknown order: created as drafted (`PARKED` for Click & Collect, `CONFIRMED` for Online) with
///   all lines and its handling task.
/// - Known order, something that matters changed (a line added, changed or removed, or the store,
///   customer, currency, type, totals or an Omnium pickup deadline): the order is reopened to `OPEN`,
///   new lines added, changed lines updated, removed lines deleted.
/// - A line removed in Omnium that Flow has already delivered (`deliveredQuantity > 0`, picked or
///   handed over) is kept: deleting it would lose goods that left the shelf. It never by itself
///   reopens the order (else every later poll would reopen it again).
/// - Only Omnium's status or modified time changed (often the echo of Flow's own pickup progress):
///   those two fields are refreshed, the Flow state stays; reopening would undo staff's work.
/// - Nothing changed: the existing order is returned untouched, so polls are idempotent.
/// - Flow-owned data is never overwritten: `deliveredQuantity`, handling task states, and a pickup
///   deadline computed at creation (it does not move on updates unless Omnium sends its own).
public enum InboundOrderMerge {

    // MARK: - Result

    /// The merged order and what happened to it.
    public struct Result: Hashable, Sendable {
        /// What the merge decided for the order as a whole (see the rules above).
        public enum Outcome: String, Hashable, Sendable {
            case created, reopened, refreshed, unchanged, skipped
        }
        public var outcome: Outcome
        /// The order as it must be stored (items in position order, including kept lines).
        public var snapshot: FlowOrderSnapshot
        /// Line changes; empty unless `created` or `reopened` (kept lines are listed in any outcome).
        public var itemChanges: [FlowOrderItemChange]
        /// Handling tasks attached by this merge.
        public var addedOrderhandlings: [FlowOrderHandling]

        /// Whether `snapshot` must be written to `flow.db` (created, reopened or refreshed).
        public var needsSave: Bool { outcome != .unchanged && outcome != .skipped }
    }

    // MARK: - Merge

    public static func merge(existing: FlowOrderSnapshot?, incoming draft: InboundOrderDraft) -> Result {
        guard let existing else {
            if draft.isFinalInOmnium {
                return Result(outcome: .skipped, snapshot: draft.snapshot, itemChanges: [], addedOrderhandlings: [])
            }
            return Result(outcome: .created, snapshot: draft.snapshot,
                          itemChanges: draft.snapshot.items.map { .added($0) },
                          addedOrderhandlings: draft.snapshot.orderhandlings)
        }
        let incoming = draft.snapshot

        // Lines.
        var changes: [FlowOrderItemChange] = []
        var mergedItems: [FlowOrderItem] = []
        let existingById = Dictionary(existing.items.map { ($0.externalId, $0) }, uniquingKeysWith: { first, _ in first })
        let incomingIds = Set(incoming.items.map(\.externalId))
        for var item in incoming.items {
            guard let old = existingById[item.externalId] else {
                changes.append(.added(item))
                mergedItems.append(item)
                continue
            }
            item.deliveredQuantity = old.deliveredQuantity
            if hasOmniumOwnedChange(old, item) {
                changes.append(.updated(from: old, to: item))
            } else {
                item.position = old.position
            }
            mergedItems.append(item)
        }
        for old in existing.items where !incomingIds.contains(old.externalId) {
            if old.deliveredQuantity > 0 {
                changes.append(.kept(old))
                mergedItems.append(old)
            } else {
                changes.append(.deleted(old))
            }
        }
        mergedItems.sort { ($0.position, $0.externalId) < ($1.position, $1.externalId) }

        // Handling tasks: keep Flow's (with their states), attach configured ones that are missing.
        let knownHandlings = Set(existing.orderhandlings.map(\.orderHandlingUid))
        let addedHandlings = incoming.orderhandlings.filter { !knownHandlings.contains($0.orderHandlingUid) }

        // Header.
        var order = incoming.order
        order.orderUid = existing.order.orderUid
        if !draft.isValidUntilFromOmnium { order.validUntil = existing.order.validUntil }
        let lineChanged = changes.contains { if case .kept = $0 { return false } else { return true } }
        let headerChanged = hasOmniumOwnedChange(existing.order, order)

        if lineChanged || headerChanged || !addedHandlings.isEmpty {
            order.orderState = .open
            return Result(outcome: .reopened,
                          snapshot: FlowOrderSnapshot(order: order, items: mergedItems,
                                                      orderhandlings: existing.orderhandlings + addedHandlings),
                          itemChanges: changes, addedOrderhandlings: addedHandlings)
        }
        let kept = changes.filter { if case .kept = $0 { return true } else { return false } }
        if existing.order.omniumStatus != order.omniumStatus
            || !sameMillisecond(existing.order.omniumModified, order.omniumModified) {
            var refreshed = existing
            refreshed.order.omniumStatus = order.omniumStatus
            refreshed.order.omniumModified = order.omniumModified
            return Result(outcome: .refreshed, snapshot: refreshed, itemChanges: kept, addedOrderhandlings: [])
        }
        return Result(outcome: .unchanged, snapshot: existing, itemChanges: kept, addedOrderhandlings: [])
    }

    // MARK: - Change detection

    /// Fields Omnium owns on a line (position and Flow's `deliveredQuantity` excluded).
    static func hasOmniumOwnedChange(_ old: FlowOrderItem, _ new: FlowOrderItem) -> Bool {
        old.quantity != new.quantity || old.itemPrice != new.itemPrice
            || old.itemDiscountAmount != new.itemDiscountAmount || old.cancelledQuantity != new.cancelledQuantity
            || old.returnedQuantity != new.returnedQuantity || old.sku != new.sku
            || old.productUid != new.productUid || old.name != new.name || old.vatRate != new.vatRate
    }

    /// Header fields Omnium owns that matter to the store (state, status and modified time excluded).
    static func hasOmniumOwnedChange(_ old: FlowOrder, _ new: FlowOrder) -> Bool {
        old.orderNumber != new.orderNumber || old.externalOrderNumber != new.externalOrderNumber
            || old.type != new.type || old.storeUid != new.storeUid || old.customerUid != new.customerUid
            || old.currency != new.currency || old.orderTotal != new.orderTotal || old.vatTotal != new.vatTotal
            || old.discountTotal != new.discountTotal || old.shippingTotal != new.shippingTotal
            || !sameMillisecond(old.validUntil, new.validUntil)
    }

    /// Dates compared at the millisecond precision `flow.db` stores (Omnium sends 100 ns ticks), so
    /// an order read back from the database equals the one mapped again from the same Omnium data.
    static func sameMillisecond(_ lhs: Date?, _ rhs: Date?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): return true
        case let (lhs?, rhs?): return milliseconds(lhs) == milliseconds(rhs)
        default: return false
        }
    }

    /// Whole milliseconds since 1970, truncated like `SQLiteDate.format` (a value within a microsecond
    /// of a whole millisecond counts as that millisecond).
    static func milliseconds(_ date: Date) -> Int64 {
        let scaled = date.timeIntervalSince1970 * 1000
        let nearest = scaled.rounded()
        return Int64(abs(scaled - nearest) < 0.001 ? nearest : scaled.rounded(.down))
    }
}
