import Foundation
import Omnium

/// The sandbox tenant's data: what the generator made plus everything written through the API,
/// kept so tests and the demo can read it back.
///
/// One lock guards one `SandboxStorage` value; handlers run on connection threads, so every read
/// and write goes through `read` / `write`. Writes get one server time stamp (`now`), normalised so
/// it prints and parses back to the same instant and strictly increasing, so `modified` orders
/// writes. An upsert that changes nothing keeps the stored `modified`.
///
/// Spec: omnium-contract.md §1, §3 (delta: "`modified` = server time on every effective write").
public final class SandboxState: @unchecked Sendable {
    public let generator: SandboxDataGenerator
    private let lock = NSLock()
    private var storage: SandboxStorage
    private let clock: @Sendable () -> Date
    private var lastStamp = Date.distantPast
    private var eventHandler: (@Sendable ([OmniumEvent]) -> Void)?

    /// Answer bytes of the generated catalogue records, made once (see ``SandboxRecordCache``).
    public let recordCache: SandboxRecordCache

    /// - Parameter clock: server time; tests pass a fixed or stepping clock.
    /// - Parameter recordCacheBytes: the byte budget of `recordCache` (0 = keep nothing).
    public init(generator: SandboxDataGenerator, clock: @escaping @Sendable () -> Date = { Date() },
                recordCacheBytes: Int = SandboxRecordCache.defaultBudget) {
        self.generator = generator
        self.storage = SandboxStorage(generator: generator)
        self.clock = clock
        self.recordCache = SandboxRecordCache(productCount: generator.productCount, budget: recordCacheBytes)
    }

    public convenience init(options: SandboxDataOptions, clock: @escaping @Sendable () -> Date = { Date() },
                            recordCacheBytes: Int = SandboxRecordCache.defaultBudget) {
        self.init(generator: SandboxDataGenerator(options: options), clock: clock, recordCacheBytes: recordCacheBytes)
    }

    // MARK: - Access

    /// Runs `body` on the current data under the lock.
    public func read<T>(_ body: (SandboxStorage) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(storage)
    }

    /// Runs `body` with the data and one server time stamp, under the lock. `body` validates
    /// everything before it changes anything (no copy is taken for rollback: with large tables a
    /// copy per write would cost more than the write), so a refused request applies nothing.
    public func write<T>(_ body: (inout SandboxStorage, Date) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&storage, nextStamp())
    }

    /// Server time as `modified` would get it now (without consuming a stamp).
    public func now() -> Date { OmniumDateFormat.normalized(clock()) }

    private func nextStamp() -> Date {
        var stamp = OmniumDateFormat.normalized(clock())
        if stamp <= lastStamp { stamp = OmniumDateFormat.normalized(lastStamp.addingTimeInterval(0.000_001)) }
        if stamp <= lastStamp { stamp = OmniumDateFormat.normalized(lastStamp.addingTimeInterval(0.000_01)) }
        lastStamp = stamp
        return stamp
    }

    // MARK: - Events

    /// Sets who receives the webhook events writes emit (e.g. a `WebhookDispatcher`); called
    /// after the write's lock is released. Events are recorded in the storage either way.
    public func onEvents(_ handler: @escaping @Sendable ([OmniumEvent]) -> Void) {
        lock.lock()
        eventHandler = handler
        lock.unlock()
    }

    /// Hands events to the handler, outside the lock.
    func publish(_ events: [OmniumEvent]) {
        guard !events.isEmpty else { return }
        lock.lock()
        let handler = eventHandler
        lock.unlock()
        handler?(events)
    }

    // MARK: - Simple reads

    public var productCount: Int { generator.productCount }
    public func markets() -> [OmniumMarket] { read { $0.markets } }
    public var orderTypes: SandboxOrderTypes { read { $0.orderTypes } }
    public func stores() -> [OmniumStore] { read { $0.stores.all } }
    public func store(id: String) -> OmniumStore? { read { $0.stores[id] } }
    public func categories() -> [SandboxCategory] { read { $0.categories } }
    public func order(id: String) -> OmniumOrder? { read { $0.orders[id] } }
    public func purchaseOrder(id: String) -> OmniumPurchaseOrder? { read { $0.purchaseOrders[id] } }
    public func delivery(id: String) -> OmniumDelivery? { read { $0.deliveries[id] } }
    public func privateCustomer(id: String) -> OmniumPrivateCustomer? { read { $0.privateCustomers[id] } }
    public func businessCustomer(id: String) -> OmniumBusinessCustomer? { read { $0.businessCustomers[id] } }
    public func invoice(id: String) -> OmniumInvoice? { read { $0.invoices[id] } }
    public func invoiceFile(id: String) -> SandboxInvoiceFile? { read { $0.invoiceFiles[id] } }

    /// Lines of the purchase orders delivered by `deliveryId`; nil when the delivery is unknown.
    public func purchaseOrderLines(deliveryId: String) -> [OmniumPurchaseOrderLine]? {
        read { storage in
            guard storage.deliveries.contains(deliveryId) else { return nil }
            return storage.purchaseOrders.all.flatMap { po in
                (po.purchaseOrderForm?.lineItems ?? []).filter { ($0.deliveryId ?? po.deliveryId) == deliveryId }
            }
        }
    }

    /// Stock of one SKU, in the given warehouses (all when empty).
    public func inventory(sku: String, warehouseCodes: [String] = []) -> [OmniumInventoryItem] {
        read { storage in
            var items: [OmniumInventoryItem] = []
            var seen = Set<SandboxInventoryKey>()
            if let index = storage.generator.productIndex(forId: sku) {
                for item in storage.generator.inventory(forProductAt: index) where item.sku == sku {
                    let key = SandboxInventoryKey(sku: sku, warehouseCode: item.warehouseCode ?? "")
                    seen.insert(key)
                    items.append(storage.inventoryWritten[key] ?? item)
                }
            }
            for key in storage.inventoryAddedKeys where key.sku == sku && !seen.contains(key) {
                if let item = storage.inventoryWritten[key] { items.append(item) }
            }
            guard !warehouseCodes.isEmpty else { return items }
            return items.filter { item in warehouseCodes.contains { $0.caseInsensitiveCompare(item.warehouseCode ?? "") == .orderedSame } }
        }
    }

    // MARK: - Read-back of what was written

    public func events() -> [OmniumEvent] { read { $0.events } }
    public func statusChanges() -> [SandboxStatusChange] { read { $0.statusChanges } }
    public func goodsReceptions() -> [SandboxGoodsReception] { read { $0.goodsReceptions } }
    public func processedGoodsReceptionIds() -> Set<String> { read { $0.processedGoodsReceptionIds } }
}
