import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// The sandbox's answers checked as JSON text against omnium-contract.md, without the client's
/// models: the client and the sandbox must not agree only because they share a Swift type.
final class SandboxWireShapeTests: XCTestCase {
    private var harness: SandboxTestHarness!
    private var token = ""

    override func setUpWithError() throws {
        harness = try SandboxTestHarness()
        token = try harness.token()
    }

    private func json(_ method: HTTPMethod, _ target: String, _ body: String? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let response = harness.send(method, target, body: body, token: token)
        XCTAssertEqual(response.status, .ok, response.text, file: file, line: line)
        return try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])
    }

    private static let omniumDate = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$"#)

    private func assertOmniumDate(_ value: Any?, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let text = value as? String else { return XCTFail("\(what) is not a string: \(String(describing: value))", file: file, line: line) }
        XCTAssertEqual(Self.omniumDate.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)), 1,
                       "\(what) = \(text)", file: file, line: line)
    }

    /// Contract §6 (corrected): `categories` and `assortmentCodes` are lists of objects.
    func testProductCategoriesAndAssortmentCodesAreObjectsOnTheWire() throws {
        let page = try XCTUnwrap(try json(.POST, "/api/Products/Scroll", "{}") as? [String: Any])
        let products = try XCTUnwrap(page["result"] as? [[String: Any]])
        XCTAssertFalse(products.isEmpty)
        var dated = 0
        for product in products {
            let id = product["id"] as? String ?? "?"
            let categories = try XCTUnwrap(product["categories"] as? [[String: Any]], "\(id): categories are objects")
            XCTAssertFalse(categories.isEmpty, id)
            for category in categories {
                let categoryId = try XCTUnwrap(category["categoryId"] as? String, "\(id): categoryId")
                XCTAssertEqual(category["id"] as? String, "\(categoryId)_no", "id = {categoryId}_{language}")
                XCTAssertTrue(category["isMainCategory"] is Bool, "\(id): isMainCategory is a bool")
                XCTAssertNotNil(category["name"] as? String)
            }
            let mains = categories.filter { $0["isMainCategory"] as? Bool == true }
            XCTAssertEqual(mains.count, 1, "\(id): one main category")
            XCTAssertEqual(mains.first?["categoryId"] as? String, product["mainCategoryId"] as? String)
            XCTAssertEqual(mains.first?["parentId"] as? String,
                           categories.first { $0["isMainCategory"] as? Bool == false }?["categoryId"] as? String)
            let codes = try XCTUnwrap(product["assortmentCodes"] as? [[String: Any]], "\(id): assortment codes are objects")
            for code in codes {
                XCTAssertNotNil(code["assortmentCodeId"] as? String, id)
                for key in ["validFrom", "validTo"] where code[key] != nil && !(code[key] is NSNull) {
                    assertOmniumDate(code[key], "\(id) \(key)")
                    dated += 1
                }
            }
        }
        XCTAssertGreaterThan(dated, 0, "some assortment codes carry validity windows")
    }
}
