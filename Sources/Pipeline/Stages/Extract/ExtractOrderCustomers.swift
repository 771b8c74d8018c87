import FlowMapping
import FlowStore
import Foundation
import Omnium

// MARK: - StagedOmniumCustomer

/// A customer named by an extracted order that Flow does not have, as Omnium answered
/// (`omnium.order_customers`, keyed by Omnium `customerId`).
public struct StagedOmniumCustomer: Codable, Sendable, Equatable {
    /// How the look-up in Omnium ended.
    public enum Lookup: String, Codable, Sendable {
        /// Read as a private or a business customer.
        case found
        /// Neither `GET /api/PrivateCustomers/{id}` nor `GET /api/BusinessCustomers/{id}` knows it.
        case notFound
        /// Omnium could not be asked (after the client's retries); the orders wait for the next run.
        case unavailable
    }

    public var customerId: String
    public var lookup: Lookup
    public var privateCustomer: OmniumPrivateCustomer?
    public var businessCustomer: OmniumBusinessCustomer?
    /// The error when `unavailable`.
    public var error: String?
    /// The customer's JSON when Omnium sent one the model could not read (quarantined, orders retried).
    public var unreadableJSON: String?
    /// The orders naming this customer (for notes and the quarantine).
    public var orderIds: [String]

    public init(customerId: String, lookup: Lookup, privateCustomer: OmniumPrivateCustomer? = nil,
                businessCustomer: OmniumBusinessCustomer? = nil, error: String? = nil, orderIds: [String] = []) {
        self.customerId = customerId
        self.lookup = lookup
        self.privateCustomer = privateCustomer
        self.businessCustomer = businessCustomer
        self.error = error
        self.orderIds = orderIds
    }
}

// MARK: - ExtractOrderCustomers

/// `extract.order_customers`: the customers of mapped inbound orders that Flow does not know (no Flow
/// customer with that Omnium `customerId` as `externalId`), read from Omnium. It reads the transformed
/// orders, so no customer is fetched for an order that is quarantined, not inbound, or finished in
/// Omnium before Flow ever had it.
///
/// Flow creates an inbound order's unknown customer (flow-integration.md §6, §7.1). The order's
/// `customerType` says where to look first (`B2B` → business customers, else private), the other
/// kind is tried on a 404. A customer Omnium does not have is noted and the order loads without it;
/// one that could not be read (Omnium unavailable) holds its orders back for a retry.
public struct ExtractOrderCustomers: Stage {
    public let name = "extract.order_customers"
    public let version = 1
    public let inputs: [Dataset] = [.staged(TransformOrders.dataset), .remote("omnium.api.customers")]
    public let outputs: [Dataset] = [.staged(Self.dataset)]

    public static let dataset = "omnium.order_customers"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        // Customer id → (is business first, orders), for the orders the load may save: mapped, and not
        // a finished order Flow never had (the merge skips those; their customers are not wanted).
        var wanted: [String: (business: Bool, orders: [String])] = [:]
        var candidates: [StagedInboundOrder] = []
        try context.staging.forEachRecord(TransformOrders.dataset, as: StagedInboundOrder.self) { _, record in
            if record.disposition == .load, record.omniumCustomerId != nil { candidates.append(record) }
        }
        let unknown = try context.flow.read { db -> [String] in
            for record in candidates {
                guard let customerId = record.omniumCustomerId else { continue }
                if record.draft?.isFinalInOmnium == true,
                   try OrdersTable.fetchSnapshot(externalOrderNumber: record.omniumOrderId, in: db) == nil { continue }
                let business = record.omniumCustomerType?.uppercased() == "B2B"
                wanted[customerId, default: (business, [])].orders.append(record.omniumOrderId)
            }
            return try wanted.keys.sorted().filter { try CustomersTable.fetch(externalId: $0, in: db) == nil }
        }
        let client = context.omnium
        let lookups = unknown.compactMap { id in wanted[id].map { (id, $0.business, $0.orders) } }
        let records = try await OrdersConcurrentReads.map(lookups) { customerId, business, orders in
            var record = StagedOmniumCustomer(customerId: customerId, lookup: .notFound, orderIds: orders)
            do {
                try await Self.lookUp(&record, businessFirst: business, client: client)
            } catch let error as OmniumError where !error.isFatal {
                record.lookup = .unavailable
                record.error = error.description
            } catch let unreadable as UnreadableCustomer {
                record.lookup = .unavailable
                record.error = unreadable.failure.description
                record.unreadableJSON = unreadable.failure.rawJSON
            }
            return record
        }
        // A customer Omnium sends that the model cannot read: quarantined with the error and its JSON (its
        // orders wait, as for any customer that could not be read); resolved once it reads.
        let unreadable = records.filter { $0.unreadableJSON != nil }
        try context.quarantine(unreadable.map {
            MappingIssue(entity: .customer, recordKey: $0.customerId, reason: $0.error ?? "did not decode",
                         sourcePayload: $0.unreadableJSON)
        })
        let openCustomers = try context.openQuarantineKeys(MappingIssue.Entity.customer.rawValue)
        if !openCustomers.isEmpty {
            try context.resolveQuarantine(entity: .customer, keys: records.filter {
                $0.lookup == .found && openCustomers.contains($0.customerId)
            }.map(\.customerId))
        }
        for record in records where record.lookup != .found {
            context.log.warning(record.lookup == .notFound
                                    ? "customer of an order not found in Omnium; the order loads without it"
                                    : "customer could not be read; its orders are retried",
                                ["stage": name, "customer": record.customerId, "error": record.error ?? "",
                                 "orders": record.orderIds.joined(separator: ",")])
        }
        let summary = try context.staging.replaceDataset(Self.dataset, records: records, key: \.customerId)
        let notFound = records.filter { $0.lookup == .notFound }
        var notes = ["customers named: \(wanted.count)", "unknown to Flow: \(unknown.count)"]
        if !notFound.isEmpty {
            notes.append("not found in Omnium (orders kept): " + notFound.map(\.customerId).joined(separator: ", "))
        }
        let unavailable = records.filter { $0.lookup == .unavailable }.count
        if unavailable > 0 { notes.append("could not be read (orders retried later): \(unavailable)") }
        return StageOutcome(rowsRead: wanted.count, rowsWritten: summary.rowCount, notes: notes)
    }

    /// Private then business customer (or the other way round); 404 from both leaves `notFound`.
    private static func lookUp(_ record: inout StagedOmniumCustomer, businessFirst: Bool,
                               client: OmniumClient) async throws {
        for business in businessFirst ? [true, false] : [false, true] {
            do {
                if business {
                    switch try await client.businessCustomerRecord(id: record.customerId) {
                    case .decoded(let customer): record.businessCustomer = customer
                    case .undecodable(let failure): throw UnreadableCustomer(failure: failure)
                    }
                } else {
                    switch try await client.privateCustomerRecord(id: record.customerId) {
                    case .decoded(let customer): record.privateCustomer = customer
                    case .undecodable(let failure): throw UnreadableCustomer(failure: failure)
                    }
                }
                record.lookup = .found
                return
            } catch let error as OmniumError where error.isNotFound {
                continue
            }
        }
    }
}

/// A customer Omnium sent that the model could not read.
struct UnreadableCustomer: Error {
    let failure: OmniumUndecodableRecord
}
