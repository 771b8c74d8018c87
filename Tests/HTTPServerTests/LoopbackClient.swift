import Foundation
import XCTest
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// A raw-socket test client: sends exact bytes, reads responses, notices when the server closes.
final class LoopbackClient {
    struct Response {
        var statusCode: Int
        var headers: HTTPHeaders
        var body: Data
    }

    let socket: Socket
    private var buffer: [UInt8] = []

    init(port: UInt16, receiveTimeoutMilliseconds: Int = 5000) throws {
        socket = try Socket.connect(port: port)
        try socket.setReceiveTimeout(milliseconds: receiveTimeoutMilliseconds)
    }

    deinit { socket.close() }

    func send(_ text: String) throws { try socket.write(Array(text.utf8)) }
    func send(_ bytes: [UInt8]) throws { try socket.write(bytes) }

    /// Reads one response (head + `Content-Length` body); nil if the server closed first.
    func readResponse() throws -> Response? {
        guard let headEnd = try fill(until: { buffer in Self.headEnd(in: buffer) }) else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers = HTTPHeaders()
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers.add(name: String(parts[0]), value: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let length = Int(headers["Content-Length"] ?? "0") ?? 0
        let bodyStart = headEnd + 4
        _ = try fill(until: { $0.count >= bodyStart + length ? 0 : nil })
        let bodyEnd = min(buffer.count, bodyStart + length)
        let body = Data(buffer[bodyStart..<bodyEnd])
        buffer.removeFirst(bodyEnd)
        return Response(statusCode: Int(statusLine[1]) ?? 0, headers: headers, body: body)
    }

    /// True when the server has closed the connection (reads EOF or reset; false on timeout with no data).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        let count = withUnsafeMutableBytes(of: &byte) { try? socket.read(into: $0) }
        guard let count else { return Glibc.errno == ECONNRESET }
        return count == 0
    }

    /// Everything until EOF (or timeout).
    func readToEnd() -> [UInt8] {
        _ = try? fill(until: { _ in nil })
        defer { buffer.removeAll() }
        return buffer
    }

    // MARK: - Helpers

    private func fill(until done: ([UInt8]) -> Int?) throws -> Int? {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if let result = done(buffer) { return result }
            let count = try chunk.withUnsafeMutableBytes { try socket.read(into: $0) }
            if count == 0 { return done(buffer) }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private static func headEnd(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
