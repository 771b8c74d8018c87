import Foundation
import Omnium

/// Everything written to the sandbox since it started, as `GET /_sandbox/dump` answers it.
///
/// Why one Codable value: the demo, manual tests and `omniflow sandbox dump` read back what a run
/// wrote (orders, returns, status changes, stock, receptions, customers, invoices) without
/// searching the Omnium API for it; generated data that was never touched is left out.
public struct SandboxDump: Codable, Sendable, Equatable {
    /// Server time when the dump was taken.
    public var takenAt: Date
    public var seed: UInt64
    public var scale: SandboxScale
    /// Orders created through the API (`POST /api/Orders`, `PosOrders`, `UpdateMany` inserts), in write order.
    public var ordersCreated: [OmniumOrder]
    /// Generated orders changed through the API or by mutations, current version.
    public var ordersUpdated: [OmniumOrder]
    /// Ids of created orders whose `orderType` is `Pos`.
    public var posOrderIds: [String]
    /// Return forms on created or changed orders.
    public var returns: [SandboxDumpReturn]
    public var statusChanges: [SandboxStatusChange]
    public var lineCancels: [SandboxLineCancel]
    /// Stock records written by `UpdateMany`, goods receptions or mutations.
    public var inventory: [OmniumInventoryItem]
    public var goodsReceptions: [SandboxGoodsReception]
    /// Sorted.
    public var processedGoodsReceptionIds: [String]
    public var privateCustomers: [OmniumPrivateCustomer]
    public var businessCustomers: [OmniumBusinessCustomer]
    public var invoices: [OmniumInvoice]
    /// The last file uploaded per invoice (name and size; `GET /api/Invoices/GetAsPdf/{id}` has the bytes).
    public var invoiceFiles: [SandboxDumpInvoiceFile]
    /// Webhook events emitted so far.
    public var eventCount: Int

    /// A dump; everything not given is empty (the CLI's tests build dumps by hand).
    public init(
        takenAt: Date, seed: UInt64, scale: SandboxScale, ordersCreated: [OmniumOrder] = [], ordersUpdated: [OmniumOrder] = [],
        posOrderIds: [String] = [], returns: [SandboxDumpReturn] = [], statusChanges: [SandboxStatusChange] = [],
        lineCancels: [SandboxLineCancel] = [], inventory: [OmniumInventoryItem] = [], goodsReceptions: [SandboxGoodsReception] = [],
        processedGoodsReceptionIds: [String] = [], privateCustomers: [OmniumPrivateCustomer] = [],
        businessCustomers: [OmniumBusinessCustomer] = [], invoices: [OmniumInvoice] = [],
        invoiceFiles: [SandboxDumpInvoiceFile] = [], eventCount: Int = 0
    ) {
        self.takenAt = takenAt
        self.seed = seed
        self.scale = scale
        self.ordersCreated = ordersCreated
        self.ordersUpdated = ordersUpdated
        self.posOrderIds = posOrderIds
        self.returns = returns
        self.statusChanges = statusChanges
        self.lineCancels = lineCancels
        self.inventory = inventory
        self.goodsReceptions = goodsReceptions
        self.processedGoodsReceptionIds = processedGoodsReceptionIds
        self.privateCustomers = privateCustomers
        self.businessCustomers = businessCustomers
        self.invoices = invoices
        self.invoiceFiles = invoiceFiles
        self.eventCount = eventCount
    }
}

/// One return form and the order it belongs to.
public struct SandboxDumpReturn: Codable, Sendable, Equatable {
    public var orderId: String
    public var returnForm: OmniumReturnOrderForm

    public init(orderId: String, returnForm: OmniumReturnOrderForm) {
        self.orderId = orderId
        self.returnForm = returnForm
    }
}

/// An uploaded invoice file without its bytes.
public struct SandboxDumpInvoiceFile: Codable, Sendable, Equatable {
    public var invoiceId: String
    public var fileName: String
    public var size: Int

    public init(invoiceId: String, fileName: String, size: Int) {
        self.invoiceId = invoiceId
        self.fileName = fileName
        self.size = size
    }
}

extension SandboxState {
    /// Read-back of everything written through the API (and by mutations), in write order.
    public func dump() -> SandboxDump {
        let takenAt = now()
        return read { storage in
            let written = storage.orders.written.all
            let created = written.filter { !storage.orders.isGenerated($0.id ?? "") }
            let customerIds = storage.writtenCustomerIds.ids
            return SandboxDump(
                takenAt: takenAt, seed: storage.generator.options.seed, scale: storage.generator.options.scale,
                ordersCreated: created,
                ordersUpdated: written.filter { storage.orders.isGenerated($0.id ?? "") },
                posOrderIds: created.filter { $0.orderType == "Pos" }.compactMap(\.id),
                returns: written.flatMap { order in
                    (order.returnOrderForms ?? []).map { SandboxDumpReturn(orderId: order.id ?? "", returnForm: $0) }
                },
                statusChanges: storage.statusChanges, lineCancels: storage.lineCancels,
                inventory: storage.inventoryWritten.values.sorted {
                    ($0.sku ?? "", $0.warehouseCode ?? "") < ($1.sku ?? "", $1.warehouseCode ?? "")
                },
                goodsReceptions: storage.goodsReceptions,
                processedGoodsReceptionIds: storage.processedGoodsReceptionIds.sorted(),
                privateCustomers: customerIds.compactMap { storage.privateCustomers[$0] },
                businessCustomers: customerIds.compactMap { storage.businessCustomers[$0] },
                invoices: storage.invoices.all,
                invoiceFiles: storage.invoices.ids.compactMap { id in
                    storage.invoiceFiles[id].map { SandboxDumpInvoiceFile(invoiceId: id, fileName: $0.fileName, size: $0.bytes.count) }
                },
                eventCount: storage.events.count)
        }
    }
}
