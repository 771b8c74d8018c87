import Foundation

/// The connector settings the catalogue mapping reads, in the names Flow's and Omnium's
/// configuration use. The integrator fills it from `OmniflowConfiguration`; the mapping never
/// reads configuration itself, so tests state every rule's input.
///
/// Spec: flow-integration.md §3.2, §4, §5, §11.2 (connector settings).
public struct CatalogueMappingSettings: Sendable, Equatable {
    // MARK: - Products

    /// `DefaultVatCodeUid` (required): the VAT code of every product whose `taxCategory` is not
    /// in `vatCodeUidByTaxCategory`.
    public var defaultVatCodeUid: String
    /// Omnium `taxCategory` → Flow VAT code UID, for tenants selling at several VAT rates.
    public var vatCodeUidByTaxCategory: [String: String]
    /// `SyncCategoriesToFlow`: categories become Flow product groups. Off (default): every
    /// product goes to `defaultProductGroupUid`.
    public var syncCategoriesToFlow: Bool
    /// `ProductGroupRootId`: only categories strictly below this one become product groups.
    public var productGroupRootId: String?
    /// `DefaultProductGroupUid`: the group of products without a (usable) main category.
    public var defaultProductGroupUid: String
    /// Assortment codes that make a product non-purchasable (`allowPurchase = false`);
    /// compared case-insensitively.
    public var nonPurchasableAssortmentCodes: Set<String>
    /// The unit Omnium colli dimensions are given in (the sandbox uses centimetres).
    public var colliLengthUnit: Measure.LengthUnit
    /// `true` when selling prices reach Flow through the price lists (`FlowPriceScheduledTask`);
    /// the product's `recommendedRetailPrice` is then left empty ("Skipped if using price
    /// scheduled task"). `false`: it is the best valid price among the product's own prices.
    public var usesPriceScheduledTask: Bool

    // MARK: - Prices

    /// `MainPricesListUid` (required): the tenant's main selling price list in Flow.
    public var mainPricesListUid: String
    /// Display name of the main list.
    public var mainPricesListName: String
    /// The tenant currency (ISO 4217); prices in other currencies are quarantined.
    public var currency: String
    /// Omnium markets this Flow tenant sells in; prices of other markets are skipped.
    /// Empty = every market.
    public var marketIds: Set<String>
    /// Omnium market groups of this tenant (`UseMarketGroupFlowTenants`); empty = every group.
    public var marketGroupIds: Set<String>
    /// `StorePriceListsInFlow`: store-specific Omnium prices go to a price list per store.
    /// Off: store-specific prices are skipped (the main list is the only selling list).
    public var storePriceListsInFlow: Bool
    /// The Flow price list that receives cost prices (`FlowCostPriceScheduledTask`); `nil` =
    /// cost only reaches Flow as the product's `purchasePrice`.
    public var costPriceListUid: String?

    // MARK: - Inventory

    /// `FlowWebWarehouse`: the Flow warehouse UID that receives the stock of Omnium web
    /// warehouses (`isWebWarehouse`). `nil`: web warehouses follow the ordinary warehouse rule.
    public var flowWebWarehouse: String?

    public init(defaultVatCodeUid: String,
                defaultProductGroupUid: String,
                mainPricesListUid: String,
                currency: String = "NOK",
                vatCodeUidByTaxCategory: [String: String] = [:],
                syncCategoriesToFlow: Bool = false,
                productGroupRootId: String? = nil,
                nonPurchasableAssortmentCodes: Set<String> = [],
                colliLengthUnit: Measure.LengthUnit = .centimetre,
                usesPriceScheduledTask: Bool = true,
                mainPricesListName: String = "Main prices",
                marketIds: Set<String> = [],
                marketGroupIds: Set<String> = [],
                storePriceListsInFlow: Bool = false,
                costPriceListUid: String? = nil,
                flowWebWarehouse: String? = nil) {
        self.defaultVatCodeUid = defaultVatCodeUid
        self.defaultProductGroupUid = defaultProductGroupUid
        self.mainPricesListUid = mainPricesListUid
        self.currency = currency
        self.vatCodeUidByTaxCategory = vatCodeUidByTaxCategory
        self.syncCategoriesToFlow = syncCategoriesToFlow
        self.productGroupRootId = productGroupRootId
        self.nonPurchasableAssortmentCodes = nonPurchasableAssortmentCodes
        self.colliLengthUnit = colliLengthUnit
        self.usesPriceScheduledTask = usesPriceScheduledTask
        self.mainPricesListName = mainPricesListName
        self.marketIds = marketIds
        self.marketGroupIds = marketGroupIds
        self.storePriceListsInFlow = storePriceListsInFlow
        self.costPriceListUid = costPriceListUid
        self.flowWebWarehouse = flowWebWarehouse
    }
}
