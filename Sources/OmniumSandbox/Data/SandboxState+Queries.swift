import Foundation
import Omnium

/// Order, purchase order, customer and invoice queries (in-memory collections).
///
/// Spec: omnium-contract.md §9–§12 (filters; Sandbox choice: other documented filters ignored;
/// string filters case-insensitive; `modifiedFrom` inclusive).
extension SandboxState {
    // MARK: - Orders

    /// Orders matching `request`, sorted by `sortOrder` (default `CreatedDescending`).
    public func orders(matching request: OmniumOrderSearchRequest) throws -> SandboxResultSet<OmniumOrder> {
        let sort = try SandboxSortOrder.parse(request.sortOrder, default: .createdDescending)
        let statuses = Self.lowered(request.selectedStatuses)
        let excluded = Self.lowered(request.excludedStatuses)
        let stores = Self.lowered(request.selectedStores)
        let markets = Self.lowered(request.selectedMarkets)
        let externalIds = Self.lowered(request.externalIds)
        return read { storage in
            let matches = storage.orders.summaries.filter { order in
                Self.inWindow(order.modified, request.modifiedFrom, request.modifiedTo)
                    && Self.inWindow(order.created, request.createdFrom, request.createdTo)
                    && Self.isIn(order.status, statuses) && !(excluded.contains((order.status ?? "").lowercased()))
                    && Self.isIn(order.storeId, stores) && Self.isIn(order.marketId, markets)
                    && Self.equal(order.orderType, request.orderType) && Self.equal(order.orderNumber ?? order.id, request.orderNumber)
                    && Self.equal(order.customerId, request.customerId)
                    && (externalIds.isEmpty || (order.hasExternalIds && (storage.orders[order.id]?.externalIds ?? [])
                        .contains { externalIds.contains(($0.id ?? "").lowercased()) }))
            }
            let ids = sort.sorted(matches, modified: \.modified, created: \.created, id: \.id).map(\.id)
            let book = storage.orders
            return SandboxResultSet(count: ids.count) { range in ids[range].compactMap { book[$0] } }
        }
    }

    // MARK: - Purchase orders

    /// Purchase orders matching `request`, sorted by `sortOrder` (default `ModifiedAscending`).
    public func purchaseOrders(matching request: OmniumPurchaseOrderSearchRequest) throws -> SandboxResultSet<OmniumPurchaseOrder> {
        let sort = try SandboxSortOrder.parse(request.sortOrder, default: .modifiedAscending)
        let statuses = Self.lowered(request.selectedStatuses)
        let stores = Self.lowered(request.selectedStores)
        let externalIds = Self.lowered(request.externalIds)
        let matches = read { storage in
            storage.purchaseOrders.all.filter { po in
                let type = po.supplierWarehouseCode.nonEmpty == nil ? "PurchaseOrder" : "InternalTransfer"
                return Self.inWindow(po.modified, request.modifiedFrom, request.modifiedTo)
                    && Self.isIn(po.status, statuses) && Self.isIn(po.storeId, stores)
                    && Self.equal(type, request.orderType) && Self.equal(po.purchaseOrderNumber ?? po.id, request.orderNumber)
                    && Self.equal(po.supplierId, request.supplierId)
                    && (externalIds.isEmpty || (po.externalIds ?? []).contains { externalIds.contains(($0.id ?? "").lowercased()) })
            }
        }
        return SandboxResultSet(sort.sorted(matches, modified: \.modified, created: \.created) { $0.id ?? "" })
    }

    // MARK: - Customers

    public func privateCustomers(matching request: OmniumCustomerSearchRequest) throws -> SandboxResultSet<OmniumPrivateCustomer> {
        let sort = try SandboxSortOrder.parse(request.sortOrder, default: .modifiedAscending)
        let matches = read { storage in
            storage.privateCustomers.all.filter {
                Self.customerMatches(request, id: $0.customerId, number: $0.customerNumber, email: $0.email, phone: $0.phone,
                                     externalIds: $0.externalIds, modified: $0.modified)
            }
        }
        return SandboxResultSet(sort.sorted(matches, modified: \.modified, created: \.created, id: \.customerId))
    }

    public func businessCustomers(matching request: OmniumCustomerSearchRequest) throws -> SandboxResultSet<OmniumBusinessCustomer> {
        let sort = try SandboxSortOrder.parse(request.sortOrder, default: .modifiedAscending)
        let matches = read { storage in
            storage.businessCustomers.all.filter {
                Self.customerMatches(request, id: $0.customerId, number: $0.customerNumber, email: $0.email, phone: $0.phone,
                                     externalIds: $0.externalIds, modified: $0.modified)
            }
        }
        return SandboxResultSet(sort.sorted(matches, modified: \.modified, created: \.created, id: \.customerId))
    }

    // MARK: - Invoices

    /// Invoices of an order; `isPaid` true = `amountOutstanding` null or 0, false = the rest, nil = all.
    public func invoices(orderId: String, isPaid: Bool? = nil) -> [OmniumInvoice] {
        read { storage in
            storage.invoices.all.filter { invoice in
                guard invoice.orderId == orderId else { return false }
                guard let isPaid else { return true }
                return ((invoice.amountOutstanding ?? 0) == 0) == isPaid
            }
        }
    }

    // MARK: - Filter helpers

    static func lowered(_ values: [String]?) -> Set<String> {
        Set(values.orEmpty.filter { !$0.isEmpty }.map { $0.lowercased() })
    }

    static func isIn(_ value: String?, _ set: Set<String>) -> Bool {
        set.isEmpty || set.contains((value ?? "").lowercased())
    }

    static func equal(_ value: String?, _ filter: String?) -> Bool {
        guard let filter = filter.nonEmpty else { return true }
        return (value ?? "").caseInsensitiveCompare(filter) == .orderedSame
    }

    static func inWindow(_ date: Date?, _ from: Date?, _ to: Date?) -> Bool {
        if let from, (date ?? .distantPast) < from { return false }
        if let to, (date ?? .distantPast) > to { return false }
        return true
    }

    static func customerMatches(_ r: OmniumCustomerSearchRequest, id: String, number: String?, email: String?, phone: String?,
                                externalIds: [OmniumExternalId]?, modified: Date?) -> Bool {
        let ids = lowered(r.customerIds)
        let numbers = lowered(r.customerNumbers)
        let external = lowered(r.externalIds)
        return equal(id, r.customerId) && isIn(id, ids) && isIn(number, numbers) && equal(email, r.email) && equal(phone, r.phone)
            && (external.isEmpty || (externalIds ?? []).contains { external.contains(($0.id ?? "").lowercased()) })
            && inWindow(modified, r.modifiedFrom, r.modifiedTo)
    }
}
