import FlowMapping
import FlowStore
import Omnium
import XCTest

final class StoreMappingTests: XCTestCase {
    let settings = StoreMappingSettings(organizationUidFallback: "default_org", mainPricesListUid: "main",
                                        purchaseNumberSeriesUid: "po-series", voucherNumberSeriesUid: "voucher-series")

    func primary(_ id: String, org: String? = "987654321", warehouses: [OmniumStoreWarehouse] = []) -> OmniumStore {
        OmniumStore(id: id, name: "Bergen Storsenter", address: OmniumStoreAddress(
                        streetName: "Strømgaten", streetNumber: "8", zipcode: "5015", city: "Bergen", countryCode: "NO"),
                    phoneNumber: "+4755000000", email: "bergen@example.no", latitude: "60,3894", longitude: "5.3320",
                    availableOnMarkets: ["NOR", "SWE"], isWarehouse: true, isPrimaryStore: true, isInactive: false,
                    availableWarehouses: warehouses,
                    mondayOpeningHours: OmniumOpeningHours(isOpen: true, openFrom: OmniumTimeSpan("09:00:00"),
                                                           openTo: OmniumTimeSpan("20:00:00")),
                    sundayOpeningHours: OmniumOpeningHours(isOpen: false, openFrom: .zero, openTo: .zero),
                    organizationalNumber: org)
    }

    func testOnlyPrimaryStoresBecomeFlowStoresWithMappedFields() throws {
        let central = OmniumStore(id: "central-lager", name: "Sentrallager Ås", isWarehouse: true, isPrimaryStore: false)
        let result = StoreMapping.map([primary("bergen 1", warehouses: [OmniumStoreWarehouse(warehouseCode: "central-lager", priority: 1)]), central],
                                      settings: settings)
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(result.batch.stores.count, 1)
        let store = try XCTUnwrap(result.batch.stores.first)
        let bergen = try XCTUnwrap(FlowUID.sanitize("bergen 1"))
        XCTAssertEqual(store.storeUid, bergen)
        XCTAssertEqual(store.address, "Strømgaten 8")
        XCTAssertEqual(store.city, "Bergen")
        XCTAssertEqual(store.postalCode, "5015")
        XCTAssertEqual(store.countryCode, "NO")
        XCTAssertEqual(store.latitude, 60.3894)
        XCTAssertEqual(store.longitude, 5.3320)
        XCTAssertTrue(store.isActive)
        XCTAssertEqual(store.externalId, "NOR")
        XCTAssertEqual(store.vatNumber, "987654321")
        XCTAssertEqual(store.organizationUid, "987654321")
        XCTAssertEqual(store.salesPriceUid, "main")
        XCTAssertEqual(store.purchaseNumberSeriesUid, "po-series")
        XCTAssertEqual(store.defaultWarehouseUid, bergen)
        XCTAssertEqual(result.batch.warehouses.map(\.warehouseUid), [bergen, "central-lager"])
        XCTAssertEqual(result.batch.storeWarehouses.map(\.warehouseUid), [bergen, "central-lager"])
        XCTAssertEqual(result.batch.openingHours.map(\.weekday), [1, 7])
        XCTAssertEqual(result.batch.openingHours.first?.openFrom, "09:00")
        XCTAssertEqual(result.batch.openingHours.first?.openTo, "20:00")
        XCTAssertEqual(result.batch.openingHours.last?.isOpen, false)
    }

    func testOrganizationFallsBackToConfiguredUidAndStoreWithNeitherIsQuarantined() {
        let withFallback = StoreMapping.map([primary("oslo", org: nil)], settings: settings)
        XCTAssertEqual(withFallback.batch.stores.first?.organizationUid, "default_org")
        XCTAssertEqual(withFallback.batch.organizations.map(\.organizationUid), ["default_org"])

        let without = StoreMapping.map([primary("oslo", org: "  ")], settings: StoreMappingSettings())
        XCTAssertEqual(without.batch.stores, [])
        XCTAssertEqual(without.issues.map(\.recordKey), ["oslo"])
        XCTAssertTrue(without.issues[0].reason.contains("no organizationalNumber"), without.issues[0].reason)
        XCTAssertNotNil(without.issues[0].sourcePayload)
    }

    func testInactiveStoreAndUnparsableCoordinates() {
        var store = primary("tromso")
        store.isInactive = true
        store.latitude = "nord"
        let result = StoreMapping.map([store], settings: settings)
        XCTAssertEqual(result.batch.stores.first?.isActive, false)
        XCTAssertNil(result.batch.stores.first?.latitude)
        XCTAssertNil(result.batch.stores.first?.longitude)
        XCTAssertTrue(result.notes.contains { $0.contains("latitude 'nord'") })
    }

    func testUnlistedWarehouseStandsAloneAndWarehousePriorityOrderIsKept() {
        let store = primary("trondheim", warehouses: [OmniumStoreWarehouse(warehouseCode: "b", priority: 2),
                                                      OmniumStoreWarehouse(warehouseCode: "a", priority: 1)])
        let web = OmniumStore(id: "nettlager", isWarehouse: true, isWebWarehouse: true, isPrimaryStore: false)
        let result = StoreMapping.map([store, web], settings: settings)
        XCTAssertEqual(result.batch.storeWarehouses.map(\.warehouseUid), ["trondheim", "a", "b"])
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(result.batch.warehouses.first { $0.warehouseUid == "nettlager" }?.isWebWarehouse, true)
        XCTAssertFalse(result.batch.storeWarehouses.contains { $0.warehouseUid == "nettlager" })
    }

    func testStorePriceListsInFlowGivesEachStoreItsOwnList() {
        var perStore = settings
        perStore.storePriceListsInFlow = true
        XCTAssertEqual(StoreMapping.map([primary("molde")], settings: perStore).batch.stores.first?.salesPriceUid,
                       FlowPriceList.storePriceListUid(storeUid: "molde"))
    }
}
