import Foundation
import HTTPServer
import Omnium

/// What `POST /_sandbox/mutations` changed, by id, so a caller can check an incremental run.
public struct SandboxMutationReport: Codable, Sendable, Equatable {
    public var fraction: Double
    /// 1 for the first call since start; each round picks different records.
    public var round: Int
    /// The `modified` every change got.
    public var stamp: Date
    /// Products (`productId`) whose document changed.
    public var productIds: [String]
    /// Products (`productId`) whose prices changed.
    public var priceProductIds: [String]
    /// Stock records changed.
    public var inventory: [SandboxMutationReport.StockKey]
    public var orderIds: [String]
    /// Webhook events emitted for the changed orders.
    public var eventCount: Int

    public init(fraction: Double, round: Int, stamp: Date, productIds: [String] = [], priceProductIds: [String] = [],
                inventory: [StockKey] = [], orderIds: [String] = [], eventCount: Int = 0) {
        self.fraction = fraction
        self.round = round
        self.stamp = stamp
        self.productIds = productIds
        self.priceProductIds = priceProductIds
        self.inventory = inventory
        self.orderIds = orderIds
        self.eventCount = eventCount
    }

    /// (`sku`, `warehouseCode`) of a changed stock record.
    public struct StockKey: Codable, Sendable, Equatable {
        public var sku: String
        public var warehouseCode: String

        public init(sku: String, warehouseCode: String) {
            self.sku = sku
            self.warehouseCode = warehouseCode
        }
    }
}

/// `POST /_sandbox/mutations?fraction=0.01`: applies `SandboxMutations` (products, prices, stock
/// and orders, each `round(count × fraction)`), delivers the order events like any write, and
/// answers `SandboxMutationReport`. `fraction` defaults to 0.01 and must lie in 0...1 (else 400).
struct SandboxMutationRoutes: SandboxRouteCollection {
    let services: SandboxServices
    private let rounds = RoundCounter()

    init(services: SandboxServices) { self.services = services }

    func register(in router: inout Router) {
        let state = services.state
        let rounds = rounds
        router.post(SandboxAdminRoutes.prefix + "/mutations", permission: SandboxAdminRoutes.permission) { request, _ in
            let fraction = try Self.fraction(request)
            let round = rounds.next()
            let result = SandboxMutations.apply(to: state, fraction: fraction, round: round)
            state.publish(result.events)
            let productIds = state.read { storage in
                (result.productIndices.map { storage.product(at: $0) }, result.priceProductIndices.map { storage.product(at: $0) })
            }
            return try .omnium(SandboxMutationReport(
                fraction: fraction, round: round, stamp: result.stamp,
                productIds: productIds.0.map { $0.productId ?? $0.id ?? "" },
                priceProductIds: productIds.1.map { $0.productId ?? $0.id ?? "" },
                inventory: result.inventoryKeys.map { SandboxMutationReport.StockKey(sku: $0.sku, warehouseCode: $0.warehouseCode) },
                orderIds: result.orderIds, eventCount: result.events.count))
        }
    }

    /// `fraction` from the query: a number in 0...1, default 0.01.
    static func fraction(_ request: HTTPRequest) throws -> Double {
        guard let text = request.query("fraction"), !text.isEmpty else { return 0.01 }
        guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
            throw SandboxError.badRequest("fraction must be a number between 0 and 1, got '\(text)'")
        }
        return value
    }

    /// Counts mutation rounds since start, so each call changes a fresh set of records.
    final class RoundCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
}
