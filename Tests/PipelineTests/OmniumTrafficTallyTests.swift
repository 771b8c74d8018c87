import Foundation
import Omnium
import Pipeline
import XCTest

/// The transport wrapper behind the metrics' request counts.
final class OmniumTrafficTallyTests: XCTestCase {
    private struct Scripted: HTTPTransport {
        let statuses: [Int?]
        let counter = Counter()

        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
        }

        func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
            guard let status = statuses[counter.next()] else { throw URLError(.timedOut) }
            return HTTPTransportResponse(status: status)
        }
    }

    func testCountsEveryAttemptByClass() async throws {
        let tally = OmniumTrafficTally()
        let transport = tally.counting(Scripted(statuses: [200, 429, 503, nil, 404, 204]))
        let request = HTTPTransportRequest(method: "GET", url: URL(string: "http://127.0.0.1:1/api/Stores")!)
        for _ in 0..<6 { _ = try? await transport.send(request) }
        let counts = tally.snapshot
        XCTAssertEqual(counts.requests, 6)
        XCTAssertEqual(counts.successes, 2)
        XCTAssertEqual(counts.throttled, 1)
        XCTAssertEqual(counts.serverErrors, 1)
        XCTAssertEqual(counts.transportErrors, 1)
        XCTAssertEqual(counts.clientErrors, 1)
        XCTAssertEqual(counts.retriableFailures, 3)
    }
}
