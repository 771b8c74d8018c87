import FlowMapping
import FlowStore
import Foundation
import Staging
import Omnium

/// `transform.stores`: Omnium stores → Flow organizations, stores, warehouses and opening hours, by the
/// rules of `StoreMapping` (flow-integration.md §10). Records that cannot map are quarantined.
public struct TransformStores: Stage {
    public let name = "transform.stores"
    public let version = 1
    public let inputs: [Dataset] = [.staged(ExtractStores.dataset)]
    public let outputs: [Dataset] = [.staged(TransformStores.dataset)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// The Flow stores batch (organizations, stores, warehouses and their links), one row.
    public static let dataset = DatasetKey<FlowStoresBatch>("flow.stores")

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var omniumStores: [OmniumStore] = []
        try context.staging.forEachRecord(ExtractStores.dataset) { _, store in
            omniumStores.append(store)
        }
        let result = StoreMapping.map(omniumStores, settings: context.configuration.storeMappingSettings)
        for note in result.notes { context.log.info("note", ["stage": name, "note": note]) }
        let quarantined = try context.quarantine(result.issues)
        // A store that maps cleanly now leaves the quarantine it may have been in.
        let failed = Set(result.issues.map(\.recordKey))
        try context.resolveQuarantine(entity: .store, keys: omniumStores.map(\.id).filter { !failed.contains($0) })
        let summary = try context.staging.replaceDataset(Self.dataset, records: [result.batch], key: { _ in "batch" })
        return StageOutcome(rowsRead: omniumStores.count, rowsWritten: summary.rowCount,
                            quarantined: quarantined, notes: result.notes)
    }
}
