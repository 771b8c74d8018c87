import Foundation

// MARK: - FairRecursiveLock

/// A recursive lock that threads get in the order they asked for it (a ticket lock).
///
/// Why not `NSRecursiveLock`: a pthread mutex lets the thread that just released it take it again before
/// a waiting thread wakes up. Two stages of a run share the staging connection (``DatabaseQueue``), and a
/// stage that writes page after page could keep the other waiting for many of its turns. With tickets each
/// waiter gets its turn after the holder's current one. The cost is a condition variable's lock per
/// acquisition, nothing next to the SQLite work done under it.
final class FairRecursiveLock: @unchecked Sendable {
    private let condition = NSCondition()
    private var nextTicket: UInt64 = 0
    private var nowServing: UInt64 = 0
    private var owner: pthread_t?
    private var depth = 0

    /// Threads waiting for the lock now (for tests).
    var waiters: Int {
        condition.lock()
        defer { condition.unlock() }
        return Int(nextTicket - nowServing) - (owner == nil ? 0 : 1)
    }

    func lock() {
        let thread = pthread_self()
        condition.lock()
        defer { condition.unlock() }
        if let owner, pthread_equal(owner, thread) != 0 {
            depth += 1
            return
        }
        let ticket = nextTicket
        nextTicket += 1
        while ticket != nowServing { condition.wait() }
        owner = thread
        depth = 1
    }

    func unlock() {
        condition.lock()
        defer { condition.unlock() }
        precondition(depth > 0 && owner.map { pthread_equal($0, pthread_self()) != 0 } == true,
                     "unlocked by a thread that does not hold it")
        depth -= 1
        if depth == 0 {
            owner = nil
            nowServing += 1
            condition.broadcast()
        }
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
