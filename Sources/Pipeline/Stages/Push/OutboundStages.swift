import Staging

// MARK: - OutboundStages

/// The outbound stages by the queue they work, for `omniflow queues work [--queue Q]`.
///
/// Why a run of stages and not a loop of its own: draining a queue outside the nightly batch must be
/// recorded, resumable and under the run lock like any run, and the stages already are.
public enum OutboundStages {
    /// Queue → the push stage that works it.
    public static let pushByQueue: [String: String] = [
        SyncJob.Queue.externalOrderSync: "push.pos_orders",
        SyncJob.Queue.externalReceivementSync: "push.goods_receptions",
        SyncJob.Queue.externalStockSync: "push.stock",
        SyncJob.Queue.externalCustomerSync: "push.customers",
    ]

    /// The stage that turns the Flow store's changes into jobs; it runs first.
    public static let enqueueStage = "enqueue.pos_changes"

    /// The stages that drain `queue` (every outbound queue when nil), the enqueue stage first so changes
    /// made since the last run are in the queues.
    /// - Throws: `UnknownQueue` naming the queue and the ones there are.
    public static func stages(forQueue queue: String?) throws -> [String] {
        guard let queue else { return [enqueueStage] + pushByQueue.values.sorted() }
        guard let push = pushByQueue[queue] else { throw UnknownQueue(queue: queue) }
        return [enqueueStage, push]
    }

    /// `--queue` names no queue an outbound push works.
    public struct UnknownQueue: Error, Sendable, CustomStringConvertible {
        public var queue: String
        public var description: String {
            "no outbound push works the queue '\(queue)'; queues: " + OutboundStages.pushByQueue.keys.sorted().joined(separator: ", ")
        }
    }
}
