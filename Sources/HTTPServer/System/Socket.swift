#if canImport(Glibc)
import Glibc
#endif

/// A TCP socket descriptor on 127.0.0.1 and the few operations the server needs.
///
/// Why: keeps `sockaddr` juggling and flags (`MSG_NOSIGNAL`, `SO_REUSEADDR`, `TCP_NODELAY`) out of
/// the connection logic; every call goes through `SystemCall`. A value type holding the descriptor:
/// whoever created it closes it exactly once.
struct Socket: Sendable, Hashable {
    let descriptor: Int32

    // MARK: - Creating

    /// Binds and listens on 127.0.0.1:`port` (0 = any free port); returns the socket and its port.
    static func listen(port: UInt16, backlog: Int32) throws(SocketError) -> (Socket, UInt16) {
        let socket = try makeTCP()
        do {
            var yes: Int32 = 1
            try SystemCall.run("setsockopt") {
                setsockopt(socket.descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            }
            var address = loopbackAddress(port: port)
            try SystemCall.run("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            try SystemCall.run("listen") { Glibc.listen(socket.descriptor, backlog) }
            return (socket, try socket.localPort())
        } catch {
            socket.close()
            throw error
        }
    }

    /// Connects to 127.0.0.1:`port` (used by tests and fault probes).
    static func connect(port: UInt16) throws(SocketError) -> Socket {
        let socket = try makeTCP()
        var address = loopbackAddress(port: port)
        do {
            try SystemCall.run("connect") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.connect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            try socket.setNoDelay()
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// Accepts one pending connection.
    func accept() throws(SocketError) -> Socket {
        let descriptor = try SystemCall.run("accept") { Glibc.accept(self.descriptor, nil, nil) }
        let socket = Socket(descriptor: descriptor)
        try? socket.setNoDelay()
        return socket
    }

    /// Creates a pipe used to wake a `poll` (the listener's stop signal).
    static func makePipe() throws(SocketError) -> (read: Socket, write: Socket) {
        var ends: [Int32] = [0, 0]
        try SystemCall.run("pipe") { pipe(&ends) }
        return (Socket(descriptor: ends[0]), Socket(descriptor: ends[1]))
    }

    // MARK: - I/O

    /// Waits until the socket is readable (data, EOF or error); false when `timeoutMilliseconds` passed.
    /// With `other`, also returns true when that descriptor becomes readable.
    func pollReadable(timeoutMilliseconds: Int32, alsoWatching other: Socket? = nil) throws(SocketError) -> Bool {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if let other { descriptors.append(pollfd(fd: other.descriptor, events: Int16(POLLIN), revents: 0)) }
        let count = descriptors.count
        let ready = try SystemCall.run("poll") { poll(&descriptors, nfds_t(count), timeoutMilliseconds) }
        return ready > 0
    }

    /// Reads up to `buffer.count` bytes; 0 means the peer closed its side.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> Int {
        try SystemCall.run("recv") { recv(descriptor, buffer.baseAddress, buffer.count, 0) }
    }

    /// Sends every byte (looping over short writes); never raises `SIGPIPE`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(SocketError) {
        var offset = 0
        while offset < bytes.count {
            let sent = try SystemCall.run("send") {
                send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            offset += sent
        }
    }

    /// Sends every byte of `bytes`.
    func write(_ bytes: [UInt8]) throws(SocketError) {
        do {
            try bytes.withUnsafeBytes { try write($0) }
        } catch let error as SocketError {
            throw error
        } catch {
            throw SocketError(call: "send", errno: EIO)
        }
    }

    /// Writes one byte to a pipe end (the listener's wake-up signal; `send` only works on sockets).
    func signalPipe() throws(SocketError) {
        var byte: UInt8 = 1
        try SystemCall.run("write") { Glibc.write(descriptor, &byte, 1) }
    }

    /// Sets how long a blocking `recv` may wait (client side of tests).
    func setReceiveTimeout(milliseconds: Int) throws(SocketError) {
        var value = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        try SystemCall.run("setsockopt") {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Sets how long a blocking `send` may wait, so a client that never reads cannot pin a thread.
    func setSendTimeout(milliseconds: Int) throws(SocketError) {
        var value = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        try SystemCall.run("setsockopt") {
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    // MARK: - Closing

    /// Shuts down reading (`SHUT_RD`), writing (`SHUT_WR`) or both; errors are ignored (peer may be gone).
    func shutdown(_ how: Int32) {
        _ = try? SystemCall.run("shutdown") { Glibc.shutdown(descriptor, how) }
    }

    /// Closes the descriptor (never retried: Linux frees it even on `EINTR`).
    func close() {
        _ = try? SystemCall.run("close", retryingInterrupts: false) { Glibc.close(descriptor) }
    }

    // MARK: - Helpers

    private static func makeTCP() throws(SocketError) -> Socket {
        let descriptor = try SystemCall.run("socket") {
            Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        return Socket(descriptor: descriptor)
    }

    private static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        return address
    }

    private func localPort() throws(SocketError) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try SystemCall.run("getsockname") {
            withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private func setNoDelay() throws(SocketError) {
        var yes: Int32 = 1
        try SystemCall.run("setsockopt") {
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
    }
}
