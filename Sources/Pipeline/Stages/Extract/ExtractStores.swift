import FlowMapping
import Foundation
import Omnium
import Staging

/// `extract.stores`: every Omnium store (stores, warehouses, pickup points) into `omnium.stores`.
///
/// `GET /api/Stores` is not paged (omnium-contract.md §5) and returns inactive stores too, which the
/// transform needs to mark Flow stores inactive. A store the model cannot read is withheld (quarantined
/// with its decoding error and raw JSON under its `id`; its Flow rows stay as they are) and the others
/// load; it leaves the quarantine when it reads and maps again. Spec: flow-integration.md §10.
public struct ExtractStores: Stage {
    public let name = "extract.stores"
    public let version = 1
    public let inputs: [Dataset] = [.remote("omnium.api.stores")]
    public let outputs: [Dataset] = [.staged(ExtractStores.dataset)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Omnium's stores as read, by store id.
    public static let dataset = DatasetKey<OmniumStore>("omnium.stores")

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let records = try await context.omnium.storeRecords()
        let stores: [OmniumStore] = records.decodedRecords()
        let failures = records.undecodableRecords()
        let withheld = try context.quarantine(failures.map { failure in
            MappingIssue(entity: .store, recordKey: failure.key(["id"]) ?? "(no id)", reason: failure.description,
                         sourcePayload: failure.rawJSON)
        })
        let summary = try context.staging.replaceDataset(Self.dataset, records: stores, key: \.id)
        let notes = failures.isEmpty ? [] : ["\(failures.count) store(s) did not decode (quarantined with their JSON)"]
        return StageOutcome(rowsRead: records.count, rowsWritten: summary.rowCount, quarantined: withheld, notes: notes)
    }
}
