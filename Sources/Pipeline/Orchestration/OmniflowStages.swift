/// The batch: every stage omniflow runs, in declaration order (the plan orders them by their inputs).
public enum OmniflowStages {
    public static func all() -> [any Stage] {
        [
            ExtractStores(), TransformStores(), LoadStores(),
            ExtractProducts(), TransformProducts(), LoadProducts(),
            ExtractPrices(), TransformPrices(), LoadPrices(),
            ExtractInventory(), TransformInventory(), LoadInventory(),
            ExtractPurchaseOrders(), TransformPurchaseOrders(), LoadPurchaseOrders(),
            ExtractOrders(), TransformOrders(), ExtractOrderCustomers(), TransformOrderCustomers(), LoadOrders(),
            EnqueuePosChanges(), PushPosOrders(), PushGoodsReceptions(), PushStock(), PushCustomers(), PushInvoices(),
        ]
    }
}
