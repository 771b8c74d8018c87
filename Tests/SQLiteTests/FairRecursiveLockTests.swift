import Foundation
@testable import SQLite
import XCTest

/// A value threads of a test share, under its own lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}

final class FairRecursiveLockTests: XCTestCase {
    func testTheHolderMayTakeItAgain() {
        let lock = FairRecursiveLock()
        let value = lock.withLock { lock.withLock { lock.withLock { 42 } } }
        XCTAssertEqual(value, 42)
        let other = expectation(description: "another thread gets it after the holder let go of every level")
        Thread.detachNewThread { lock.withLock { other.fulfill() } }
        wait(for: [other], timeout: 10)
    }

    /// The holder letting go and taking the lock again at once does not pass a thread already waiting
    /// (a pthread mutex lets it, and a stage writing page after page kept another stage out).
    func testAWaitingThreadGoesBeforeTheHolderTakingItAgain() {
        let lock = FairRecursiveLock()
        let order = Shared<[String]>([])
        let waited = expectation(description: "the waiting thread had its turn")
        lock.lock()
        Thread.detachNewThread {
            lock.withLock { order.update { $0.append("waiting thread") } }
            waited.fulfill()
        }
        while lock.waiters < 1 { usleep(1_000) }
        lock.unlock()
        lock.withLock { order.update { $0.append("holder again") } }
        wait(for: [waited], timeout: 10)
        XCTAssertEqual(order.get(), ["waiting thread", "holder again"])
    }

    /// Waiters are served in the order they started waiting.
    func testWaitersGetItInTheOrderTheyAsked() {
        let lock = FairRecursiveLock()
        let order = Shared<[Int]>([])
        let done = expectation(description: "every waiter had its turn")
        done.expectedFulfillmentCount = 5
        lock.lock()
        for index in 0..<5 {
            Thread.detachNewThread {
                lock.withLock { order.update { $0.append(index) } }
                done.fulfill()
            }
            while lock.waiters < index + 1 { usleep(1_000) }   // it waits before the next one starts
        }
        lock.unlock()
        wait(for: [done], timeout: 10)
        XCTAssertEqual(order.get(), [0, 1, 2, 3, 4])
    }
}
