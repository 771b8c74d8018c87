import Foundation

// MARK: - Organizations, stores, warehouses, opening hours
// Spec: flow-integration.md §10. Flow's field names; UIDs match `^[A-Za-z0-9_-]+`.

/// A Flow organization: the legal entity every Flow store belongs to.
///
/// Its UID comes from the Omnium store's `organizationalNumber`, else from the configured fallback
/// `OrganizationUid` (flow-integration.md §10).
public struct FlowOrganization: Codable, Sendable, Equatable, Hashable {
    public var organizationUid: String
    public var name: String
    public var vatNumber: String?

    public init(organizationUid: String, name: String, vatNumber: String?) {
        self.organizationUid = organizationUid
        self.name = name
        self.vatNumber = vatNumber
    }
}

/// A Flow store, made from an Omnium store with `isPrimaryStore = true`.
///
/// `salesPriceUid`, `purchaseNumberSeriesUid` and `voucherNumberSeriesUid` are written on create only;
/// `defaultWarehouseUid` / `defaultReturnWarehouseUid` on create, and on update only when the current one
/// is no longer among the store's warehouses ("set to first available", §10).
public struct FlowStoreRecord: Codable, Sendable, Equatable {
    public var storeUid: String
    public var name: String
    public var address: String?
    public var city: String?
    public var postalCode: String?
    public var countryCode: String?
    public var email: String?
    public var phone: String?
    public var latitude: Double?
    public var longitude: Double?
    public var isActive: Bool
    /// The first market the Omnium store is available on.
    public var externalId: String?
    public var vatNumber: String?
    public var organizationUid: String
    public var salesPriceUid: String?
    public var purchaseNumberSeriesUid: String?
    public var voucherNumberSeriesUid: String?
    public var defaultWarehouseUid: String?
    public var defaultReturnWarehouseUid: String?

    public init(storeUid: String, name: String, address: String? = nil, city: String? = nil,
                postalCode: String? = nil, countryCode: String? = nil, email: String? = nil,
                phone: String? = nil, latitude: Double? = nil, longitude: Double? = nil, isActive: Bool = true,
                externalId: String? = nil, vatNumber: String? = nil, organizationUid: String,
                salesPriceUid: String? = nil, purchaseNumberSeriesUid: String? = nil,
                voucherNumberSeriesUid: String? = nil, defaultWarehouseUid: String? = nil,
                defaultReturnWarehouseUid: String? = nil) {
        self.storeUid = storeUid
        self.name = name
        self.address = address
        self.city = city
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.email = email
        self.phone = phone
        self.latitude = latitude
        self.longitude = longitude
        self.isActive = isActive
        self.externalId = externalId
        self.vatNumber = vatNumber
        self.organizationUid = organizationUid
        self.salesPriceUid = salesPriceUid
        self.purchaseNumberSeriesUid = purchaseNumberSeriesUid
        self.voucherNumberSeriesUid = voucherNumberSeriesUid
        self.defaultWarehouseUid = defaultWarehouseUid
        self.defaultReturnWarehouseUid = defaultReturnWarehouseUid
    }
}

/// A Flow warehouse: an Omnium store that is a warehouse itself or is listed in a primary store's
/// `availableWarehouses`.
public struct FlowWarehouse: Codable, Sendable, Equatable {
    public var warehouseUid: String
    public var name: String
    public var isWebWarehouse: Bool
    public var isActive: Bool

    public init(warehouseUid: String, name: String, isWebWarehouse: Bool, isActive: Bool) {
        self.warehouseUid = warehouseUid
        self.name = name
        self.isWebWarehouse = isWebWarehouse
        self.isActive = isActive
    }
}

/// Which warehouses a Flow store uses, in Omnium's priority order (lowest first).
public struct FlowStoreWarehouse: Codable, Sendable, Equatable {
    public var storeUid: String
    public var warehouseUid: String
    public var priority: Int

    public init(storeUid: String, warehouseUid: String, priority: Int) {
        self.storeUid = storeUid
        self.warehouseUid = warehouseUid
        self.priority = priority
    }
}

/// Regular opening hours of a Flow store for one weekday (1 = Monday … 7 = Sunday, ISO 8601).
public struct FlowOpeningHours: Codable, Sendable, Equatable {
    public var storeUid: String
    public var weekday: Int
    public var isOpen: Bool
    /// `HH:mm`, nil when closed.
    public var openFrom: String?
    public var openTo: String?

    public init(storeUid: String, weekday: Int, isOpen: Bool, openFrom: String?, openTo: String?) {
        self.storeUid = storeUid
        self.weekday = weekday
        self.isOpen = isOpen
        self.openFrom = openFrom
        self.openTo = openTo
    }
}

/// Opening hours of a Flow store on one calendar date (holidays, late opening), from Omnium's
/// `additionalOpeningHours`.
public struct FlowSpecialOpeningHours: Codable, Sendable, Equatable {
    public var storeUid: String
    /// `yyyy-MM-dd` in the store's local calendar.
    public var date: String
    public var isClosed: Bool
    public var label: String?
    public var openFrom: String?
    public var openTo: String?

    public init(storeUid: String, date: String, isClosed: Bool, label: String?, openFrom: String?, openTo: String?) {
        self.storeUid = storeUid
        self.date = date
        self.isClosed = isClosed
        self.label = label
        self.openFrom = openFrom
        self.openTo = openTo
    }
}

/// Everything the stores export produces, ready to load.
public struct FlowStoresBatch: Codable, Sendable, Equatable {
    public var organizations: [FlowOrganization]
    public var stores: [FlowStoreRecord]
    public var warehouses: [FlowWarehouse]
    public var storeWarehouses: [FlowStoreWarehouse]
    public var openingHours: [FlowOpeningHours]
    public var specialOpeningHours: [FlowSpecialOpeningHours]

    public init(organizations: [FlowOrganization] = [], stores: [FlowStoreRecord] = [],
                warehouses: [FlowWarehouse] = [], storeWarehouses: [FlowStoreWarehouse] = [],
                openingHours: [FlowOpeningHours] = [], specialOpeningHours: [FlowSpecialOpeningHours] = []) {
        self.organizations = organizations
        self.stores = stores
        self.warehouses = warehouses
        self.storeWarehouses = storeWarehouses
        self.openingHours = openingHours
        self.specialOpeningHours = specialOpeningHours
    }
}
