import Foundation
import Omnium

/// The fields order searches filter and sort on, kept for every order so a search never builds
/// orders it does not return.
public struct SandboxOrderSummary: Sendable, Equatable {
    public var id: String
    public var orderNumber: String?
    public var orderType: String?
    public var status: String?
    public var storeId: String?
    public var marketId: String?
    public var customerId: String?
    public var created: Date?
    public var modified: Date?
    public var hasExternalIds: Bool

    init(_ order: OmniumOrder) {
        id = order.id ?? ""
        orderNumber = order.orderNumber
        orderType = order.orderType
        status = order.status
        storeId = order.storeId
        marketId = order.marketId
        customerId = order.customerId
        created = order.created
        modified = order.modified
        hasExternalIds = !(order.externalIds ?? []).isEmpty
    }
}

/// All orders: generated ones rebuilt by index from the generator on demand, plus those created or
/// changed through the API (or mutations), which replace them.
///
/// Why: a full order is several kilobytes; 50,000 generated orders held whole cost hundreds of
/// megabytes, their summaries a few. Reads look like a table: `book[id]`, `contains`, `ids`.
public struct SandboxOrderBook: Sendable {
    private let generator: SandboxDataGenerator
    private let generatedIds: [String]
    private let generatedSummaries: [SandboxOrderSummary]
    private var generatedIndex: [String: Int]
    /// Orders written through the API or changed by mutations (they win over generated ones).
    public private(set) var written = SandboxTable<OmniumOrder>()
    private var writtenSummaries: [String: SandboxOrderSummary] = [:]

    init(generator: SandboxDataGenerator) {
        self.generator = generator
        var ids: [String] = []
        var summaries: [SandboxOrderSummary] = []
        let count = generator.productCount > 0 ? generator.options.scale.orders : 0
        ids.reserveCapacity(count)
        summaries.reserveCapacity(count)
        for i in 0..<count {
            guard let order = generator.order(at: i) else { continue }
            ids.append(order.id ?? "")
            summaries.append(SandboxOrderSummary(order))
        }
        generatedIds = ids
        generatedSummaries = summaries
        generatedIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    // MARK: - Table access

    public var count: Int { ids.count }

    /// Generated ids in generation order, then ids of orders created through the API.
    public var ids: [String] { generatedIds + written.ids.filter { generatedIndex[$0] == nil } }

    public func contains(_ id: String) -> Bool { written.contains(id) || generatedIndex[id] != nil }

    /// True when the generator made order `id` (it may have been changed since).
    public func isGenerated(_ id: String) -> Bool { generatedIndex[id] != nil }

    public subscript(id: String) -> OmniumOrder? {
        get {
            if let order = written[id] { return order }
            return generatedIndex[id].flatMap { generator.order(at: $0) }
        }
        set {
            guard let newValue else { return }
            written[id] = newValue
            writtenSummaries[id] = SandboxOrderSummary(newValue)
        }
    }

    /// Every order's summary (current version), in `ids` order.
    public var summaries: [SandboxOrderSummary] {
        generatedSummaries.map { writtenSummaries[$0.id] ?? $0 }
            + written.ids.filter { generatedIndex[$0] == nil }.compactMap { writtenSummaries[$0] }
    }

    /// Every order, built (tests and small data).
    public var all: [OmniumOrder] { ids.compactMap { self[$0] } }
}
