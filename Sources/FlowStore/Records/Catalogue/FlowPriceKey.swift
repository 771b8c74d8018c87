/// The key a product's periods in one price list are replaced by.
///
/// Spec: docs/mapping-catalogue.md "Price resolution" (replace by key).
public struct FlowPriceKey: Sendable, Hashable, Codable, Comparable {
    public var priceListUid: String
    public var productUid: String

    public init(priceListUid: String, productUid: String) {
        self.priceListUid = priceListUid
        self.productUid = productUid
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.priceListUid, lhs.productUid) < (rhs.priceListUid, rhs.productUid)
    }
}

extension FlowPriceList {
    /// The UID of a store's own price list (`StorePriceListsInFlow`): the store UID + `_prices`.
    /// One definition, used by the price mapping and by whoever links the list to the store.
    public static func storePriceListUid(storeUid: String) -> String {
        storeUid + "_prices"
    }
}
