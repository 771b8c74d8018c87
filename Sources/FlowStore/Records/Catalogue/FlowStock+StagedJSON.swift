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
    /// `StockTable.upsertStaged` reads with `json_each`): the list of their ``stagedJSON`` objects, in the
    /// order given; the staging encoder's bytes for the list.
    public static func stagedJSONList(_ levels: [HashedRecord<FlowStock>]) -> Data {
        var writer = StagedJSONWriter(capacity: levels.reduce(2) { $0 + 130 + $1.record.productUid.utf8.count
                                                                      + $1.record.warehouseUid.utf8.count })
        writer.list(levels) { level, writer in level.writeStagedJSON(to: &writer) }
        return writer.data
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
