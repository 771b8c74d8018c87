import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

final class RequestLogMiddlewareTests: XCTestCase {
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [SandboxLogEntry] = []
        func append(_ entry: SandboxLogEntry) { lock.lock(); entries.append(entry); lock.unlock() }
        var all: [SandboxLogEntry] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    func testLogsOneLinePerRequestWithSecretsRedacted() throws {
        let collected = Collected()
        let harness = try SandboxTestHarness { $0.log = SandboxLogHandler { collected.append($0) } }
        let token = try harness.token()
        _ = harness.send(.GET, "/api/Stores/nowhere?x=1", token: token)
        let lines = collected.all.map(\.line)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].contains("http.target=/api/token?clientId=sandbox&clientSecret=***"), lines[0])
        XCTAssertTrue(lines[1].contains("http.status=404"), lines[1])
        XCTAssertTrue(lines[1].contains("http.target=/api/Stores/nowhere?x=1"), lines[1])
        for line in lines {
            XCTAssertFalse(line.contains("sandbox-secret"))
            XCTAssertFalse(line.contains(token))
        }
    }
}
