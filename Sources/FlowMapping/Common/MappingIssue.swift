import Foundation

/// A record (or one field of it) the mapping could not take as it came from Omnium.
///
/// The pipeline writes issues to the control database's quarantine with the source payload,
/// so an operator can see why a product is missing or a barcode did not arrive, fix it in
/// Omnium, and rerun. Invalid records never stop the rest and are never dropped silently.
///
/// Spec: DESIGN.md "transform" (quarantine with a reason); docs/CONTRACTS.md (FlowMapping).
public struct MappingIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of record the issue is about, in Flow's words (`product`, `price`, `stock`…).
    /// A struct rather than an enum so each mapping area adds its own kinds.
    public struct Entity: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    /// Whether the whole record was held back or only a field was dropped while the record loads.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The record is not loaded into Flow; it waits in quarantine.
        case recordQuarantined
        /// The record loads; the named field was left out (an invalid EAN, say).
        case fieldDropped
    }

    public var entity: Entity
    /// The Omnium key of the record (`skuId`, `productId`, `sku@warehouse`…), for look-up.
    public var recordKey: String
    /// One line an operator understands ("EAN 123 fails the GS1 check digit").
    public var reason: String
    public var outcome: Outcome
    /// For ``Outcome/fieldDropped``: what was dropped (`productGroupUid`, `barcode 123`), so two dropped
    /// fields of one record are two issues and the same one next run is the same issue.
    public var field: String?
    /// The Omnium record as JSON, when the caller has it; kept for the quarantine row.
    public var sourcePayload: String?

    public init(entity: Entity, recordKey: String, reason: String,
                outcome: Outcome = .recordQuarantined, field: String? = nil, sourcePayload: String? = nil) {
        self.entity = entity
        self.recordKey = recordKey
        self.reason = reason
        self.outcome = outcome
        self.field = field
        self.sourcePayload = sourcePayload
    }

    public var description: String {
        "\(entity) \(recordKey): \(reason)" + (outcome == .fieldDropped ? " (field dropped, record loaded)" : "")
    }
}

// MARK: - Catalogue entities

extension MappingIssue.Entity {
    public static let product = Self(rawValue: "product")
    /// A price Omnium sent that the model could not read (keyed by its SKU); the extract re-reads and resolves it.
    public static let unreadablePrice = Self(rawValue: "price_unreadable")
    /// A stock item Omnium sent that the model could not read (`sku@warehouse`); resolved when it reads again.
    public static let unreadableStock = Self(rawValue: "stock_unreadable")
    public static let productGroup = Self(rawValue: "product_group")
    public static let price = Self(rawValue: "price")
    public static let stock = Self(rawValue: "stock")
}
