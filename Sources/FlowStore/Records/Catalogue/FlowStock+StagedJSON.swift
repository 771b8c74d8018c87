import Foundation

extension HashedRecord where Record == FlowStock {
    /// The staged JSON of a stock level, written by hand (``StagedJSONWriter``): exactly the bytes of the
    /// staging encoder. A test compares the two.
    public var stagedJSON: Data {
        var writer = StagedJSONWriter(capacity: 128 + record.productUid.utf8.count + record.warehouseUid.utf8.count)
        writeStagedJSON(to: &writer)
        return writer.data
    }

    /// One product's levels as `transform.inventory` stages them (one row per product, which
    /// `StockTable.upsertStaged` reads back with ``levels(stagedJSONList:productUid:)``): the list of their
    /// ``stagedJSON`` objects, in the order given; the staging encoder's bytes for the list.
    public static func stagedJSONList(_ levels: [HashedRecord<FlowStock>]) -> Data {
        var writer = StagedJSONWriter(capacity: levels.reduce(2) { $0 + 130 + $1.record.productUid.utf8.count
                                                                      + $1.record.warehouseUid.utf8.count })
        writer.list(levels) { level, writer in level.writeStagedJSON(to: &writer) }
        return writer.data
    }

    /// A product's staged row read back (``stagedJSONList(_:)``), each level with the content hash it was staged
    /// with. - Throws: ``StagedStockError`` when the row is no such list.
    public static func levels(stagedJSONList payload: Data, productUid: String) throws -> [HashedRecord<FlowStock>] {
        try StagedStockLevel.list(payload, productUid: productUid).map { level in
            var record = HashedRecord(FlowStock(warehouseUid: level.warehouseUid, productUid: level.productUid,
                                                quantity: level.quantity, reserved: level.reserved))
            record.record.available = level.available
            record.contentHash = level.contentHash
            return record
        }
    }

    private func writeStagedJSON(to writer: inout StagedJSONWriter) {
        writer.beginObject()
        writer.member("available", record.available)
        writer.member("contentHash", contentHash)
        writer.member("productUid", record.productUid)
        writer.member("quantity", record.quantity)
        writer.member("reserved", record.reserved)
        writer.member("warehouseUid", record.warehouseUid)
        writer.endObject()
    }
}

/// A stock level as `transform.inventory` staged it: the values `StockTable.upsertStaged` binds, exactly as
/// written (the content hash is the staged one, not computed again).
struct StagedStockLevel {
    var warehouseUid: String
    var productUid: String
    var quantity: Int64
    var reserved: Int64
    var available: Int64
    var contentHash: Int64

    /// A product's staged row (``HashedRecord/stagedJSONList(_:)``), read by ``StagedJSONReader`` when it is in
    /// the writer's shape, else by `JSONDecoder` (which words the error).
    static func list(_ payload: Data, productUid: String) throws -> [StagedStockLevel] {
        var reader = StagedJSONReader(payload)
        let levels = reader.list { reader -> StagedStockLevel in
            reader.beginObject()
            let available = reader.int64("available"), contentHash = reader.int64("contentHash")
            let product = reader.string("productUid")
            let quantity = reader.int64("quantity"), reserved = reader.int64("reserved")
            let warehouseUid = reader.string("warehouseUid")
            reader.endObject()
            return StagedStockLevel(warehouseUid: warehouseUid, productUid: product, quantity: quantity, reserved: reserved,
                                    available: available, contentHash: contentHash)
        }
        if reader.finished { return levels }
        do {
            return try JSONDecoder().decode([HashedRecord<FlowStock>].self, from: payload).map {
                StagedStockLevel(warehouseUid: $0.record.warehouseUid, productUid: $0.record.productUid,
                                 quantity: $0.record.quantity, reserved: $0.record.reserved,
                                 available: $0.record.available, contentHash: $0.contentHash)
            }
        } catch {
            throw StagedStockError(productUid: productUid, reason: "\(error)")
        }
    }
}

/// A staged product row `load.inventory` cannot read (written by something other than `transform.inventory`).
public struct StagedStockError: Error, Sendable, CustomStringConvertible {
    public var productUid: String
    public var reason: String
    public var description: String { "staged stock of product '\(productUid)' cannot be read: \(reason)" }
}
