import Foundation
import Omnium
@testable import Pipeline
import Staging
import XCTest

/// The raw stock and price rows of an answer page: one per group (SKU), a JSON list of its records' bytes as
/// received, keyed `<sku>␟<page>` (ReceivedRecordRows).
final class ReceivedRecordRowsTests: XCTestCase {
    func testAJSONListHoldsTheRecordsBytesInOrder() throws {
        let records = [#"{"sku":"A"}"#, #"{"sku":"B\/1","inventory":2}"#, "{ }"]
        for count in 0...records.count {
            let list = ReceivedRecordRows.jsonList(records.prefix(count).map { Data($0.utf8) })
            XCTAssertEqual(String(decoding: list, as: UTF8.self), "[" + records.prefix(count).joined(separator: ",") + "]")
        }
        // Records that are slices of a larger answer (their indices do not start at 0).
        let answer = Data(#"xx{"a":1},{"b":2}"#.utf8)
        let slices = [answer[2..<9], answer[10..<17]]
        XCTAssertEqual(String(decoding: ReceivedRecordRows.jsonList(slices), as: UTF8.self), #"[{"a":1},{"b":2}]"#)
    }

    func testAPagesRecordsAreGroupedBySkuInTheOrderReceived() throws {
        let texts = [#"{"sku":"B","warehouseCode":"W1","inventory":1}"#, #"{"sku":"A","warehouseCode":"W1","inventory":2}"#,
                     #"{"sku":"B","warehouseCode":"W2","inventory":3}"#]
        let batch = texts.map { text in
            OmniumReceivedRecord<OmniumInventoryItem>(item: .decoded(OmniumInventoryItem(wireJSON: Data(text.utf8))!),
                                                      json: Data(text.utf8))
        }
        let rows = try ExtractInventory.rows(batch, page: 7)
        XCTAssertEqual(rows.map(\.key), [CatalogueDatasets.key(group: "B", "0000000007"),
                                         CatalogueDatasets.key(group: "A", "0000000007")])
        XCTAssertEqual(rows.map { String(decoding: $0.payload, as: UTF8.self) },
                       ["[\(texts[0]),\(texts[2])]", "[\(texts[1])]"])
        XCTAssertEqual(rows[0], DatasetRow(key: rows[0].key, payload: rows[0].payload).digested())
    }
}
