import CLI
import Foundation
import Staging
import XCTest

/// `omniflow queues …` as a separate process against a control database prepared with `ControlStore`.
final class QueuesCommandTests: XCTestCase {
    let secret = EndToEndFixture.client.clientSecret
    let queue = SyncJob.Queue.externalOrderSync

    func testAnOperatorSeesDeadJobsAndPutsThemBack() throws {
        let fixture = try EndToEndFixture()
        let config = try fixture.writeConfigurationFile().path
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        for key in ["OC-1001", "OC-1002", "OC-1003"] { try control.enqueue(queue: queue, objectKey: key) }
        let claimed = try control.claimDueJobs(queue: queue, kind: .inboundOrder, limit: 2)
        XCTAssertEqual(claimed.map(\.objectKey), ["OC-1001", "OC-1002"])
        for job in claimed {
            try control.failJob(id: job.id, error: "Omnium POST /api/Orders: 400\nstore \(job.objectKey) unknown", retryable: false)
        }

        let overview = try OmniflowProcess.run(["queues", "--config", config], secret: secret)
        XCTAssertEqual(overview.status, 0, overview.stderr)
        let line = try XCTUnwrap(overview.stdout.split(separator: "\n").first { $0.hasPrefix(queue) }, overview.stdout)
        XCTAssertEqual(line.split(separator: " ").prefix(5).map(String.init), [queue, "1", "0", "0", "2"], overview.stdout)
        XCTAssertTrue(overview.stdout.contains("2 dead jobs wait for a person"), overview.stdout)

        let summaries = try OmniflowProcess.run(["queues", "--config", config, "--json"], secret: secret)
        let summary = try XCTUnwrap(try OutputJSON.decoder().decode([QueueSummary].self, from: Data(summaries.stdout.utf8))
            .first { $0.queue == queue })
        XCTAssertEqual([summary.pending, summary.running, summary.done, summary.dead], [1, 0, 0, 2])
        XCTAssertNotNil(summary.nextAttemptAt)

        let show = try OmniflowProcess.run(["queues", "show", queue, "--state", "dead", "--json", "--config", config], secret: secret)
        XCTAssertEqual(show.status, 0, show.stderr)
        let dead = try OutputJSON.decoder().decode([QueueJobListing].self, from: Data(show.stdout.utf8))
        XCTAssertEqual(dead.map(\.objectKey), ["OC-1001", "OC-1002"])
        XCTAssertEqual(dead.map(\.state), [.dead, .dead])
        XCTAssertEqual(dead.map(\.attempts), [1, 1])
        XCTAssertEqual(dead.first?.lastError, "Omnium POST /api/Orders: 400 store OC-1001 unknown")

        // While a run holds the lock nothing changes and the status is 3.
        let lock = control.runLock()
        try lock.acquire(runID: "20261126-0300-a1")
        let refused = try OmniflowProcess.run(["queues", "retry", queue, "--all-dead", "--config", config], secret: secret)
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("another run holds the lock"), refused.stderr)
        XCTAssertEqual(try control.syncJobCounts(queue: queue)[.dead], 2)
        try lock.release(runID: "20261126-0300-a1")

        let retry = try OmniflowProcess.run(["queues", "retry", queue, "--all-dead", "--config", config], secret: secret)
        XCTAssertEqual(retry.status, 0, retry.stderr)
        XCTAssertTrue(retry.stdout.contains("Retried 2 jobs of \(queue): OC-1001, OC-1002"), retry.stdout)
        XCTAssertEqual(try control.syncJobCounts(queue: queue), [.pending: 3, .running: 0, .done: 0, .dead: 0])
        let due = try control.claimDueJobs(queue: queue, kind: .inboundOrder)      // OC-1003 was due first; the retried ones are due now
        XCTAssertEqual(due.map(\.objectKey), ["OC-1003", "OC-1001", "OC-1002"])
        XCTAssertEqual(due.map(\.attempts), [1, 2, 2], "attempts kept, one more for this claim")
        XCTAssertNil(try lock.holder(), "retry gives the lock back")

        let unknown = try OmniflowProcess.run(["queues", "show", "no_such_queue", "--config", config], secret: secret)
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains(queue), unknown.stderr)
    }
}
