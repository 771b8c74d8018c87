import Foundation

/// A purchase order (or internal transfer) to a receiving warehouse (`storeId`). Statuses are tenant-configured: `New`, `Confirmed`, `InProgress`, `Completed`, `OnHold`, `OrderCanceled`, `Deleted`.
///
/// Spec: omnium-contract.md §9, omnium-api.md §11.
public struct OmniumPurchaseOrder: Codable, Sendable, Equatable {
    public var id: String?
    public var purchaseOrderNumber: String?
    public var name: String?
    public var referenceNumber: String?
    public var status: String?
    public var storeId: String?
    public var supplierId: String?
    public var supplierName: String?
    public var supplierWarehouseCode: String?
    public var marketId: String?
    public var billingCurrency: String?
    public var requestedDeliveryDate: Date?
    public var isDelivery: Bool?
    public var deliveryId: String?
    public var purchaseOrderForm: OmniumPurchaseOrderForm?
    public var purchaseOrderNotes: [OmniumComment]?
    public var tags: [String]?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        purchaseOrderNumber: String? = nil,
        name: String? = nil,
        referenceNumber: String? = nil,
        status: String? = nil,
        storeId: String? = nil,
        supplierId: String? = nil,
        supplierName: String? = nil,
        supplierWarehouseCode: String? = nil,
        marketId: String? = nil,
        billingCurrency: String? = nil,
        requestedDeliveryDate: Date? = nil,
        isDelivery: Bool? = nil,
        deliveryId: String? = nil,
        purchaseOrderForm: OmniumPurchaseOrderForm? = nil,
        purchaseOrderNotes: [OmniumComment]? = nil,
        tags: [String]? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.id = id
        self.purchaseOrderNumber = purchaseOrderNumber
        self.name = name
        self.referenceNumber = referenceNumber
        self.status = status
        self.storeId = storeId
        self.supplierId = supplierId
        self.supplierName = supplierName
        self.supplierWarehouseCode = supplierWarehouseCode
        self.marketId = marketId
        self.billingCurrency = billingCurrency
        self.requestedDeliveryDate = requestedDeliveryDate
        self.isDelivery = isDelivery
        self.deliveryId = deliveryId
        self.purchaseOrderForm = purchaseOrderForm
        self.purchaseOrderNotes = purchaseOrderNotes
        self.tags = tags
        self.properties = properties
        self.externalIds = externalIds
        self.created = created
        self.modified = modified
    }
}

/// One purchase order line; `lineItemId` is unique across all purchase orders.
///
/// Spec: omnium-contract.md §9, omnium-api.md §11.
public struct OmniumPurchaseOrderLine: Codable, Sendable, Equatable {
    public var lineItemId: String?
    public var purchaseOrderId: String?
    public var code: String?
    public var ean: String?
    public var gtin: String?
    public var displayName: String?
    public var brand: String?
    public var color: String?
    public var size: String?
    public var quantity: Decimal?
    public var deliveredQuantity: Decimal?
    public var canceledQuantity: Decimal?
    public var placedPrice: Decimal?
    public var placedPriceExclTax: Decimal?
    public var taxRate: Decimal?
    public var currency: String?
    /// CALC
    public var discountedPrice: Decimal?
    /// CALC
    public var discountedPriceExclTax: Decimal?
    /// CALC
    public var extendedPrice: Decimal?
    /// CALC
    public var extendedPriceExclTax: Decimal?
    public var deliveryId: String?
    public var estimatedTimeOfArrival: Date?
    public var deliveredDate: Date?
    public var warehouseCode: String?
    public var supplierSkuId: String?
    public var unit: String?
    public var properties: [OmniumProperty]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        purchaseOrderId: String? = nil,
        code: String? = nil,
        ean: String? = nil,
        gtin: String? = nil,
        displayName: String? = nil,
        brand: String? = nil,
        color: String? = nil,
        size: String? = nil,
        quantity: Decimal? = nil,
        deliveredQuantity: Decimal? = nil,
        canceledQuantity: Decimal? = nil,
        placedPrice: Decimal? = nil,
        placedPriceExclTax: Decimal? = nil,
        taxRate: Decimal? = nil,
        currency: String? = nil,
        discountedPrice: Decimal? = nil,
        discountedPriceExclTax: Decimal? = nil,
        extendedPrice: Decimal? = nil,
        extendedPriceExclTax: Decimal? = nil,
        deliveryId: String? = nil,
        estimatedTimeOfArrival: Date? = nil,
        deliveredDate: Date? = nil,
        warehouseCode: String? = nil,
        supplierSkuId: String? = nil,
        unit: String? = nil,
        properties: [OmniumProperty]? = nil
    ) {
        self.lineItemId = lineItemId
        self.purchaseOrderId = purchaseOrderId
        self.code = code
        self.ean = ean
        self.gtin = gtin
        self.displayName = displayName
        self.brand = brand
        self.color = color
        self.size = size
        self.quantity = quantity
        self.deliveredQuantity = deliveredQuantity
        self.canceledQuantity = canceledQuantity
        self.placedPrice = placedPrice
        self.placedPriceExclTax = placedPriceExclTax
        self.taxRate = taxRate
        self.currency = currency
        self.discountedPrice = discountedPrice
        self.discountedPriceExclTax = discountedPriceExclTax
        self.extendedPrice = extendedPrice
        self.extendedPriceExclTax = extendedPriceExclTax
        self.deliveryId = deliveryId
        self.estimatedTimeOfArrival = estimatedTimeOfArrival
        self.deliveredDate = deliveredDate
        self.warehouseCode = warehouseCode
        self.supplierSkuId = supplierSkuId
        self.unit = unit
        self.properties = properties
    }
}

/// The lines and totals of a purchase order.
///
/// Spec: omnium-contract.md §9.
public struct OmniumPurchaseOrderForm: Codable, Sendable, Equatable {
    public var lineItems: [OmniumPurchaseOrderLine]?
    public var properties: [OmniumProperty]?
    public var total: Decimal?
    public var totalExclTax: Decimal?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItems: [OmniumPurchaseOrderLine]? = nil,
        properties: [OmniumProperty]? = nil,
        total: Decimal? = nil,
        totalExclTax: Decimal? = nil
    ) {
        self.lineItems = lineItems
        self.properties = properties
        self.total = total
        self.totalExclTax = totalExclTax
    }
}
