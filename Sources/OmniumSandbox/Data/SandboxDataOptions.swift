import Foundation

/// How much data the generator makes. Products are generated lazily by index, so the catalogue may
/// be large (100,000+); the other collections are held in memory.
public struct SandboxScale: Sendable, Equatable, Codable {
    /// Product documents; each has 1–4 sellable variants (SKUs).
    public var products: Int
    /// Primary (Flow) stores; the sandbox adds a web warehouse, a central warehouse and a webshop.
    public var stores: Int
    /// Inbound orders (`ClickAndCollect`, `Online`) plus a few seeded `Pos` orders.
    public var orders: Int
    public var purchaseOrders: Int
    public var privateCustomers: Int
    public var businessCustomers: Int

    public init(products: Int, stores: Int, orders: Int, purchaseOrders: Int,
                privateCustomers: Int, businessCustomers: Int) {
        self.products = products
        self.stores = stores
        self.orders = orders
        self.purchaseOrders = purchaseOrders
        self.privateCustomers = privateCustomers
        self.businessCustomers = businessCustomers
    }

    /// Unit tests: a handful of everything.
    public static let tiny = SandboxScale(products: 10, stores: 3, orders: 12, purchaseOrders: 5,
                                          privateCustomers: 10, businessCustomers: 3)
    /// The demo.
    public static let small = SandboxScale(products: 200, stores: 6, orders: 150, purchaseOrders: 30,
                                           privateCustomers: 100, businessCustomers: 15)
    public static let medium = SandboxScale(products: 10_000, stores: 25, orders: 5_000, purchaseOrders: 500,
                                            privateCustomers: 5_000, businessCustomers: 300)
    /// Benchmarks.
    public static let large = SandboxScale(products: 100_000, stores: 120, orders: 50_000, purchaseOrders: 5_000,
                                           privateCustomers: 50_000, businessCustomers: 2_000)

    /// `tiny`, `small`, `medium`, `large` by name.
    public static func named(_ name: String) -> SandboxScale? {
        switch name.lowercased() {
        case "tiny": return .tiny
        case "small": return .small
        case "medium": return .medium
        case "large": return .large
        default: return nil
        }
    }
}

/// Everything the generator's output depends on: the same options give the same data.
public struct SandboxDataOptions: Sendable, Equatable {
    public var seed: UInt64
    public var scale: SandboxScale
    /// "Generation time": every generated `created`/`modified` lies before it, price validity and
    /// order dates are placed around it.
    public var epoch: Date
    /// How many SKUs get an EAN-13 with a wrong check digit, to exercise quarantine.
    public var badEANCount: Int

    /// 2026-11-01T00:00:00Z, the default epoch (fixed, so that data never depends on the day).
    public static let defaultEpoch = Date(timeIntervalSince1970: 1_793_491_200)

    public init(seed: UInt64 = 1, scale: SandboxScale = .small, epoch: Date = SandboxDataOptions.defaultEpoch,
                badEANCount: Int = 0) {
        self.seed = seed
        self.scale = scale
        self.epoch = epoch
        self.badEANCount = badEANCount
    }
}
