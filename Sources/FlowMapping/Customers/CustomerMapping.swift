import Foundation
import FlowStore
import Omnium

// MARK: - CustomerMapping

/// Omnium private and business customers to Flow customers.
///
/// The Omnium → Flow direction is not documented (flow-integration.md §6, §16); this mirrors the
/// documented Flow → Omnium tables (§6.1, §6.2) so a customer survives the round trip. Rules
/// (docs/mapping-orders.md):
/// - `customerUid` = sanitized Omnium `customerId` (the uid Flow itself sends as `customerId`),
///   `externalId` = the Omnium `customerId` as is. No usable id → `MappingIssue`.
/// - Private → `PERSON`: names, `displayName` = `fullName`, else "first last"; `mobile` = `phone`.
/// - Business → `COMPANY`: `companyName` = `displayName` = `name`, `vatNumber` = `taxId`.
/// - Address: `address.line1` (plus `streetNumber` when separate, plus `line2`), postal code, city and
///   the customer's own `countryCode` (falling back to the first of `addresses`).
/// - `loyaltyId`: with `OMNIUM_CUSTOMER_LOYALTY_ID_PROPERTY_KEY` set, the external id whose
///   `providerName` matches it (case-insensitively), else the property with that key; otherwise,
///   or when neither is there, `customerNumber`.
public enum CustomerMapping {

    public static func map(_ customer: OmniumPrivateCustomer,
                           settings: CustomerMappingSettings) throws(MappingIssue) -> FlowCustomer {
        let uid = try customerUid(customer.customerId, payload: SourcePayload.json(customer))
        let first = customer.firstName.nonEmpty
        let last = customer.lastName.nonEmpty
        let composed = [first, last].compactMap { $0 }.joined(separator: " ")
        let address = customer.address ?? customer.addresses?.first
        return FlowCustomer(
            customerUid: uid, type: .person, firstName: first, lastName: last,
            displayName: customer.fullName.nonEmpty ?? composed.nonEmpty, email: customer.email.nonEmpty,
            mobile: customer.phone.nonEmpty, address: addressLine(address), postalCode: address?.postalCode.nonEmpty,
            city: address?.city.nonEmpty, countryCode: address?.countryCode.nonEmpty,
            loyaltyId: loyaltyId(customerNumber: customer.customerNumber, externalIds: customer.externalIds,
                                 properties: customer.properties, settings: settings),
            externalId: customer.customerId)
    }

    public static func map(_ customer: OmniumBusinessCustomer,
                           settings: CustomerMappingSettings) throws(MappingIssue) -> FlowCustomer {
        let uid = try customerUid(customer.customerId, payload: SourcePayload.json(customer))
        let address = customer.address ?? customer.addresses?.first
        let name = customer.name.nonEmpty ?? address?.name.nonEmpty
        return FlowCustomer(
            customerUid: uid, type: .company, displayName: name, companyName: name, email: customer.email.nonEmpty,
            mobile: customer.phone.nonEmpty, address: addressLine(address), postalCode: address?.postalCode.nonEmpty,
            city: address?.city.nonEmpty, countryCode: address?.countryCode.nonEmpty,
            vatNumber: customer.taxId.nonEmpty,
            loyaltyId: loyaltyId(customerNumber: customer.customerNumber, externalIds: customer.externalIds,
                                 properties: customer.properties, settings: settings),
            externalId: customer.customerId)
    }

    // MARK: - Fields

    static func customerUid(_ customerId: String, payload: @autoclosure () -> String?) throws(MappingIssue) -> String {
        guard let uid = FlowUID.sanitize(customerId) else {
            throw MappingIssue(entity: .customer, recordKey: customerId.isEmpty ? "(no id)" : customerId,
                               reason: "customerId has no characters usable in a Flow UID", sourcePayload: payload())
        }
        return uid
    }

    /// `line1` (+ `streetNumber` unless already in it), then `line2`, comma-separated.
    static func addressLine(_ address: OmniumAddress?) -> String? {
        guard let address else { return nil }
        var street = address.line1.nonEmpty?.trimmingCharacters(in: .whitespaces)
        if let number = address.streetNumber.nonEmpty?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            if let line = street {
                if !line.hasSuffix(number) { street = line + " " + number }
            } else {
                street = number
            }
        }
        let parts = [street, address.line2.nonEmpty?.trimmingCharacters(in: .whitespaces)].compactMap { $0.nonEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func loyaltyId(customerNumber: String?, externalIds: [OmniumExternalId]?, properties: [OmniumProperty]?,
                          settings: CustomerMappingSettings) -> String? {
        if let key = settings.loyaltyIdPropertyKey.nonEmpty?.lowercased() {
            if let id = externalIds?.first(where: { $0.providerName?.lowercased() == key && $0.id.nonEmpty != nil })?.id {
                return id
            }
            if let value = properties?.first(where: { $0.key?.lowercased() == key && $0.value.nonEmpty != nil })?.value {
                return value
            }
        }
        return customerNumber.nonEmpty
    }
}
