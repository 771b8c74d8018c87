import Foundation
import Staging
import XCTest

final class RunLockTests: XCTestCase {
    private let host = RunLock.currentHost()

    /// The pid of a process that has exited and been reaped.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testFreeLockIsAcquiredAndReleased() throws {
        let lock = RunLock(store: try makeControlStore(self))
        XCTAssertEqual(try lock.acquire(runID: "r1", pid: getpid(), host: host, now: testEpoch), .acquired)
        XCTAssertEqual(try lock.holder()?.runID, "r1")
        XCTAssertTrue(try lock.release(runID: "r1"))
        XCTAssertNil(try lock.holder())
        XCTAssertFalse(try lock.release(runID: "r1"))
        XCTAssertEqual(try lock.acquire(runID: "r2", pid: getpid(), host: host, now: testEpoch), .acquired)
    }

    func testLiveHolderOnThisHostIsRefusedWhileItsHeartbeatIsFreshAndTakenOverWhenSilent() throws {
        let lock = RunLock(store: try makeControlStore(self))
        try lock.acquire(runID: "r1", pid: getpid(), host: host, now: testEpoch)
        // Hours later, still within the heartbeat age: a live local process keeps its lock.
        XCTAssertThrowsError(try lock.acquire(runID: "r2", pid: getpid(), host: host,
                                              now: testEpoch.addingTimeInterval(5 * 3_600))) { error in
            guard case .held(let holder)? = error as? RunLockError else { return XCTFail("\(error)") }
            XCTAssertEqual(holder.runID, "r1")
            XCTAssertEqual(holder.pid, getpid())
            XCTAssertTrue("\(error)".contains("r1"))
        }
        XCTAssertEqual(try lock.holder()?.runID, "r1")
        // Days later with no heartbeat: hung, or a reused pid; taken over rather than blocking every run.
        let silent = try XCTUnwrap(try lock.holder())
        XCTAssertEqual(try lock.acquire(runID: "r3", pid: getpid(), host: host, now: testEpoch.addingTimeInterval(3 * 86_400)),
                       .tookOver(from: silent))
    }

    func testDeadHolderOnThisHostIsTakenOver() throws {
        let lock = RunLock(store: try makeControlStore(self))
        let dead = try deadPID()
        XCTAssertFalse(RunLock.processIsAlive(dead))
        XCTAssertTrue(RunLock.processIsAlive(getpid()))
        try lock.acquire(runID: "crashed", pid: dead, host: host, now: testEpoch)
        let result = try lock.acquire(runID: "r2", pid: getpid(), host: host, now: testEpoch.addingTimeInterval(5))
        guard case .tookOver(let previous) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(previous.runID, "crashed")
        XCTAssertEqual(previous.pid, dead)
        XCTAssertEqual(try lock.holder()?.runID, "r2")
        XCTAssertEqual(try lock.holder()?.acquiredAt, testEpoch.addingTimeInterval(5))
    }

    func testHolderOnAnotherHostIsStaleOnlyAfterMaxHeartbeatAge() throws {
        let lock = RunLock(store: try makeControlStore(self), maxHeartbeatAge: 6 * 3600, isProcessAlive: { _ in true })
        try lock.acquire(runID: "remote", pid: 7, host: "other-host", now: testEpoch)
        try lock.heartbeat(runID: "remote", now: testEpoch.addingTimeInterval(3600))
        XCTAssertThrowsError(try lock.acquire(runID: "r2", pid: getpid(), host: host,
                                              now: testEpoch.addingTimeInterval(3600 + 6 * 3600))) {
            XCTAssertNotNil($0 as? RunLockError)
        }
        let result = try lock.acquire(runID: "r2", pid: getpid(), host: host,
                                      now: testEpoch.addingTimeInterval(3600 + 6 * 3600 + 1))
        XCTAssertEqual(result, .tookOver(from: RunLockHolder(runID: "remote", pid: 7, host: "other-host",
                                                             acquiredAt: testEpoch,
                                                             heartbeatAt: testEpoch.addingTimeInterval(3600))))
    }

    func testHeartbeatAndReleaseAfterATakeoverFail() throws {
        let lock = RunLock(store: try makeControlStore(self), isProcessAlive: { _ in false })
        try lock.acquire(runID: "old", pid: 1, host: host, now: testEpoch)
        try lock.acquire(runID: "new", pid: 2, host: host, now: testEpoch)
        XCTAssertThrowsError(try lock.heartbeat(runID: "old", now: testEpoch)) { error in
            guard case .notHeld("old", let holder)? = error as? RunLockError else { return XCTFail("\(error)") }
            XCTAssertEqual(holder?.runID, "new")
        }
        XCTAssertFalse(try lock.release(runID: "old"))
        XCTAssertEqual(try lock.holder()?.runID, "new")
    }

    func testTimesDefaultToTheStoresClock() throws {
        let clock = FixedClock(testEpoch)
        let lock = try makeControlStore(self, clock: clock).runLock()
        try lock.acquire(runID: "r1")
        clock.advance(by: 30)
        try lock.heartbeat(runID: "r1")
        let holder = try XCTUnwrap(lock.holder())
        XCTAssertEqual(holder.acquiredAt, testEpoch)
        XCTAssertEqual(holder.heartbeatAt, testEpoch.addingTimeInterval(30))
        XCTAssertEqual(holder.pid, getpid())
        XCTAssertEqual(holder.host, host)
    }

    func testTwoStoresOnOneDatabaseCannotBothWin() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        let first = RunLock(store: try ControlStore(root: root))
        let second = RunLock(store: try ControlStore(root: root))
        try first.acquire(runID: "a", pid: getpid(), host: host, now: testEpoch)
        XCTAssertThrowsError(try second.acquire(runID: "b", pid: getpid(), host: host, now: testEpoch))
    }
}
