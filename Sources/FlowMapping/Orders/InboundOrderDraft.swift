import FlowStore

// MARK: - InboundOrderDraft

/// An Omnium order mapped to Flow's records as it would be created, before merging with what Flow
/// already has.
///
/// Why a draft: the mapping is pure and knows nothing of Flow's current state; `InboundOrderMerge`
/// then decides what an update may change (state, deadline, Flow-owned quantities).
public struct InboundOrderDraft: Hashable, Sendable, Codable {
    /// The order in its creation state (`PARKED` / `CONFIRMED`) with all Omnium lines and handlings.
    public var snapshot: FlowOrderSnapshot
    /// `validUntil` came from Omnium (`customerPickupDeadline`) rather than from the working-day rule.
    public var isValidUntilFromOmnium: Bool
    /// Omnium's status is final (`InboundOrderSettings.finalStatuses`): not created if Flow does not know it.
    public var isFinalInOmnium: Bool

    public init(snapshot: FlowOrderSnapshot, isValidUntilFromOmnium: Bool, isFinalInOmnium: Bool = false) {
        self.snapshot = snapshot
        self.isValidUntilFromOmnium = isValidUntilFromOmnium
        self.isFinalInOmnium = isFinalInOmnium
    }
}
