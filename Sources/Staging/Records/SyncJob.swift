import Foundation
import SQLite

// MARK: - SyncJob

/// One persistent job of a sync queue: push one object (an order, a goods reception, a receipt…)
/// to Omnium.
///
/// Why persistent jobs with at most one pending job per object: Flow queues work the same way
/// (`external_order_sync` dedupes per order); a crash loses nothing, and ten changes to one order
/// before the queue runs cost one push. Every push is safe to repeat (DESIGN.md "Sync queues").
public struct SyncJob: Sendable, Hashable, Codable {
    /// Where a job stands. `dead` jobs wait for a person (`omniflow queues …`).
    public enum State: String, Sendable, Codable, CaseIterable {
        case pending, running, done, dead
    }

    /// Queue names as Flow names them.
    public enum Queue {
        public static let externalOrderSync = "external_order_sync"
        public static let externalReceivementSync = "external_receivement_sync"
        public static let externalOrderReceiptSync = "external_order_receipt_sync"
        /// Flow-master stock levels to Omnium (Flow's naming pattern; the docs name only the three above).
        public static let externalStockSync = "external_stock_sync"
        /// Customers created or changed in Flow to Omnium.
        public static let externalCustomerSync = "external_customer_sync"
    }

    /// What a job asks a worker to do; a queue may carry several kinds, a worker claims one.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Fetch an Omnium order (named by delta search or a webhook event) into Flow.
        case inboundOrder = "inbound_order"
        /// Push a Flow POS order (sale, return, cancellation) to Omnium.
        case posOrderPush = "pos_order_push"
        /// Push a Flow goods reception to Omnium.
        case goodsReceptionPush = "goods_reception_push"
        /// Push a Flow-master store's stock level of one SKU to Omnium.
        case stockPush = "stock_push"
        /// Push a customer created or changed in Flow to Omnium.
        case customerPush = "customer_push"
        /// Send a Flow receipt to Omnium as an invoice with its PDF.
        case invoicePush = "invoice_push"

        /// The Flow queue a kind travels in.
        public var queue: String {
            switch self {
            case .inboundOrder, .posOrderPush: return Queue.externalOrderSync
            case .goodsReceptionPush: return Queue.externalReceivementSync
            case .stockPush: return Queue.externalStockSync
            case .customerPush: return Queue.externalCustomerSync
            case .invoicePush: return Queue.externalOrderReceiptSync
            }
        }
    }

    public var id: Int64
    public var queue: String
    public var kind: Kind
    /// The object the job is about (order id, reception id, …).
    public var objectKey: String
    public var state: State
    /// How many times the job was claimed.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    /// What the worker needs beyond the key (JSON), if anything.
    public var payload: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64, queue: String, kind: Kind = .inboundOrder, objectKey: String, state: State, attempts: Int,
                nextAttemptAt: Date, lastError: String? = nil, payload: String? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.queue = queue
        self.kind = kind
        self.objectKey = objectKey
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.payload = payload
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The columns ``init(row:sql:)`` reads, in its order.
    static let columns = "id, queue, kind, object_key, state, attempts, next_attempt_at, last_error, payload, created_at, updated_at"

    /// Reads a row of ``columns`` by position (a claim reads thousands at once).
    /// - Throws: ``StagingError/invalidValue`` naming the column.
    init(row: StatementRow, sql: String) throws {
        func text(_ index: Int32, _ column: String) throws -> String {
            guard let value = row.text(index) else { throw StagingError.invalidValue(column: column, value: "NULL", sql: sql) }
            return value
        }
        func date(_ index: Int32, _ column: String) throws -> Date {
            let value = try text(index, column)
            guard let date = SQLiteDate.parse(value) else { throw StagingError.invalidValue(column: column, value: value, sql: sql) }
            return date
        }
        func raw<T: RawRepresentable>(_ index: Int32, _ column: String) throws -> T where T.RawValue == String {
            let value = try text(index, column)
            guard let parsed = T(rawValue: value) else { throw StagingError.invalidValue(column: column, value: value, sql: sql) }
            return parsed
        }
        id = row.int64(0)
        queue = try text(1, "queue")
        kind = try raw(2, "kind")
        objectKey = try text(3, "object_key")
        state = try raw(4, "state")
        attempts = Int(row.int64(5))
        nextAttemptAt = try date(6, "next_attempt_at")
        lastError = row.text(7)
        payload = row.text(8)
        createdAt = try date(9, "created_at")
        updatedAt = try date(10, "updated_at")
    }

    /// Reads a `sync_jobs` row.
    /// - Throws: ``RowDecodingError`` naming the column, or ``StagingError/invalidValue``.
    public init(row: Row) throws {
        id = try row.decode("id")
        queue = try row.decode("queue")
        kind = try StagingError.decodeEnum(row, "kind")
        objectKey = try row.decode("object_key")
        state = try StagingError.decodeEnum(row, "state")
        attempts = try row.decode("attempts")
        nextAttemptAt = try row.decode("next_attempt_at")
        lastError = try row.decodeIfPresent("last_error")
        payload = try row.decodeIfPresent("payload")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

// MARK: - SyncRetryPolicy

/// When a failed job is tried again: exponential backoff from 1 minute, doubling, capped at
/// 2 hours, and never sooner than the server's `Retry-After` (DESIGN.md "Sync queues").
public enum SyncRetryPolicy {
    public static let initialDelay: TimeInterval = 60
    public static let maximumDelay: TimeInterval = 2 * 3600

    /// Largest share of the backoff added as jitter.
    public static let jitterShare = 0.1

    /// The wait after the `attempts`-th failed attempt (1 → 1 min, 2 → 2 min, 3 → 4 min, … 2 h), plus
    /// `jitter` (a fraction 0..<1) of up to 10 % of that backoff, never past the 2 h cap, and at least
    /// `retryAfter` (a 429's `Retry-After`). Jitter spreads jobs that failed together (a rate limit, an
    /// outage) so they do not all come back in the same second.
    public static func delay(afterAttempt attempts: Int, retryAfter: TimeInterval? = nil, jitter: Double = 0) -> TimeInterval {
        let exponent = min(max(attempts, 1) - 1, 30)   // 2^30 minutes is far past the cap
        let backoff = min(initialDelay * Double(1 << exponent), maximumDelay)
        let spread = backoff * jitterShare * min(max(jitter, 0), 1)
        return max(min(backoff + spread, maximumDelay), retryAfter ?? 0)
    }
}
