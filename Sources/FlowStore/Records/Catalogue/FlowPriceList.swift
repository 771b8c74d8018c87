/// A Flow price list: the tenant's main list (`MainPricesListUid`), a store's own list
/// (`StorePriceListsInFlow`), or the cost list.
///
/// Spec: flow-integration.md §4 (price list handling), §10 (store price lists).
public struct FlowPriceList: Sendable, Hashable, Codable, ContentHashable {
    public var priceListUid: String
    public var name: String
    /// ISO 4217 code (`NOK`).
    public var currency: String
    /// Set for a store's own list; `nil` for tenant-wide lists.
    public var storeUid: String?

    public init(priceListUid: String, name: String, currency: String, storeUid: String? = nil) {
        self.priceListUid = priceListUid
        self.name = name
        self.currency = currency
        self.storeUid = storeUid
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(name)
        hasher.combine(currency)
        hasher.combine(storeUid)
    }
}
