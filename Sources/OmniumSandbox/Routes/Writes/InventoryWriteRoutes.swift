import Foundation
import HTTPServer
import Omnium

/// `PUT /api/Inventory/UpdateMany?isReservedInventoryOverwritten=bool`: upsert by (`sku`,
/// `warehouseCode`), at most 1,000 items, 200 with an empty body.
///
/// Spec: omnium-contract.md §8.
struct InventoryWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.put("/api/Inventory/UpdateMany", permission: .admin(.inventory)) { request, _ in
            let overwrite = try request.boolQuery("isReservedInventoryOverwritten") ?? false
            try state.updateInventory(try Self.items(of: request), isReservedInventoryOverwritten: overwrite)
            return .empty(.ok)
        }
    }

    /// The body's items, as `request.omniumBody([OmniumInventoryItem].self)` reads them.
    ///
    /// Why a shortcut: a stock push sends 1,000 items of exactly `sku`, `warehouseCode` and `inventory` per call,
    /// and decoding them through `Decodable` was about 40 % of the sandbox's time on the call (with 4 calls at
    /// once, the sandbox, not the 20 ms latency, set the pace of a stock push benchmark). An item of exactly
    /// those three members, spelled so, with a string (or null), a string (or null) and a number (or null), is
    /// the item the decoder makes; any other body (other members or spellings, other types, not an array) goes
    /// through the decoder whole, so its answers and errors are unchanged.
    static func items(of request: HTTPRequest) throws -> [OmniumInventoryItem] {
        // The stock push's body read from its bytes; anything that reader is not sure of, the strict way below.
        if let items = SandboxInventoryItemsReader.plainItems(request.body) { return items }
        guard !request.body.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            return try request.omniumBody([OmniumInventoryItem].self)
        }
        let value = try SandboxRequestDecoder.value(of: request.body)
        if case .array(let elements) = value {
            var items: [OmniumInventoryItem] = []
            items.reserveCapacity(elements.count)
            for element in elements {
                guard let item = plainItem(element) else { return try SandboxRequestDecoder.decode([OmniumInventoryItem].self, from: value) }
                items.append(item)
            }
            return items
        }
        return try SandboxRequestDecoder.decode([OmniumInventoryItem].self, from: value)
    }

    /// `{"sku":…,"warehouseCode":…,"inventory":…}` and nothing else; nil for any other object or value.
    static func plainItem(_ value: OmniumJSONValue) -> OmniumInventoryItem? {
        guard case .object(let members) = value, members.count == 3,
              let sku = members["sku"], let warehouseCode = members["warehouseCode"], let inventory = members["inventory"]
        else { return nil }
        var item = OmniumInventoryItem()
        switch sku {
        case .string(let text): item.sku = text
        case .null: break
        default: return nil
        }
        switch warehouseCode {
        case .string(let text): item.warehouseCode = text
        case .null: break
        default: return nil
        }
        switch inventory {
        case .number(let number): item.inventory = number
        case .null: break
        default: return nil
        }
        return item
    }
}
