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

// MARK: - Stock levels as bytes

/// One absolute stock level for `UpdateMany`: the SKU in the warehouse, the level in hundredths of a unit
/// (Flow's unit). The body is written as `OmniumJSONBytes`, the same text `OmniumJSON` gives
/// `OmniumInventoryItem(sku:warehouseCode:inventory:)` with `inventory` = hundredths ÷ 100.
public struct OmniumInventoryLevel: Sendable, Hashable {
    public var sku: String
    public var warehouseCode: String
    public var inventoryHundredths: Int64

    public init(sku: String, warehouseCode: String, inventoryHundredths: Int64) {
        self.sku = sku
        self.warehouseCode = warehouseCode
        self.inventoryHundredths = inventoryHundredths
    }

    /// `[{"inventory":…,"sku":"…","warehouseCode":"…"},…]`.
    public static func jsonArray(_ levels: some Collection<OmniumInventoryLevel>) -> Data {
        var json = OmniumJSONBytes(capacity: 16 + levels.count * 64)
        json.byte(UInt8(ascii: "["))
        var first = true
        for level in levels {
            if !first { json.byte(UInt8(ascii: ",")) }
            first = false
            json.byte(UInt8(ascii: "{"))
            json.key("inventory")
            json.hundredths(level.inventoryHundredths)
            json.byte(UInt8(ascii: ","))
            json.key("sku")
            json.string(level.sku)
            json.byte(UInt8(ascii: ","))
            json.key("warehouseCode")
            json.string(level.warehouseCode)
            json.byte(UInt8(ascii: "}"))
        }
        json.byte(UInt8(ascii: "]"))
        return json.data
    }
}

extension OmniumClient {
    /// ``updateInventory(_:isReservedInventoryOverwritten:)`` for absolute levels, the body written by
    /// ``OmniumInventoryLevel/jsonArray(_:)`` (no `JSONEncoder`), in chunks of at most 1,000, in order.
    public func updateInventoryLevels(_ levels: [OmniumInventoryLevel], isReservedInventoryOverwritten: Bool = false)
        async throws {
        let query = [URLQueryItem(name: "isReservedInventoryOverwritten", value: String(isReservedInventoryOverwritten))]
        try await sendInChunks(levels, size: Self.maxInventoryItemsPerRequest) { chunk in
            OmniumRequest(method: .put, path: "/api/Inventory/UpdateMany", query: query,
                          body: OmniumInventoryLevel.jsonArray(chunk), contentType: "application/json")
        }
    }
}

extension OmniumInventorySearchRequest {
    /// Delta query: items changed at or after `mark` in the given warehouses.
    public static func modified(from mark: Date, warehouseCodes: [String]? = nil) -> OmniumInventorySearchRequest {
        OmniumInventorySearchRequest(warehouseCodes: warehouseCodes, lastModified: mark)
    }
}
