/// How an `HTTPServer` listens and how long it waits for clients.
///
/// Why: limits and timeouts are what keep a misbehaving client from holding threads or memory;
/// tests shorten them, the CLI keeps the defaults.
public struct HTTPServerConfiguration: Sendable {
    /// Port on 127.0.0.1; 0 picks any free port (the bound port is returned by `start()`).
    public var port: UInt16
    /// Most connections served at once; the next one gets 503 and is closed.
    public var maxConnections: Int
    /// `listen` backlog.
    public var backlog: Int32
    /// Parser limits (request line, headers, body).
    public var limits: HTTPLimits
    /// How long an idle keep-alive connection stays open without a new request. Long enough that
    /// pooled client connections (libcurl reuses them for up to 118 s) rarely meet a closed socket.
    public var idleTimeout: Duration
    /// How long one request may take to arrive once its first byte came (slow clients get 408);
    /// also the longest a response write may block on a client that does not read.
    public var readTimeout: Duration
    /// How long `stop()` waits for in-flight requests before cutting connections.
    public var stopGracePeriod: Duration

    public init(
        port: UInt16 = 0, maxConnections: Int = 256, backlog: Int32 = 128, limits: HTTPLimits = HTTPLimits(),
        idleTimeout: Duration = .seconds(60), readTimeout: Duration = .seconds(30),
        stopGracePeriod: Duration = .seconds(5)
    ) {
        self.port = port
        self.maxConnections = maxConnections
        self.backlog = backlog
        self.limits = limits
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
        self.stopGracePeriod = stopGracePeriod
    }
}

extension Duration {
    /// Whole milliseconds, at least 0, capped to `Int32` for `poll`.
    var pollMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
