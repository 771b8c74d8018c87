import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Production transport

/// `HTTPTransport` over `URLSession`, the production path to Omnium (or the sandbox on loopback).
///
/// Caching and cookies are switched off: every Omnium call must reach the server, and the bearer
/// token is the only state. Redirects are followed by URLSession as usual.
///
/// Connections per host: URLSession's default is 6, which silently held the client's 20 requests in
/// flight (Omnium's per-user limit, enforced by `OmniumRequestLimiter`) to 6: a 10,000-order POS push
/// ran at 6 × (1 / latency). The transport allows Omnium's tenant-wide concurrency (40, omnium-api.md §4)
/// and leaves the limiting to the limiter.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Omnium's tenant-wide concurrency limit: no client of one tenant can use more connections.
    public static let defaultMaximumConnectionsPerHost = 40

    /// - Parameters:
    ///   - session: defaults to an ephemeral session without cache or cookie storage.
    ///   - maximumConnectionsPerHost: for the default session.
    public init(session: URLSession? = nil, maximumConnectionsPerHost: Int = URLSessionTransport.defaultMaximumConnectionsPerHost) {
        if let session {
            self.session = session
        } else {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.httpCookieStorage = nil
            configuration.httpShouldSetCookies = false
            self.session = URLSession(configuration: configuration)
        }
    }

    public func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let (data, response) = try await session.data(for: Self.urlRequest(request))
        return try Self.response(data, response)
    }

    /// A data task with a completion handler: it runs on the session's delegate queue, where the client's
    /// limiter starts the next waiting call at once (no task woken in between; on Linux each hop through
    /// `URLSession`'s async wrapper and Swift's task pool is a thread wake-up on the call's path).
    public func start(_ request: HTTPTransportRequest,
                      completion: @escaping @Sendable (Result<HTTPTransportResponse, any Error>) -> Void) -> any HTTPTransportCall {
        let task = session.dataTask(with: Self.urlRequest(request)) { data, response, error in
            if let error {
                completion(.failure(error))
                return
            }
            completion(Result { try Self.response(data ?? Data(), response) })
        }
        task.resume()
        return URLSessionTransportCall(task: task)
    }

    private static func urlRequest(_ request: HTTPTransportRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body
        return urlRequest
    }

    private static func response(_ data: Data, _ response: URLResponse?) throws -> HTTPTransportResponse {
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String {
                headers[key] = value
            }
        }
        return HTTPTransportResponse(status: http.statusCode, headers: headers, body: data)
    }
}

/// A started `URLSessionDataTask` (`cancel` is safe from any thread).
private struct URLSessionTransportCall: HTTPTransportCall, @unchecked Sendable {
    let task: URLSessionDataTask
    func cancel() { task.cancel() }
}
