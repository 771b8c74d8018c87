import Foundation

// MARK: - Transport boundary

/// One HTTP exchange as the Omnium client sees it, below retries, tokens and limits.
///
/// The client talks to the network only through this protocol so that unit tests can script
/// responses (status, headers, malformed bodies, dropped connections) without a server, and so
/// that the production path (`URLSessionTransport`) stays a few lines long.
/// - Throws: implementations throw `URLError` for timeouts and connection failures; the client
///   classifies those as `.timeout` / `.connection` and retries them.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse
    /// Starts `request` and calls `completion` once, on any thread, with what `send` would return or throw.
    /// The client's limiter uses it to start a waiting call on the thread that delivered the previous answer,
    /// without waking a task first. The default runs `send` in a task.
    func start(_ request: HTTPTransportRequest,
               completion: @escaping @Sendable (Result<HTTPTransportResponse, any Error>) -> Void) -> any HTTPTransportCall
}

/// A call started by ``HTTPTransport/start(_:completion:)``; `cancel` ends it with a cancellation error (or
/// does nothing once it has completed).
public protocol HTTPTransportCall: Sendable {
    func cancel()
}

extension HTTPTransport {
    public func start(_ request: HTTPTransportRequest,
                      completion: @escaping @Sendable (Result<HTTPTransportResponse, any Error>) -> Void) -> any HTTPTransportCall {
        TaskTransportCall(task: Task {
            do {
                completion(.success(try await send(request)))
            } catch {
                completion(.failure(error))
            }
        })
    }
}

/// ``HTTPTransport/start(_:completion:)``'s default: `send` in a task, cancelled with it.
struct TaskTransportCall: HTTPTransportCall {
    let task: Task<Void, Never>
    func cancel() { task.cancel() }
}

/// A fully built request: absolute URL, headers and body. Carries the bearer token and, for the
/// token call, the client secret in its query — never log or print it; `OmniumError` redacts it.
public struct HTTPTransportRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// Seconds before the transport gives up with `URLError(.timedOut)`.
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 60) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What came back: status, headers (looked up case-insensitively) and the raw body.
public struct HTTPTransportResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Header value by case-insensitive name (HTTP header names are case-insensitive).
    public func header(_ name: String) -> String? {
        if let exact = headers[name] { return exact }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }
}
