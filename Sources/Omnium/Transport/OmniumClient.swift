import Foundation

// MARK: - Client

/// The typed Omnium REST client: one per API user, shared by all stages of a run.
///
/// It owns the access token (cached, renewed before expiry and once after a 401), the
/// client-side limiter (concurrency, batch concurrency, token bucket) and the retry loop
/// (429 with `Retry-After`, 5xx, 408, timeouts and connection errors, exponential backoff with
/// full jitter). Endpoints are extensions in `Endpoints/`, one file per resource; `send` is public
/// so a caller can reach an endpoint not wrapped yet.
/// - Throws: every method throws `OmniumError` (or `CancellationError` when its task is cancelled).
/// Spec: omnium-contract.md §1–§4.
public final class OmniumClient: Sendable {
    public let configuration: OmniumConfiguration
    let transport: any HTTPTransport
    let environment: OmniumClientEnvironment
    let limiter: OmniumRequestLimiter
    let tokens: OmniumTokenCache

    /// - Parameters:
    ///   - transport: the network; `URLSessionTransport()` in production, a script in tests.
    ///   - environment: sleep, clock and randomness; `.live` in production.
    public init(
        configuration: OmniumConfiguration,
        transport: any HTTPTransport = URLSessionTransport(),
        environment: OmniumClientEnvironment = .live
    ) {
        self.configuration = configuration
        self.transport = transport
        self.environment = environment
        limiter = OmniumRequestLimiter(settings: configuration.limits, environment: environment)
        let exchange = OmniumExchange(configuration: configuration, transport: transport, environment: environment,
                                limiter: nil, tokens: nil)
        tokens = OmniumTokenCache(margin: configuration.tokenRenewalMargin, now: environment.now) { reason in
            let token = try await exchange.fetchToken()
            environment.observe(.tokenFetched(reason: reason))
            return token
        }
    }

    // MARK: Sending

    /// Sends `request` and decodes the 2xx body as `Response`.
    public func send<Response: Decodable>(_ request: OmniumRequest, as type: Response.Type = Response.self)
        async throws -> Response {
        try await exchange.perform(request) { response in try Self.decode(Response.self, from: response.body) }
    }

    /// ``send(_:as:)`` that also returns the body it decoded.
    func sendKeepingBody<Response: Decodable>(_ request: OmniumRequest, as type: Response.Type)
        async throws -> (Response, Data) {
        try await exchange.perform(request) { response in (try Self.decode(Response.self, from: response.body), response.body) }
    }

    /// A 2xx body as `Response`; an unreadable one is a malformed answer (retried like one).
    static func decode<Response: Decodable>(_ type: Response.Type, from body: Data) throws -> Response {
        // A create's answer read for its id and status (each POS order): the fast reader, else JSONDecoder.
        if let created = Response.self as? OmniumCreatedOrder.Type, let value = created.init(wireJSON: body) {
            return value as! Response
        }
        do {
            return try OmniumWire.decode(Response.self, from: body)
        } catch {
            let problem = OmniumExchange.describe(decodingError: error)
            throw OmniumExchange.UnreadableBody(description: "\(Response.self) did not decode: \(problem)")
        }
    }

    /// Sends `request`; any 2xx is success and its body is ignored (Omnium's writes often answer
    /// with an empty body).
    public func send(_ request: OmniumRequest) async throws {
        try await exchange.perform(request) { _ in () }
    }

    /// Sends `request` and returns the raw 2xx response (files such as PDFs).
    public func sendForResponse(_ request: OmniumRequest) async throws -> HTTPTransportResponse {
        try await exchange.perform(request) { $0 }
    }

    /// Drops the cached token so the next call fetches a new one (e.g. after rotating credentials).
    public func forgetToken() async {
        await tokens.forget()
    }

    var exchange: OmniumExchange {
        OmniumExchange(configuration: configuration, transport: transport, environment: environment,
                 limiter: limiter, tokens: tokens)
    }
}

// MARK: - Create helpers

/// How a create ended when a 409 counts as success (contract §1: "409 on create -> read by id,
/// treat as done"): the call either created the object or found it already there.
public enum OmniumCreateOutcome<Value: Sendable>: Sendable {
    case created(Value)
    case alreadyExisted(Value)

    /// The stored object either way.
    public var value: Value {
        switch self {
        case .created(let value), .alreadyExisted(let value): return value
        }
    }

    public var wasCreated: Bool {
        if case .created = self { return true }
        return false
    }
}

extension OmniumClient {
    /// Runs `create`; on a 409 runs `readExisting` (read by id) and reports `.alreadyExisted`.
    /// Makes a repeated push after a crash between "sent" and "recorded" harmless.
    public func createTreatingConflictAsDone<Value: Sendable>(
        create: () async throws -> Value,
        readExisting: () async throws -> Value
    ) async throws -> OmniumCreateOutcome<Value> {
        do {
            return .created(try await create())
        } catch let error as OmniumError where error.isConflict {
            return .alreadyExisted(try await readExisting())
        }
    }
}
