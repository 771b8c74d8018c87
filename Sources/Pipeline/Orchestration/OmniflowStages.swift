/// The batch: every stage omniflow runs, in declaration order (the plan orders them by their inputs).
public enum OmniflowStages {
    public static func all() -> [any Stage] {
        [
            ExtractStores(), TransformStores(), LoadStores(),
            // Stock first: the longest chain (products × warehouses) starts first, and products and prices,
            // which do not depend on it, run beside it (``StageConcurrency``).
            ExtractInventory(), TransformInventory(), LoadInventory(),
            ExtractProducts(), TransformProducts(), LoadProducts(),
            ExtractPrices(), TransformPrices(), LoadPrices(),
            ExtractPurchaseOrders(), TransformPurchaseOrders(), LoadPurchaseOrders(),
            ExtractOrders(), TransformOrders(), ExtractOrderCustomers(), TransformOrderCustomers(), LoadOrders(),
            EnqueuePosChanges(), PushPosOrders(), PushGoodsReceptions(), PushStock(), PushCustomers(), PushInvoices(),
        ]
    }
}
