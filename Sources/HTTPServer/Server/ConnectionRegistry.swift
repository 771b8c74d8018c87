import Foundation

/// The open connections of one server, so `stop()` can wake and wait for them.
///
/// Why a lock: connection threads register and leave while `stop()` walks the set; shutting a
/// socket down under the same lock that guards its close means a reused descriptor is never hit.
final class ConnectionRegistry: @unchecked Sendable {
    private let lock = NSCondition()
    private var sockets: Set<Socket> = []
    private var stopping = false

    /// Adds `socket` unless the server is full or stopping.
    func register(_ socket: Socket, limit: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping, sockets.count < limit else { return false }
        sockets.insert(socket)
        return true
    }

    /// Removes and closes `socket` (called by its connection thread when done).
    func close(_ socket: Socket) {
        lock.lock()
        defer { lock.unlock() }
        sockets.remove(socket)
        socket.close()
        lock.broadcast()
    }

    var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sockets.count
    }

    /// Marks the server stopping and shuts every connection down `how`.
    func beginStopping(shutdown how: Int32) {
        lock.lock()
        defer { lock.unlock() }
        stopping = true
        for socket in sockets { socket.shutdown(how) }
    }

    /// Waits until every connection has closed or `deadline` passed; true when all closed.
    func waitUntilEmpty(before deadline: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while !sockets.isEmpty {
            if !lock.wait(until: deadline) { return sockets.isEmpty }
        }
        return true
    }
}
