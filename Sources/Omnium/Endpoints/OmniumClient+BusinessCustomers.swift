import Foundation

// MARK: - Business customers

/// B2B customers (companies), keyed by `customerId`.
/// Spec: omnium-contract.md §11.
extension OmniumClient {
    /// `GET /api/BusinessCustomers/{customerId}`.
    public func businessCustomer(id: String) async throws -> OmniumBusinessCustomer {
        try await send(.get("/api/BusinessCustomers/\(OmniumRequest.segment(id))"), as: OmniumBusinessCustomer.self)
    }

    /// `GET /api/BusinessCustomers/{customerId}`, decoded leniently (an unreadable one is `.undecodable`).
    public func businessCustomerRecord(id: String) async throws -> OmniumPageRecord<OmniumBusinessCustomer> {
        try await send(.get("/api/BusinessCustomers/\(OmniumRequest.segment(id))"),
                       as: OmniumPageRecord<OmniumBusinessCustomer>.self)
    }

    /// `POST /api/BusinessCustomers/Search`: one page as set in `request`.
    public func searchBusinessCustomers(_ request: OmniumCustomerSearchRequest) async throws
        -> OmniumSearchResult<OmniumBusinessCustomer> {
        try await send(try .json(.post, "/api/BusinessCustomers/Search", body: request),
                       as: OmniumSearchResult<OmniumBusinessCustomer>.self)
    }

    /// `POST /api/BusinessCustomers/Search`, page after page.
    public func businessCustomerPages(_ request: OmniumCustomerSearchRequest, take: Int = OmniumClient.maxTake)
        -> AsyncThrowingStream<[OmniumBusinessCustomer], Error> {
        searchPages("/api/BusinessCustomers/Search", request: request, take: take, of: OmniumBusinessCustomer.self)
    }

    /// `POST /api/BusinessCustomers/Scroll` then `GET /api/BusinessCustomers/Scroll/{id}`.
    public func scrollBusinessCustomers(_ request: OmniumCustomerSearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumBusinessCustomer], Error> {
        scrollPages(resource: "BusinessCustomers", request: request, maxRestarts: maxRestarts,
                    of: OmniumBusinessCustomer.self)
    }

    /// `POST /api/BusinessCustomers`: create (existing id → 409; see `createTreatingConflictAsDone`).
    /// A blank `customerId` is left out and assigned by Omnium, as for private customers; use the
    /// returned customer.
    public func createBusinessCustomer(_ customer: OmniumBusinessCustomer) async throws -> OmniumBusinessCustomer {
        try await send(try .customerCreate("/api/BusinessCustomers", customer, id: customer.customerId),
                       as: OmniumBusinessCustomer.self)
    }

    /// `POST /api/BusinessCustomers/Update`: replace an existing customer (unknown id → 404).
    public func updateBusinessCustomer(_ customer: OmniumBusinessCustomer) async throws -> OmniumBusinessCustomer {
        try await send(try .json(.post, "/api/BusinessCustomers/Update", body: customer),
                       as: OmniumBusinessCustomer.self)
    }

    /// `PUT /api/BusinessCustomers/AddOrUpdateMany?enrichContactsFromPrivateCustomers=..`: upsert by
    /// `customerId`, in chunks of at most 100.
    public func addOrUpdateBusinessCustomers(
        _ customers: [OmniumBusinessCustomer], enrichContactsFromPrivateCustomers: Bool? = nil
    ) async throws {
        let query = enrichContactsFromPrivateCustomers.map {
            [URLQueryItem(name: "enrichContactsFromPrivateCustomers", value: String($0))]
        } ?? []
        try await sendInChunks(customers, size: Self.maxCustomersPerRequest) { chunk in
            try .json(.put, "/api/BusinessCustomers/AddOrUpdateMany", query: query, body: chunk)
        }
    }
}
