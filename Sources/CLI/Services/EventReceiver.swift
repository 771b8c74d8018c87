import Foundation
import HTTPServer
import Pipeline
import Staging

// MARK: - EventReceiver

/// `omniflow events serve`: the endpoint Omnium's event subscription (a `Webhook` connector) posts to.
///
/// Per request: `POST` only (405); the configured header must carry the shared secret, compared in
/// constant time (missing or wrong → 401, nothing read further); the body is one event (malformed → 400,
/// nothing stored); the event is committed to the control database's inbox (deduplicated on its id) before
/// the 200 goes out, so an acknowledged event survives a crash; no Omnium call is made while answering.
/// The server's limits bound the request line, headers and body (64 KiB: an event is metadata only).
/// Spec: omnium-contract.md §13; flow-integration.md §7.1.
struct EventReceiver: HTTPResponder {
    let control: ControlStore
    let headerName: String
    let secret: [UInt8]

    init(control: ControlStore, headerName: String, secret: String) {
        self.control = control
        self.headerName = headerName
        self.secret = Array(secret.utf8)
    }

    /// Limits for the receiver's server.
    static let limits = HTTPLimits(maxRequestLineLength: 2 * 1024, maxHeaderBytes: 16 * 1024, maxHeaderCount: 64,
                                   maxBodyBytes: 64 * 1024)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == .POST else { return .text("POST an Omnium event\n", status: .methodNotAllowed) }
        guard Self.constantTimeEquals(Array((request.headers[headerName] ?? "").utf8), secret) else {
            return .text("missing or wrong \(headerName)\n", status: .unauthorized)
        }
        do {
            let (event, isNew) = try OmniumEventIntake.receive(request.body, control: control, at: control.clock.now)
            let body = "{\"id\":\(Self.quoted(event.id)),\"stored\":\(isNew),\"duplicate\":\(!isNew)}"
            return .json(Data(body.utf8))
        } catch let error as OmniumEventIntake.Malformed {
            return .text("malformed event: \(error.reason)\n", status: .badRequest)
        } catch {
            // Not stored: Omnium retries (1 s, 5 s, 15 s) on a 5xx.
            return .text("the event could not be stored; try again\n", status: .serviceUnavailable)
        }
    }

    /// Compares without an early exit, so the time taken says nothing about how much of a guess was right.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        let count = max(lhs.count, rhs.count)
        for index in 0..<count {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && !rhs.isEmpty
    }

    static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
