import Foundation
import Omnium

/// Private and business customers with Norwegian names and addresses.
extension SandboxDataGenerator {
    public func privateCustomers() -> [OmniumPrivateCustomer] {
        (0..<options.scale.privateCustomers).map(privateCustomer)
    }

    public func privateCustomer(at i: Int) -> OmniumPrivateCustomer {
        var random = rng("privateCustomer", i)
        let first = random.pick(SandboxNames.firstNames)
        let last = random.pick(SandboxNames.lastNames)
        let place = random.pick(SandboxNames.addresses)
        let email = "\(SandboxNames.ascii(first)).\(SandboxNames.ascii(last))\(i)@example.no"
        let phone = "+47" + String(random.pick([4, 9])) + String(format: "%07d", random.int(below: 10_000_000))
        let isMember = i % 2 == 0
        let stores = primaryStoreIds()
        var customer = OmniumPrivateCustomer(customerId: "C-\(100_001 + i)")
        customer.customerNumber = isMember ? "K\(500_001 + i)" : nil
        customer.firstName = first
        customer.lastName = last
        customer.fullName = "\(first) \(last)"
        customer.email = i % 13 == 4 ? nil : email
        customer.phone = phone
        customer.address = OmniumAddress(name: "\(first) \(last)", line1: "\(place.0) \(random.int(in: 1...120))",
                                         postalCode: place.1, city: place.2, countryCode: "NO", email: customer.email, phone: phone)
        customer.marketId = "NOR"
        customer.marketGroupId = "norden"
        customer.storeIds = stores.isEmpty ? nil : [stores[i % stores.count]]
        customer.isCustomerClubMember = isMember
        customer.externalIds = isMember ? [OmniumExternalId(id: "V-\(900_001 + i)", providerName: "Voyado")] : nil
        customer.created = date(daysBeforeEpoch: Double(700 - i % 600))
        customer.modified = Date(timeIntervalSince1970: epoch.timeIntervalSince1970 - 10_800 - Double(options.scale.privateCustomers - i) * 53)
        return customer
    }

    public func businessCustomers() -> [OmniumBusinessCustomer] {
        (0..<options.scale.businessCustomers).map(businessCustomer)
    }

    public func businessCustomer(at i: Int) -> OmniumBusinessCustomer {
        var random = rng("businessCustomer", i)
        let words = SandboxNames.companyWords
        let name = "\(words[i % words.count])\(i >= words.count ? " \(i / words.count + 1)" : "") \(random.pick(SandboxNames.companySuffixes))"
        let place = random.pick(SandboxNames.addresses)
        var taxId: String?
        while taxId == nil {
            taxId = SandboxCheckDigits.organizationNumber(body: "9" + String(format: "%07d", random.int(below: 10_000_000)))
        }
        let domain = SandboxNames.ascii(words[i % words.count]) + ".example.no"
        let contactFirst = random.pick(SandboxNames.firstNames)
        let contactLast = random.pick(SandboxNames.lastNames)
        var customer = OmniumBusinessCustomer(customerId: "B-\(10_001 + i)")
        customer.name = name
        customer.taxId = taxId
        customer.customerNumber = "F\(30_001 + i)"
        customer.email = "post@\(domain)"
        customer.phone = "+47" + String(format: "%08d", 22_000_000 + random.int(below: 1_000_000))
        customer.address = OmniumAddress(name: name, line1: "\(place.0) \(random.int(in: 1...80))", postalCode: place.1,
                                         city: place.2, countryCode: "NO", email: customer.email)
        customer.contacts = [OmniumContactPerson(id: "B-\(10_001 + i)-1", firstName: contactFirst, lastName: contactLast,
                                                 email: "\(SandboxNames.ascii(contactFirst))@\(domain)",
                                                 phone: "+479" + String(format: "%07d", random.int(below: 10_000_000)),
                                                 isPrimaryContact: true)]
        customer.creditLimit = Decimal(random.int(in: 1...20) * 10_000)
        customer.marketId = "NOR"
        customer.marketGroupId = "norden"
        customer.created = date(daysBeforeEpoch: Double(800 - i % 700))
        customer.modified = Date(timeIntervalSince1970: epoch.timeIntervalSince1970 - 14_400 - Double(options.scale.businessCustomers - i) * 71)
        return customer
    }
}
