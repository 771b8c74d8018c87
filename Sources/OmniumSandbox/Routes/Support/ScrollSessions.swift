import Foundation

/// Open scrolls: a snapshot of the matches, the position, and the last time each was used.
///
/// Why: contract §3 (Sandbox choice) — snapshot semantics, a constant `scrollId`, batches of 1,000,
/// expiry after 5 minutes without use, unknown/expired id → 404, the call after the last batch
/// answers `result: []` and ends the scroll, and a second scroll start by the same user while one
/// is starting → 429 ("no concurrent scroll starts"). Time comes from the injected clock.
public final class ScrollSessions: @unchecked Sendable {
    private struct Session {
        let resource: String
        let results: any Sendable
        let totalHits: Int
        let batchSize: Int
        var position: Int
        var lastUsed: Date
    }

    private let settings: SandboxScrollSettings
    private let clock: any SandboxClock
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    private var starting: Set<String> = []

    public init(settings: SandboxScrollSettings, clock: any SandboxClock) {
        self.settings = settings
        self.clock = clock
    }

    /// Open scrolls right now (tests, diagnostics); expired ones are dropped first.
    public var openCount: Int {
        lock.lock()
        defer { lock.unlock() }
        dropExpired(now: clock.now())
        return sessions.count
    }

    // MARK: - Starting

    /// Runs `query` (the snapshot) for `owner` and opens a scroll over its results; returns the first
    /// batch, the total and the `scrollId`.
    /// - Parameters:
    ///   - exclusive: a concurrent start by the same owner → 429 (`POST .../Scroll`); inventory and
    ///     price searches, which merely may hand out a scroll, pass false.
    ///   - alwaysOpens: false = no scroll (nil id) when the first batch holds every match.
    public func start<Element: Sendable>(
        resource: String, owner: String, batchSize: Int? = nil, exclusive: Bool = true, alwaysOpens: Bool = true,
        query: () throws -> SandboxResultSet<Element>
    ) throws -> (batch: [Element], totalHits: Int, scrollId: String?) {
        if exclusive { try beginStart(owner: owner) }
        defer { if exclusive { endStart(owner: owner) } }
        let results = try query()
        let size = max(1, batchSize ?? settings.batchSize)
        let batch = results.elements(in: 0..<size)
        if !alwaysOpens && results.count <= size { return (batch, results.count, nil) }
        let id = UUID().uuidString.lowercased()
        let now = clock.now()
        lock.lock()
        defer { lock.unlock() }
        dropExpired(now: now)
        sessions[id] = Session(resource: resource.lowercased(), results: results, totalHits: results.count,
                               batchSize: size, position: batch.count, lastUsed: now)
        return (batch, results.count, id)
    }

    /// The next batch of scroll `id` over `resource`; an empty batch ends the scroll.
    /// - Throws: `SandboxError` 404 for an unknown, finished or expired id.
    public func next<Element: Sendable>(
        id: String, resource: String, as type: Element.Type = Element.self
    ) throws(SandboxError) -> (batch: [Element], totalHits: Int) {
        let now = clock.now()
        lock.lock()
        defer { lock.unlock() }
        dropExpired(now: now)
        guard var session = sessions[id], session.resource == resource.lowercased(),
              let results = session.results as? SandboxResultSet<Element> else {
            throw .notFound("Scroll \(id) was not found or has expired")
        }
        let batch = results.elements(in: session.position..<(session.position + session.batchSize))
        if batch.isEmpty {
            sessions[id] = nil
        } else {
            session.position += batch.count
            session.lastUsed = now
            sessions[id] = session
        }
        return (batch, session.totalHits)
    }

    // MARK: - Helpers

    private func beginStart(owner: String) throws(SandboxError) {
        lock.lock()
        defer { lock.unlock() }
        guard starting.insert(owner).inserted else { throw .tooManyRequests(retryAfterSeconds: 1) }
    }

    private func endStart(owner: String) {
        lock.lock()
        defer { lock.unlock() }
        starting.remove(owner)
    }

    /// Caller holds the lock.
    private func dropExpired(now: Date) {
        let idle = settings.idleTimeout.timeInterval
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastUsed) < idle }
    }
}
