import Foundation

/// An order line. `placedPrice` is the unit price including tax; `discounted` is the line discount in total. The CALC fields are computed by the server and ignored in requests.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumOrderLine: Codable, Sendable, Equatable {
    /// documented required; kept optional so one bad line never fails a whole page
    public var lineItemId: String?
    public var code: String?
    public var productId: String?
    public var displayName: String?
    public var quantity: Decimal?
    public var placedPrice: Decimal?
    public var taxRate: Decimal?
    public var discounted: Decimal?
    public var unit: String?
    public var ean: String?
    public var cost: Decimal?
    public var brand: String?
    public var color: String?
    public var size: String?
    public var imageUrl: String?
    public var deliveredQuantity: Decimal?
    public var canceledQuantity: Decimal?
    public var returnQuantity: Decimal?
    public var readyForPickupQuantity: Decimal?
    public var canceledDate: Date?
    public var returnDate: Date?
    public var deliveredDate: Date?
    public var cancelReason: String?
    public var returnReason: String?
    public var returnType: String?
    public var discountReasonCode: String?
    public var comment: String?
    /// CALC
    public var placedPriceExclTax: Decimal?
    /// CALC
    public var discountedPrice: Decimal?
    /// CALC
    public var discountedPriceExclTax: Decimal?
    /// CALC
    public var extendedPrice: Decimal?
    /// CALC
    public var extendedPriceExclTax: Decimal?
    /// CALC
    public var orderDiscountAmount: Decimal?
    /// CALC
    public var taxTotal: Decimal?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var alternativeProductName: String?
    public var gtins: [String]?
    public var webSiteProductUrl: String?
    public var replacedQuantity: Decimal?
    public var readyForPickupDate: Date?
    public var expectedDeliveryDate: Date?
    public var requestedDeliveryDate: Date?
    public var customerPickupDeadline: Date?
    public var storePickDate: Date?
    public var cancelComment: String?
    public var replacementReason: String?
    public var replacementType: String?
    public var modifiedReason: String?
    public var serialNumber: String?
    public var isGift: Bool?
    public var isReadOnly: Bool?
    public var isReadOnlyByCustomer: Bool?
    public var isVirtualProduct: Bool?
    public var isBackorder: Bool?
    public var isPackageProduct: Bool?
    public var isBundle: Bool?
    public var isPackageBrokeDown: Bool?
    public var isConfigurableProduct: Bool?
    public var isSkuAccessory: Bool?
    public var isSerializableProduct: Bool?
    public var isExcludedFromPromotions: Bool?
    public var isAwaitingPurchaseOrder: Bool?
    public var packageLineItemId: String?
    public var packageSkuId: String?
    /// package components, kept as sent
    public var components: [OmniumJSONValue]?
    public var groupId: String?
    public var supplierId: String?
    public var supplierName: String?
    public var supplierSkuId: String?
    public var selectedUnit: String?
    public var selectedUnitConversionFactor: Decimal?
    public var selectedUnitQuantity: Decimal?
    /// used by order returns: whether the return increases stock
    public var updateStock: Bool?
    public var internalWarehouseLocation: String?
    public var orderLineDiscounts: [OmniumOrderLineDiscount]?
    /// kept as sent
    public var orderLineBonusPoints: OmniumJSONValue?
    /// CALC
    public var discountedExclTax: Decimal?
    /// CALC
    public var costTotal: Decimal?
    /// CALC
    public var creditedAmount: Decimal?
    /// CALC, kept as sent
    public var reservedInventory: OmniumJSONValue?
    /// CALC
    public var reservedInventoryQuantity: Decimal?
    /// CALC
    public var reservedInventoryDeliveryId: String?
    /// CALC
    public var reservedInventoryPurchaseOrderId: String?
    /// CALC
    public var reservedInventoryPurchaseOrderLineId: String?
    /// CALC
    public var priceListId: String?
    /// CALC
    public var priceListItemId: String?
    /// CALC
    public var originalExtendedPricePerUnit: Decimal?
    /// CALC
    public var lineItemDiscountAmount: Decimal?
    /// CALC
    public var lineItemDiscountAmountExclTax: Decimal?
    /// obsolete
    public var isPackage: Bool?
    /// reporting only
    public var suggestedRetailPrice: Decimal?
    /// reporting only
    public var suggestedRetailPriceExclTax: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        code: String? = nil,
        productId: String? = nil,
        displayName: String? = nil,
        quantity: Decimal? = nil,
        placedPrice: Decimal? = nil,
        taxRate: Decimal? = nil,
        discounted: Decimal? = nil,
        unit: String? = nil,
        ean: String? = nil,
        cost: Decimal? = nil,
        brand: String? = nil,
        color: String? = nil,
        size: String? = nil,
        imageUrl: String? = nil,
        deliveredQuantity: Decimal? = nil,
        canceledQuantity: Decimal? = nil,
        returnQuantity: Decimal? = nil,
        readyForPickupQuantity: Decimal? = nil,
        canceledDate: Date? = nil,
        returnDate: Date? = nil,
        deliveredDate: Date? = nil,
        cancelReason: String? = nil,
        returnReason: String? = nil,
        returnType: String? = nil,
        discountReasonCode: String? = nil,
        comment: String? = nil,
        placedPriceExclTax: Decimal? = nil,
        discountedPrice: Decimal? = nil,
        discountedPriceExclTax: Decimal? = nil,
        extendedPrice: Decimal? = nil,
        extendedPriceExclTax: Decimal? = nil,
        orderDiscountAmount: Decimal? = nil,
        taxTotal: Decimal? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        alternativeProductName: String? = nil,
        gtins: [String]? = nil,
        webSiteProductUrl: String? = nil,
        replacedQuantity: Decimal? = nil,
        readyForPickupDate: Date? = nil,
        expectedDeliveryDate: Date? = nil,
        requestedDeliveryDate: Date? = nil,
        customerPickupDeadline: Date? = nil,
        storePickDate: Date? = nil,
        cancelComment: String? = nil,
        replacementReason: String? = nil,
        replacementType: String? = nil,
        modifiedReason: String? = nil,
        serialNumber: String? = nil,
        isGift: Bool? = nil,
        isReadOnly: Bool? = nil,
        isReadOnlyByCustomer: Bool? = nil,
        isVirtualProduct: Bool? = nil,
        isBackorder: Bool? = nil,
        isPackageProduct: Bool? = nil,
        isBundle: Bool? = nil,
        isPackageBrokeDown: Bool? = nil,
        isConfigurableProduct: Bool? = nil,
        isSkuAccessory: Bool? = nil,
        isSerializableProduct: Bool? = nil,
        isExcludedFromPromotions: Bool? = nil,
        isAwaitingPurchaseOrder: Bool? = nil,
        packageLineItemId: String? = nil,
        packageSkuId: String? = nil,
        components: [OmniumJSONValue]? = nil,
        groupId: String? = nil,
        supplierId: String? = nil,
        supplierName: String? = nil,
        supplierSkuId: String? = nil,
        selectedUnit: String? = nil,
        selectedUnitConversionFactor: Decimal? = nil,
        selectedUnitQuantity: Decimal? = nil,
        updateStock: Bool? = nil,
        internalWarehouseLocation: String? = nil,
        orderLineDiscounts: [OmniumOrderLineDiscount]? = nil,
        orderLineBonusPoints: OmniumJSONValue? = nil,
        discountedExclTax: Decimal? = nil,
        costTotal: Decimal? = nil,
        creditedAmount: Decimal? = nil,
        reservedInventory: OmniumJSONValue? = nil,
        reservedInventoryQuantity: Decimal? = nil,
        reservedInventoryDeliveryId: String? = nil,
        reservedInventoryPurchaseOrderId: String? = nil,
        reservedInventoryPurchaseOrderLineId: String? = nil,
        priceListId: String? = nil,
        priceListItemId: String? = nil,
        originalExtendedPricePerUnit: Decimal? = nil,
        lineItemDiscountAmount: Decimal? = nil,
        lineItemDiscountAmountExclTax: Decimal? = nil,
        isPackage: Bool? = nil,
        suggestedRetailPrice: Decimal? = nil,
        suggestedRetailPriceExclTax: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.lineItemId = lineItemId
        self.code = code
        self.productId = productId
        self.displayName = displayName
        self.quantity = quantity
        self.placedPrice = placedPrice
        self.taxRate = taxRate
        self.discounted = discounted
        self.unit = unit
        self.ean = ean
        self.cost = cost
        self.brand = brand
        self.color = color
        self.size = size
        self.imageUrl = imageUrl
        self.deliveredQuantity = deliveredQuantity
        self.canceledQuantity = canceledQuantity
        self.returnQuantity = returnQuantity
        self.readyForPickupQuantity = readyForPickupQuantity
        self.canceledDate = canceledDate
        self.returnDate = returnDate
        self.deliveredDate = deliveredDate
        self.cancelReason = cancelReason
        self.returnReason = returnReason
        self.returnType = returnType
        self.discountReasonCode = discountReasonCode
        self.comment = comment
        self.placedPriceExclTax = placedPriceExclTax
        self.discountedPrice = discountedPrice
        self.discountedPriceExclTax = discountedPriceExclTax
        self.extendedPrice = extendedPrice
        self.extendedPriceExclTax = extendedPriceExclTax
        self.orderDiscountAmount = orderDiscountAmount
        self.taxTotal = taxTotal
        self.properties = properties
        self.externalIds = externalIds
        self.alternativeProductName = alternativeProductName
        self.gtins = gtins
        self.webSiteProductUrl = webSiteProductUrl
        self.replacedQuantity = replacedQuantity
        self.readyForPickupDate = readyForPickupDate
        self.expectedDeliveryDate = expectedDeliveryDate
        self.requestedDeliveryDate = requestedDeliveryDate
        self.customerPickupDeadline = customerPickupDeadline
        self.storePickDate = storePickDate
        self.cancelComment = cancelComment
        self.replacementReason = replacementReason
        self.replacementType = replacementType
        self.modifiedReason = modifiedReason
        self.serialNumber = serialNumber
        self.isGift = isGift
        self.isReadOnly = isReadOnly
        self.isReadOnlyByCustomer = isReadOnlyByCustomer
        self.isVirtualProduct = isVirtualProduct
        self.isBackorder = isBackorder
        self.isPackageProduct = isPackageProduct
        self.isBundle = isBundle
        self.isPackageBrokeDown = isPackageBrokeDown
        self.isConfigurableProduct = isConfigurableProduct
        self.isSkuAccessory = isSkuAccessory
        self.isSerializableProduct = isSerializableProduct
        self.isExcludedFromPromotions = isExcludedFromPromotions
        self.isAwaitingPurchaseOrder = isAwaitingPurchaseOrder
        self.packageLineItemId = packageLineItemId
        self.packageSkuId = packageSkuId
        self.components = components
        self.groupId = groupId
        self.supplierId = supplierId
        self.supplierName = supplierName
        self.supplierSkuId = supplierSkuId
        self.selectedUnit = selectedUnit
        self.selectedUnitConversionFactor = selectedUnitConversionFactor
        self.selectedUnitQuantity = selectedUnitQuantity
        self.updateStock = updateStock
        self.internalWarehouseLocation = internalWarehouseLocation
        self.orderLineDiscounts = orderLineDiscounts
        self.orderLineBonusPoints = orderLineBonusPoints
        self.discountedExclTax = discountedExclTax
        self.costTotal = costTotal
        self.creditedAmount = creditedAmount
        self.reservedInventory = reservedInventory
        self.reservedInventoryQuantity = reservedInventoryQuantity
        self.reservedInventoryDeliveryId = reservedInventoryDeliveryId
        self.reservedInventoryPurchaseOrderId = reservedInventoryPurchaseOrderId
        self.reservedInventoryPurchaseOrderLineId = reservedInventoryPurchaseOrderLineId
        self.priceListId = priceListId
        self.priceListItemId = priceListItemId
        self.originalExtendedPricePerUnit = originalExtendedPricePerUnit
        self.lineItemDiscountAmount = lineItemDiscountAmount
        self.lineItemDiscountAmountExclTax = lineItemDiscountAmountExclTax
        self.isPackage = isPackage
        self.suggestedRetailPrice = suggestedRetailPrice
        self.suggestedRetailPriceExclTax = suggestedRetailPriceExclTax
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "lineitemid", "code", "productid", "displayname", "quantity", "placedprice", "taxrate", "discounted",
        "unit", "ean", "cost", "brand", "color", "size", "imageurl", "deliveredquantity", "canceledquantity",
        "returnquantity", "readyforpickupquantity", "canceleddate", "returndate", "delivereddate", "cancelreason",
        "returnreason", "returntype", "discountreasoncode", "comment", "placedpriceexcltax", "discountedprice",
        "discountedpriceexcltax", "extendedprice", "extendedpriceexcltax", "orderdiscountamount", "taxtotal",
        "properties", "externalids", "alternativeproductname", "gtins", "websiteproducturl", "replacedquantity",
        "readyforpickupdate", "expecteddeliverydate", "requesteddeliverydate", "customerpickupdeadline",
        "storepickdate", "cancelcomment", "replacementreason", "replacementtype", "modifiedreason", "serialnumber",
        "isgift", "isreadonly", "isreadonlybycustomer", "isvirtualproduct", "isbackorder", "ispackageproduct",
        "isbundle", "ispackagebrokedown", "isconfigurableproduct", "isskuaccessory", "isserializableproduct",
        "isexcludedfrompromotions", "isawaitingpurchaseorder", "packagelineitemid", "packageskuid", "components",
        "groupid", "supplierid", "suppliername", "supplierskuid", "selectedunit", "selectedunitconversionfactor",
        "selectedunitquantity", "updatestock", "internalwarehouselocation", "orderlinediscounts",
        "orderlinebonuspoints", "discountedexcltax", "costtotal", "creditedamount", "reservedinventory",
        "reservedinventoryquantity", "reservedinventorydeliveryid", "reservedinventorypurchaseorderid",
        "reservedinventorypurchaseorderlineid", "pricelistid", "pricelistitemid", "originalextendedpriceperunit",
        "lineitemdiscountamount", "lineitemdiscountamountexcltax", "ispackage", "suggestedretailprice",
        "suggestedretailpriceexcltax"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        lineItemId = try container.decodeIfPresent(String.self, forKey: "lineItemId")
        code = try container.decodeIfPresent(String.self, forKey: "code")
        productId = try container.decodeIfPresent(String.self, forKey: "productId")
        displayName = try container.decodeIfPresent(String.self, forKey: "displayName")
        quantity = try container.decodeIfPresent(Decimal.self, forKey: "quantity")
        placedPrice = try container.decodeIfPresent(Decimal.self, forKey: "placedPrice")
        taxRate = try container.decodeIfPresent(Decimal.self, forKey: "taxRate")
        discounted = try container.decodeIfPresent(Decimal.self, forKey: "discounted")
        unit = try container.decodeIfPresent(String.self, forKey: "unit")
        ean = try container.decodeIfPresent(String.self, forKey: "ean")
        cost = try container.decodeIfPresent(Decimal.self, forKey: "cost")
        brand = try container.decodeIfPresent(String.self, forKey: "brand")
        color = try container.decodeIfPresent(String.self, forKey: "color")
        size = try container.decodeIfPresent(String.self, forKey: "size")
        imageUrl = try container.decodeIfPresent(String.self, forKey: "imageUrl")
        deliveredQuantity = try container.decodeIfPresent(Decimal.self, forKey: "deliveredQuantity")
        canceledQuantity = try container.decodeIfPresent(Decimal.self, forKey: "canceledQuantity")
        returnQuantity = try container.decodeIfPresent(Decimal.self, forKey: "returnQuantity")
        readyForPickupQuantity = try container.decodeIfPresent(Decimal.self, forKey: "readyForPickupQuantity")
        canceledDate = try container.decodeIfPresent(Date.self, forKey: "canceledDate")
        returnDate = try container.decodeIfPresent(Date.self, forKey: "returnDate")
        deliveredDate = try container.decodeIfPresent(Date.self, forKey: "deliveredDate")
        cancelReason = try container.decodeIfPresent(String.self, forKey: "cancelReason")
        returnReason = try container.decodeIfPresent(String.self, forKey: "returnReason")
        returnType = try container.decodeIfPresent(String.self, forKey: "returnType")
        discountReasonCode = try container.decodeIfPresent(String.self, forKey: "discountReasonCode")
        comment = try container.decodeIfPresent(String.self, forKey: "comment")
        placedPriceExclTax = try container.decodeIfPresent(Decimal.self, forKey: "placedPriceExclTax")
        discountedPrice = try container.decodeIfPresent(Decimal.self, forKey: "discountedPrice")
        discountedPriceExclTax = try container.decodeIfPresent(Decimal.self, forKey: "discountedPriceExclTax")
        extendedPrice = try container.decodeIfPresent(Decimal.self, forKey: "extendedPrice")
        extendedPriceExclTax = try container.decodeIfPresent(Decimal.self, forKey: "extendedPriceExclTax")
        orderDiscountAmount = try container.decodeIfPresent(Decimal.self, forKey: "orderDiscountAmount")
        taxTotal = try container.decodeIfPresent(Decimal.self, forKey: "taxTotal")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        alternativeProductName = try container.decodeIfPresent(String.self, forKey: "alternativeProductName")
        gtins = try container.decodeIfPresent([String].self, forKey: "gtins")
        webSiteProductUrl = try container.decodeIfPresent(String.self, forKey: "webSiteProductUrl")
        replacedQuantity = try container.decodeIfPresent(Decimal.self, forKey: "replacedQuantity")
        readyForPickupDate = try container.decodeIfPresent(Date.self, forKey: "readyForPickupDate")
        expectedDeliveryDate = try container.decodeIfPresent(Date.self, forKey: "expectedDeliveryDate")
        requestedDeliveryDate = try container.decodeIfPresent(Date.self, forKey: "requestedDeliveryDate")
        customerPickupDeadline = try container.decodeIfPresent(Date.self, forKey: "customerPickupDeadline")
        storePickDate = try container.decodeIfPresent(Date.self, forKey: "storePickDate")
        cancelComment = try container.decodeIfPresent(String.self, forKey: "cancelComment")
        replacementReason = try container.decodeIfPresent(String.self, forKey: "replacementReason")
        replacementType = try container.decodeIfPresent(String.self, forKey: "replacementType")
        modifiedReason = try container.decodeIfPresent(String.self, forKey: "modifiedReason")
        serialNumber = try container.decodeIfPresent(String.self, forKey: "serialNumber")
        isGift = try container.decodeIfPresent(Bool.self, forKey: "isGift")
        isReadOnly = try container.decodeIfPresent(Bool.self, forKey: "isReadOnly")
        isReadOnlyByCustomer = try container.decodeIfPresent(Bool.self, forKey: "isReadOnlyByCustomer")
        isVirtualProduct = try container.decodeIfPresent(Bool.self, forKey: "isVirtualProduct")
        isBackorder = try container.decodeIfPresent(Bool.self, forKey: "isBackorder")
        isPackageProduct = try container.decodeIfPresent(Bool.self, forKey: "isPackageProduct")
        isBundle = try container.decodeIfPresent(Bool.self, forKey: "isBundle")
        isPackageBrokeDown = try container.decodeIfPresent(Bool.self, forKey: "isPackageBrokeDown")
        isConfigurableProduct = try container.decodeIfPresent(Bool.self, forKey: "isConfigurableProduct")
        isSkuAccessory = try container.decodeIfPresent(Bool.self, forKey: "isSkuAccessory")
        isSerializableProduct = try container.decodeIfPresent(Bool.self, forKey: "isSerializableProduct")
        isExcludedFromPromotions = try container.decodeIfPresent(Bool.self, forKey: "isExcludedFromPromotions")
        isAwaitingPurchaseOrder = try container.decodeIfPresent(Bool.self, forKey: "isAwaitingPurchaseOrder")
        packageLineItemId = try container.decodeIfPresent(String.self, forKey: "packageLineItemId")
        packageSkuId = try container.decodeIfPresent(String.self, forKey: "packageSkuId")
        components = try container.decodeIfPresent([OmniumJSONValue].self, forKey: "components")
        groupId = try container.decodeIfPresent(String.self, forKey: "groupId")
        supplierId = try container.decodeIfPresent(String.self, forKey: "supplierId")
        supplierName = try container.decodeIfPresent(String.self, forKey: "supplierName")
        supplierSkuId = try container.decodeIfPresent(String.self, forKey: "supplierSkuId")
        selectedUnit = try container.decodeIfPresent(String.self, forKey: "selectedUnit")
        selectedUnitConversionFactor = try container.decodeIfPresent(Decimal.self, forKey: "selectedUnitConversionFactor")
        selectedUnitQuantity = try container.decodeIfPresent(Decimal.self, forKey: "selectedUnitQuantity")
        updateStock = try container.decodeIfPresent(Bool.self, forKey: "updateStock")
        internalWarehouseLocation = try container.decodeIfPresent(String.self, forKey: "internalWarehouseLocation")
        orderLineDiscounts = try container.decodeIfPresent([OmniumOrderLineDiscount].self, forKey: "orderLineDiscounts")
        orderLineBonusPoints = try container.decodeIfPresent(OmniumJSONValue.self, forKey: "orderLineBonusPoints")
        discountedExclTax = try container.decodeIfPresent(Decimal.self, forKey: "discountedExclTax")
        costTotal = try container.decodeIfPresent(Decimal.self, forKey: "costTotal")
        creditedAmount = try container.decodeIfPresent(Decimal.self, forKey: "creditedAmount")
        reservedInventory = try container.decodeIfPresent(OmniumJSONValue.self, forKey: "reservedInventory")
        reservedInventoryQuantity = try container.decodeIfPresent(Decimal.self, forKey: "reservedInventoryQuantity")
        reservedInventoryDeliveryId = try container.decodeIfPresent(String.self, forKey: "reservedInventoryDeliveryId")
        reservedInventoryPurchaseOrderId = try container.decodeIfPresent(String.self, forKey: "reservedInventoryPurchaseOrderId")
        reservedInventoryPurchaseOrderLineId = try container.decodeIfPresent(String.self, forKey: "reservedInventoryPurchaseOrderLineId")
        priceListId = try container.decodeIfPresent(String.self, forKey: "priceListId")
        priceListItemId = try container.decodeIfPresent(String.self, forKey: "priceListItemId")
        originalExtendedPricePerUnit = try container.decodeIfPresent(Decimal.self, forKey: "originalExtendedPricePerUnit")
        lineItemDiscountAmount = try container.decodeIfPresent(Decimal.self, forKey: "lineItemDiscountAmount")
        lineItemDiscountAmountExclTax = try container.decodeIfPresent(Decimal.self, forKey: "lineItemDiscountAmountExclTax")
        isPackage = try container.decodeIfPresent(Bool.self, forKey: "isPackage")
        suggestedRetailPrice = try container.decodeIfPresent(Decimal.self, forKey: "suggestedRetailPrice")
        suggestedRetailPriceExclTax = try container.decodeIfPresent(Decimal.self, forKey: "suggestedRetailPriceExclTax")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(lineItemId, forKey: "lineItemId")
        try container.encodeIfPresent(code, forKey: "code")
        try container.encodeIfPresent(productId, forKey: "productId")
        try container.encodeIfPresent(displayName, forKey: "displayName")
        try container.encodeIfPresent(quantity, forKey: "quantity")
        try container.encodeIfPresent(placedPrice, forKey: "placedPrice")
        try container.encodeIfPresent(taxRate, forKey: "taxRate")
        try container.encodeIfPresent(discounted, forKey: "discounted")
        try container.encodeIfPresent(unit, forKey: "unit")
        try container.encodeIfPresent(ean, forKey: "ean")
        try container.encodeIfPresent(cost, forKey: "cost")
        try container.encodeIfPresent(brand, forKey: "brand")
        try container.encodeIfPresent(color, forKey: "color")
        try container.encodeIfPresent(size, forKey: "size")
        try container.encodeIfPresent(imageUrl, forKey: "imageUrl")
        try container.encodeIfPresent(deliveredQuantity, forKey: "deliveredQuantity")
        try container.encodeIfPresent(canceledQuantity, forKey: "canceledQuantity")
        try container.encodeIfPresent(returnQuantity, forKey: "returnQuantity")
        try container.encodeIfPresent(readyForPickupQuantity, forKey: "readyForPickupQuantity")
        try container.encodeIfPresent(canceledDate, forKey: "canceledDate")
        try container.encodeIfPresent(returnDate, forKey: "returnDate")
        try container.encodeIfPresent(deliveredDate, forKey: "deliveredDate")
        try container.encodeIfPresent(cancelReason, forKey: "cancelReason")
        try container.encodeIfPresent(returnReason, forKey: "returnReason")
        try container.encodeIfPresent(returnType, forKey: "returnType")
        try container.encodeIfPresent(discountReasonCode, forKey: "discountReasonCode")
        try container.encodeIfPresent(comment, forKey: "comment")
        try container.encodeIfPresent(placedPriceExclTax, forKey: "placedPriceExclTax")
        try container.encodeIfPresent(discountedPrice, forKey: "discountedPrice")
        try container.encodeIfPresent(discountedPriceExclTax, forKey: "discountedPriceExclTax")
        try container.encodeIfPresent(extendedPrice, forKey: "extendedPrice")
        try container.encodeIfPresent(extendedPriceExclTax, forKey: "extendedPriceExclTax")
        try container.encodeIfPresent(orderDiscountAmount, forKey: "orderDiscountAmount")
        try container.encodeIfPresent(taxTotal, forKey: "taxTotal")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(alternativeProductName, forKey: "alternativeProductName")
        try container.encodeIfPresent(gtins, forKey: "gtins")
        try container.encodeIfPresent(webSiteProductUrl, forKey: "webSiteProductUrl")
        try container.encodeIfPresent(replacedQuantity, forKey: "replacedQuantity")
        try container.encodeIfPresent(readyForPickupDate, forKey: "readyForPickupDate")
        try container.encodeIfPresent(expectedDeliveryDate, forKey: "expectedDeliveryDate")
        try container.encodeIfPresent(requestedDeliveryDate, forKey: "requestedDeliveryDate")
        try container.encodeIfPresent(customerPickupDeadline, forKey: "customerPickupDeadline")
        try container.encodeIfPresent(storePickDate, forKey: "storePickDate")
        try container.encodeIfPresent(cancelComment, forKey: "cancelComment")
        try container.encodeIfPresent(replacementReason, forKey: "replacementReason")
        try container.encodeIfPresent(replacementType, forKey: "replacementType")
        try container.encodeIfPresent(modifiedReason, forKey: "modifiedReason")
        try container.encodeIfPresent(serialNumber, forKey: "serialNumber")
        try container.encodeIfPresent(isGift, forKey: "isGift")
        try container.encodeIfPresent(isReadOnly, forKey: "isReadOnly")
        try container.encodeIfPresent(isReadOnlyByCustomer, forKey: "isReadOnlyByCustomer")
        try container.encodeIfPresent(isVirtualProduct, forKey: "isVirtualProduct")
        try container.encodeIfPresent(isBackorder, forKey: "isBackorder")
        try container.encodeIfPresent(isPackageProduct, forKey: "isPackageProduct")
        try container.encodeIfPresent(isBundle, forKey: "isBundle")
        try container.encodeIfPresent(isPackageBrokeDown, forKey: "isPackageBrokeDown")
        try container.encodeIfPresent(isConfigurableProduct, forKey: "isConfigurableProduct")
        try container.encodeIfPresent(isSkuAccessory, forKey: "isSkuAccessory")
        try container.encodeIfPresent(isSerializableProduct, forKey: "isSerializableProduct")
        try container.encodeIfPresent(isExcludedFromPromotions, forKey: "isExcludedFromPromotions")
        try container.encodeIfPresent(isAwaitingPurchaseOrder, forKey: "isAwaitingPurchaseOrder")
        try container.encodeIfPresent(packageLineItemId, forKey: "packageLineItemId")
        try container.encodeIfPresent(packageSkuId, forKey: "packageSkuId")
        try container.encodeIfPresent(components, forKey: "components")
        try container.encodeIfPresent(groupId, forKey: "groupId")
        try container.encodeIfPresent(supplierId, forKey: "supplierId")
        try container.encodeIfPresent(supplierName, forKey: "supplierName")
        try container.encodeIfPresent(supplierSkuId, forKey: "supplierSkuId")
        try container.encodeIfPresent(selectedUnit, forKey: "selectedUnit")
        try container.encodeIfPresent(selectedUnitConversionFactor, forKey: "selectedUnitConversionFactor")
        try container.encodeIfPresent(selectedUnitQuantity, forKey: "selectedUnitQuantity")
        try container.encodeIfPresent(updateStock, forKey: "updateStock")
        try container.encodeIfPresent(internalWarehouseLocation, forKey: "internalWarehouseLocation")
        try container.encodeIfPresent(orderLineDiscounts, forKey: "orderLineDiscounts")
        try container.encodeIfPresent(orderLineBonusPoints, forKey: "orderLineBonusPoints")
        try container.encodeIfPresent(discountedExclTax, forKey: "discountedExclTax")
        try container.encodeIfPresent(costTotal, forKey: "costTotal")
        try container.encodeIfPresent(creditedAmount, forKey: "creditedAmount")
        try container.encodeIfPresent(reservedInventory, forKey: "reservedInventory")
        try container.encodeIfPresent(reservedInventoryQuantity, forKey: "reservedInventoryQuantity")
        try container.encodeIfPresent(reservedInventoryDeliveryId, forKey: "reservedInventoryDeliveryId")
        try container.encodeIfPresent(reservedInventoryPurchaseOrderId, forKey: "reservedInventoryPurchaseOrderId")
        try container.encodeIfPresent(reservedInventoryPurchaseOrderLineId, forKey: "reservedInventoryPurchaseOrderLineId")
        try container.encodeIfPresent(priceListId, forKey: "priceListId")
        try container.encodeIfPresent(priceListItemId, forKey: "priceListItemId")
        try container.encodeIfPresent(originalExtendedPricePerUnit, forKey: "originalExtendedPricePerUnit")
        try container.encodeIfPresent(lineItemDiscountAmount, forKey: "lineItemDiscountAmount")
        try container.encodeIfPresent(lineItemDiscountAmountExclTax, forKey: "lineItemDiscountAmountExclTax")
        try container.encodeIfPresent(isPackage, forKey: "isPackage")
        try container.encodeIfPresent(suggestedRetailPrice, forKey: "suggestedRetailPrice")
        try container.encodeIfPresent(suggestedRetailPriceExclTax, forKey: "suggestedRetailPriceExclTax")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
