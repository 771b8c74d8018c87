import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

/// The injected latency as a deadline from the request's arrival, waited out inside the rate limits
/// (`SandboxAnswerDelay`): a call is in flight until it answers, as Omnium counts it (contract §4).
final class SandboxAnswerDelayTests: XCTestCase {
    /// A manual clock whose `waitOut` blocks until the test opens the gate, and records what it was asked.
    private final class GateClock: SandboxClock, @unchecked Sendable {
        let manual = ManualSandboxClock(Date(timeIntervalSince1970: 1_795_000_000))
        let entered = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private(set) var waits = 0

        func now() -> Date { manual.now() }
        func sleep(for duration: Duration) { manual.sleep(for: duration) }
        func waitOut(_ latency: Duration, since arrival: ContinuousClock.Instant) {
            lock.withLock { waits += 1 }
            entered.signal()
            gate.wait()
        }
    }

    /// Records the sleeps of the default `waitOut`.
    private final class RecordingClock: SandboxClock, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var sleeps: [Duration] = []
        func now() -> Date { Date(timeIntervalSince1970: 1_795_000_000) }
        func sleep(for duration: Duration) { lock.withLock { sleeps.append(duration) } }
    }

    private final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: HTTPStatus] = [:]
        func set(_ name: String, _ status: HTTPStatus) { lock.withLock { values[name] = status } }
        func get(_ name: String) -> HTTPStatus? { lock.withLock { values[name] } }
    }

    private func application(clock: any SandboxClock, latency: Duration, perUser: Int) throws -> SandboxApplication {
        var configuration = SandboxConfiguration(scale: .tiny, clock: clock)
        configuration.faults = SandboxFaults(latency: latency)
        configuration.rateLimits = SandboxRateLimits(maxConcurrentPerUser: perUser)
        return try SandboxApplication(services: SandboxServices(configuration: configuration))
    }

    private func request(_ method: HTTPMethod, _ target: String, token: String?) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        return try! HTTPRequest(method: method, target: target, headers: headers)
    }

    func testTheLatencyCountsAsInFlight() throws {
        let clock = GateClock()
        let app = try application(clock: clock, latency: .milliseconds(20), perUser: 1)
        // The token call is not delayed (token endpoint exempt from faults by default).
        let token = String(decoding: app.respond(to: request(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret",
                                                             token: nil)).body, as: UTF8.self)
        let statuses = Statuses()
        let first = DispatchGroup()
        let stores = request(.GET, "/api/Stores", token: token)
        DispatchQueue.global().async(group: first) { statuses.set("first", app.respond(to: stores).status) }
        clock.entered.wait()   // the first call has been handled and is waiting out its latency
        // A second call while the first waits: over the limit of 1 in flight. Its own latency is waited out too.
        let second = DispatchGroup()
        DispatchQueue.global().async(group: second) { statuses.set("second", app.respond(to: stores).status) }
        clock.entered.wait()
        clock.gate.signal()
        clock.gate.signal()
        first.wait()
        second.wait()
        XCTAssertEqual(statuses.get("first"), .ok)
        XCTAssertEqual(statuses.get("second"), .tooManyRequests)
        XCTAssertEqual(clock.waits, 2, "each answer waits its latency out once")
        // Once both answered, the place is free again.
        DispatchQueue.global().async { clock.entered.wait(); clock.gate.signal() }
        XCTAssertEqual(app.respond(to: request(.GET, "/api/Stores", token: token)).status, .ok)
    }

    func testRefusedCallsWaitTheLatencyOutOnce() throws {
        let harness = try SandboxTestHarness { $0.faults = SandboxFaults(latency: .seconds(2)) }
        for token in [nil, "not-a-token"] as [String?] {
            let before = harness.clock.now()
            XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .unauthorized)
            XCTAssertEqual(harness.clock.now().timeIntervalSince(before), 2, accuracy: 0.001)
        }
        let token = try harness.token()
        let before = harness.clock.now()
        XCTAssertEqual(harness.send(.GET, "/api/NoSuchThing", token: token).status, .notFound)
        XCTAssertEqual(harness.send(.PUT, "/api/Orders/PosOrders", body: "{", token: token).status, .badRequest)
        XCTAssertEqual(harness.clock.now().timeIntervalSince(before), 4, accuracy: 0.001, "once per answer")
    }

    func testTheLatencyIsMeasuredFromTheArrival() throws {
        let clock = RecordingClock()
        let app = try application(clock: clock, latency: .milliseconds(20), perUser: 20)
        let token = String(decoding: app.respond(to: request(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret",
                                                             token: nil)).body, as: UTF8.self)
        var late = request(.GET, "/api/Stores", token: token)
        late.arrival = .now - .milliseconds(30)
        XCTAssertEqual(app.respond(to: late).status, .ok)
        XCTAssertEqual(clock.sleeps, [], "arrived 30 ms ago: the 20 ms have passed")
        var recent = request(.GET, "/api/Stores", token: token)
        recent.arrival = .now - .milliseconds(15)
        XCTAssertEqual(app.respond(to: recent).status, .ok)
        XCTAssertEqual(clock.sleeps.count, 1)
        XCTAssertLessThanOrEqual(clock.sleeps[0], .milliseconds(5), "only what is left of the 20 ms")
    }
}
