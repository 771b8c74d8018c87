import Foundation

// MARK: - Orders: reads

/// Orders: delta reads (search, scroll, by id) and the writes Flow makes (POS orders, updates,
/// status changes, line cancellations).
/// Spec: omnium-contract.md §10.
extension OmniumClient {
    /// Orders per `UpdateMany` request (client rule; Omnium documents no limit).
    public static let maxOrdersPerRequest = 100

    /// `POST /api/Orders/Search`: one page as set in `request`.
    public func searchOrders(_ request: OmniumOrderSearchRequest) async throws -> OmniumSearchResult<OmniumOrder> {
        try await send(try .json(.post, "/api/Orders/Search", body: request), as: OmniumSearchResult<OmniumOrder>.self)
    }

    /// `POST /api/Orders/Search`, page after page (up to Omnium's 10,000-hit window); each order
    /// decoded on its own (`OmniumPageRecord`).
    public func orderPages(_ request: OmniumOrderSearchRequest, take: Int = OmniumClient.maxTake)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumOrder>], Error> {
        searchPages("/api/Orders/Search", request: request, take: take, of: OmniumPageRecord<OmniumOrder>.self)
    }

    /// `POST /api/Orders/Scroll` then `GET /api/Orders/Scroll/{id}` (beyond 10,000 hits); each order
    /// decoded on its own, so one the model cannot read does not sink its batch.
    public func scrollOrders(_ request: OmniumOrderSearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumOrder>], Error> {
        scrollPages(resource: "Orders", request: request, maxRestarts: maxRestarts, of: OmniumPageRecord<OmniumOrder>.self)
    }

    /// `GET /api/Orders/{id}`.
    /// - Throws: `OmniumError` `.notFound` ("Order was not found").
    public func order(id: String) async throws -> OmniumOrder {
        try await send(.get(Self.orderPath(id)), as: OmniumOrder.self)
    }

    /// `GET /api/Orders/{id}`, decoded leniently: an order the model cannot read is `.undecodable`
    /// at once (repeating the read would read the same record).
    /// - Throws: `OmniumError` `.notFound` ("Order was not found").
    public func orderRecord(id: String) async throws -> OmniumPageRecord<OmniumOrder> {
        try await send(.get(Self.orderPath(id)), as: OmniumPageRecord<OmniumOrder>.self)
    }

    // MARK: Writes

    /// `PUT /api/Orders/PosOrders`: create a POS order (existing `id` → 409). Not repeated after an
    /// unreadable answer; use `createPosOrderTreatingConflictAsDone` to make a rerun safe. Without
    /// an `id` Omnium generates a number, so such a call is never repeated at all (a repeat after a
    /// lost answer would create a second order): Flow always sends its own id.
    public func createPosOrder(_ order: OmniumOrder) async throws -> OmniumOrder {
        let hasId = !(order.id?.isEmpty ?? true)
        let request = try OmniumRequest.json(.put, "/api/Orders/PosOrders", body: order,
                                             repeatability: hasId ? .conflictOnRepeat : .notRepeatable)
        return try await send(request, as: OmniumOrder.self)
    }

    /// `POST /api/Orders`: create with an explicit `id` (existing `id` → 409).
    public func createOrder(_ order: OmniumOrder) async throws -> OmniumOrder {
        try await send(try .json(.post, "/api/Orders", body: order, repeatability: .conflictOnRepeat),
                       as: OmniumOrder.self)
    }

    /// `PUT /api/Orders`: create with an order number Omnium generates (`id` = that number when not
    /// given). Use the returned order: it carries the number. Never repeated after a possible effect
    /// (each call creates an order).
    public func createOrderWithGeneratedNumber(_ order: OmniumOrder) async throws -> OmniumOrder {
        try await send(try .json(.put, "/api/Orders", body: order, repeatability: .notRepeatable), as: OmniumOrder.self)
    }

    /// `POST /api/Orders/ImportMany`: add orders without running workflows; orders whose `id` Omnium
    /// already has are left as they are, so a repeat changes nothing. In chunks of at most 100.
    public func importOrders(_ orders: [OmniumOrder]) async throws {
        try await sendInChunks(orders, size: Self.maxOrdersPerRequest) { chunk in
            try .json(.post, "/api/Orders/ImportMany", body: chunk)
        }
    }

    /// `PUT /api/Orders/PosOrders`, and on 409 `GET /api/Orders/{id}`: the POS order is there either way.
    public func createPosOrderTreatingConflictAsDone(_ order: OmniumOrder) async throws
        -> OmniumCreateOutcome<OmniumOrder> {
        guard let id = order.id, !id.isEmpty else {
            return .created(try await createPosOrder(order))
        }
        return try await createTreatingConflictAsDone {
            try await createPosOrder(order)
        } readExisting: {
            try await self.order(id: id)
        }
    }

    /// `createPosOrderTreatingConflictAsDone` reading only the stored order's id and status from the
    /// answer (the create's, or on 409 the `GET /api/Orders/{id}` read-back's): what a push needs.
    public func createPosOrderReadingIdTreatingConflictAsDone(_ order: OmniumOrder) async throws
        -> OmniumCreateOutcome<OmniumCreatedOrder> {
        let hasId = !(order.id?.isEmpty ?? true)
        let request = try OmniumRequest.json(.put, "/api/Orders/PosOrders", body: order,
                                             repeatability: hasId ? .conflictOnRepeat : .notRepeatable)
        guard let id = order.id, hasId else { return .created(try await send(request, as: OmniumCreatedOrder.self)) }
        return try await createTreatingConflictAsDone {
            try await send(request, as: OmniumCreatedOrder.self)
        } readExisting: {
            try await send(.get(Self.orderPath(id)), as: OmniumCreatedOrder.self)
        }
    }

    /// ``createPosOrderReadingIdTreatingConflictAsDone(_:)`` for a body already written as JSON (the POS push
    /// writes it as bytes, `OutboundOrderMapping.posOrderJSON`); `id` is the order's id in that body.
    public func createPosOrderReadingIdTreatingConflictAsDone(id: String, body: Data) async throws
        -> OmniumCreateOutcome<OmniumCreatedOrder> {
        let request = OmniumRequest(method: .put, path: "/api/Orders/PosOrders", body: body, contentType: "application/json",
                                    repeatability: id.isEmpty ? .notRepeatable : .conflictOnRepeat)
        guard !id.isEmpty else { return .created(try await send(request, as: OmniumCreatedOrder.self)) }
        return try await createTreatingConflictAsDone {
            try await send(request, as: OmniumCreatedOrder.self)
        } readExisting: {
            try await send(.get(Self.orderPath(id)), as: OmniumCreatedOrder.self)
        }
    }

    /// `POST /api/Orders/UpdateMany?runWorkflow=..`: upsert (adds missing, replaces existing), in
    /// chunks of at most 100 orders.
    public func updateOrders(_ orders: [OmniumOrder], runWorkflow: Bool? = nil) async throws {
        let query = runWorkflow.map { [URLQueryItem(name: "runWorkflow", value: String($0))] } ?? []
        try await sendInChunks(orders, size: Self.maxOrdersPerRequest) { chunk in
            try .json(.post, "/api/Orders/UpdateMany", query: query, body: chunk)
        }
    }

    /// `POST /api/Orders/{orderId}/UpdateStatus`: set the status and run its workflow.
    public func updateOrderStatus(orderId: String, _ patch: OmniumUpdateStatusPatch) async throws
        -> OmniumWorkflowResult {
        try await send(try .json(.post, "\(Self.orderPath(orderId))/UpdateStatus", body: patch),
                       as: OmniumWorkflowResult.self)
    }

    /// `POST /api/Orders/{orderId}/OrderLines/{lineItemId}/Cancel?sendNotifications=..`; a repeat is a no-op.
    public func cancelOrderLine(orderId: String, lineItemId: String, sendNotifications: Bool = false) async throws
        -> OmniumOrder {
        let path = "\(Self.orderPath(orderId))/OrderLines/\(OmniumRequest.segment(lineItemId))/Cancel"
        let query = [URLQueryItem(name: "sendNotifications", value: String(sendNotifications))]
        return try await send(OmniumRequest(method: .post, path: path, query: query), as: OmniumOrder.self)
    }

    static func orderPath(_ id: String) -> String {
        "/api/Orders/\(OmniumRequest.segment(id))"
    }
}

extension OmniumOrderSearchRequest: OmniumPageableSearch {
    public mutating func setPaging(take: Int, page: Int) {
        self.take = take
        self.page = page
    }

    /// Delta query: orders modified at or after `mark`, oldest first, facets off (contract §3).
    public static func modified(from mark: Date, orderType: String? = nil, selectedStatuses: [String]? = nil)
        -> OmniumOrderSearchRequest {
        OmniumOrderSearchRequest(modifiedFrom: mark, selectedStatuses: selectedStatuses, orderType: orderType,
                                 sortOrder: OmniumSortOrder.modifiedAscending, disableFacets: true)
    }
}
