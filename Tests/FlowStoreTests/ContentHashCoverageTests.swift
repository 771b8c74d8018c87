import FlowStore
import Foundation
import XCTest

/// Every field of a Flow record reaches its content hash, except the row's key: a field left out of
/// `hashContent` would make a load skip a real change as "unchanged" (issue 7, "column lists of each
/// Flow table driven from one declaration"). The record's JSON names its fields, so a field added to
/// a record is covered here without touching this test; a new field must be hashed or named as a key.
final class ContentHashCoverageTests: XCTestCase {
    func testEveryCatalogueFieldChangesTheHash() throws {
        let date = Date(timeIntervalSince1970: 1_795_708_071)
        try assertEveryField(FlowProduct(productUid: "p", sku: "s", name: "n", vatCodeUid: "v", productGroupUid: "g",
                                         siblingGroupUid: "sg", description: "d", shortDescription: "sd", color: "c",
                                         size: "z", brandUid: "b", barcodes: ["1"], isActive: true, allowPurchase: true,
                                         purchasePrice: 1, currencyPurchasePrice: 2, currency: "NOK",
                                         recommendedRetailPrice: 3, weight: 4, height: 5, width: 6, length: 7),
                             keys: ["productUid"])
        try assertEveryField(FlowProductGroup(productGroupUid: "g", name: "n", parentUid: "p"), keys: ["productGroupUid"])
        try assertEveryField(FlowBrand(brandUid: "b", name: "n"), keys: ["brandUid"])
        try assertEveryField(FlowPriceList(priceListUid: "l", name: "n", currency: "NOK", storeUid: "s"),
                             keys: ["priceListUid"])
        try assertEveryField(FlowPrice(priceListUid: "l", productUid: "p", price: 100, isCampaign: true, originalPrice: 200,
                                       validFrom: date, validTo: date.addingTimeInterval(86_400)),
                             keys: ["priceListUid", "productUid"])
        try assertEveryField(FlowStock(warehouseUid: "w", productUid: "p", quantity: 5, reserved: 1),
                             keys: ["warehouseUid", "productUid"],
                             derived: ["available"])
        try assertEveryField(FlowProductImage(productUid: "p", url: "u", fileName: "f", sortOrder: 1, isMain: true),
                             keys: ["productUid", "url"])
    }

    func testEveryOrderPurchaseOrderAndCustomerFieldChangesTheHash() throws {
        let date = Date(timeIntervalSince1970: 1_795_708_071)
        try assertEveryField(FlowOrder(orderUid: "o", orderNumber: "n", externalOrderNumber: "e", type: .onlineOrder,
                                       orderState: .confirmed, storeUid: "s", customerUid: "c", currency: "NOK",
                                       orderTotal: 1, vatTotal: 2, discountTotal: 3, shippingTotal: 4, validUntil: date,
                                       omniumStatus: "New", omniumModified: date),
                             keys: ["orderUid"])
        try assertEveryField(FlowOrderItem(orderUid: "o", externalId: "x", position: 1, productUid: "p", sku: "s", name: "n",
                                           quantity: 100, itemPrice: 2, itemDiscountAmount: 3, vatRate: 25,
                                           cancelledQuantity: 4, returnedQuantity: 5, deliveredQuantity: 6),
                             keys: ["orderUid", "externalId"])
        try assertEveryField(FlowOrderHandling(orderUid: "o", orderHandlingUid: "h", state: "STARTED"),
                             keys: ["orderUid", "orderHandlingUid"])
        try assertEveryField(FlowPurchaseOrder(purchaseOrderUid: "p", omniumPurchaseOrderId: "o", omniumDeliveryId: "d",
                                               purchaseOrderNumber: "n", supplierUid: "s", supplierName: "sn", currency: "NOK",
                                               supplierReferenceNumber: "r", note: "t", status: .sentToSupplier, storeUid: "st",
                                               warehouseUid: "w", expectedDeliveryDate: date, omniumStatus: "New",
                                               omniumModified: date),
                             keys: ["purchaseOrderUid"])
        try assertEveryField(FlowPurchaseOrderLine(purchaseOrderUid: "p", lineUid: "l", omniumLineItemId: "i", position: 1,
                                                   sku: "s", ean: "e", name: "n", supplierSku: "ss", quantityOrdered: 100,
                                                   quantityReceived: 50, unitPrice: 7, warehouseUid: "w",
                                                   expectedDeliveryDate: date, omniumDeliveryId: "d"),
                             keys: ["purchaseOrderUid", "lineUid"])
        try assertEveryField(FlowCustomer(customerUid: "c", type: .person, firstName: "f", lastName: "l", displayName: "d",
                                          companyName: "co", email: "e", mobile: "m", address: "a", postalCode: "p",
                                          city: "ci", countryCode: "NO", vatNumber: "v", loyaltyId: "lo", externalId: "x"),
                             keys: ["customerUid"])
    }

    // MARK: - Helpers

    /// Changes each field of `sample` in turn (through its JSON) and asserts the hash changes, for
    /// every field but `keys` (the row's identity) and `derived` (computed from hashed fields).
    private func assertEveryField<Record: Codable & ContentHashable>(
        _ sample: Record, keys: Set<String>, derived: Set<String> = [], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let encoded = try JSONEncoder().encode(sample)
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: encoded) else {
            return XCTFail("\(Record.self) does not encode as an object", file: file, line: line)
        }
        let original = sample.contentHash
        for (name, value) in fields where !keys.contains(name) && !derived.contains(name) {
            guard let changed = value.changed else {
                XCTFail("\(Record.self).\(name) is null in the sample: give it a value", file: file, line: line)
                continue
            }
            var mutated = fields
            mutated[name] = changed
            let record = try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(JSONValue.object(mutated)))
            XCTAssertNotEqual(record.contentHash, original, "\(Record.self).\(name) does not reach the content hash",
                              file: file, line: line)
        }
        for name in keys.union(derived) {
            XCTAssertNotNil(fields[name], "\(Record.self) has no field '\(name)'", file: file, line: line)
        }
    }
}

/// Just enough JSON to change one field of an encoded record.
private enum JSONValue: Codable, Equatable {
    case bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A different value of the same type; nil for null.
    var changed: JSONValue? {
        switch self {
        case .null: return nil
        case .bool(let value): return .bool(!value)
        case .integer(let value): return .integer(value + 1)
        case .number(let value): return .number(value + 1)
        case .string(let value): return .string(value + "x")
        case .array(let value): return .array(value + (value.last.map { [$0.changed ?? $0] } ?? [.string("x")]))
        case .object(var value):
            guard let first = value.keys.sorted().first, let changed = value[first]?.changed else { return nil }
            value[first] = changed
            return .object(value)
        }
    }
}
