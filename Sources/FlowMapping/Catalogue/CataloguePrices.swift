import FlowStore

/// What one batch of Omnium prices becomes on the Flow side.
public struct CataloguePrices: Sendable, Equatable {
    /// Every list the prices go to (main, per store, cost).
    public var priceLists: [FlowPriceList] = []
    /// Resolved periods, in force or future (see `PriceTimeline`).
    public var prices: [FlowPrice] = []
    /// Every (list, product) the batch decided, including those left with no period at all
    /// (all expired): the load replaces exactly these keys, so stale periods disappear.
    public var replacedKeys: [FlowPriceKey] = []
    public var issues: [MappingIssue] = []
    /// Prices deliberately not mapped, counted per reason (customer prices, other markets…),
    /// for the stage manifest.
    public var skipped: [String: Int] = [:]

    public init() {}
}
