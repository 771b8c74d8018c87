import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import Omnium

/// The production transport must not hold requests back below what the client's limiter allows:
/// URLSession's default of 6 connections per host kept a 20-in-flight push at 6.
final class URLSessionTransportConcurrencyTests: XCTestCase {
    func testTwelveRequestsAreOnTheirOwnConnectionsAtOnce() async throws {
        let wanted = 12
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(fd, 64), 0)
        let port = UInt16(bigEndian: address.sin_port)

        // Accepts connections without answering until `wanted` are open at once (or nothing new arrives
        // for a while: the transport is holding requests back), then answers every one.
        let reachedAll = LockedFlag()
        let server = Thread {
            var clients: [Int32] = []
            while clients.count < wanted {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 5_000) > 0 else { break }
                let client = accept(fd, nil, nil)
                if client >= 0 { clients.append(client) }
            }
            reachedAll.set(clients.count == wanted)
            for client in clients {
                var buffer = [UInt8](repeating: 0, count: 4_096)
                _ = read(client, &buffer, buffer.count)
                let reply = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".utf8)
                _ = reply.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                close(client)
            }
            close(fd)
        }
        server.start()

        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/api/Orders/PosOrders"))
        let transport = URLSessionTransport()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<wanted {
                group.addTask { try await transport.send(HTTPTransportRequest(method: "GET", url: url, timeout: 30)).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(statuses, Array(repeating: 200, count: wanted))
        XCTAssertTrue(reachedAll.value, "all \(wanted) requests were in flight at once")
    }
}

private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set(_ value: Bool) { lock.withLock { flag = value } }
    var value: Bool { lock.withLock { flag } }
}
