import Foundation

/// A store, warehouse or pickup point. A warehouse is a store with `isWarehouse = true`, and every `warehouseCode` in Omnium is a store `id`; only `isPrimaryStore` stores become Flow stores.
///
/// Spec: omnium-contract.md §5, omnium-api.md §10.
public struct OmniumStore: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var address: OmniumStoreAddress?
    public var phoneNumber: String?
    public var email: String?
    public var url: String?
    public var description: String?
    /// a string in Omnium, e.g. "59.9139"
    public var latitude: String?
    public var longitude: String?
    public var availableOnMarkets: [String]?
    public var isWarehouse: Bool?
    public var isWebWarehouse: Bool?
    public var isPrimaryWarehouse: Bool?
    public var isPrimaryStore: Bool?
    public var isPublicVisible: Bool?
    public var isInactive: Bool?
    public var isVirtual: Bool?
    public var availableWarehouses: [OmniumStoreWarehouse]?
    public var mondayOpeningHours: OmniumOpeningHours?
    public var tuesdayOpeningHours: OmniumOpeningHours?
    public var wednesdayOpeningHours: OmniumOpeningHours?
    public var thursdayOpeningHours: OmniumOpeningHours?
    public var fridayOpeningHours: OmniumOpeningHours?
    public var saturdayOpeningHours: OmniumOpeningHours?
    public var sundayOpeningHours: OmniumOpeningHours?
    public var additionalOpeningHours: [OmniumSpecialOpeningHours]?
    public var customerPickupDeadlineLimit: OmniumTimeSpan?
    public var storePickLimit: OmniumTimeSpan?
    public var storeExtendedPickLimit: OmniumTimeSpan?
    public var defaultOrderType: String?
    public var storeGroupId: String?
    public var organizationalNumber: String?
    public var documentFooter: String?
    /// plain strings on stores; `externalIdsList` holds the typed form
    public var externalIds: [String]?
    public var externalIdsList: [OmniumExternalId]?
    public var properties: [OmniumProperty]?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String,
        name: String? = nil,
        address: OmniumStoreAddress? = nil,
        phoneNumber: String? = nil,
        email: String? = nil,
        url: String? = nil,
        description: String? = nil,
        latitude: String? = nil,
        longitude: String? = nil,
        availableOnMarkets: [String]? = nil,
        isWarehouse: Bool? = nil,
        isWebWarehouse: Bool? = nil,
        isPrimaryWarehouse: Bool? = nil,
        isPrimaryStore: Bool? = nil,
        isPublicVisible: Bool? = nil,
        isInactive: Bool? = nil,
        isVirtual: Bool? = nil,
        availableWarehouses: [OmniumStoreWarehouse]? = nil,
        mondayOpeningHours: OmniumOpeningHours? = nil,
        tuesdayOpeningHours: OmniumOpeningHours? = nil,
        wednesdayOpeningHours: OmniumOpeningHours? = nil,
        thursdayOpeningHours: OmniumOpeningHours? = nil,
        fridayOpeningHours: OmniumOpeningHours? = nil,
        saturdayOpeningHours: OmniumOpeningHours? = nil,
        sundayOpeningHours: OmniumOpeningHours? = nil,
        additionalOpeningHours: [OmniumSpecialOpeningHours]? = nil,
        customerPickupDeadlineLimit: OmniumTimeSpan? = nil,
        storePickLimit: OmniumTimeSpan? = nil,
        storeExtendedPickLimit: OmniumTimeSpan? = nil,
        defaultOrderType: String? = nil,
        storeGroupId: String? = nil,
        organizationalNumber: String? = nil,
        documentFooter: String? = nil,
        externalIds: [String]? = nil,
        externalIdsList: [OmniumExternalId]? = nil,
        properties: [OmniumProperty]? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.phoneNumber = phoneNumber
        self.email = email
        self.url = url
        self.description = description
        self.latitude = latitude
        self.longitude = longitude
        self.availableOnMarkets = availableOnMarkets
        self.isWarehouse = isWarehouse
        self.isWebWarehouse = isWebWarehouse
        self.isPrimaryWarehouse = isPrimaryWarehouse
        self.isPrimaryStore = isPrimaryStore
        self.isPublicVisible = isPublicVisible
        self.isInactive = isInactive
        self.isVirtual = isVirtual
        self.availableWarehouses = availableWarehouses
        self.mondayOpeningHours = mondayOpeningHours
        self.tuesdayOpeningHours = tuesdayOpeningHours
        self.wednesdayOpeningHours = wednesdayOpeningHours
        self.thursdayOpeningHours = thursdayOpeningHours
        self.fridayOpeningHours = fridayOpeningHours
        self.saturdayOpeningHours = saturdayOpeningHours
        self.sundayOpeningHours = sundayOpeningHours
        self.additionalOpeningHours = additionalOpeningHours
        self.customerPickupDeadlineLimit = customerPickupDeadlineLimit
        self.storePickLimit = storePickLimit
        self.storeExtendedPickLimit = storeExtendedPickLimit
        self.defaultOrderType = defaultOrderType
        self.storeGroupId = storeGroupId
        self.organizationalNumber = organizationalNumber
        self.documentFooter = documentFooter
        self.externalIds = externalIds
        self.externalIdsList = externalIdsList
        self.properties = properties
        self.created = created
        self.modified = modified
    }
}

