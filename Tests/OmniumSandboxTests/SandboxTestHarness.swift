import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// An in-process sandbox (no sockets) on a manual clock with tiny data, plus request helpers.
final class SandboxTestHarness {
    let clock: ManualSandboxClock
    let application: SandboxApplication
    var services: SandboxServices { application.services }

    init(configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        let clock = ManualSandboxClock(Date(timeIntervalSince1970: 1_795_000_000))
        var configuration = SandboxConfiguration(scale: .tiny, clock: clock)
        configuration.clients = [
            .default,
            SandboxClient(clientId: "reader", clientSecret: "s1", roles: [.area(.order, .read)]),
            SandboxClient(clientId: "products", clientSecret: "s2", roles: [.area(.product, .admin)]),
        ]
        configure(&configuration)
        self.clock = clock
        application = try SandboxApplication(services: SandboxServices(configuration: configuration))
    }

    /// A token for `clientId` (default client unless named), from the real token route.
    func token(clientId: String = "sandbox", secret: String = "sandbox-secret") throws -> String {
        let response = send(.POST, "/api/token?clientId=\(clientId)&clientSecret=\(secret)", token: nil)
        XCTAssertEqual(response.status, .ok)
        return String(decoding: response.body, as: UTF8.self)
    }

    /// Sends a request through the whole chain; `token` nil = no Authorization header.
    func send(_ method: HTTPMethod, _ target: String, body: String? = nil, token: String?) -> HTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        let request = try! HTTPRequest(method: method, target: target, headers: headers, body: Data((body ?? "").utf8))
        return application.respond(to: request)
    }

    /// Sends with a fresh default token.
    func authorized(_ method: HTTPMethod, _ target: String, body: String? = nil) throws -> HTTPResponse {
        send(method, target, body: body, token: try token())
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try OmniumJSON.decoder.decode(T.self, from: body)
    }
}
