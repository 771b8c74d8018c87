import Foundation
import XCTest
@testable import Omnium

// MARK: - Scripted transport

/// A transport that answers from a script and records every request. Token calls are answered
/// by `tokenResponder` (default: `token-N`, ten days); other calls by `responder`.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    typealias Responder = @Sendable (HTTPTransportRequest, Int) async throws -> HTTPTransportResponse

    private let lock = NSLock()
    private var recorded: [HTTPTransportRequest] = []
    private var tokenCount = 0
    private var apiCount = 0
    private let responder: Responder
    private let tokenResponder: Responder

    /// - Parameter responder: gets the request and its 0-based index among non-token requests.
    init(tokenResponder: Responder? = nil, responder: @escaping Responder) {
        self.responder = responder
        self.tokenResponder = tokenResponder ?? { _, index in
            .json(#"{"accessToken":"token-\#(index + 1)","tokenType":"Bearer","expiresIn":864000}"#)
        }
    }

    /// Answers non-token requests with `steps` in order (the last one repeats).
    convenience init(tokenResponder: Responder? = nil, steps: [Step]) {
        self.init(tokenResponder: tokenResponder) { _, index in
            try steps[min(index, steps.count - 1)].make()
        }
    }

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let isToken = request.url.path.lowercased() == "/api/token"
        let index: Int = lock.withLock {
            recorded.append(request)
            if isToken {
                tokenCount += 1
                return tokenCount - 1
            }
            apiCount += 1
            return apiCount - 1
        }
        return try await (isToken ? tokenResponder : responder)(request, index)
    }

    var requests: [HTTPTransportRequest] { lock.withLock { recorded } }
    var tokenRequests: [HTTPTransportRequest] { requests.filter { $0.url.path.lowercased() == "/api/token" } }
    var apiRequests: [HTTPTransportRequest] { requests.filter { $0.url.path.lowercased() != "/api/token" } }
}

/// One scripted answer.
enum Step {
    case status(Int, String = "", headers: [String: String] = [:])
    case failure(URLError.Code)

    func make() throws -> HTTPTransportResponse {
        switch self {
        case .status(let status, let body, let headers):
            return HTTPTransportResponse(status: status, headers: headers, body: Data(body.utf8))
        case .failure(let code):
            throw URLError(code)
        }
    }
}

extension HTTPTransportResponse {
    static func json(_ text: String, status: Int = 200) -> HTTPTransportResponse {
        HTTPTransportResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }
}

extension HTTPTransportRequest {
    /// Query items as sent (decoded).
    var queryItems: [URLQueryItem] {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    }

    func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}

// MARK: - Test environment

/// Fake time: sleeps are recorded and move the clocks instead of waiting.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var sleeps: [Duration] = []
    private var wallClock = Date(timeIntervalSince1970: 1_800_000_000)
    private var elapsed = Duration.zero
    private var observed: [OmniumClientEvent] = []
    let unitRandom: Double

    init(unitRandom: Double = 0.5) {
        self.unitRandom = unitRandom
    }

    var recordedSleeps: [Duration] { lock.withLock { sleeps } }
    var events: [OmniumClientEvent] { lock.withLock { observed } }
    var now: Date { lock.withLock { wallClock } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock {
            wallClock += seconds
            elapsed += .seconds(seconds)
        }
    }

    var environment: OmniumClientEnvironment {
        OmniumClientEnvironment(
            sleep: { [self] duration in
                lock.withLock {
                    sleeps.append(duration)
                    wallClock += duration.seconds
                    elapsed += duration
                }
                await Task.yield()
            },
            now: { [self] in lock.withLock { wallClock } },
            uptime: { [self] in lock.withLock { elapsed } },
            random: { [unitRandom] in unitRandom },
            observe: { [self] event in lock.withLock { observed.append(event) } })
    }
}

// MARK: - Client factory

let testSecret = "s3cr3t+Key&more"

func makeClient(
    _ transport: ScriptedTransport, clock: TestClock = TestClock(),
    retry: OmniumRetryPolicy = OmniumRetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(8),
                                                 jitter: .none),
    limits: OmniumLimiterSettings = OmniumLimiterSettings()
) -> OmniumClient {
    let configuration = OmniumConfiguration(
        baseURL: URL(string: "http://127.0.0.1:8080")!, clientId: "flow-api", clientSecret: testSecret,
        requestTimeout: 5, retryPolicy: retry, limits: limits)
    return OmniumClient(configuration: configuration, transport: transport, environment: clock.environment)
}

/// A small stand-in model until the real ones are used.
struct TestItem: Codable, Sendable, Equatable {
    var id: String
}

/// Runs `body`, expecting an `OmniumError`.
func assertOmniumError<T>(
    _ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line
) async -> OmniumError? {
    do {
        _ = try await body()
        XCTFail("expected an OmniumError", file: file, line: line)
        return nil
    } catch let error as OmniumError {
        return error
    } catch {
        XCTFail("expected an OmniumError, got \(error)", file: file, line: line)
        return nil
    }
}
