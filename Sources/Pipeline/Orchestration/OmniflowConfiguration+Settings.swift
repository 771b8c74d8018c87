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
