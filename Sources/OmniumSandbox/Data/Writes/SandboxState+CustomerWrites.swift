import Foundation
import Omnium

/// Private and business customers: create (409 on existing id), `Update` (404 on unknown id,
/// replaces keeping `created`), `AddOrUpdateMany` (upsert by `customerId`, at most 100).
/// `fullName` = `firstName lastName` when both exist; an unchanged write keeps `modified`.
///
/// Spec: omnium-contract.md §11.
extension SandboxState {
    public static let customerBatchLimit = 100

    /// Create (409 on an existing id), update (404 on an unknown id) or upsert.
    public enum CustomerWriteMode: Sendable { case create, update, upsert }

    // MARK: - Private customers

    /// Writes private customers in `mode`; validates all before applying any.
    /// - Returns: the stored customers.
    /// - Throws: `SandboxWriteError` (400 missing id or over 100, 404 unknown on update, 409 existing on create).
    @discardableResult
    public func writePrivateCustomers(_ customers: [OmniumPrivateCustomer], mode: CustomerWriteMode) throws -> [OmniumPrivateCustomer] {
        try Self.checkBatch(customers.map(\.customerId), mode: mode)
        return try write { storage, now in
            try Self.checkExistence(customers.map(\.customerId), mode: mode) { storage.privateCustomers.contains($0) }
            return customers.map { input in
                var customer = input
                if let first = customer.firstName.nonEmpty, let last = customer.lastName.nonEmpty { customer.fullName = "\(first) \(last)" }
                let existing = storage.privateCustomers[customer.customerId]
                customer.created = existing?.created ?? customer.created ?? now
                customer.modified = existing?.modified
                if let existing, customer == existing { return existing }
                customer.modified = now
                storage.privateCustomers[customer.customerId] = customer
                storage.writtenCustomerIds[customer.customerId] = customer.customerId
                return customer
            }
        }
    }

    /// A customer id no private or business customer has (`OC-100001`, ...), for a create without one.
    public func newCustomerId() -> String {
        write { storage, _ in
            var id: String
            repeat { id = "OC-\(100_000 + storage.nextSequence())" }
                while storage.privateCustomers.contains(id) || storage.businessCustomers.contains(id)
            return id
        }
    }

    // MARK: - Business customers

    /// Writes business customers in `mode`; validates all before applying any.
    @discardableResult
    public func writeBusinessCustomers(_ customers: [OmniumBusinessCustomer], mode: CustomerWriteMode) throws -> [OmniumBusinessCustomer] {
        try Self.checkBatch(customers.map(\.customerId), mode: mode)
        return try write { storage, now in
            try Self.checkExistence(customers.map(\.customerId), mode: mode) { storage.businessCustomers.contains($0) }
            return customers.map { input in
                var customer = input
                let existing = storage.businessCustomers[customer.customerId]
                customer.created = existing?.created ?? customer.created ?? now
                customer.modified = existing?.modified
                if let existing, customer == existing { return existing }
                customer.modified = now
                storage.businessCustomers[customer.customerId] = customer
                storage.writtenCustomerIds[customer.customerId] = customer.customerId
                return customer
            }
        }
    }

    // MARK: - Checks

    private static func checkBatch(_ ids: [String], mode: CustomerWriteMode) throws {
        if mode == .upsert && ids.count > customerBatchLimit {
            throw SandboxWriteError.badRequest("At most \(customerBatchLimit) customers per request")
        }
        guard ids.allSatisfy({ !$0.isEmpty }) else { throw SandboxWriteError.badRequest("customerId is required") }
    }

    private static func checkExistence(_ ids: [String], mode: CustomerWriteMode, exists: (String) -> Bool) throws {
        for id in ids {
            switch mode {
            case .create where exists(id): throw SandboxWriteError.conflict("Customer with id '\(id)' already exists")
            case .update where !exists(id): throw SandboxWriteError.notFound("The customer with the given ID was not found")
            default: break
            }
        }
    }
}
