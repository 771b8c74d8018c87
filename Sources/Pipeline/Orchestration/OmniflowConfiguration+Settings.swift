import FlowMapping
import Foundation

// MARK: - Mapping settings from the configuration
// Each mapping takes a small settings value rather than the whole configuration, so the rules stay
// testable without one; these adapters are the only place the two meet.

extension OmniflowConfiguration {
    public var storeMappingSettings: StoreMappingSettings {
        StoreMappingSettings(organizationUidFallback: organizationUID, mainPricesListUid: mainPricesListUID,
                             storePriceListsInFlow: storePriceListsInFlow,
                             purchaseNumberSeriesUid: purchaseNumberSeriesUID,
                             voucherNumberSeriesUid: voucherNumberSeriesUID)
    }
}

// MARK: - Catalogue

extension OmniflowConfiguration {
    /// The catalogue mapping's settings (products, prices, stock).
    /// - Throws: `ConfigError.missingRequired` naming `MainPricesListUid`, `DefaultVatCodeUid` or
    ///   `DefaultProductGroupUid` when unset: every product and price needs them, and a made-up default
    ///   would point Flow at a list or group that does not exist.
    public func catalogueMappingSettings() throws -> CatalogueMappingSettings {
        var missing: [String] = []
        if mainPricesListUID == nil { missing.append("MainPricesListUid") }
        if defaultVatCodeUID == nil { missing.append("DefaultVatCodeUid") }
        if defaultProductGroupUID == nil { missing.append("DefaultProductGroupUid") }
        guard let mainPricesListUID, let defaultVatCodeUID, let defaultProductGroupUID else {
            throw ConfigError(origin: sourceFile.map { .file($0) } ?? .configuration, problem: .missingRequired(missing))
        }
        return CatalogueMappingSettings(
            defaultVatCodeUid: defaultVatCodeUID, defaultProductGroupUid: defaultProductGroupUID,
            mainPricesListUid: mainPricesListUID, currency: tenantCurrency,
            syncCategoriesToFlow: syncCategoriesToFlow, productGroupRootId: productGroupRootID,
            nonPurchasableAssortmentCodes: Set(nonPurchasableAssortmentCodes),
            colliLengthUnit: Measure.LengthUnit(rawValue: colliDimensionUnit.rawValue) ?? .centimetre,
            marketIds: Set(marketIDs), storePriceListsInFlow: storePriceListsInFlow,
            flowWebWarehouse: flowWebWarehouse)
    }
}

// MARK: - Orders, purchase orders, customers

extension OmniflowConfiguration {
    /// `ExportDeliveryAsPo`; cancelled statuses stay Omnium's built-in ones.
    public var purchaseOrderMappingSettings: PurchaseOrderMappingSettings {
        PurchaseOrderMappingSettings(exportDeliveryAsPo: exportDeliveryAsPo)
    }

    /// The Click & Collect / Online handling tasks and the pickup-deadline working days.
    public var inboundOrderSettings: InboundOrderSettings {
        InboundOrderSettings(clickCollectOrderHandlingUid: clickCollectOrderHandlingUID,
                             onlineOrderHandlingUid: onlineOrderHandlingUID,
                             clickCollectExpiryDays: clickCollectExpiryDays)
    }

    /// `OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY`.
    public var customerMappingSettings: CustomerMappingSettings {
        CustomerMappingSettings(loyaltyIdPropertyKey: customerLoyaltyIDPropertyKey)
    }
}
