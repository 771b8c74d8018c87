import Foundation

// MARK: - Inventory

/// Stock per (SKU, warehouse): read by search or SKU, written as absolute levels by `UpdateMany`.
/// Spec: omnium-contract.md §8.
extension OmniumClient {
    /// Omnium's cap on `UpdateMany` items per request.
    public static let maxInventoryItemsPerRequest = 1_000

    /// `POST /api/Inventory/Search` (at least one filter) and, when `totalHits > 1000`,
    /// `GET /api/Inventory/Scroll/{id}`: every matching item, batch by batch, each decoded on its own.
    public func searchInventory(_ request: OmniumInventorySearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumInventoryItem>], Error> {
        scrollPages(start: { try .json(.post, "/api/Inventory/Search", body: request) },
                    continuationPath: "/api/Inventory/Scroll", maxRestarts: maxRestarts,
                    of: OmniumPageRecord<OmniumInventoryItem>.self)
    }

    /// ``searchInventory(_:maxRestarts:)`` with each item's JSON as Omnium sent it (`extract.inventory`
    /// stages that text instead of encoding the model again).
    public func searchInventoryAsReceived(_ request: OmniumInventorySearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumReceivedRecord<OmniumInventoryItem>], Error> {
        scrollPages(start: { try .json(.post, "/api/Inventory/Search", body: request) },
                    continuationPath: "/api/Inventory/Scroll", maxRestarts: maxRestarts,
                    of: OmniumReceivedRecord<OmniumInventoryItem>.self)
    }

    /// `GET /api/Inventory/{sku}?warehouseIds=A&warehouseIds=B`: the SKU's items (all warehouses
    /// when `warehouseIds` is empty). A missing item means 0 available.
    public func inventory(sku: String, warehouseIds: [String] = []) async throws -> [OmniumInventoryItem] {
        let query = warehouseIds.map { URLQueryItem(name: "warehouseIds", value: $0) }
        return try await send(.get("/api/Inventory/\(OmniumRequest.segment(sku))", query: query),
                              as: OmniumList<OmniumInventoryItem>.self).items
    }

    /// `PUT /api/Inventory/UpdateMany?isReservedInventoryOverwritten=..`: upsert by (`sku`,
    /// `warehouseCode`) in chunks of at most 1,000; unchanged items are skipped by Omnium, so a
    /// repeat is harmless. Reserved inventory is kept unless `isReservedInventoryOverwritten`.
    public func updateInventory(_ items: [OmniumInventoryItem], isReservedInventoryOverwritten: Bool = false)
        async throws {
        let query = [URLQueryItem(name: "isReservedInventoryOverwritten", value: String(isReservedInventoryOverwritten))]
        try await sendInChunks(items, size: Self.maxInventoryItemsPerRequest) { chunk in
            try .json(.put, "/api/Inventory/UpdateMany", query: query, body: chunk)
        }
    }
}

extension OmniumInventorySearchRequest {
    /// Delta query: items changed at or after `mark` in the given warehouses.
    public static func modified(from mark: Date, warehouseCodes: [String]? = nil) -> OmniumInventorySearchRequest {
        OmniumInventorySearchRequest(warehouseCodes: warehouseCodes, lastModified: mark)
    }
}
