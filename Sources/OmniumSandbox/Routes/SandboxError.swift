import Foundation
import HTTPServer

/// An error a sandbox handler or middleware answers with: a status and Omnium's bare-string body.
///
/// Why: Omnium's error body is a plain string (contract §1; Sandbox choice: a JSON string literal such
/// as `"Order was not found"`). Errors render themselves (Hummingbird `HTTPResponseError`), so
/// handlers just `throw SandboxError.notFound("Order was not found")`.
public struct SandboxError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    public var message: String
    /// Extra headers, e.g. `Retry-After` on 429.
    public var headers: HTTPHeaders

    public init(status: HTTPStatus, message: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    /// The response: `application/json` body holding `message` as a JSON string literal.
    public func response() -> HTTPResponse {
        var response = HTTPResponse.json(Data(Self.jsonStringLiteral(message).utf8), status: status)
        for field in headers { response.headers.replaceOrAdd(name: field.name, value: field.value) }
        return response
    }

    // MARK: - Common errors

    public static func badRequest(_ message: String) -> SandboxError { SandboxError(status: .badRequest, message: message) }
    public static func notFound(_ message: String) -> SandboxError { SandboxError(status: .notFound, message: message) }
    public static func conflict(_ message: String) -> SandboxError { SandboxError(status: .conflict, message: message) }
    public static func unauthorized(_ message: String = "Unauthorized") -> SandboxError {
        SandboxError(status: .unauthorized, message: message, headers: ["WWW-Authenticate": "Bearer"])
    }
    public static func forbidden(_ message: String = "Forbidden") -> SandboxError {
        SandboxError(status: .forbidden, message: message)
    }
    /// 429 with `Retry-After` (whole seconds, at least 1) and body `"Too many requests"` (contract §4).
    public static func tooManyRequests(retryAfterSeconds: Int) -> SandboxError {
        SandboxError(status: .tooManyRequests, message: "Too many requests",
                     headers: ["Retry-After": String(max(1, retryAfterSeconds))])
    }
    public static func internalError(_ message: String = "An error occurred while processing the request") -> SandboxError {
        SandboxError(status: .internalServerError, message: message)
    }

    // MARK: - JSON string literal

    /// `text` as a JSON string literal (RFC 8259 §7 escapes).
    static func jsonStringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
