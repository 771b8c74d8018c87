import Foundation

/// A shipment of order lines from `warehouseCode`; Click & Collect orders name the pickup store in `pickUpWarehouseCode`.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumShipment: Codable, Sendable, Equatable {
    /// documented required; validated by the server
    public var shipmentId: String?
    public var warehouseCode: String?
    public var pickUpWarehouseCode: String?
    public var shippingMethodName: String?
    public var shippingMethodId: String?
    public var status: String?
    public var orderStatus: String?
    public var lineItems: [OmniumOrderLine]?
    public var address: OmniumOrderAddress?
    public var shippingSubTotal: Decimal?
    public var shipmentTaxRate: Decimal?
    public var shipmentTrackingNumber: String?
    public var shipmentTrackingLink: String?
    public var properties: [OmniumProperty]?
    public var shippingMethodProductId: String?
    public var shippingLabel: String?
    public var prevStatus: String?
    public var orderStatusLog: [OmniumOrderStatusLogEntry]?
    public var contactPerson: OmniumContactPerson?
    /// shipping discounts (`discountType` `Shipping`)
    public var discounts: [OmniumDiscount]?
    public var shippingTax: Decimal?
    public var shipmentLabelLink: String?
    public var returnTrackingNumber: String?
    public var returnTrackingLink: String?
    public var returnLabelLink: String?
    public var packages: [OmniumShipmentPackage]?
    public var pickUpPointInformation: OmniumPickUpPointInformation?
    public var servicePointId: String?
    public var goodsDescription: String?
    public var comment: String?
    public var expectedDeliveryDate: Date?
    public var expectedShipmentDate: Date?
    public var completed: Date?
    public var isAllocated: Bool?
    /// between two warehouses
    public var transit: Bool?
    public var virtualWarehouseCode: String?
    public var externalIds: [OmniumExternalId]?
    /// CALC
    public var shippingSubTotalExclTax: Decimal?
    /// CALC
    public var shippingDiscountAmount: Decimal?
    /// CALC
    public var shippingTotal: Decimal?
    /// CALC
    public var shippingCreditedTotal: Decimal?
    /// CALC
    public var subTotal: Decimal?
    /// CALC
    public var taxTotal: Decimal?
    /// CALC
    public var total: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        shipmentId: String? = nil,
        warehouseCode: String? = nil,
        pickUpWarehouseCode: String? = nil,
        shippingMethodName: String? = nil,
        shippingMethodId: String? = nil,
        status: String? = nil,
        orderStatus: String? = nil,
        lineItems: [OmniumOrderLine]? = nil,
        address: OmniumOrderAddress? = nil,
        shippingSubTotal: Decimal? = nil,
        shipmentTaxRate: Decimal? = nil,
        shipmentTrackingNumber: String? = nil,
        shipmentTrackingLink: String? = nil,
        properties: [OmniumProperty]? = nil,
        shippingMethodProductId: String? = nil,
        shippingLabel: String? = nil,
        prevStatus: String? = nil,
        orderStatusLog: [OmniumOrderStatusLogEntry]? = nil,
        contactPerson: OmniumContactPerson? = nil,
        discounts: [OmniumDiscount]? = nil,
        shippingTax: Decimal? = nil,
        shipmentLabelLink: String? = nil,
        returnTrackingNumber: String? = nil,
        returnTrackingLink: String? = nil,
        returnLabelLink: String? = nil,
        packages: [OmniumShipmentPackage]? = nil,
        pickUpPointInformation: OmniumPickUpPointInformation? = nil,
        servicePointId: String? = nil,
        goodsDescription: String? = nil,
        comment: String? = nil,
        expectedDeliveryDate: Date? = nil,
        expectedShipmentDate: Date? = nil,
        completed: Date? = nil,
        isAllocated: Bool? = nil,
        transit: Bool? = nil,
        virtualWarehouseCode: String? = nil,
        externalIds: [OmniumExternalId]? = nil,
        shippingSubTotalExclTax: Decimal? = nil,
        shippingDiscountAmount: Decimal? = nil,
        shippingTotal: Decimal? = nil,
        shippingCreditedTotal: Decimal? = nil,
        subTotal: Decimal? = nil,
        taxTotal: Decimal? = nil,
        total: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.shipmentId = shipmentId
        self.warehouseCode = warehouseCode
        self.pickUpWarehouseCode = pickUpWarehouseCode
        self.shippingMethodName = shippingMethodName
        self.shippingMethodId = shippingMethodId
        self.status = status
        self.orderStatus = orderStatus
        self.lineItems = lineItems
        self.address = address
        self.shippingSubTotal = shippingSubTotal
        self.shipmentTaxRate = shipmentTaxRate
        self.shipmentTrackingNumber = shipmentTrackingNumber
        self.shipmentTrackingLink = shipmentTrackingLink
        self.properties = properties
        self.shippingMethodProductId = shippingMethodProductId
        self.shippingLabel = shippingLabel
        self.prevStatus = prevStatus
        self.orderStatusLog = orderStatusLog
        self.contactPerson = contactPerson
        self.discounts = discounts
        self.shippingTax = shippingTax
        self.shipmentLabelLink = shipmentLabelLink
        self.returnTrackingNumber = returnTrackingNumber
        self.returnTrackingLink = returnTrackingLink
        self.returnLabelLink = returnLabelLink
        self.packages = packages
        self.pickUpPointInformation = pickUpPointInformation
        self.servicePointId = servicePointId
        self.goodsDescription = goodsDescription
        self.comment = comment
        self.expectedDeliveryDate = expectedDeliveryDate
        self.expectedShipmentDate = expectedShipmentDate
        self.completed = completed
        self.isAllocated = isAllocated
        self.transit = transit
        self.virtualWarehouseCode = virtualWarehouseCode
        self.externalIds = externalIds
        self.shippingSubTotalExclTax = shippingSubTotalExclTax
        self.shippingDiscountAmount = shippingDiscountAmount
        self.shippingTotal = shippingTotal
        self.shippingCreditedTotal = shippingCreditedTotal
        self.subTotal = subTotal
        self.taxTotal = taxTotal
        self.total = total
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "shipmentid", "warehousecode", "pickupwarehousecode", "shippingmethodname", "shippingmethodid", "status",
        "orderstatus", "lineitems", "address", "shippingsubtotal", "shipmenttaxrate", "shipmenttrackingnumber",
        "shipmenttrackinglink", "properties", "shippingmethodproductid", "shippinglabel", "prevstatus",
        "orderstatuslog", "contactperson", "discounts", "shippingtax", "shipmentlabellink", "returntrackingnumber",
        "returntrackinglink", "returnlabellink", "packages", "pickuppointinformation", "servicepointid",
        "goodsdescription", "comment", "expecteddeliverydate", "expectedshipmentdate", "completed", "isallocated",
        "transit", "virtualwarehousecode", "externalids", "shippingsubtotalexcltax", "shippingdiscountamount",
        "shippingtotal", "shippingcreditedtotal", "subtotal", "taxtotal", "total"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        shipmentId = try container.decodeIfPresent(String.self, forKey: "shipmentId")
        warehouseCode = try container.decodeIfPresent(String.self, forKey: "warehouseCode")
        pickUpWarehouseCode = try container.decodeIfPresent(String.self, forKey: "pickUpWarehouseCode")
        shippingMethodName = try container.decodeIfPresent(String.self, forKey: "shippingMethodName")
        shippingMethodId = try container.decodeIfPresent(String.self, forKey: "shippingMethodId")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        orderStatus = try container.decodeIfPresent(String.self, forKey: "orderStatus")
        lineItems = try container.decodeIfPresent([OmniumOrderLine].self, forKey: "lineItems")
        address = try container.decodeIfPresent(OmniumOrderAddress.self, forKey: "address")
        shippingSubTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingSubTotal")
        shipmentTaxRate = try container.decodeIfPresent(Decimal.self, forKey: "shipmentTaxRate")
        shipmentTrackingNumber = try container.decodeIfPresent(String.self, forKey: "shipmentTrackingNumber")
        shipmentTrackingLink = try container.decodeIfPresent(String.self, forKey: "shipmentTrackingLink")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        shippingMethodProductId = try container.decodeIfPresent(String.self, forKey: "shippingMethodProductId")
        shippingLabel = try container.decodeIfPresent(String.self, forKey: "shippingLabel")
        prevStatus = try container.decodeIfPresent(String.self, forKey: "prevStatus")
        orderStatusLog = try container.decodeIfPresent([OmniumOrderStatusLogEntry].self, forKey: "orderStatusLog")
        contactPerson = try container.decodeIfPresent(OmniumContactPerson.self, forKey: "contactPerson")
        discounts = try container.decodeIfPresent([OmniumDiscount].self, forKey: "discounts")
        shippingTax = try container.decodeIfPresent(Decimal.self, forKey: "shippingTax")
        shipmentLabelLink = try container.decodeIfPresent(String.self, forKey: "shipmentLabelLink")
        returnTrackingNumber = try container.decodeIfPresent(String.self, forKey: "returnTrackingNumber")
        returnTrackingLink = try container.decodeIfPresent(String.self, forKey: "returnTrackingLink")
        returnLabelLink = try container.decodeIfPresent(String.self, forKey: "returnLabelLink")
        packages = try container.decodeIfPresent([OmniumShipmentPackage].self, forKey: "packages")
        pickUpPointInformation = try container.decodeIfPresent(OmniumPickUpPointInformation.self, forKey: "pickUpPointInformation")
        servicePointId = try container.decodeIfPresent(String.self, forKey: "servicePointId")
        goodsDescription = try container.decodeIfPresent(String.self, forKey: "goodsDescription")
        comment = try container.decodeIfPresent(String.self, forKey: "comment")
        expectedDeliveryDate = try container.decodeIfPresent(Date.self, forKey: "expectedDeliveryDate")
        expectedShipmentDate = try container.decodeIfPresent(Date.self, forKey: "expectedShipmentDate")
        completed = try container.decodeIfPresent(Date.self, forKey: "completed")
        isAllocated = try container.decodeIfPresent(Bool.self, forKey: "isAllocated")
        transit = try container.decodeIfPresent(Bool.self, forKey: "transit")
        virtualWarehouseCode = try container.decodeIfPresent(String.self, forKey: "virtualWarehouseCode")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        shippingSubTotalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "shippingSubTotalExclTax")
        shippingDiscountAmount = try container.decodeIfPresent(Decimal.self, forKey: "shippingDiscountAmount")
        shippingTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingTotal")
        shippingCreditedTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingCreditedTotal")
        subTotal = try container.decodeIfPresent(Decimal.self, forKey: "subTotal")
        taxTotal = try container.decodeIfPresent(Decimal.self, forKey: "taxTotal")
        total = try container.decodeIfPresent(Decimal.self, forKey: "total")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(shipmentId, forKey: "shipmentId")
        try container.encodeIfPresent(warehouseCode, forKey: "warehouseCode")
        try container.encodeIfPresent(pickUpWarehouseCode, forKey: "pickUpWarehouseCode")
        try container.encodeIfPresent(shippingMethodName, forKey: "shippingMethodName")
        try container.encodeIfPresent(shippingMethodId, forKey: "shippingMethodId")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(orderStatus, forKey: "orderStatus")
        try container.encodeIfPresent(lineItems, forKey: "lineItems")
        try container.encodeIfPresent(address, forKey: "address")
        try container.encodeIfPresent(shippingSubTotal, forKey: "shippingSubTotal")
        try container.encodeIfPresent(shipmentTaxRate, forKey: "shipmentTaxRate")
        try container.encodeIfPresent(shipmentTrackingNumber, forKey: "shipmentTrackingNumber")
        try container.encodeIfPresent(shipmentTrackingLink, forKey: "shipmentTrackingLink")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(shippingMethodProductId, forKey: "shippingMethodProductId")
        try container.encodeIfPresent(shippingLabel, forKey: "shippingLabel")
        try container.encodeIfPresent(prevStatus, forKey: "prevStatus")
        try container.encodeIfPresent(orderStatusLog, forKey: "orderStatusLog")
        try container.encodeIfPresent(contactPerson, forKey: "contactPerson")
        try container.encodeIfPresent(discounts, forKey: "discounts")
        try container.encodeIfPresent(shippingTax, forKey: "shippingTax")
        try container.encodeIfPresent(shipmentLabelLink, forKey: "shipmentLabelLink")
        try container.encodeIfPresent(returnTrackingNumber, forKey: "returnTrackingNumber")
        try container.encodeIfPresent(returnTrackingLink, forKey: "returnTrackingLink")
        try container.encodeIfPresent(returnLabelLink, forKey: "returnLabelLink")
        try container.encodeIfPresent(packages, forKey: "packages")
        try container.encodeIfPresent(pickUpPointInformation, forKey: "pickUpPointInformation")
        try container.encodeIfPresent(servicePointId, forKey: "servicePointId")
        try container.encodeIfPresent(goodsDescription, forKey: "goodsDescription")
        try container.encodeIfPresent(comment, forKey: "comment")
        try container.encodeIfPresent(expectedDeliveryDate, forKey: "expectedDeliveryDate")
        try container.encodeIfPresent(expectedShipmentDate, forKey: "expectedShipmentDate")
        try container.encodeIfPresent(completed, forKey: "completed")
        try container.encodeIfPresent(isAllocated, forKey: "isAllocated")
        try container.encodeIfPresent(transit, forKey: "transit")
        try container.encodeIfPresent(virtualWarehouseCode, forKey: "virtualWarehouseCode")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(shippingSubTotalExclTax, forKey: "shippingSubTotalExclTax")
        try container.encodeIfPresent(shippingDiscountAmount, forKey: "shippingDiscountAmount")
        try container.encodeIfPresent(shippingTotal, forKey: "shippingTotal")
        try container.encodeIfPresent(shippingCreditedTotal, forKey: "shippingCreditedTotal")
        try container.encodeIfPresent(subTotal, forKey: "subTotal")
        try container.encodeIfPresent(taxTotal, forKey: "taxTotal")
        try container.encodeIfPresent(total, forKey: "total")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
