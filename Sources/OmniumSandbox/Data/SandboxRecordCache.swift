import Foundation
import Omnium

/// One record of a catalogue answer: its bytes when made already (held by ``SandboxRecordCache`` or
/// just written), else the changed record itself, written when the page is (so a write error is the
/// request's error, not a crash in a scroll batch).
///
/// The record cases are `indirect`: a product is several hundred bytes inline, and batches of a
/// thousand answers are copied as they pass from the result set to the page.
enum SandboxRecordAnswer: Sendable {
    case bytes([UInt8])
    indirect case product(OmniumProduct)
    indirect case price(OmniumPrice)
    indirect case stock(OmniumInventoryItem)

    /// The record's JSON bytes.
    func json() throws -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .product(let product): return try SandboxRecordJSON.product(product)
        case .price(let price): return try SandboxRecordJSON.price(price)
        case .stock(let item): return try SandboxRecordJSON.inventoryItem(item)
        }
    }

    /// `.bytes` when the hand writer can write `product`, else the product itself.
    static func of(_ product: OmniumProduct) -> SandboxRecordAnswer {
        SandboxRecordJSON.handWritten(product, SandboxRecordJSON.productWriter).map { .bytes($0) } ?? .product(product)
    }

    static func of(_ price: OmniumPrice) -> SandboxRecordAnswer {
        SandboxRecordJSON.handWritten(price, SandboxRecordJSON.priceWriter).map { .bytes($0) } ?? .price(price)
    }

    static func of(_ item: OmniumInventoryItem) -> SandboxRecordAnswer {
        SandboxRecordJSON.handWritten(item, SandboxRecordJSON.inventoryWriter).map { .bytes($0) } ?? .stock(item)
    }
}

/// The answer bytes of the generator's own products, prices and stock records, made once and then
/// served from memory (issue 8: the sandbox regenerated and re-encoded every record on every read).
///
/// Why no invalidation: a generated record never changes — the generator is a pure function of its
/// options. Every mutation and write (`SandboxMutations`, `UpdateMany`, goods receptions, any product
/// or price change) lands in the storage's overrides (`productOverrides`, `priceOverrides`,
/// `inventoryWritten`), and the queries look there first: a record that has an override is written
/// from it on each read and never taken from here. So a change shows in the very next answer by
/// construction, whichever path made it.
///
/// Memory: the cache stops taking records once it holds `budget` bytes (it never evicts; what is not
/// kept is generated again when read, as before). A full catalogue is about 13 KB of JSON per product
/// with 20 stores (product 3.3 KB, ~5.7 prices, ~23 stock records).
public final class SandboxRecordCache: @unchecked Sendable {
    /// Default byte budget: a 10,000-product catalogue fits whole (~130 MB); 100,000 partly.
    public static let defaultBudget = 768 << 20

    public let budget: Int
    private let lock = NSLock()
    private var storedBytes = 0
    private var products: [[UInt8]?]
    private var prices: [[[UInt8]]?]
    private var stock: [[[UInt8]?]?]
    private var hitCount = 0

    init(productCount: Int, budget: Int) {
        self.budget = max(0, budget)
        products = Array(repeating: nil, count: productCount)
        prices = Array(repeating: nil, count: productCount)
        stock = Array(repeating: nil, count: productCount)
    }

    /// Bytes held and reads answered from memory so far (tests, the benchmark's report).
    public var statistics: (bytes: Int, hits: Int) { lock.withLock { (storedBytes, hitCount) } }

    /// True while the cache takes records (checked before making bytes only to keep them).
    var hasRoom: Bool { lock.withLock { storedBytes < budget } }

    // MARK: - Products

    /// The held bytes of generated product `index`.
    func product(_ index: Int) -> [UInt8]? {
        lock.withLock {
            guard let held = products[index] else { return nil }
            hitCount += 1
            return held
        }
    }

    func keepProduct(_ index: Int, _ bytes: [UInt8]) {
        let bytes = Self.exact(bytes)
        lock.withLock {
            guard products[index] == nil, storedBytes + bytes.count <= budget else { return }
            products[index] = bytes
            storedBytes += bytes.count
        }
    }

    // MARK: - Prices

