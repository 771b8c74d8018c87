import FlowMapping
import FlowStore
import Foundation
import SQLite
import Staging

// MARK: - LoadOrders

/// `load.orders`: merges each inbound order with the Flow order made from it earlier
/// (`OrdersTable.fetchSnapshot(externalOrderNumber:)`, `InboundOrderMerge`) and saves it when the merge
/// says so, creating its unknown customer in the same transaction; then settles the bookkeeping:
///
/// - loaded (created, reopened, refreshed, unchanged, or nothing to do): its `external_order_sync`
///   jobs are completed and its inbox events marked processed;
/// - quarantined, or failed to save, or its customer could not be read: its jobs fail retryably
///   (backoff from 1 minute to 2 hours), and an order found by the delta gets a job, so it is read
///   again on a later run and never lost; its events stay pending;
/// - last, with everything committed, each order-type watermark advances to the delta's highest `modified`.
///
/// Orders go in transactions of ``chunkSize``; each order in its own savepoint, so one that fails to
/// save leaves the others. Spec: flow-integration.md §7.1; DESIGN.md "Sync queues".
public struct LoadOrders: Stage {
    public let name = "load.orders"
    public let version = 1
    public let inputs: [Dataset] = [.staged(TransformOrders.dataset), .staged(TransformOrderCustomers.dataset),
                                    .staged(ExtractOrders.markDataset)]
    public let outputs: [Dataset] = [.external("flow.orders"), .external("flow.customers"),
                                     .external("control.sync_jobs.external_order_sync")]

    /// Orders per Flow-store transaction.
    public var chunkSize = 200

    public init() {}

    /// How one order ended in this load.
    enum OrderResult {
        case loaded(InboundOrderMerge.Result.Outcome?)
        case retry(String)
    }

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var customers: [String: StagedFlowCustomer] = [:]
        try context.staging.forEachRecord(TransformOrderCustomers.dataset, as: StagedFlowCustomer.self) { key, record in
            customers[key] = record
        }
        var tally = LoadOrdersTally()
        var chunk: [StagedInboundOrder] = []
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let results = try save(chunk, customers: customers, tally: &tally, context: context)
            try settle(results, tally: &tally, context: context)
            chunk.removeAll(keepingCapacity: true)
            context.advance(tally.read)
        }
        try context.staging.forEachRecord(TransformOrders.dataset, as: StagedInboundOrder.self) { _, record in
            chunk.append(record)
            if chunk.count >= chunkSize { try flush() }
        }
        try flush()

        // Only now, with every order committed or queued for a retry, may the watermark move.
        let marks = try OrdersDeltaWatermark.staged(ExtractOrders.markDataset, in: context.staging)
        let advanced = try OrdersDeltaWatermark.advance(marks, control: context.control)
        return StageOutcome(rowsRead: tally.read, rowsWritten: tally.written, rowsUnchanged: tally.unchanged,
                            notes: tally.notes + advanced)
    }

    // MARK: - Saving

    /// Merges and saves one chunk in one Flow-store transaction; returns each order's result.
    func save(_ chunk: [StagedInboundOrder], customers: [String: StagedFlowCustomer], tally: inout LoadOrdersTally,
              context: StageContext) throws -> [(StagedInboundOrder, OrderResult)] {
        var local = tally
        let results = try context.flow.write { db -> [(StagedInboundOrder, OrderResult)] in
            var results: [(StagedInboundOrder, OrderResult)] = []
            for record in chunk {
                local.read += 1
                switch record.disposition {
                case .notInbound:
                    results.append((record, .loaded(nil)))
                case .quarantined:
                    results.append((record, .retry(record.reason ?? "quarantined")))
                case .load:
                    guard let draft = record.draft else {
                        results.append((record, .retry("no draft staged")))
                        continue
                    }
                    let customer = record.omniumCustomerId.flatMap { customers[$0] }
                    if let customer, customer.isUnavailable {
                        results.append((record, .retry("customer \(customer.customerId) could not be read from Omnium: "
                                                       + (customer.note ?? "unknown error"))))
                        continue
                    }
                    do {
                        var counts = LoadOrdersTally()
                        let outcome = try db.inSavepoint { () -> InboundOrderMerge.Result.Outcome in
                            let existing = try OrdersTable.fetchSnapshot(externalOrderNumber: record.omniumOrderId, in: db)
                            let merged = InboundOrderMerge.merge(existing: existing, incoming: draft)
                            guard merged.needsSave else { return merged.outcome }
                            // The customer comes with the order it belongs to (not with one that is skipped).
                            if let created = customer?.customer, !local.createdCustomers.contains(created.customerUid) {
                                counts.customers += try CustomersTable.upsert([created], in: db)
                            }
                            counts.orders += try OrdersTable.save(merged.snapshot, in: db)
                            return merged.outcome
                        }
                        local.absorb(counts)
                        if counts.customers.written + counts.customers.unchanged > 0, let created = customer?.customer {
                            local.createdCustomers.insert(created.customerUid)
                        }
                        results.append((record, .loaded(outcome)))
                    } catch {
                        context.log.error("order could not be saved", ["stage": name, "order": record.omniumOrderId,
                                                                      "error": String(describing: error)])
                        results.append((record, .retry("could not be saved in the Flow store: \(error)")))
                    }
                }
            }
            return results
        }
        tally = local
        return results
    }

    // MARK: - Bookkeeping

    /// After the commit: completes or retries sync jobs and marks inbox events processed.
    func settle(_ results: [(StagedInboundOrder, OrderResult)], tally: inout LoadOrdersTally, context: StageContext) throws {
        let control = context.control
        // The jobs were claimed by the extract's worker and handed over; their outcome is recorded the same way.
        let worker = ExtractOrders().worker
        for (record, result) in results {
            switch result {
            case .loaded(let outcome):
                tally.count(outcome)
                for id in record.syncJobIds { try worker.record(.done, jobId: id, control: control) }
                for id in record.inboxEventIds { try control.markInboxEventProcessed(id: id) }
            case .retry(let reason):
                tally.retried += 1
                if record.syncJobIds.isEmpty {
                    try control.enqueue(queue: ExtractOrders.queue, kind: .inboundOrder, objectKey: record.omniumOrderId)
                }
                for id in record.syncJobIds {
                    try worker.record(.retry(reason: reason), jobId: id, control: control)
                }
            }
        }
    }
}
