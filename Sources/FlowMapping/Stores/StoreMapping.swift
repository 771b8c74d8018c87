import FlowStore
import Foundation
import Omnium

/// Settings the stores export reads (Flow extension and Omnium connector settings, §10–§11).
public struct StoreMappingSettings: Sendable, Equatable {
    /// `OrganizationUid`: the organization for stores without an `organizationalNumber`.
    public var organizationUidFallback: String?
    /// `MainPricesListUid`: the sales price list a new store starts with.
    public var mainPricesListUid: String?
    /// `StorePriceListsInFlow`: give each store its own sales price list instead.
    public var storePriceListsInFlow: Bool
    public var purchaseNumberSeriesUid: String?
    public var voucherNumberSeriesUid: String?

    public init(organizationUidFallback: String? = nil, mainPricesListUid: String? = nil,
                storePriceListsInFlow: Bool = false, purchaseNumberSeriesUid: String? = nil,
                voucherNumberSeriesUid: String? = nil) {
        self.organizationUidFallback = organizationUidFallback
        self.mainPricesListUid = mainPricesListUid
        self.storePriceListsInFlow = storePriceListsInFlow
        self.purchaseNumberSeriesUid = purchaseNumberSeriesUid
        self.voucherNumberSeriesUid = voucherNumberSeriesUid
    }
}

/// The stores export: Omnium stores → Flow organizations, stores, warehouses and opening hours.
///
/// Rules (flow-integration.md §10, decisions marked *):
/// - only `isPrimaryStore` stores become Flow stores; every other Omnium store is a warehouse;
/// - a primary store's warehouses are itself (when `isWarehouse`) and its `availableWarehouses`, by
///   `priority`; *a warehouse code that names no Omnium store still becomes a warehouse named after its
///   code (Omnium says every code is a store id, so this is reported as a note, not quarantined);
/// - *a non-primary warehouse that no primary store lists (typically the web warehouse, which
///   `FlowWebWarehouse` points at) becomes a Flow warehouse linked to no store, with a note;
/// - organization UID = sanitised `organizationalNumber`, else `OrganizationUid`; a store with neither
///   is quarantined (Flow requires an organization);
/// - `isActive = !isInactive`; latitude/longitude parsed from strings (`.` or `,` decimal), unparsable
///   values are left empty and noted;
/// - create-only fields (`salesPriceUid`, number series) are filled here and kept by the load on update.
public enum StoreMapping {
    public struct Result: Sendable {
        public var batch: FlowStoresBatch
        public var issues: [MappingIssue]
        public var notes: [String]
    }

