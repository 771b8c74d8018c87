import Foundation

// MARK: - Private customers

/// B2C customers, keyed by `customerId` (= Flow customer uid, which makes retries idempotent).
/// Spec: omnium-contract.md §11.
extension OmniumClient {
    /// Customers per `AddOrUpdateMany` request (Omnium's limit).
    public static let maxCustomersPerRequest = 100

    /// `GET /api/PrivateCustomers/{customerId}`.
    public func privateCustomer(id: String) async throws -> OmniumPrivateCustomer {
        try await send(.get("/api/PrivateCustomers/\(OmniumRequest.segment(id))"), as: OmniumPrivateCustomer.self)
    }

    /// `GET /api/PrivateCustomers/{customerId}`, decoded leniently (an unreadable one is `.undecodable`,
    /// answered at once instead of being retried as a malformed answer).
    public func privateCustomerRecord(id: String) async throws -> OmniumPageRecord<OmniumPrivateCustomer> {
        try await send(.get("/api/PrivateCustomers/\(OmniumRequest.segment(id))"),
                       as: OmniumPageRecord<OmniumPrivateCustomer>.self)
    }

    /// `POST /api/PrivateCustomers/Search`: one page as set in `request`.
    public func searchPrivateCustomers(_ request: OmniumCustomerSearchRequest) async throws
        -> OmniumSearchResult<OmniumPrivateCustomer> {
        try await send(try .json(.post, "/api/PrivateCustomers/Search", body: request),
                       as: OmniumSearchResult<OmniumPrivateCustomer>.self)
    }

    /// `POST /api/PrivateCustomers/Search`, page after page.
    public func privateCustomerPages(_ request: OmniumCustomerSearchRequest, take: Int = OmniumClient.maxTake)
        -> AsyncThrowingStream<[OmniumPrivateCustomer], Error> {
        searchPages("/api/PrivateCustomers/Search", request: request, take: take, of: OmniumPrivateCustomer.self)
    }

    /// `POST /api/PrivateCustomers/Scroll` then `GET /api/PrivateCustomers/Scroll/{id}`.
    public func scrollPrivateCustomers(_ request: OmniumCustomerSearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumPrivateCustomer], Error> {
        scrollPages(resource: "PrivateCustomers", request: request, maxRestarts: maxRestarts,
                    of: OmniumPrivateCustomer.self)
    }

    /// `POST /api/PrivateCustomers`: create (existing id → 409; see `createTreatingConflictAsDone`).
    /// A blank `customerId` is left out of the body, as the vendor's create examples do: Omnium assigns
    /// one, and the returned customer (use it, not the argument) carries it. Such a create is never
    /// repeated after a possible effect (a repeat would create a second customer).
    public func createPrivateCustomer(_ customer: OmniumPrivateCustomer) async throws -> OmniumPrivateCustomer {
        try await send(try .customerCreate("/api/PrivateCustomers", customer, id: customer.customerId),
                       as: OmniumPrivateCustomer.self)
    }

    /// `POST /api/PrivateCustomers/Update`: replace an existing customer (unknown id → 404).
    public func updatePrivateCustomer(_ customer: OmniumPrivateCustomer) async throws -> OmniumPrivateCustomer {
        try await send(try .json(.post, "/api/PrivateCustomers/Update", body: customer),
                       as: OmniumPrivateCustomer.self)
    }

    /// `PUT /api/PrivateCustomers/AddOrUpdateMany?exportCustomers=..`: upsert by `customerId`,
    /// in chunks of at most 100.
    public func addOrUpdatePrivateCustomers(_ customers: [OmniumPrivateCustomer], exportCustomers: Bool? = nil)
        async throws {
        let query = exportCustomers.map { [URLQueryItem(name: "exportCustomers", value: String($0))] } ?? []
        try await sendInChunks(customers, size: Self.maxCustomersPerRequest) { chunk in
            try .json(.put, "/api/PrivateCustomers/AddOrUpdateMany", query: query, body: chunk)
        }
    }
}

extension OmniumCustomerSearchRequest: OmniumPageableSearch {
    public mutating func setPaging(take: Int, page: Int) {
        self.take = take
        self.page = page
    }

    /// Delta query: customers modified at or after `mark`, oldest first.
    public static func modified(from mark: Date) -> OmniumCustomerSearchRequest {
        OmniumCustomerSearchRequest(modifiedFrom: mark, sortOrder: OmniumSortOrder.modifiedAscending)
    }
}

extension OmniumRequest {
    /// A customer create: with an id, repeatable into a 409 (the caller reads that as done); with a
    /// blank id, the `customerId` member left out for Omnium to assign, and never repeated.
    static func customerCreate<Customer: Encodable>(_ path: String, _ customer: Customer, id: String) throws
        -> OmniumRequest {
        guard id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return try .json(.post, path, body: customer, repeatability: .conflictOnRepeat)
        }
        var request = try OmniumRequest.json(.post, path, body: customer, repeatability: .notRepeatable)
        if let body = request.body, case .object(var members) = try OmniumJSON.decode(OmniumJSONValue.self, from: body) {
            members.removeValue(forKey: "customerId")
            request.body = try OmniumJSON.encode(OmniumJSONValue.object(members))
        }
        return request
    }
}
