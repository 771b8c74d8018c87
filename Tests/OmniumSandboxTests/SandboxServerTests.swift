import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Omnium
import OmniumSandbox
import XCTest

/// The sandbox over real loopback sockets with URLSession.
final class SandboxServerTests: XCTestCase {
    private func fetch(_ request: URLRequest) async throws -> (Int, Data, HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        return (http.statusCode, data, http)
    }

    func testTokenThenSearchOverLoopback() async throws {
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: .tiny))
        defer { sandbox.stop() }
        XCTAssertEqual(sandbox.baseURL.host, "127.0.0.1")

        var tokenRequest = URLRequest(url: URL(string: "/api/token?clientId=sandbox&clientSecret=sandbox-secret",
                                               relativeTo: sandbox.baseURL)!)
        tokenRequest.httpMethod = "POST"
        let (tokenStatus, tokenData, _) = try await fetch(tokenRequest)
        XCTAssertEqual(tokenStatus, 200)
        let token = String(decoding: tokenData, as: UTF8.self)

        var search = URLRequest(url: URL(string: "/api/Orders/Search", relativeTo: sandbox.baseURL)!)
        search.httpMethod = "POST"
        search.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        search.setValue("application/json", forHTTPHeaderField: "Content-Type")
        search.httpBody = Data(#"{"take": 5}"#.utf8)
        let (status, data, _) = try await fetch(search)
        XCTAssertEqual(status, 200)
        let result = try OmniumJSON.decode(OmniumSearchResult<OmniumOrder>.self, from: data)
        XCTAssertEqual(result.result.count, 5)
        XCTAssertEqual(result.totalHits, try sandbox.state.orders(matching: OmniumOrderSearchRequest()).count)

        var unauthorized = URLRequest(url: URL(string: "/api/Stores", relativeTo: sandbox.baseURL)!)
        unauthorized.setValue("Bearer nope", forHTTPHeaderField: "Authorization")
        let (denied, body, _) = try await fetch(unauthorized)
        XCTAssertEqual(denied, 401)
        XCTAssertEqual(String(decoding: body, as: UTF8.self), "\"Unauthorized\"")
    }

    func testStopIsIdempotent() throws {
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: .tiny))
        sandbox.stop()
        sandbox.stop()
    }
}
