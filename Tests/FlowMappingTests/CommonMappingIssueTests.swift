import XCTest
@testable import FlowMapping

final class CommonMappingIssueTests: XCTestCase {
    func testDescriptionNamesEntityKeyReasonAndOutcome() {
        let issue = MappingIssue(entity: .product, recordKey: "SKU-1", reason: "EAN 123 is not a valid GTIN",
                                 outcome: .fieldDropped, field: "barcode 123", sourcePayload: #"{"skuId":"SKU-1"}"#)
        XCTAssertEqual(issue.description, "product SKU-1: EAN 123 is not a valid GTIN (field dropped, record loaded)")
        XCTAssertEqual(MappingIssue(entity: .stock, recordKey: "k", reason: "r").description, "stock k: r")
    }

    func testRoundTripsThroughJSON() throws {
        let issue = MappingIssue(entity: .price, recordKey: "SKU-1", reason: "r", sourcePayload: "{}")
        let decoded = try JSONDecoder().decode(MappingIssue.self, from: JSONEncoder().encode(issue))
        XCTAssertEqual(decoded, issue)
    }
}
