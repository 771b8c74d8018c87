import Foundation
import HTTPServer

/// Injects the configured `SandboxFaults`: latency, error statuses, broken or cut bodies, drops.
///
/// Why a middleware: handlers stay plain; one seeded draw per request decides the fault, so a
/// sequential test run sees the same faults every time. The `/_sandbox/` admin routes get no faults
/// (and take no draw), so reading back a flaky run is reliable.
public final class FaultInjectionMiddleware: SandboxMiddleware, @unchecked Sendable {
    /// What one draw decided.
    enum Fault: Equatable {
        case none
        case status(Int)
        case malformedBody
        case truncatedBody
        case dropConnection
    }

    private let faults: SandboxFaults
    private let clock: any SandboxClock
    private let lock = NSLock()
    private var generator: SeededGenerator

    public init(faults: SandboxFaults, clock: any SandboxClock) {
        self.faults = faults
        self.clock = clock
        self.generator = SeededGenerator(seed: faults.seed)
    }

    public func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse {
        if !faults.includesTokenEndpoint, context.route?.permission == nil, context.route != nil {
            return try next(request, context)
        }
        if SandboxAdminRoutes.isAdmin(request) { return try next(request, context) }
        if faults.latency > .zero { clock.sleep(for: faults.latency) }
        switch draw() {
        case .none:
            return try next(request, context)
        case .status(let code):
            if code == 429 { throw SandboxError.tooManyRequests(retryAfterSeconds: 1) }
            throw SandboxError(status: HTTPStatus(code: code), message: "Injected fault \(code)")
        case .dropConnection:
            _ = try? next(request, context)
            return HTTPResponse(status: .ok, directive: .dropConnection)
        case .malformedBody:
            var response = try next(request, context)
            guard response.status.isSuccess else { return response }
            response.body = Data("{\"totalHits\": 1, \"result\": [{\"id\": ".utf8)
            response.headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=utf-8")
            return response
        case .truncatedBody:
            var response = try next(request, context)
            guard response.body.count > 1 else { return response }
            response.directive = .truncateBody(bytes: response.body.count / 2)
            return response
        }
    }

    /// One uniform draw mapped over the cumulative rates (drop, truncate, malformed, statuses by code).
    func draw() -> Fault {
        guard !faults.isEmpty else { return .none }
        lock.lock()
        let value = Double.random(in: 0..<1, using: &generator)
        lock.unlock()
        var threshold = 0.0
        let ordered: [(Double, Fault)] = [
            (faults.droppedConnectionRate, .dropConnection),
            (faults.truncatedBodyRate, .truncatedBody),
            (faults.malformedBodyRate, .malformedBody),
        ] + faults.errorRates.keys.sorted().map { (faults.errorRates[$0]!, .status($0)) }
        for (rate, fault) in ordered where rate > 0 {
            threshold += rate
            if value < threshold { return fault }
        }
        return .none
    }
}
