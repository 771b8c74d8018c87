import Foundation
import Omnium

/// A status change the sandbox applied (order or return), kept for read-back by tests and the demo.
public struct SandboxStatusChange: Sendable, Equatable, Codable {
    public var orderId: String
    public var returnId: String?
    public var previousStatus: String?
    public var status: String
    public var at: Date
}

/// An order line cancelled through `OrderLines/{lineItemId}/Cancel`, kept for read-back.
public struct SandboxLineCancel: Sendable, Equatable, Codable {
    public var orderId: String
    public var lineItemId: String
    public var canceledQuantity: Decimal
    public var at: Date
}

/// One accepted `ProcessGoodsReception` call.
public struct SandboxGoodsReception: Sendable, Equatable, Codable {
    /// Nil for the generic endpoint.
    public var deliveryId: String?
    public var lines: [OmniumGoodsReceptionLine]
    public var at: Date
}

/// A file uploaded with `AddFileToInvoice`.
public struct SandboxInvoiceFile: Sendable, Equatable {
    public var fileName: String
    public var bytes: Data
}

/// Key of a stock record: (`sku`, `warehouseCode`).
public struct SandboxInventoryKey: Hashable, Sendable {
    public var sku: String
    public var warehouseCode: String
    public init(sku: String, warehouseCode: String) { self.sku = sku; self.warehouseCode = warehouseCode }
}

/// Everything the sandbox holds, as one value guarded by `SandboxState`'s lock.
///
/// Products, their prices and their stock stay in the generator until written: `productOverrides`,
/// `priceOverrides` and `inventoryWritten` hold only what changed, so a large catalogue costs
/// memory only for its changes.
public struct SandboxStorage: Sendable {
    public let generator: SandboxDataGenerator
    public var markets: [OmniumMarket]
    public var orderTypes: SandboxOrderTypes
    public var stores: SandboxTable<OmniumStore>
    public var categories: [SandboxCategory]
    public var purchaseOrders: SandboxTable<OmniumPurchaseOrder>
    public var deliveries: SandboxTable<OmniumDelivery>
    public var orders: SandboxOrderBook
    public var privateCustomers: SandboxTable<OmniumPrivateCustomer>
    public var businessCustomers: SandboxTable<OmniumBusinessCustomer>
    public var invoices = SandboxTable<OmniumInvoice>()
    public var invoiceFiles: [String: SandboxInvoiceFile] = [:]
    /// Product index → the product as changed (mutations, writes).
    public var productOverrides: [Int: OmniumProduct] = [:]
    /// Product index → its prices as changed.
    public var priceOverrides: [Int: [OmniumPrice]] = [:]
    /// Stock records written by `UpdateMany`, goods receptions or mutations.
    public private(set) var inventoryWritten = SandboxInventoryTable()
    /// Written keys that the generator does not have, in the order they were created.
    public var inventoryAddedKeys: [SandboxInventoryKey] = []
    public var processedGoodsReceptionIds: Set<String> = []
    public var goodsReceptions: [SandboxGoodsReception] = []
    public var statusChanges: [SandboxStatusChange] = []
    public var lineCancels: [SandboxLineCancel] = []
    /// Ids of private and business customers written through the API, first write first.
    public var writtenCustomerIds = SandboxTable<String>()
    /// Every webhook event emitted, in order.
    public var events: [OmniumEvent] = []
    /// Counter for generated order numbers, RMA numbers and ids.
    public var sequence = 0

    init(generator: SandboxDataGenerator) {
        self.generator = generator
        markets = generator.markets()
        orderTypes = generator.orderTypes
        stores = SandboxTable(generator.stores(), key: \.id)
        categories = generator.categories()
        let (purchaseOrders, deliveries) = generator.purchaseOrdersAndDeliveries()
        self.purchaseOrders = SandboxTable(purchaseOrders) { $0.id ?? "" }
        self.deliveries = SandboxTable(deliveries) { $0.id ?? "" }
        orders = SandboxOrderBook(generator: generator)
        privateCustomers = SandboxTable(generator.privateCustomers(), key: \.customerId)
        businessCustomers = SandboxTable(generator.businessCustomers(), key: \.customerId)
    }

    // MARK: - Catalogue access

    public var productCount: Int { generator.productCount }

    public func product(at index: Int) -> OmniumProduct {
        productOverrides[index] ?? generator.product(at: index)
    }

    public func prices(forProductAt index: Int) -> [OmniumPrice] {
        priceOverrides[index] ?? generator.prices(forProductAt: index)
    }

    /// `modified` of product `index` without building it when untouched.
    public func productModified(at index: Int) -> Date {
        productOverrides[index]?.modified ?? generator.baseModified(ofProductAt: index)
    }

    /// Stock of (`sku`, `warehouseCode`): written, else generated, else nil (= zero).
    public func inventoryItem(_ key: SandboxInventoryKey) -> OmniumInventoryItem? {
        if let written = inventoryWritten[key] { return written }
        guard let index = generator.productIndex(forId: key.sku) else { return nil }
        return generator.inventory(forProductAt: index).first { $0.sku == key.sku && $0.warehouseCode == key.warehouseCode }
    }

    /// Writes a stock record (the caller stamps `modified`).
    public mutating func setInventoryItem(_ item: OmniumInventoryItem) {
        let key = SandboxInventoryKey(sku: item.sku ?? "", warehouseCode: item.warehouseCode ?? "")
        if inventoryWritten[key] == nil {
            let generated = generator.productIndex(forId: key.sku).map { generator.inventory(forProductAt: $0) } ?? []
            if !generated.contains(where: { $0.sku == key.sku && $0.warehouseCode == key.warehouseCode }) {
                inventoryAddedKeys.append(key)
            }
        }
        inventoryWritten.set(item, for: key)
    }

    /// Writes a stock record whose current state the caller has just read: `isNew` when there was none (neither
    /// written nor generated), as ``inventoryItem(_:)`` answered. Saves `setInventoryItem`'s second lookup and
    /// the generator's, per item of a 1,000-item `UpdateMany`.
    public mutating func setInventoryItem(_ item: OmniumInventoryItem, key: SandboxInventoryKey, isNew: Bool) {
        if isNew { inventoryAddedKeys.append(key) }
        inventoryWritten.set(item, for: key)
    }

    // MARK: - Lookups used by validation

    /// The market with this id (case-insensitive).
    public func market(_ id: String) -> OmniumMarket? {
        markets.first { $0.marketId?.caseInsensitiveCompare(id) == .orderedSame }
    }

    /// True when `code` names a store with `isWarehouse`.
    public func isWarehouse(_ code: String) -> Bool { stores[code]?.isWarehouse == true }

    /// A new number for generated ids.
    public mutating func nextSequence() -> Int {
        sequence += 1
        return sequence
    }
}