/// A store's postal address (`OmniumStoreAddress`).
///
/// Spec: omnium-contract.md §5.
public struct OmniumStoreAddress: Codable, Sendable, Equatable {
    public var name: String?
    public var streetName: String?
    public var streetNumber: String?
    public var zipcode: String?
    public var city: String?
    public var region: String?
    public var regionCode: String?
    public var country: String?
    public var countryCode: String?
    public var email: String?
    public var contactPersonName: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        name: String? = nil,
        streetName: String? = nil,
        streetNumber: String? = nil,
        zipcode: String? = nil,
        city: String? = nil,
        region: String? = nil,
        regionCode: String? = nil,
        country: String? = nil,
        countryCode: String? = nil,
        email: String? = nil,
        contactPersonName: String? = nil
    ) {
        self.name = name
        self.streetName = streetName
        self.streetNumber = streetNumber
        self.zipcode = zipcode
        self.city = city
        self.region = region
        self.regionCode = regionCode
        self.country = country
        self.countryCode = countryCode
        self.email = email
        self.contactPersonName = contactPersonName
    }
}

/// Opening hours of one weekday; a closed day has `isOpen = false` and `"00:00:00"` times.
///
/// Spec: omnium-contract.md §5, omnium-api.md §2.4.
public struct OmniumOpeningHours: Codable, Sendable, Equatable {
    public var isOpen: Bool?
    public var openFrom: OmniumTimeSpan?
    public var openTo: OmniumTimeSpan?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        isOpen: Bool? = nil,
        openFrom: OmniumTimeSpan? = nil,
        openTo: OmniumTimeSpan? = nil
    ) {
        self.isOpen = isOpen
        self.openFrom = openFrom
        self.openTo = openTo
    }
}

/// Opening hours of one calendar date (holidays, late openings).
///
/// Spec: omnium-contract.md §5 `additionalOpeningHours`.
public struct OmniumSpecialOpeningHours: Codable, Sendable, Equatable {
    public var date: Date?
    public var closed: Bool?
    public var label: String?
    public var openingHours: OmniumOpeningHours?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        date: Date? = nil,
        closed: Bool? = nil,
        label: String? = nil,
        openingHours: OmniumOpeningHours? = nil
    ) {
        self.date = date
        self.closed = closed
        self.label = label
        self.openingHours = openingHours
    }
}

/// A warehouse a store may ship from; `warehouseCode` is another store's `id`.
///
/// Spec: omnium-contract.md §5 `availableWarehouses`.
public struct OmniumStoreWarehouse: Codable, Sendable, Equatable {
    public var warehouseCode: String?
    public var priority: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        warehouseCode: String? = nil,
        priority: Int? = nil
    ) {
        self.warehouseCode = warehouseCode
        self.priority = priority
    }
}
