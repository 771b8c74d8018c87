import Foundation
import HTTPServer

/// Turns thrown errors into responses: `SandboxError` renders itself, the data layer's
/// `SandboxQueryError`/`SandboxWriteError` keep their status, a bad JSON body is 400, anything
/// else is a generic 500 whose detail goes to the log only.
///
/// Why: handlers throw freely; clients see Omnium-shaped error strings, never internals
/// (Hummingbird `Application.swift` maps unknown errors to an empty 500).
public struct ErrorMiddleware: SandboxMiddleware {
    private let log: SandboxLogHandler?

    public init(log: SandboxLogHandler?) { self.log = log }

    public func respond(to request: HTTPRequest, context: SandboxRequestContext, next: SandboxNext) throws -> HTTPResponse {
        do {
            return try next(request, context)
        } catch let error as SandboxError {
            return error.response()
        } catch let error as SandboxQueryError {
            return SandboxError.badRequest(error.description).response()
        } catch let error as SandboxWriteError {
            return SandboxError(status: HTTPStatus(code: error.status), message: error.message).response()
        } catch let error as DecodingError {
            return SandboxError.badRequest("Invalid request body: \(Self.describe(error))").response()
        } catch {
            log?.log(SandboxLogEntry(level: .error, message: "handler failed", metadata: [
                "request.id": String(context.requestID), "http.path": request.path, "error": String(describing: error),
            ]))
            return SandboxError.internalError().response()
        }
    }

    /// A short, client-safe reading of a decoding error (field path and problem).
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return "malformed JSON at \(path(context))"
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) at \(path(context))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "missing value at \(path(context))"
        @unknown default: return "unreadable body"
        }
    }
}
