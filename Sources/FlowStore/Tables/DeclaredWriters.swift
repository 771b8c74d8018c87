// MARK: - Declared writers

extension HashedRowWriter {
    /// Every hashed row writer of the Flow store, one per table it writes.
    ///
    /// Why a list: each writer declares its table's columns once (key and value columns, in the order
    /// their values are bound); `FlowTableDeclarationTests` checks every one against the schema the
    /// migrations create, so a column added to a table but not to its writer (or the other way round)
    /// fails a test instead of loading rows without it.
    static let declared: [HashedRowWriter] = [
        StoresTable.organizationRows, StoresTable.warehouseRows, StoresTable.storeRows,
        BrandsTable.brandWriter, BrandsTable.groupWriter,
        ProductsTable.writer, ProductsTable.imageWriter,
        PricesTable.listWriter, StockTable.writer,
        PurchaseOrdersTable.headerWriter, PurchaseOrdersTable.lineWriter,
        OrdersTable.orderWriter, OrdersTable.itemWriter, OrdersTable.handlingWriter,
        CustomersTable.writer,
    ]
}
