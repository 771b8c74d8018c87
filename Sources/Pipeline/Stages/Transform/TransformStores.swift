import FlowMapping
import FlowStore
import Foundation
import Omnium

/// `transform.stores`: Omnium stores → Flow organizations, stores, warehouses and opening hours, by the
/// rules of `StoreMapping` (flow-integration.md §10). Records that cannot map are quarantined.
public struct TransformStores: Stage {
    public let name = "transform.stores"
    public let version = 1
    public let inputs: [Dataset] = [.staged("omnium.stores")]
    public let outputs: [Dataset] = [.staged("flow.stores")]

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var omniumStores: [OmniumStore] = []
        try context.staging.forEachRecord("omnium.stores", as: OmniumStore.self) { _, store in
            omniumStores.append(store)
        }
        let result = StoreMapping.map(omniumStores, settings: context.configuration.storeMappingSettings)
        for note in result.notes { context.log.info("note", ["stage": name, "note": note]) }
        let quarantined = try context.quarantine(result.issues)
        // A store that maps cleanly now leaves the quarantine it may have been in.
        let failed = Set(result.issues.map(\.recordKey))
        try context.resolveQuarantine(entity: .store, keys: omniumStores.map(\.id).filter { !failed.contains($0) })
        let summary = try context.staging.replaceDataset("flow.stores", records: [result.batch], key: { _ in "batch" })
        return StageOutcome(rowsRead: omniumStores.count, rowsWritten: summary.rowCount,
                            quarantined: quarantined, notes: result.notes)
    }
}
