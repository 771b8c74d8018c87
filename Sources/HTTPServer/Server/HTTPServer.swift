import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1: one thread per connection, keep-alive, limits, graceful stop.
///
/// Why not URLSession's or a library's server: omniflow takes no package dependencies, and the Omnium
/// sandbox needs only loopback HTTP/1.1 with `Content-Length` bodies. The core knows nothing about
/// routing (Hummingbird's `HummingbirdCore` split); it hands each request to one `HTTPResponder`.
///
/// ```swift
/// let server = HTTPServer(responder: ClosureResponder { _ in .text("hello") })
/// let port = try server.start()
/// defer { server.stop() }
/// ```
public final class HTTPServer: @unchecked Sendable {
    public let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let lock = NSLock()
    private var listener: Socket?
    private var wakeUp: (read: Socket, write: Socket)?
    private var acceptThreadDone: DispatchSemaphore?
    private var registry = ConnectionRegistry()
    private var boundPort: UInt16?

    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    deinit { stop() }

    /// The bound port while running.
    public var port: UInt16? {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    // MARK: - Lifecycle

    /// Binds 127.0.0.1 and starts accepting; returns the bound port.
    /// - Throws: `SocketError` (e.g. `bind` with `EADDRINUSE`).
    @discardableResult
    public func start() throws -> UInt16 {
        lock.lock()
        defer { lock.unlock() }
        if let boundPort { return boundPort }
        let (listener, port) = try Socket.listen(port: configuration.port, backlog: configuration.backlog)
        let wakeUp: (read: Socket, write: Socket)
        do {
            wakeUp = try Socket.makePipe()
        } catch {
            listener.close()
            throw error
        }
        let done = DispatchSemaphore(value: 0)
        let registry = ConnectionRegistry()
        self.listener = listener
        self.wakeUp = wakeUp
        self.acceptThreadDone = done
        self.registry = registry
        self.boundPort = port
        let loop = AcceptLoop(listener: listener, wakeUp: wakeUp.read, responder: responder,
                              configuration: configuration, registry: registry)
        let thread = Thread {
            loop.run()
            done.signal()
        }
        thread.name = "HTTPServer.accept:\(port)"
        thread.start()
        return port
    }

    /// Stops accepting, lets in-flight requests finish (up to `stopGracePeriod`), closes the rest.
    /// Idle keep-alive connections close at once. Safe to call twice.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard let listener, let wakeUp, let acceptThreadDone else { return }
        try? wakeUp.write.signalPipe()
        acceptThreadDone.wait()
        listener.close()
        wakeUp.read.close()
        wakeUp.write.close()
        registry.beginStopping(shutdown: Int32(SHUT_RD))
        let deadline = Date().addingTimeInterval(Self.seconds(configuration.stopGracePeriod))
        if !registry.waitUntilEmpty(before: deadline) {
            registry.beginStopping(shutdown: Int32(SHUT_RDWR))
            _ = registry.waitUntilEmpty(before: Date().addingTimeInterval(1))
        }
        self.listener = nil
        self.wakeUp = nil
        self.acceptThreadDone = nil
        self.boundPort = nil
    }

    /// Connections open right now (for tests and diagnostics).
    public var openConnectionCount: Int {
        lock.lock()
        let registry = registry
        lock.unlock()
        return registry.count
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

// MARK: - AcceptLoop

/// The listener thread: accepts until woken through the pipe, starts a thread per connection.
private struct AcceptLoop: Sendable {
    let listener: Socket
    let wakeUp: Socket
    let responder: any HTTPResponder
    let configuration: HTTPServerConfiguration
    let registry: ConnectionRegistry

    func run() {
        while true {
            guard (try? listener.pollReadable(timeoutMilliseconds: -1, alsoWatching: wakeUp)) != nil else {
                pauseAfterError()
                continue
            }
            if (try? wakeUp.pollReadable(timeoutMilliseconds: 0)) == true { return }
            let socket: Socket
            do {
                socket = try listener.accept()
            } catch {
                // EMFILE/ENFILE/ECONNABORTED: the listener stays readable, so pause instead of spinning.
                pauseAfterError()
                continue
            }
            try? socket.setSendTimeout(milliseconds: Int(configuration.readTimeout.pollMilliseconds))
            guard registry.register(socket, limit: configuration.maxConnections) else {
                refuse(socket)
                continue
            }
            let connection = HTTPConnection(socket: socket, responder: responder, configuration: configuration,
                                            registry: registry)
            let thread = Thread { connection.run() }
            thread.name = "HTTPServer.connection"
            thread.start()
        }
    }

    private func pauseAfterError() {
        _ = try? wakeUp.pollReadable(timeoutMilliseconds: 10)
    }

    /// Over the connection cap: a short 503 and close, so clients back off instead of hanging.
    private func refuse(_ socket: Socket) {
        var response = HTTPResponse.text("server busy\n", status: .serviceUnavailable)
        response.headers.add(name: "Retry-After", value: "1")
        try? HTTPResponseWriter.write(response, to: socket, closing: true, omitBody: false)
        socket.close()
    }
}
