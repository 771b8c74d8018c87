import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves one accepted connection on its own thread: read, parse, respond, repeat while kept alive.
///
/// Why a thread per connection: requests are short and handlers synchronous; a blocking loop with
/// `poll` deadlines is the simplest code that enforces idle and read timeouts.
final class HTTPConnection: @unchecked Sendable {
    private let socket: Socket
    private let responder: any HTTPResponder
    private let configuration: HTTPServerConfiguration
    private let registry: ConnectionRegistry

    init(socket: Socket, responder: any HTTPResponder, configuration: HTTPServerConfiguration,
         registry: ConnectionRegistry) {
        self.socket = socket
        self.responder = responder
        self.configuration = configuration
        self.registry = registry
    }

    // MARK: - Loop

    /// Runs until the client leaves, a timeout passes, an error occurs or the server stops.
    func run() {
        defer { registry.close(socket) }
        var parser = HTTPRequestParser(limits: configuration.limits)
        var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
        var requestDeadline: ContinuousClock.Instant?
        var sentContinue = false
        // When the first bytes of the request being parsed were read (its `arrival`), and of the last read (for
        // the bytes of a next request that came with the end of this one).
        var arrival: ContinuousClock.Instant?
        var lastRead = ContinuousClock.now
        do {
            while true {
                let request: HTTPRequest?
                do {
                    request = try parser.nextRequest()
                } catch {
                    try answer(HTTPResponse.text(error.reason + "\n", status: error.status), closing: true)
                    return
                }
                if var request {
                    request.arrival = arrival ?? lastRead
                    arrival = parser.hasPartialRequest ? lastRead : nil
                    requestDeadline = nil
                    sentContinue = false
                    guard try serve(request) else { return }
                    continue
                }
                if parser.isAwaitingContinue, !sentContinue {
                    try socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                    sentContinue = true
                }
                let timeout: Duration
                if parser.hasPartialRequest {
                    let deadline = requestDeadline ?? ContinuousClock.now + configuration.readTimeout
                    requestDeadline = deadline
                    timeout = deadline - ContinuousClock.now
                } else {
                    guard !registry.isStopping else { return }
                    timeout = configuration.idleTimeout
                }
                guard try socket.pollReadable(timeoutMilliseconds: timeout.pollMilliseconds) else {
                    if parser.hasPartialRequest {
                        try answer(.text("request not received in time\n", status: .requestTimeout), closing: true)
                    }
                    return
                }
                let count = try readBuffer.withUnsafeMutableBytes { try socket.read(into: $0) }
                guard count > 0 else { return }
                lastRead = .now
                if arrival == nil { arrival = lastRead }
                readBuffer.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            }
        } catch {
            // The peer reset or the server is stopping: nothing left to tell the client.
        }
    }

    // MARK: - Responding

    /// Answers one request; false when the connection must close afterwards.
    private func serve(_ request: HTTPRequest) throws(SocketError) -> Bool {
        let response = responder.respond(to: request)
        switch response.directive {
        case .dropConnection:
            socket.shutdown(Int32(SHUT_RDWR))
            return false
        case .truncateBody(let bytes):
            try HTTPResponseWriter.write(response, to: socket, closing: true, omitBody: false, bodyBytes: bytes)
            return false
        case .send:
            let closing = !request.isKeepAlive || registry.isStopping
            try HTTPResponseWriter.write(response, to: socket, closing: closing, omitBody: request.method == .HEAD)
            return !closing
        }
    }

    private func answer(_ response: HTTPResponse, closing: Bool) throws(SocketError) {
        try HTTPResponseWriter.write(response, to: socket, closing: closing, omitBody: false)
    }
}
