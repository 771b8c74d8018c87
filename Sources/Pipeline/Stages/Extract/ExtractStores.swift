import Foundation
import Staging
import Omnium

/// `extract.stores`: every Omnium store (stores, warehouses, pickup points) into `omnium.stores`.
///
/// `GET /api/Stores` is not paged (omnium-contract.md §5) and returns inactive stores too, which the
/// transform needs to mark Flow stores inactive. Spec: flow-integration.md §10.
public struct ExtractStores: Stage {
    public let name = "extract.stores"
    public let version = 1
    public let inputs: [Dataset] = [.remote("omnium.api.stores")]
    public let outputs: [Dataset] = [.staged(ExtractStores.dataset)]
    /// Omnium's stores as read, by store id.
    public static let dataset = DatasetKey<OmniumStore>("omnium.stores")

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let stores = try await context.omnium.stores()
        let summary = try context.staging.replaceDataset(Self.dataset, records: stores, key: \.id)
        return StageOutcome(rowsRead: stores.count, rowsWritten: summary.rowCount)
    }
}
