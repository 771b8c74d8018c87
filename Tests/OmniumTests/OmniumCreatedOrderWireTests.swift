import Foundation
import XCTest
@testable import Omnium

/// The create's answer read for `id` and `status` without `JSONDecoder` reads what `JSONDecoder` reads, and
/// declines (nil, so `JSONDecoder` decides) whatever it is not certain of.
final class OmniumCreatedOrderWireTests: XCTestCase {
    private func fast(_ text: String) -> OmniumCreatedOrder? { OmniumCreatedOrder(wireJSON: Data(text.utf8)) }
    private func slow(_ text: String) -> OmniumCreatedOrder? { try? OmniumJSON.decode(OmniumCreatedOrder.self, from: Data(text.utf8)) }

    func testReadsWhatJSONDecoderReads() {
        for text in [
            #"{"id":"POS-1","status":"Completed"}"#,
            #" { "billingCurrency" : "NOK", "orderForm": {"lineItems": [{"code": "a\"b", "quantity": 1.5, "x": null}], "n": -1e3},"#
                + #" "id": "POS-2", "properties": [], "status": null, "ok": true } "#,
            #"{"status":"OrderCanceled"}"#, #"{}"#, #"{"id":null,"status":"New","created":"2026-01-01T00:00:00.0000000Z"}"#,
            #"{"id":"æø 日本","status":"Completed"}"#,
        ] {
            XCTAssertNotNil(fast(text), text)
            XCTAssertEqual(fast(text), slow(text), text)
        }
    }

    func testDeclinesWhatItIsNotCertainOf() {
        for text in [
            #"{"id":"a\u0041","status":"Completed"}"#, #"{"id":"a","id":"b"}"#, #"{"id":1}"#, #"{"id":"a","status":"Completed""#,
            #"{"id":"a","x":[1,}"#, #"[{"id":"a"}]"#, #"{"id":"a"} x"#, "", #"{"totalHits": 1, "result": [{"id": "#,
        ] {
            XCTAssertNil(fast(text), text)
        }
        XCTAssertNil(slow(#"{"id":"a","status":"Completed""#), "JSONDecoder refuses a cut answer too")
        XCTAssertEqual(slow(#"{"id":"a\u0041"}"#)?.id, "aA", "an escape is left to JSONDecoder, which reads it")
    }
}
