import Foundation
import HTTPServer

/// Injects the configured `SandboxFaults`: latency, error statuses, broken or cut bodies, drops.
///
/// Why a middleware: handlers stay plain; one seeded draw per request decides the fault, so a
/// sequential test run sees the same faults every time. The latency is a deadline from the request's
/// arrival (``SandboxAnswerDelay``), waited out inside the rate limits. The `/_sandbox/` admin routes get no faults
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
        var context = context
        if faults.latency > .zero {
            // Waited out inside the rate limits by the handler step for an admitted call (so the latency counts
            // as in flight), else here on the way out: every answer leaves `latency` after the request arrived.
            let delay = SandboxAnswerDelay(latency: faults.latency, arrival: request.arrival, clock: clock)
            context.answerDelay = delay
            defer { delay.waitOut() }
            return try respond(to: request, context: context, fault: draw(), next: next)
        }
        return try respond(to: request, context: context, fault: draw(), next: next)
    }

    private func respond(to request: HTTPRequest, context: SandboxRequestContext, fault: Fault,
                         next: SandboxNext) throws -> HTTPResponse {
        switch fault {
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
