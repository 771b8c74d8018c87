import Foundation

// MARK: - Paging contracts

/// A POST search body whose paging fields the client sets (`take` ≤ 100, `page` 0-based).
/// The search request models conform in `Endpoints/`.
public protocol OmniumPageableSearch: Encodable, Sendable {
    mutating func setPaging(take: Int, page: Int)
}

/// The wire envelope of search, scroll, inventory and price results, read for paging only:
/// `{"totalHits", "result", "scrollId"}` (`facets` ignored; `null` and `[]` alike).
struct OmniumPageEnvelope<Item: Decodable>: Decodable {
    var totalHits: Int64?
    var result: [Item]?
    var scrollId: String?
}

/// A list that Omnium may send bare (`[T]`) or wrapped (`{"result": [T], ...}`); the docs are not
/// explicit for some GETs (delivery lines, inventory by SKU), so both are read.
struct OmniumList<Item: Decodable>: Decodable {
    var items: [Item]

    init(from decoder: any Decoder) throws {
        do {
            items = try [Item](from: decoder)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            items = try OmniumPageEnvelope<Item>(from: decoder).result ?? []
        }
    }
}

// MARK: - Streams

extension OmniumClient {
    /// Largest `take` Omnium accepts.
    public static let maxTake = 100
    /// Omnium refuses a POST search with `take * page` above this; beyond it, scroll.
    public static let maxPagingWindow = 10_000

    /// Pages of a `POST .../Search`, fetched one at a time as the caller iterates (never all
    /// first): page 0, 1, ... until a page is empty or short, or `totalHits` is reached.
    /// - Throws: from the stream: `OmniumError` (`.pagingLimitExceeded` rather than a silent
    ///   cut when the hits go past `take * page = 10000`).
    public func searchPages<Request: OmniumPageableSearch, Item: Decodable & Sendable>(
        _ path: String, request: Request, take: Int = OmniumClient.maxTake, of type: Item.Type = Item.self
    ) -> AsyncThrowingStream<[Item], Error> {
        let cursor = SearchPageCursor<Request, Item>(
            client: self, path: path, request: request, take: min(max(take, 1), Self.maxTake))
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }

    /// Pages of a scroll over `/api/{resource}/Scroll`: `POST` with `request` for the first
    /// batch, then `GET .../Scroll/{scrollId}` with the latest id, until a batch is empty.
    ///
    /// A continuation is never sent twice: the server moves its cursor when it answers, so an
    /// answer lost on the way (dropped connection, timeout, unreadable body, 5xx) may have consumed
    /// a batch. Such a failure, an expired scroll (404), and a scroll that ends short of its
    /// `totalHits` all restart the scroll from the beginning with the same query, at most
    /// `maxRestarts` times; batches already delivered come again, so consumers dedupe on
    /// (`id`, `modified`) as the delta rule asks (contract §3). With `maxRestarts: 0` the stream
    /// fails with `.scrollExpired` and the caller restarts from its own mark.
    public func scrollPages<Item: Decodable & Sendable>(
        resource: String, request: some Encodable & Sendable, maxRestarts: Int = 3, of type: Item.Type = Item.self
    ) -> AsyncThrowingStream<[Item], Error> {
        let base = "/api/\(resource)/Scroll"
        return scrollPages(start: { try OmniumRequest.json(.post, base, body: request) },
                           continuationPath: base, maxRestarts: maxRestarts, of: type)
    }

