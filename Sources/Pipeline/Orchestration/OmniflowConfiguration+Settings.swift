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
