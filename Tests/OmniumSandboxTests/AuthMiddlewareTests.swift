import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

final class AuthMiddlewareTests: XCTestCase {
    func testTokenIsPlainTextJWTWithExpiry() throws {
        let harness = try SandboxTestHarness()
        let response = harness.send(.POST, "/API/TOKEN?CLIENTID=sandbox&clientsecret=sandbox-secret", token: nil)
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers["Content-Type"], "text/plain; charset=utf-8")
        let parts = response.text.split(separator: ".")
        XCTAssertEqual(parts.count, 3)
        var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let claims = try JSONSerialization.jsonObject(with: try XCTUnwrap(Data(base64Encoded: payload))) as? [String: Any]
        XCTAssertEqual(claims?["sub"] as? String, "sandbox")
        XCTAssertEqual(claims?["exp"] as? Int, Int(harness.clock.now().timeIntervalSince1970) + 864_000)
        XCTAssertEqual(claims?["role"] as? [String], ["ApiOwner"])
    }

    func testTokenAsJSON() throws {
        let harness = try SandboxTestHarness { $0.tokenLifetime = .seconds(3600) }
        let response = harness.send(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret&returnAsJson=true",
                                    token: nil)
        let answer = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        XCTAssertEqual(answer?["tokenType"] as? String, "Bearer")
        XCTAssertEqual(answer?["expiresIn"] as? Int, 3600)
        XCTAssertEqual((answer?["accessToken"] as? String)?.split(separator: ".").count, 3)
    }

    func testBadOrMissingCredentials() throws {
        let harness = try SandboxTestHarness()
        let wrong = harness.send(.POST, "/api/token?clientId=sandbox&clientSecret=nope", token: nil)
        XCTAssertEqual(wrong.status, .unauthorized)
        XCTAssertEqual(wrong.text, "\"Invalid client credentials\"")
        XCTAssertEqual(harness.send(.POST, "/api/token?clientId=sandbox", token: nil).status, .badRequest)
        XCTAssertEqual(harness.send(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret&returnAsJson=maybe",
                                    token: nil).status, .badRequest)
    }

    func testMissingUnknownExpiredAndRevokedTokensAre401() throws {
        let harness = try SandboxTestHarness { $0.tokenLifetime = .seconds(60) }
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: nil).status, .unauthorized)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: "a.b.c").status, .unauthorized)
        let token = try harness.token()
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok)
        harness.clock.advance(by: 59)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok)
        harness.clock.advance(by: 1)
        let expired = harness.send(.GET, "/api/Stores", token: token)
        XCTAssertEqual(expired.status, .unauthorized)
        XCTAssertEqual(expired.text, "\"Token expired\"")
        let fresh = try harness.token()
        harness.services.tokens.revokeTokens(of: "sandbox")
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: fresh).status, .unauthorized)
    }

    func testMissingRoleIs403AndAdminIncludesRead() throws {
        let harness = try SandboxTestHarness()
        let orderReader = try harness.token(clientId: "reader", secret: "s1")
        let forbidden = harness.send(.GET, "/api/Stores", token: orderReader)
        XCTAssertEqual(forbidden.status, .forbidden)
        XCTAssertEqual(forbidden.text, "\"Missing role StoreRead\"")
        XCTAssertEqual(harness.send(.GET, "/api/Orders/none", token: orderReader).status, .notFound)
        let productAdmin = try harness.token(clientId: "products", secret: "s2")
        XCTAssertEqual(harness.send(.POST, "/api/Products/SearchProducts", body: "{}", token: productAdmin).status, .ok)
        XCTAssertEqual(harness.send(.POST, "/api/Orders/Search", body: "{}", token: productAdmin).status, .forbidden)
    }

    func testRoleNamesRoundTrip() {
        XCTAssertEqual(SandboxRole(rawValue: "PurchaseOrderAdmin"), .area(.purchaseOrder, .admin))
        XCTAssertEqual(SandboxRole(rawValue: "ApiOwner"), .apiOwner)
        XCTAssertNil(SandboxRole(rawValue: "OrderWrite"))
        XCTAssertEqual(SandboxRole.area(.inventory, .read).rawValue, "InventoryRead")
    }
}