    /// Pages of a scroll whose first batch comes from `start` (e.g. `POST /api/Inventory/Search`,
    /// `POST /api/Prices/Search`, which return a `scrollId` themselves) and whose next batches
    /// come from `GET {continuationPath}/{scrollId}`. A first batch without `scrollId` is the
    /// whole result. Restart rules as in `scrollPages(resource:request:maxRestarts:of:)`.
    public func scrollPages<Item: Decodable & Sendable>(
        start: @escaping @Sendable () throws -> OmniumRequest, continuationPath: String, maxRestarts: Int = 3,
        of type: Item.Type = Item.self
    ) -> AsyncThrowingStream<[Item], Error> {
        let cursor = ScrollCursor<Item>(client: self, start: start, continuationPath: continuationPath,
                                        maxRestarts: max(0, maxRestarts))
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}

// MARK: - Search cursor

/// Walks `page` 0, 1, ... of one search.
actor SearchPageCursor<Request: OmniumPageableSearch, Item: Decodable & Sendable> {
    private let client: OmniumClient
    private let path: String
    private let request: Request
    private let take: Int
    private var page = 0
    private var delivered: Int64 = 0
    private var isFinished = false

    init(client: OmniumClient, path: String, request: Request, take: Int) {
        self.client = client
        self.path = path
        self.request = request
        self.take = take
    }

    func next() async throws -> [Item]? {
        guard !isFinished else { return nil }
        if take * page > OmniumClient.maxPagingWindow {
            isFinished = true
            throw OmniumError(kind: .pagingLimitExceeded, method: "POST", path: path,
                              detail: "page \(page) x take \(take) passes Omnium's 10000-hit window "
                                  + "after \(delivered) hits; use Scroll")
        }
        var body = request
        body.setPaging(take: take, page: page)
        let envelope = try await client.sendPage(try OmniumRequest.json(.post, path, body: body), of: Item.self)
        let items = envelope.result ?? []
        page += 1
        delivered += Int64(items.count)
        if items.count < take || envelope.totalHits.map({ delivered >= $0 }) == true {
            isFinished = true
        }
        return items.isEmpty ? nil : items
    }
}

// MARK: - Scroll cursor

/// Follows one scroll: start, then the latest `scrollId` until an empty batch; restarts on expiry
/// or a short count.
actor ScrollCursor<Item: Decodable & Sendable> {
    private enum State {
        case start
        case scrolling(String)
        case finished
    }

    private let client: OmniumClient
    private let start: @Sendable () throws -> OmniumRequest
    private let continuationPath: String
    private let maxRestarts: Int
    private var state = State.start
    private var restarts = 0
    private var totalHits: Int64?
    private var delivered: Int64 = 0

    init(client: OmniumClient, start: @escaping @Sendable () throws -> OmniumRequest, continuationPath: String,
         maxRestarts: Int) {
        self.client = client
        self.start = start
        self.continuationPath = continuationPath
        self.maxRestarts = maxRestarts
    }

    func next() async throws -> [Item]? {
        while true {
            switch state {
            case .finished:
                return nil
            case .start:
                let envelope = try await client.sendPage(try start(), of: Item.self)
                totalHits = envelope.totalHits
                delivered = 0
                if let items = accept(envelope) { return items }
            case .scrolling(let scrollId):
                var request = OmniumRequest.get("\(continuationPath)/\(OmniumRequest.segment(scrollId))")
                request.repeatability = .repeatableOnErrorAnswer
                let envelope: OmniumPageEnvelope<Item>
                do {
                    envelope = try await client.sendPage(request, of: Item.self)
                } catch let error as OmniumError where error.isNotFound {
                    try restart(error, reason: "scroll id expired or unknown")
                    continue
                } catch let error as OmniumError where Self.mayHaveConsumedABatch(error) {
                    try restart(error, reason: "batch lost (\(error.kind.rawValue))")
                    try await client.environment.sleep(client.configuration.retryPolicy.backoff(
                        afterAttempt: restarts, unitRandom: client.environment.random()))
                    continue
                }
                let items = envelope.result ?? []
                if items.isEmpty, let totalHits, delivered < totalHits {
                    let reason = "scroll ended after \(delivered) of \(totalHits) hits"
                    try restart(OmniumError(kind: .scrollExpired, method: "GET", path: request.redactedTarget,
                                            detail: reason), reason: reason)
                    continue
                }
                if let items = accept(envelope) { return items }
            }
        }
    }

    /// Failures after which the server may have moved the cursor past a batch nobody received.
    private static func mayHaveConsumedABatch(_ error: OmniumError) -> Bool {
        switch error.kind {
        case .connection, .timeout, .malformedResponse, .serverError: return true
        default: return false
        }
    }

    /// Takes a batch: returns its items (or nil after an empty one) and moves to the next state.
    private func accept(_ envelope: OmniumPageEnvelope<Item>) -> [Item]? {
        let items = envelope.result ?? []
        guard !items.isEmpty else {
            state = .finished
            return nil
        }
        delivered += Int64(items.count)
        if let scrollId = envelope.scrollId, !scrollId.isEmpty {
            state = .scrolling(scrollId)
        } else {
            state = .finished
        }
        return items
    }

    private func restart(_ error: OmniumError, reason: String) throws {
        guard restarts < maxRestarts else {
            state = .finished
            var expired = error
            expired.kind = .scrollExpired
            expired.detail = "\(reason); \(restarts) restart(s) allowed and used — restart from the last mark"
            throw expired
        }
        restarts += 1
        state = .start
        client.environment.observe(.scrollRestarted(path: continuationPath, reason: reason))
    }
}
