import Foundation
import XCTest
@testable import Omnium

/// Cutting a page answer's records out of its bytes (records staged as received, issue 8).
final class OmniumJSONSlicesTests: XCTestCase {
    private func slices(_ text: String, member: String = "result") -> [String]? {
        let body = Data(text.utf8)
        return OmniumJSONSlices.elements(ofMember: member, in: body)?
            .map { String(decoding: body[$0], as: UTF8.self) }
    }

    func testRecordsOfAnEnvelopeComeOutByteForByte() {
        let text = #"""
            { "totalHits" : 3, "facets": [{"name": "a]}\"[{", "values": [1, 2]}],
              "result" : [ {"id":"a","name":"Brus \"Cola\" 0,5 l","tags":["x","]"]} ,
                {"id": "b", "nested": {"deep": [{"k": "}"}]}, "n": -1.5e3, "ok": true, "none": null},
                {"id":"c\\"} ],
              "scrollId": "s1" }
            """#
        XCTAssertEqual(slices(text), [
            #"{"id":"a","name":"Brus \"Cola\" 0,5 l","tags":["x","]"]}"#,
            #"{"id": "b", "nested": {"deep": [{"k": "}"}]}, "n": -1.5e3, "ok": true, "none": null}"#,
            #"{"id":"c\\"}"#,
        ])
    }

    func testABareListAndScalarsAreCutToo() {
        XCTAssertEqual(slices(#"[ {"id":"a"}, 12, "t", null ]"#), [#"{"id":"a"}"#, "12", #""t""#, "null"])
        XCTAssertEqual(slices("[]"), [])
        XCTAssertEqual(slices(#"{"result": []}"#), [])
    }

    func testAnAnswerItCannotCutGivesNothingRatherThanAGuess() {
        XCTAssertNil(slices(#"{"totalHits": 1}"#), "no result member")
        XCTAssertNil(slices(#"{"result": null}"#))
        XCTAssertNil(slices(#"{"result": [{"id": "a"}"#), "truncated")
        XCTAssertNil(slices(#"{"result": [{"id": "a} ]}"#), "unterminated string")
        XCTAssertNil(slices(#"{"result": [{"id": "a"} {"id": "b"}]}"#), "missing comma")
        XCTAssertNil(slices("not json"))
        XCTAssertNil(slices(""))
    }

    func testReceivedRecordsKeepTheirJSONThroughAScroll() async throws {
        let first = #"{"totalHits":3,"result":[{"id":"o0", "extra": {"x": [1]}},{"id":"o1"}],"scrollId":"s"}"#
        let second = #"{"totalHits":3,"result":[ {"id" : "o2"} ],"scrollId":"s"}"#
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return .json(first)
            case 1: return .json(second)
            default: return .json(#"{"totalHits":3,"result":[],"scrollId":"s"}"#)
            }
        }
        let client = makeClient(transport)
        let start = try OmniumRequest.json(.post, "/api/Inventory/Search", body: ["warehouseCodes": ["W1"]])
        var kept: [String] = []
        var ids: [String] = []
        for try await batch in client.scrollPages(start: { start }, continuationPath: "/api/Inventory/Scroll",
                                                  of: OmniumReceivedRecord<TestItem>.self) {
            for received in batch {
                ids.append(received.item.record?.id ?? "?")
                kept.append(received.json.map { String(decoding: $0, as: UTF8.self) } ?? "nil")
            }
        }
        XCTAssertEqual(ids, ["o0", "o1", "o2"])
        XCTAssertEqual(kept, [#"{"id":"o0", "extra": {"x": [1]}}"#, #"{"id":"o1"}"#, #"{"id" : "o2"}"#])
    }
}
