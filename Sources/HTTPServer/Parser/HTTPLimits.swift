/// Size limits the parser enforces on every request.
///
/// Why: an unbounded request line, header block or body lets one client exhaust memory; each
/// limit has a status (414, 431, 413) so clients learn which one they hit.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line, without CRLF (over → 414).
    public var maxRequestLineLength: Int
    /// Largest header block, all field lines together (over → 431).
    public var maxHeaderBytes: Int
    /// Most header fields (over → 431).
    public var maxHeaderCount: Int
    /// Largest `Content-Length` accepted (over → 413).
    public var maxBodyBytes: Int

    public init(
        maxRequestLineLength: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024,
        maxHeaderCount: Int = 100, maxBodyBytes: Int = 32 * 1024 * 1024
    ) {
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
