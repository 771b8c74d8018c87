import Foundation

// MARK: - Stores

/// Stores and warehouses (a warehouse is a store with `isWarehouse = true`).
/// Spec: omnium-contract.md §5.
extension OmniumClient {
    /// `GET /api/Stores`: all stores, warehouses and pickup points in one answer (no paging).
    /// - Parameter filterPublicVisible: when set, only stores whose `isPublicVisible` matches.
    public func stores(filterPublicVisible: Bool? = nil) async throws -> [OmniumStore] {
        let query = filterPublicVisible.map { [URLQueryItem(name: "filterPublicVisible", value: String($0))] } ?? []
        return try await send(.get("/api/Stores", query: query), as: OmniumSearchResult<OmniumStore>.self).result
    }

    /// `GET /api/Stores`, each store decoded on its own: one the model cannot read is `.undecodable`
    /// (error and raw JSON) and the others arrive as usual.
    public func storeRecords(filterPublicVisible: Bool? = nil) async throws -> [OmniumPageRecord<OmniumStore>] {
        let query = filterPublicVisible.map { [URLQueryItem(name: "filterPublicVisible", value: String($0))] } ?? []
        return try await send(.get("/api/Stores", query: query), as: OmniumList<OmniumPageRecord<OmniumStore>>.self).items
    }

    /// `GET /api/Stores/{storeId}`.
    /// - Throws: `OmniumError` `.notFound` for an unknown id.
    public func store(id: String) async throws -> OmniumStore {
        try await send(.get("/api/Stores/\(OmniumRequest.segment(id))"), as: OmniumStore.self)
    }
}
