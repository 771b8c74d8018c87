import FlowStore
import Foundation
import Omnium

// MARK: - OutboundCustomerMapping

/// Customers created or changed at the till as Omnium customers (flow-integration.md §6.1, §6.2).
///
/// `customerId` is the Omnium id the customer already has (Flow's `externalId`), else the Flow uid; the
/// push goes through `AddOrUpdateMany`, an upsert keyed on `customerId`, so a repeat changes nothing,
/// and the id is written back to Flow's `externalId` afterwards (docs/mapping-outbound.md "Customers").
public enum OutboundCustomerMapping {
    /// Whether Flow's type makes an Omnium business customer (`COMPANY`, `B2B`) or a private one.
    public static func isBusiness(_ customer: FlowCustomer) -> Bool {
        customer.type.rawValue == "COMPANY" || customer.type.rawValue == "B2B"
    }

    /// The Omnium `customerId` of a Flow customer.
    public static func omniumId(_ customer: FlowCustomer) -> String {
        customer.externalId.flatMap { $0.isEmpty ? nil : $0 } ?? customer.customerUid
    }

    /// §6.1: a private customer (`PERSON`). The address country is the tenant's.
    public static func privateCustomer(_ customer: FlowCustomer, settings: OutboundSettings) -> OmniumPrivateCustomer {
        OmniumPrivateCustomer(
            customerId: omniumId(customer), customerNumber: customer.loyaltyId, firstName: customer.firstName,
            lastName: customer.lastName, fullName: customer.displayName, email: customer.email, phone: customer.mobile,
            address: address(customer, countryCode: settings.tenantCountryCode, name: customer.displayName),
            marketGroupId: settings.customerMarketGroupID)
    }

    /// §6.2: a business customer (`COMPANY`, `B2B`). The address country is the customer's own.
    public static func businessCustomer(_ customer: FlowCustomer, settings: OutboundSettings) -> OmniumBusinessCustomer {
        var result = OmniumBusinessCustomer(
            customerId: omniumId(customer), name: customer.companyName, taxId: customer.vatNumber,
            customerNumber: customer.loyaltyId, email: customer.email, phone: customer.mobile,
            address: address(customer, countryCode: customer.countryCode, name: customer.companyName))
        result.marketGroupId = settings.customerMarketGroupID
        return result
    }

    static func address(_ customer: FlowCustomer, countryCode: String?, name: String?) -> OmniumAddress? {
        guard customer.address != nil || customer.city != nil || customer.postalCode != nil else { return nil }
        return OmniumAddress(name: name, line1: customer.address, postalCode: customer.postalCode, city: customer.city,
                             countryCode: countryCode)
    }
}
