import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `push.customers`: customers created or changed at the till, `external_customer_sync` jobs, as
/// Omnium private or business customers through `AddOrUpdateMany` (≤ 100 per call, an upsert keyed on
/// `customerId`, so a repeat changes nothing); the Omnium id is then written back to Flow's
/// `externalId` (flow-integration.md §6; docs/mapping-outbound.md "Customers").
public struct PushCustomers: Stage {
    public let name = "push.customers"
    public let version = 1
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.customers")]
    public let outputs: [Dataset] = [.remote("omnium.api.customers"), .external("control.sync_jobs.external_customer_sync")]
    /// Omnium's ceiling per `AddOrUpdateMany` call.
    public var batchSize = 100

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let flow = context.flow
        let omnium = context.omnium
        let settings = context.configuration.outboundSettings
        let worker = SyncQueueWorker(kind: .customerPush, maxConcurrent: 1, batchSize: batchSize)
        let report = try await worker.drainBatches(control: context.control) { attempts in
            var outcomes: [SyncJobOutcome] = []
            var privates: [OmniumPrivateCustomer] = [], businesses: [OmniumBusinessCustomer] = []
            var pushed: [(uid: String, omniumId: String)] = []
            // The batch's customers in one read snapshot.
            let customers = try flow.read { db in
                try attempts.map { try CustomersTable.fetch(customerUid: $0.job.objectKey, in: db) }
            }
            for (attempt, customer) in zip(attempts, customers) {
                guard let customer else {
                    outcomes.append(.dead(reason: "customer \(attempt.job.objectKey) is not in the Flow store"))
                    continue
                }
                if OutboundCustomerMapping.isBusiness(customer) {
                    businesses.append(OutboundCustomerMapping.businessCustomer(customer, settings: settings))
                } else {
                    privates.append(OutboundCustomerMapping.privateCustomer(customer, settings: settings))
                }
                pushed.append((customer.customerUid, OutboundCustomerMapping.omniumId(customer)))
                outcomes.append(.done)
            }
            if !privates.isEmpty { try await omnium.addOrUpdatePrivateCustomers(privates) }
            if !businesses.isEmpty { try await omnium.addOrUpdateBusinessCustomers(businesses) }
            try flow.write { db in
                for customer in pushed {
                    try CustomersTable.setExternalId(customer.omniumId, customerUid: customer.uid, in: db)
                }
            }
            return outcomes
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }
}