    public static func map(_ omniumStores: [OmniumStore], settings: StoreMappingSettings) -> Result {
        var batch = FlowStoresBatch()
        var issues: [MappingIssue] = []
        var notes: [String] = []
        let byID = Dictionary(omniumStores.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var organizations: [String: FlowOrganization] = [:]
        var warehouses: [String: FlowWarehouse] = [:]
        var listedWarehouseCodes = Set<String>()

        for store in omniumStores where store.isPrimaryStore == true {
            guard let storeUid = FlowUID.sanitize(store.id) else {
                issues.append(issue(store, "store id '\(store.id)' has no characters usable in a Flow UID"))
                continue
            }
            let orgNumber = store.organizationalNumber?.trimmingCharacters(in: .whitespaces)
            guard let organizationUid = orgNumber.flatMap(FlowUID.sanitize) ?? settings.organizationUidFallback
                .flatMap(FlowUID.sanitize) else {
                issues.append(issue(store, "store '\(store.id)' has no organizationalNumber and no OrganizationUid fallback is configured"))
                continue
            }
            if organizations[organizationUid] == nil {
                let hasNumber = orgNumber.flatMap(FlowUID.sanitize) != nil
                organizations[organizationUid] = FlowOrganization(
                    organizationUid: organizationUid,
                    name: hasNumber ? "Org. \(orgNumber!)" : organizationUid,
                    vatNumber: hasNumber ? orgNumber : nil)
            }

            // Warehouses: the store itself when it is one, then availableWarehouses by priority.
            var links: [FlowStoreWarehouse] = []
            if store.isWarehouse == true {
                warehouses[storeUid] = warehouse(from: store, uid: storeUid)
                links.append(FlowStoreWarehouse(storeUid: storeUid, warehouseUid: storeUid, priority: 0))
            }
            let available = (store.availableWarehouses ?? []).enumerated().sorted {
                ($0.element.priority ?? Int.max, $0.offset) < ($1.element.priority ?? Int.max, $1.offset)
            }
            for (_, entry) in available {
                guard let code = entry.warehouseCode, let uid = FlowUID.sanitize(code) else { continue }
                listedWarehouseCodes.insert(code)
                if links.contains(where: { $0.warehouseUid == uid }) { continue }
                if let source = byID[code] {
                    warehouses[uid] = warehouse(from: source, uid: uid)
                } else if warehouses[uid] == nil {
                    warehouses[uid] = FlowWarehouse(warehouseUid: uid, name: code, isWebWarehouse: false, isActive: true)
                    notes.append("store '\(store.id)' lists warehouse '\(code)', which is not an Omnium store")
                }
                links.append(FlowStoreWarehouse(storeUid: storeUid, warehouseUid: uid,
                                                priority: entry.priority ?? links.count))
            }

            var (latitude, longitude) = (coordinate(store.latitude), coordinate(store.longitude))
            if latitude == nil, store.latitude?.isEmpty == false { notes.append("store '\(store.id)': latitude '\(store.latitude!)' is not a number") }
            if longitude == nil, store.longitude?.isEmpty == false { notes.append("store '\(store.id)': longitude '\(store.longitude!)' is not a number") }
            if latitude == nil || longitude == nil { (latitude, longitude) = (nil, nil) }

            let firstWarehouse = links.first?.warehouseUid
            batch.stores.append(FlowStoreRecord(
                storeUid: storeUid,
                name: store.name ?? store.id,
                address: streetAddress(store.address),
                city: store.address?.city.nonBlank,
                postalCode: store.address?.zipcode.nonBlank,
                countryCode: store.address?.countryCode.nonBlank,
                email: (store.email ?? store.address?.email).nonBlank,
                phone: store.phoneNumber.nonBlank,
                latitude: latitude,
                longitude: longitude,
                isActive: !(store.isInactive ?? false),
                externalId: store.availableOnMarkets?.first.nonBlank,
                vatNumber: orgNumber.nonBlank,
                organizationUid: organizationUid,
                salesPriceUid: settings.storePriceListsInFlow
                    ? FlowPriceList.storePriceListUid(storeUid: storeUid) : settings.mainPricesListUid,
                purchaseNumberSeriesUid: settings.purchaseNumberSeriesUid,
                voucherNumberSeriesUid: settings.voucherNumberSeriesUid,
                defaultWarehouseUid: firstWarehouse,
                defaultReturnWarehouseUid: firstWarehouse))
            batch.storeWarehouses.append(contentsOf: links)
            batch.openingHours.append(contentsOf: weeklyHours(of: store, storeUid: storeUid))
            batch.specialOpeningHours.append(contentsOf: specialHours(of: store, storeUid: storeUid))
        }

        for store in omniumStores where store.isPrimaryStore != true && !listedWarehouseCodes.contains(store.id) {
            if store.isWarehouse == true, let uid = FlowUID.sanitize(store.id), warehouses[uid] == nil {
                // E.g. the web warehouse: stock lives there (FlowWebWarehouse), no shop sells from it.
                warehouses[uid] = warehouse(from: store, uid: uid)
                notes.append("warehouse '\(store.id)' is not listed by any primary store; created without a store")
            } else if store.isWarehouse != true {
                notes.append("store '\(store.id)' is neither a primary store nor a warehouse; skipped")
            }
        }

        batch.organizations = organizations.values.sorted { $0.organizationUid < $1.organizationUid }
        batch.warehouses = warehouses.values.sorted { $0.warehouseUid < $1.warehouseUid }
        return Result(batch: batch, issues: issues, notes: notes)
    }

    // MARK: - Field rules

    static func warehouse(from store: OmniumStore, uid: String) -> FlowWarehouse {
        FlowWarehouse(warehouseUid: uid, name: store.name ?? store.id,
                      isWebWarehouse: store.isWebWarehouse ?? false, isActive: !(store.isInactive ?? false))
    }

    /// `streetName` + `streetNumber`, joined by a space.
    static func streetAddress(_ address: OmniumStoreAddress?) -> String? {
        let parts = [address?.streetName, address?.streetNumber].compactMap { $0.nonBlank }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Omnium sends coordinates as strings; accept `59.91` and `59,91`.
    static func coordinate(_ text: String?) -> Double? {
        guard let text = text.nonBlank else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }

    static func weeklyHours(of store: OmniumStore, storeUid: String) -> [FlowOpeningHours] {
        let days = [store.mondayOpeningHours, store.tuesdayOpeningHours, store.wednesdayOpeningHours,
                    store.thursdayOpeningHours, store.fridayOpeningHours, store.saturdayOpeningHours,
                    store.sundayOpeningHours]
        return days.enumerated().compactMap { index, hours in
            guard let hours else { return nil }
            let isOpen = (hours.isOpen ?? false) && hours.openFrom != hours.openTo
            return FlowOpeningHours(storeUid: storeUid, weekday: index + 1, isOpen: isOpen,
                                    openFrom: isOpen ? hours.openFrom?.hoursAndMinutes : nil,
                                    openTo: isOpen ? hours.openTo?.hoursAndMinutes : nil)
        }
    }

    static func specialHours(of store: OmniumStore, storeUid: String) -> [FlowSpecialOpeningHours] {
        (store.additionalOpeningHours ?? []).compactMap { extra in
            guard let date = extra.date else { return nil }
            let hours = extra.openingHours
            let closed = (extra.closed ?? false) || hours?.isOpen == false
            return FlowSpecialOpeningHours(storeUid: storeUid, date: localDay(date), isClosed: closed,
                                           label: extra.label.nonBlank,
                                           openFrom: closed ? nil : hours?.openFrom?.hoursAndMinutes,
                                           openTo: closed ? nil : hours?.openTo?.hoursAndMinutes)
        }
    }

    /// Omnium sends the date of an additional opening day as a UTC timestamp at midnight; the day is
    /// read in UTC so that `2026-12-24T00:00:00Z` stays the 24th.
    static func localDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func issue(_ store: OmniumStore, _ reason: String) -> MappingIssue {
        MappingIssue(entity: .store, recordKey: store.id, reason: reason,
                     sourcePayload: (try? OmniumJSON.encoder.encode(store)).flatMap { String(data: $0, encoding: .utf8) })
    }
}

extension Optional where Wrapped == String {
    /// The string without surrounding whitespace, nil when that leaves nothing (Omnium's null, "" alike).
    var nonBlank: String? {
        guard let trimmed = self?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension OmniumTimeSpan {
    /// Flow's `HH:mm`; a closing time of midnight the next day (`1.00:00:00`) reads `24:00`.
    var hoursAndMinutes: String {
        let minutes = Int(totalMinutes)
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

extension MappingIssue.Entity {
    public static let store = Self(rawValue: "store")
}
