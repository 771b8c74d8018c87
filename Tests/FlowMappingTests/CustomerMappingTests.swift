import Foundation
import XCTest
@testable import FlowMapping
import FlowStore
import Omnium

final class CustomerMappingTests: XCTestCase {
    private let privateCustomer = OmniumPrivateCustomer(
        customerId: "kari@example.no", customerNumber: "10042", firstName: "Kari", lastName: "Nordmann",
        email: "kari@example.no", phone: "+4740000000",
        address: OmniumAddress(line1: "Storgata", line2: "Oppgang B", streetNumber: "1", postalCode: "0155",
                               city: "Oslo", countryCode: "NO"),
        externalIds: [OmniumExternalId(id: "VOY-1", providerName: "Voyado")])

    func testPrivateCustomerBecomesPerson() throws {
        let flow = try CustomerMapping.map(privateCustomer, settings: CustomerMappingSettings())
        XCTAssertEqual(flow, FlowCustomer(customerUid: FlowUID.sanitize("kari@example.no")!, type: .person, firstName: "Kari",
                                          lastName: "Nordmann", displayName: "Kari Nordmann", email: "kari@example.no",
                                          mobile: "+4740000000", address: "Storgata 1, Oppgang B", postalCode: "0155",
                                          city: "Oslo", countryCode: "NO", loyaltyId: "10042",
                                          externalId: "kari@example.no"))
    }

    func testLoyaltyIdFromConfiguredExternalIdThenPropertyThenCustomerNumber() throws {
        let voyado = CustomerMappingSettings(loyaltyIdPropertyKey: "voyado")
        XCTAssertEqual(try CustomerMapping.map(privateCustomer, settings: voyado).loyaltyId, "VOY-1")

        var withProperty = privateCustomer
        withProperty.externalIds = nil
        withProperty.properties = [OmniumProperty(key: "Voyado", value: "VOY-P")]
        XCTAssertEqual(try CustomerMapping.map(withProperty, settings: voyado).loyaltyId, "VOY-P")

        withProperty.properties = nil
        XCTAssertEqual(try CustomerMapping.map(withProperty, settings: voyado).loyaltyId, "10042")
    }

    func testBusinessCustomerBecomesCompany() throws {
        let business = OmniumBusinessCustomer(
            customerId: "B-77", name: "Bær & Sånt AS", taxId: "NO999999999MVA", customerNumber: nil,
            email: "post@baer.no", phone: "+4722000000",
            address: OmniumAddress(line1: "Bryggen 3", postalCode: "5003", city: "Bergen", countryCode: "NO"))
        let flow = try CustomerMapping.map(business, settings: CustomerMappingSettings())
        XCTAssertEqual(flow.type, .company)
        XCTAssertEqual(flow.customerUid, "B-77")
        XCTAssertEqual(flow.companyName, "Bær & Sånt AS")
        XCTAssertEqual(flow.displayName, "Bær & Sånt AS")
        XCTAssertEqual(flow.vatNumber, "NO999999999MVA")
        XCTAssertEqual(flow.address, "Bryggen 3")
        XCTAssertEqual(flow.countryCode, "NO")
        XCTAssertNil(flow.loyaltyId)
        XCTAssertEqual(flow.externalId, "B-77")
    }

    func testUnusableCustomerIdIsAnIssue() {
        XCTAssertThrowsError(try CustomerMapping.map(OmniumPrivateCustomer(customerId: "  "),
                                                     settings: CustomerMappingSettings())) { error in
            XCTAssertEqual((error as? MappingIssue)?.entity, .customer)
        }
    }
}
