import Foundation
import Pipeline
import XCTest

@testable import CLI

/// `omniflow queues`, `queues show`, `queues retry` against the fake services.
final class QueuesCommandTests: XCTestCase {
    private var harness: CLIHarness!

    override func setUpWithError() throws {
        harness = try CLIHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private let when = Date(timeIntervalSince1970: 1_795_000_000)

    private func deadJob(_ key: String) -> QueueJobListing {
        QueueJobListing(id: 3, objectKey: key, state: .dead, attempts: 4, nextAttemptAt: when,
                        lastError: "Omnium POST /api/Orders: 400 invalid store", updatedAt: when)
    }

    // MARK: - queues

    func testQueuesListsCountsAndPointsAtDeadJobs() async throws {
        harness.services.queues = [
            QueueSummary(queue: "external_order_sync", pending: 2, running: 0, done: 10, dead: 1, nextAttemptAt: when,
                         oldestPendingAge: 125),
            QueueSummary(queue: "external_receivement_sync", pending: 0, running: 0, done: 0, dead: 0),
        ]
        let text = await harness.run(["queues"])
        XCTAssertEqual(text.code, .success, text.error)
        XCTAssertTrue(text.output.contains("QUEUE"), text.output)
        XCTAssertTrue(text.output.contains("2 min 05 s"), text.output)
        XCTAssertTrue(text.output.contains("omniflow queues show external_order_sync --state dead"), text.output)
        XCTAssertFalse(text.output.contains("queues show external_receivement_sync"), text.output)

        let json = await harness.run(["queues", "--json"])
        XCTAssertEqual(json.code, .success)
        XCTAssertEqual(try OutputJSON.decoder().decode([QueueSummary].self, from: Data(json.output.utf8)), harness.services.queues)
        XCTAssertEqual(harness.services.calls, [.listQueues, .listQueues])
    }

    // MARK: - queues show

    func testShowParsesStateAndLimitAndDecodes() async throws {
        harness.services.queueJobs = [deadJob("OC-1001")]
        let json = await harness.run(["queues", "show", "external_order_sync", "--state", "dead", "--limit", "5", "--json"])
        XCTAssertEqual(json.code, .success, json.error)
        XCTAssertEqual(try OutputJSON.decoder().decode([QueueJobListing].self, from: Data(json.output.utf8)),
                       harness.services.queueJobs)
        let text = await harness.run(["queues", "show", "external_order_sync"])
        XCTAssertTrue(text.output.contains("OC-1001"), text.output)
        XCTAssertTrue(text.output.contains("400 invalid store"), text.output)
        XCTAssertEqual(harness.services.calls, [
            .showQueue("external_order_sync", state: .dead, limit: 5), .showQueue("external_order_sync", state: nil, limit: 100),
        ])
    }

    func testShowRejectsBadStateAndLimit() async throws {
        let state = await harness.run(["queues", "show", "external_order_sync", "--state", "failed"])
        XCTAssertEqual(state.code, .usageError)
        XCTAssertTrue(state.error.contains("pending, running, done, dead"), state.error)
        let limit = await harness.run(["queues", "show", "external_order_sync", "--limit", "0"])
        XCTAssertEqual(limit.code, .usageError)
        let missing = await harness.run(["queues", "show"])
        XCTAssertEqual(missing.code, .usageError)
        XCTAssertEqual(harness.services.calls, [])
    }

    // MARK: - queues retry

    func testRetryTakesAnObjectKeyOrAllDead() async throws {
        harness.services.queueJobs = [deadJob("OC-1001")]
        let one = await harness.run(["queues", "retry", "external_order_sync", "OC-1001"])
        XCTAssertEqual(one.code, .success, one.error)
        XCTAssertTrue(one.output.contains("Retried 1 job of external_order_sync: OC-1001"), one.output)
        let all = await harness.run(["queues", "retry", "external_order_sync", "--all-dead", "--json"])
        XCTAssertEqual(all.code, .success, all.error)
        let report = try OutputJSON.decoder().decode(QueueRetryReport.self, from: Data(all.output.utf8))
        XCTAssertEqual(report, QueueRetryReport(queue: "external_order_sync", retried: harness.services.queueJobs))
        harness.services.queueJobs = []
        let none = await harness.run(["queues", "retry", "external_order_sync", "--all-dead"])
        XCTAssertTrue(none.output.contains("Nothing to retry"), none.output)
        XCTAssertEqual(harness.services.calls, [
            .retryQueue("external_order_sync", .object("OC-1001")), .retryQueue("external_order_sync", .allDead),
            .retryQueue("external_order_sync", .allDead),
        ])
    }

    func testRetryNeedsExactlyOneTarget() async throws {
        let neither = await harness.run(["queues", "retry", "external_order_sync"])
        XCTAssertEqual(neither.code, .usageError)
        XCTAssertTrue(neither.error.contains("--all-dead"), neither.error)
        let both = await harness.run(["queues", "retry", "external_order_sync", "OC-1", "--all-dead"])
        XCTAssertEqual(both.code, .usageError)
        XCTAssertEqual(harness.services.calls, [])
    }

    func testRetryWhileARunHoldsTheLockExitsThree() async throws {
        harness.services.retryError = ServiceError.lockHeld("run 20261126-0300-a1 (pid 42 on host, since now)")
        let outcome = await harness.run(["queues", "retry", "external_order_sync", "--all-dead"])
        XCTAssertEqual(outcome.code, .lockHeld)
        XCTAssertTrue(outcome.error.contains("another run holds the lock"), outcome.error)
        XCTAssertEqual(outcome.output, "")
    }

    // MARK: - help

    func testHelpDescribesTheCommands() async throws {
        let root = await harness.run(["queues", "--help"])
        XCTAssertTrue(root.output.contains("show"), root.output)
        XCTAssertTrue(root.output.contains("retry"), root.output)
        let retry = await harness.run(["help", "queues", "retry"])
        XCTAssertTrue(retry.output.contains("--all-dead"), retry.output)
        XCTAssertTrue(retry.output.contains("<object-key>"), retry.output)
    }
}
