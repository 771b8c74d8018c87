import Foundation
import Omnium

/// Stores and warehouses: primary stores (one Swedish, one inactive, some without organisation
/// number), a web warehouse, a standalone central warehouse and the webshop.
extension SandboxDataGenerator {
    public static let webWarehouseId = "nettlager"
    public static let centralWarehouseId = "sentrallager"
    public static let webshopId = "nettbutikk"

    /// Ids of the primary stores, in generation order.
    public func primaryStoreIds() -> [String] { primaryStoreIdList }

    /// Active Norwegian primary stores (Click & Collect pickup stores).
    public func pickupStoreIds() -> [String] { pickupStoreIdList }

    /// Every store, warehouse and webshop.
    public func stores() -> [OmniumStore] {
        let count = max(options.scale.stores, 1)
        var result = (0..<count).map(primaryStore)
        result.append(warehouse(id: Self.webWarehouseId, name: "Nettlager Gardermoen", isWeb: true))
        result.append(warehouse(id: Self.centralWarehouseId, name: "Sentrallager Berger", isWeb: false))
        var webshop = warehouse(id: Self.webshopId, name: "Nettbutikken", isWeb: false)
        webshop.isWarehouse = false
        webshop.isPrimaryWarehouse = false
        webshop.isPublicVisible = true
        webshop.availableWarehouses = [OmniumStoreWarehouse(warehouseCode: Self.webWarehouseId, priority: 1)]
        result.append(webshop)
        return result
    }

    /// Codes of every store that holds stock (`isWarehouse`).
    public func warehouseCodes() -> [String] {
        primaryStoreIds() + [Self.webWarehouseId, Self.centralWarehouseId]
    }

    // MARK: - Pieces

    func isSwedishStore(_ k: Int) -> Bool { options.scale.stores >= 4 && k == options.scale.stores - 1 }
    func isInactiveStore(_ k: Int) -> Bool { options.scale.stores >= 3 && k == options.scale.stores - 2 }

    func primarySite(_ k: Int) -> (String, String, String, String, String, String, String, String, Bool) {
        if isSwedishStore(k) {
            let s = SandboxNames.swedishSites[0]
            return (s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, true)
        }
        let sites = SandboxNames.storeSites
        let s = sites[k % sites.count]
        let round = k / sites.count
        let id = round == 0 ? s.0 : "\(s.0)-\(round + 1)"
        let name = round == 0 ? s.1 : "\(s.1) \(round + 1)"
        return (id, name, s.2, s.3, s.4, s.5, s.6, s.7, false)
    }

    private func organizationNumbers() -> [String] {
        var random = rng("organizations")
        var result: [String] = []
        while result.count < 3 {
            let body = "9" + String(format: "%07d", random.int(below: 10_000_000))
            if let number = SandboxCheckDigits.organizationNumber(body: body) { result.append(number) }
        }
        return result
    }

    private func primaryStore(_ k: Int) -> OmniumStore {
        var random = rng("store", k)
        let site = primarySite(k)
        let isSwedish = site.8
        var store = OmniumStore(id: site.0)
        store.name = site.1
        store.address = OmniumStoreAddress(name: site.1, streetName: site.2, streetNumber: site.3, zipcode: site.4,
                                           city: site.5, country: isSwedish ? "Sverige" : "Norge",
                                           countryCode: isSwedish ? "SE" : "NO",
                                           email: "\(site.0)@sportshuset.example")
        store.phoneNumber = isSwedish ? "+46 8 \(random.int(in: 100...999)) \(random.int(in: 10...99)) \(random.int(in: 10...99))"
                                      : "+47 \(random.int(in: 21...99)) \(random.int(in: 10...99)) \(random.int(in: 10...99)) \(random.int(in: 10...99))"
        store.email = store.address?.email
        store.latitude = site.6
        store.longitude = site.7
        store.availableOnMarkets = [isSwedish ? "SWE" : "NOR"]
        store.isWarehouse = true
        store.isWebWarehouse = false
        store.isPrimaryWarehouse = false
        store.isPrimaryStore = true
        store.isPublicVisible = true
        store.isInactive = isInactiveStore(k)
        var warehouses = [OmniumStoreWarehouse(warehouseCode: site.0, priority: 1)]
        if k % 3 == 0 { warehouses.append(OmniumStoreWarehouse(warehouseCode: Self.centralWarehouseId, priority: 2)) }
        store.availableWarehouses = warehouses
        let weekday = k % 2 == 0 ? hours(10, 21) : hours(9, 20)
        store.mondayOpeningHours = weekday
        store.tuesdayOpeningHours = weekday
        store.wednesdayOpeningHours = weekday
        store.thursdayOpeningHours = weekday
        store.fridayOpeningHours = weekday
        store.saturdayOpeningHours = hours(10, 18)
        store.sundayOpeningHours = k == 1 ? hours(12, 18) : closedDay()
        store.additionalOpeningHours = specialDays()
        store.customerPickupDeadlineLimit = OmniumTimeSpan(days: 3)
        store.storePickLimit = OmniumTimeSpan(hours: 2)
        if k % 4 != 3 {
            let orgs = organizationNumbers()
            store.organizationalNumber = orgs[k % orgs.count]
        }
        store.externalIds = ["FLOW-\(site.0.uppercased())"]
        store.created = date(daysBeforeEpoch: Double(400 - k))
        store.modified = date(daysBeforeEpoch: Double(30) - Double(k) / 24)
        return store
    }

    private func warehouse(id: String, name: String, isWeb: Bool) -> OmniumStore {
        var store = OmniumStore(id: id)
        store.name = name
        store.address = OmniumStoreAddress(name: name, streetName: "Industrivegen", streetNumber: isWeb ? "8" : "14",
                                           zipcode: "2060", city: "Gardermoen", country: "Norge", countryCode: "NO")
        store.latitude = "60.1939"
        store.longitude = "11.1004"
        store.availableOnMarkets = isWeb ? ["NOR", "SWE"] : ["NOR"]
        store.isWarehouse = true
        store.isWebWarehouse = isWeb
        store.isPrimaryWarehouse = isWeb
        store.isPrimaryStore = false
        store.isPublicVisible = false
        store.isInactive = false
        store.organizationalNumber = organizationNumbers()[0]
        store.created = date(daysBeforeEpoch: 500)
        store.modified = date(daysBeforeEpoch: 60)
        return store
    }

    private func hours(_ from: Int, _ to: Int) -> OmniumOpeningHours {
        OmniumOpeningHours(isOpen: true, openFrom: OmniumTimeSpan(hours: from), openTo: OmniumTimeSpan(hours: to))
    }

    private func closedDay() -> OmniumOpeningHours {
        OmniumOpeningHours(isOpen: false, openFrom: .zero, openTo: .zero)
    }

    private func specialDays() -> [OmniumSpecialOpeningHours] {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: epoch).year ?? 2026
        let may17 = OmniumDateFormat.date(from: "\(year + 1)-05-17T00:00:00Z")
        let christmasEve = OmniumDateFormat.date(from: "\(year)-12-24T00:00:00Z")
        return [
            OmniumSpecialOpeningHours(date: christmasEve, closed: false, label: "Julaften", openingHours: hours(9, 13)),
            OmniumSpecialOpeningHours(date: may17, closed: true, label: "Grunnlovsdag", openingHours: closedDay()),
        ]
    }
}
