import Foundation

extension HashedRecord where Record == FlowStock {
    /// The staged JSON of a stock level, written by hand: exactly the bytes of the staging encoder
    /// (`RunStaging.makeEncoder()`: sorted keys, slashes unescaped), which `StockTable.upsertStaged`
    /// reads with `json_extract`. Nil when a text holds a character the encoder would escape (`"`, `\`,
    /// a control character): the caller encodes that record with the encoder itself.
    ///
    /// Why by hand: a transform stages one of these per SKU and warehouse (3 million at 100,000
    /// products × 20 stores), and `JSONEncoder` cost more than the mapping itself (issue 8). A test
    /// compares the two byte for byte.
    public var stagedJSON: Data? {
        guard Self.plain(record.productUid), Self.plain(record.warehouseUid) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(128 + record.productUid.utf8.count + record.warehouseUid.utf8.count)
        Self.member("available", first: true, &out); Self.integer(record.available, &out)
        Self.member("contentHash", &out); Self.integer(contentHash, &out)
        Self.member("productUid", &out); Self.text(record.productUid, &out)
        Self.member("quantity", &out); Self.integer(record.quantity, &out)
        Self.member("reserved", &out); Self.integer(record.reserved, &out)
        Self.member("warehouseUid", &out); Self.text(record.warehouseUid, &out)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    private static func plain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    private static func member(_ key: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: "\":".utf8)
    }

    private static func text(_ value: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: value.utf8)
        out.append(UInt8(ascii: "\""))
    }

    private static func integer(_ value: Int64, _ out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // Through the magnitude, so Int64.min has no positive counterpart to overflow into.
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