    /// The held bytes of generated price `ordinal` of product `index`.
    func price(_ index: Int, ordinal: Int) -> [UInt8]? {
        lock.withLock {
            guard let list = prices[index], ordinal < list.count else { return nil }
            hitCount += 1
            return list[ordinal]
        }
    }

    /// Whether the generated prices of product `index` are held.
    func hasPrices(_ index: Int) -> Bool { lock.withLock { prices[index] != nil } }

    /// Keeps the bytes of all generated prices of product `index`, in the generator's order.
    func keepPrices(_ index: Int, _ list: [[UInt8]]) {
        let list = list.map(Self.exact)
        let size = list.reduce(0) { $0 + $1.count }
        lock.withLock {
            guard prices[index] == nil, storedBytes + size <= budget else { return }
            prices[index] = list
            storedBytes += size
        }
    }

    // MARK: - Stock

    /// The held bytes of generated stock record `ordinal` of product `index`.
    func stockItem(_ index: Int, ordinal: Int) -> [UInt8]? {
        lock.withLock {
            guard let list = stock[index], ordinal < list.count, let held = list[ordinal] else { return nil }
            hitCount += 1
            return held
        }
    }

    /// Whether generated stock record `ordinal` of product `index` is held (not counted as a hit).
    func holdsStockItem(_ index: Int, ordinal: Int) -> Bool {
        lock.withLock {
            guard let list = stock[index], ordinal < list.count else { return false }
            return list[ordinal] != nil
        }
    }

    /// Keeps generated stock record `ordinal` of product `index` (which has `count` records).
    func keepStockItem(_ index: Int, ordinal: Int, count: Int, _ bytes: [UInt8]) {
        let bytes = Self.exact(bytes)
        lock.withLock {
            guard storedBytes + bytes.count <= budget, ordinal < count else { return }
            if stock[index] == nil { stock[index] = Array(repeating: nil, count: count) }
            guard stock[index]?[ordinal] == nil else { return }
            stock[index]?[ordinal] = bytes
            storedBytes += bytes.count
        }
    }

    /// `bytes` in an array of its own size: a writer's buffer grows ahead, and a kept record would
    /// otherwise hold that slack for the life of the sandbox.
    private static func exact(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity > bytes.count + 16 else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }
}

extension SandboxState {
    /// Makes the answer bytes of every generated product, price and stock record that has no override,
    /// in catalogue order, until `recordCache`'s budget is full; returns the bytes held.
    ///
    /// For a benchmark that wants the sandbox to answer like a server with its documents stored: the
    /// cost moves to before the measured part (it is the same generation and writing a first read does).
    @discardableResult
    public func warmRecordCache() -> Int {
        let storage = read { $0 }
        let generator = storage.generator
        let cache = recordCache
        var scratch = SandboxJSONBytes(capacity: 8_192)
        for index in 0..<generator.productCount where cache.hasRoom {
            if storage.productOverrides[index] == nil, cache.product(index) == nil,
               let bytes = SandboxRecordJSON.handWritten(generator.product(at: index), SandboxRecordJSON.productWriter,
                                                           scratch: &scratch) {
                cache.keepProduct(index, bytes)
            }
            if storage.priceOverrides[index] == nil, !cache.hasPrices(index) {
                let bytes = generator.prices(forProductAt: index).map {
                    SandboxRecordJSON.handWritten($0, SandboxRecordJSON.priceWriter, scratch: &scratch)
                }
                if bytes.allSatisfy({ $0 != nil }) { cache.keepPrices(index, bytes.map { $0! }) }
            }
            let items = generator.inventory(forProductAt: index)
            for (ordinal, item) in items.enumerated() where !cache.holdsStockItem(index, ordinal: ordinal) {
                let key = SandboxInventoryKey(sku: item.sku ?? "", warehouseCode: item.warehouseCode ?? "")
                guard storage.inventoryWritten[key] == nil,
                      let bytes = SandboxRecordJSON.handWritten(item, SandboxRecordJSON.inventoryWriter, scratch: &scratch)
                else { continue }
                cache.keepStockItem(index, ordinal: ordinal, count: items.count, bytes)
            }
        }
        return cache.statistics.bytes
    }
}
