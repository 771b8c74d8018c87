import Foundation
import HTTPServer

/// Logs one line per request: method, path, status, caller, duration; secrets redacted.
///
/// Why redaction here: the token call carries `clientSecret` in its query and every other call a
/// bearer token; neither may reach a log (Hummingbird `LogRequestMiddleware`: headers off, redaction
/// list). Headers are never logged.
public struct RequestLogMiddleware: SandboxMiddleware {
    /// Query names whose values are replaced by `***`.
    public static let redactedQueryNames: Set<String> = ["clientsecret", "token", "accesstoken", "access_token", "password"]

    private let handler: SandboxLogHandler
    private let clock: any SandboxClock

    public init(handler: SandboxLogHandler, clock: any SandboxClock = SystemSandboxClock()) {
        self.handler = handler
        self.clock = clock
    }

    public func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse {
        let started = ContinuousClock.now
        var status = 500
        var outcome = "sent"
        defer {
            let elapsed = ContinuousClock.now - started
            var metadata = [
                "request.id": String(context.requestID),
                "http.method": request.method.rawValue,
                "http.target": Self.redactedTarget(request),
                "http.status": String(status),
                "duration.ms": String(Int(elapsed.timeInterval * 1000)),
                // The same in microseconds: a benchmark splits a call's time into the sandbox's and the rest.
                "duration.us": String(Int(elapsed.timeInterval * 1_000_000)),
            ]
            if outcome != "sent" { metadata["fault"] = outcome }
            handler.log(SandboxLogEntry(level: .info, message: "request", metadata: metadata))
        }
        let response = try next(request, context)
        status = response.status.code
        switch response.directive {
        case .send: break
        case .dropConnection: outcome = "dropped"
        case .truncateBody: outcome = "truncated"
        }
        return response
    }

    /// The target with secret query values replaced by `***`.
    public static func redactedTarget(_ request: HTTPRequest) -> String {
        guard !request.queryItems.isEmpty else { return request.path }
        let query = request.queryItems.map { item in
            let value = redactedQueryNames.contains(item.name.lowercased()) ? "***" : item.value
            return "\(item.name)=\(value)"
        }
        return request.path + "?" + query.joined(separator: "&")
    }
}
