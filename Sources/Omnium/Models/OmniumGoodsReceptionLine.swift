import Foundation

/// One received line for `ProcessGoodsReception` (Omnium's `OmniumDeliveryGoodsReceptionLine`). `deliveredQuantity` is incremental; `goodsReceptionId` is the idempotency key of the delivery-scoped endpoint.
///
/// Spec: omnium-contract.md §9.
public struct OmniumGoodsReceptionLine: Codable, Sendable, Equatable {
    public var lineItemId: String?
    public var deliveredQuantity: Decimal?
    public var warehouseCode: String?
    public var goodsReceptionId: String?
    public var costPrice: Decimal?
    public var updateProductCostPrice: Bool?
    public var receiveAsUnallocated: Bool?
    public var allocateBasedOnRules: Bool?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        deliveredQuantity: Decimal? = nil,
        warehouseCode: String? = nil,
        goodsReceptionId: String? = nil,
        costPrice: Decimal? = nil,
        updateProductCostPrice: Bool? = nil,
        receiveAsUnallocated: Bool? = nil,
        allocateBasedOnRules: Bool? = nil
    ) {
        self.lineItemId = lineItemId
        self.deliveredQuantity = deliveredQuantity
        self.warehouseCode = warehouseCode
        self.goodsReceptionId = goodsReceptionId
        self.costPrice = costPrice
        self.updateProductCostPrice = updateProductCostPrice
        self.receiveAsUnallocated = receiveAsUnallocated
        self.allocateBasedOnRules = allocateBasedOnRules
    }
}

/// Omnium's own name for a goods reception line.
public typealias OmniumDeliveryGoodsReceptionLine = OmniumGoodsReceptionLine
