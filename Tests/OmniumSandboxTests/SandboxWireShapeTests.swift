import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// The sandbox's answers checked as JSON text against omnium-contract.md, without the client's
/// models: the client and the sandbox must not agree only because they share a Swift type.
final class SandboxWireShapeTests: XCTestCase {
    private var harness: SandboxTestHarness!
    private var token = ""

    override func setUpWithError() throws {
        harness = try SandboxTestHarness()
        token = try harness.token()
    }

    private func json(_ method: HTTPMethod, _ target: String, _ body: String? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let response = harness.send(method, target, body: body, token: token)
        XCTAssertEqual(response.status, .ok, response.text, file: file, line: line)
        return try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])
    }

    private static let omniumDate = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$"#)

    private func assertOmniumDate(_ value: Any?, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let text = value as? String else { return XCTFail("\(what) is not a string: \(String(describing: value))", file: file, line: line) }
        XCTAssertEqual(Self.omniumDate.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)), 1,
                       "\(what) = \(text)", file: file, line: line)
    }

    /// Contract §6 (corrected): `categories` and `assortmentCodes` are lists of objects.
    func testProductCategoriesAndAssortmentCodesAreObjectsOnTheWire() throws {
        let page = try XCTUnwrap(try json(.POST, "/api/Products/Scroll", "{}") as? [String: Any])
        let products = try XCTUnwrap(page["result"] as? [[String: Any]])
        XCTAssertFalse(products.isEmpty)
        var dated = 0
        for product in products {
            let id = product["id"] as? String ?? "?"
            let categories = try XCTUnwrap(product["categories"] as? [[String: Any]], "\(id): categories are objects")
            XCTAssertFalse(categories.isEmpty, id)
            for category in categories {
                let categoryId = try XCTUnwrap(category["categoryId"] as? String, "\(id): categoryId")
                XCTAssertEqual(category["id"] as? String, "\(categoryId)_no", "id = {categoryId}_{language}")
                XCTAssertTrue(category["isMainCategory"] is Bool, "\(id): isMainCategory is a bool")
                XCTAssertNotNil(category["name"] as? String)
            }
            let mains = categories.filter { $0["isMainCategory"] as? Bool == true }
            XCTAssertEqual(mains.count, 1, "\(id): one main category")
            XCTAssertEqual(mains.first?["categoryId"] as? String, product["mainCategoryId"] as? String)
            XCTAssertEqual(mains.first?["parentId"] as? String,
                           categories.first { $0["isMainCategory"] as? Bool == false }?["categoryId"] as? String)
            let codes = try XCTUnwrap(product["assortmentCodes"] as? [[String: Any]], "\(id): assortment codes are objects")
            for code in codes {
                XCTAssertNotNil(code["assortmentCodeId"] as? String, id)
                for key in ["validFrom", "validTo"] where code[key] != nil && !(code[key] is NSNull) {
                    assertOmniumDate(code[key], "\(id) \(key)")
                    dated += 1
                }
            }
        }
        XCTAssertGreaterThan(dated, 0, "some assortment codes carry validity windows")
    }

    // MARK: - Contract §1: request keys, nulls

    /// Every spelling of a request property is that property (contract §1): a delta filter is never
    /// dropped because of its key's casing; an unknown property is ignored.
    func testRequestPropertyNamesAreCaseInsensitiveAndUnknownOnesIgnored() throws {
        let all = harness.services.state
        let everything = try all.orders(matching: OmniumOrderSearchRequest()).count
        let stamps = try all.orders(matching: OmniumOrderSearchRequest()).all.compactMap(\.modified).sorted()
        let middle = OmniumDateFormat.string(from: stamps[stamps.count / 2])
        var counts: [Int] = []
        for spelling in ["modifiedFrom", "ModifiedFrom", "modifiedfrom", "MODIFIEDFROM", "mODIFIEDfROM"] {
            let page = try XCTUnwrap(try json(.POST, "/api/Orders/Search",
                                              #"{"\#(spelling)":"\#(middle)","TAKE":100,"unknownThing":{"x":1}}"#) as? [String: Any])
            counts.append(try XCTUnwrap(page["totalHits"] as? Int))
        }
        XCTAssertEqual(Set(counts).count, 1, "\(counts)")
        XCTAssertLessThan(counts[0], everything, "the filter applies")
        XCTAssertGreaterThan(counts[0], 0)
        let ignored = try XCTUnwrap(try json(.POST, "/api/Orders/Search", #"{"modifiedSince":"\#(middle)"}"#) as? [String: Any])
        XCTAssertEqual(ignored["totalHits"] as? Int, everything, "modifiedSince is not a property: ignored")

        // Nested members too, in a write body.
        let store = try XCTUnwrap(all.stores().first { $0.isWarehouse == true }?.id)
        let order = try XCTUnwrap(try json(.PUT, "/api/Orders/PosOrders", #"""
            {"ID":"CASE-1","STOREID":"\#(store)","BillingCurrency":"NOK","orderform":{"LineItems":[{"LINEITEMID":"1",
             "code":"SKU1","Quantity":2,"PLACEDPRICE":10.5,"taxrate":25}],"SHIPMENTS":[{"shipmentid":"1","WAREHOUSECODE":"\#(store)"}]}}
            """#) as? [String: Any])
        XCTAssertEqual(order["id"] as? String, "CASE-1")
        let line = try XCTUnwrap(((order["orderForm"] as? [String: Any])?["lineItems"] as? [[String: Any]])?.first)
        XCTAssertEqual(line["lineItemId"] as? String, "1")
        XCTAssertEqual((line["placedPrice"] as? NSNumber)?.doubleValue, 10.5)
        XCTAssertEqual((line["quantity"] as? NSNumber)?.intValue, 2)
    }

    /// Unset members are written as `null` (contract §1, Sandbox choice), so the client meets both
    /// shapes Omnium produces: a store without opening hours, a warehouse without `availableWarehouses`.
    func testUnsetMembersAreWrittenAsNull() throws {
        let page = try XCTUnwrap(try json(.GET, "/api/Stores") as? [String: Any])
        let stores = try XCTUnwrap(page["result"] as? [[String: Any]])
        let bare = try XCTUnwrap(stores.first { $0["mondayOpeningHours"] is NSNull }, "a store without opening hours")
        XCTAssertTrue(bare.keys.contains("mondayOpeningHours"))
        XCTAssertTrue(stores.contains { $0["availableWarehouses"] is NSNull }, "a warehouse without availableWarehouses")
        for store in stores {
            for key in ["id", "name", "isWarehouse", "availableWarehouses", "properties", "created"] {
                XCTAssertTrue(store.keys.contains(key), "\(store["id"] ?? "?") writes \(key), null or not")
            }
        }
        // ...and the client reads the null shape as unset.
        let decoded = try OmniumJSON.decode(OmniumSearchResult<OmniumStore>.self,
                                            from: harness.send(.GET, "/api/Stores", token: token).body)
        XCTAssertTrue(decoded.result.contains { $0.mondayOpeningHours == nil })
    }

    // MARK: - Orders: unknown paths, PUT, ImportMany

    func testUnknownPathUnderOrdersIs404AndAKnownOneWithAnotherMethod405() {
        for (method, target) in [(HTTPMethod.POST, "/api/Orders/Nonsense"), (.PUT, "/api/Orders/ORD-1"),
                                 (.DELETE, "/api/Orders/ORD-1/Whatever")] {
            XCTAssertEqual(harness.send(method, target, body: "{}", token: token).status, .notFound, "\(method) \(target)")
        }
        XCTAssertEqual(harness.send(.PUT, "/api/Orders/UpdateMany", body: "[]", token: token).status, .methodNotAllowed)
        XCTAssertEqual(harness.send(.GET, "/api/Orders/ORD-1/UpdateStatus", token: token).status, .methodNotAllowed)
    }

    private func orderBody(_ id: String?, store: String) -> String {
        let idMember = id.map { #""id":"\#($0)","# } ?? ""
        return #"{\#(idMember)"orderType":"Online","storeId":"\#(store)","billingCurrency":"NOK","orderForm":{"lineItems":[{"lineItemId":"1","code":"A","quantity":1,"placedPrice":100,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"\#(store)"}]}}"#
    }

    /// `PUT /api/Orders` creates with a generated order number (id = that number when not given);
    /// `POST /api/Orders/ImportMany` adds, leaves existing ids alone, and validates all first.
    func testPutOrdersGeneratesTheNumberAndImportManyAdds() throws {
        let store = try XCTUnwrap(harness.services.state.stores().first { $0.isWarehouse == true }?.id)
        let generated = try XCTUnwrap(try json(.PUT, "/api/Orders", orderBody(nil, store: store)) as? [String: Any])
        let number = try XCTUnwrap(generated["orderNumber"] as? String)
        XCTAssertEqual(generated["id"] as? String, number)
        let second = try XCTUnwrap(try json(.PUT, "/api/Orders", orderBody(nil, store: store)) as? [String: Any])
        XCTAssertNotEqual(second["id"] as? String, number, "every call creates")
        let named = try XCTUnwrap(try json(.PUT, "/api/Orders", orderBody("WEB-77", store: store)) as? [String: Any])
        XCTAssertEqual(named["id"] as? String, "WEB-77")
        XCTAssertNotNil(named["orderNumber"] as? String)
        XCTAssertEqual(harness.send(.PUT, "/api/Orders", body: orderBody("WEB-77", store: store), token: token).status,
                       .conflict)

        let batch = "[" + orderBody("IMP-1", store: store) + "," + orderBody("WEB-77", store: store) + "]"
        let imported = harness.send(.POST, "/api/Orders/ImportMany", body: batch, token: token)
        XCTAssertEqual(imported.status, .ok)
        XCTAssertTrue(imported.body.isEmpty)
        XCTAssertEqual(harness.services.state.order(id: "IMP-1")?.orderType, "Online")
        let bad = "[" + orderBody("IMP-2", store: store) + "," + orderBody(nil, store: store) + "]"
        XCTAssertEqual(harness.send(.POST, "/api/Orders/ImportMany", body: bad, token: token).status, .badRequest)
        XCTAssertNil(harness.services.state.order(id: "IMP-2"), "nothing applied")
    }

    // MARK: - Customers without customerId

    /// The vendor's create examples leave `customerId` out: the sandbox assigns one and returns it.
    func testCustomerCreatedWithoutIdGetsOneAssigned() throws {
        let first = try XCTUnwrap(try json(.POST, "/api/PrivateCustomers", #"{"firstName":"Kari","lastName":"Nordmann"}"#)
            as? [String: Any])
        let id = try XCTUnwrap(first["customerId"] as? String)
        XCTAssertFalse(id.isEmpty)
        XCTAssertEqual(first["fullName"] as? String, "Kari Nordmann")
        let second = try XCTUnwrap(try json(.POST, "/api/PrivateCustomers", #"{"CUSTOMERID":null,"firstName":"Ola"}"#)
            as? [String: Any])
        XCTAssertNotEqual(second["customerId"] as? String, id)
        let business = try XCTUnwrap(try json(.POST, "/api/BusinessCustomers", #"{"customerId":" ","name":"AS"}"#)
            as? [String: Any])
        XCTAssertFalse((business["customerId"] as? String ?? "").trimmingCharacters(in: .whitespaces).isEmpty)
        XCTAssertEqual(harness.send(.GET, "/api/PrivateCustomers/\(id)", token: token).status, .ok)
    }

    /// A written order as Omnium answers it, read as JSON text: CALC totals per contract §10 (subTotal
    /// after the order discount, shipping discount in shippingTotal), unset members as `null`, dates in
    /// the sandbox's 7-digit UTC form.
    func testAStoredOrderCarriesItsTotalsAndNullsOnTheWire() throws {
        let store = try XCTUnwrap(harness.services.state.stores().first { $0.isWarehouse == true }?.id)
        let order = try XCTUnwrap(try json(.PUT, "/api/Orders/PosOrders", #"""
            {"id":"WIRE-1","storeId":"\#(store)","billingCurrency":"NOK","orderForm":{
              "lineItems":[{"lineItemId":"1","code":"A","quantity":1,"placedPrice":99.0,"taxRate":25}],
              "discounts":[{"discountType":"Order","rewardType":"Percentage","discountValue":50}],
              "shipments":[{"shipmentId":"1","warehouseCode":"\#(store)","shippingSubTotal":49,"shipmentTaxRate":25,
                            "discounts":[{"discountType":"Shipping","rewardType":"Money","discountValue":20}]}]}}
            """#) as? [String: Any])
        let form = try XCTUnwrap(order["orderForm"] as? [String: Any])
        func number(_ value: Any?) -> Decimal? { (value as? NSNumber).flatMap { Decimal(string: $0.stringValue) } }
        XCTAssertEqual(number(form["subTotal"]), Decimal(string: "49.5"))
        XCTAssertEqual(number(form["shippingTotal"]), 29)
        XCTAssertEqual(number(form["shippingDiscountTotal"]), 20)
        XCTAssertEqual(number(form["total"]), Decimal(string: "78.5"))
        let shipment = try XCTUnwrap((form["shipments"] as? [[String: Any]])?.first)
        XCTAssertEqual(number(shipment["shippingDiscountAmount"]), 20)
        XCTAssertTrue(order["customerEmail"] is NSNull, "unset member written as null")
        XCTAssertTrue(order.keys.contains("publicOrderNotes"))
        XCTAssertTrue(shipment["packages"] is NSNull)
        assertOmniumDate(order["created"], "created")
        assertOmniumDate(order["modified"], "modified")
    }

    // MARK: - Member names from the contract's text

    private func first(_ method: HTTPMethod, _ target: String, _ body: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let page = try XCTUnwrap(try json(method, target, body, file: file, line: line) as? [String: Any], file: file, line: line)
        return try XCTUnwrap((page["result"] as? [[String: Any]])?.first, "\(target) returned no record", file: file, line: line)
    }

    private func assertMembers(_ object: [String: Any]?, _ names: String, _ what: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        guard let object else { return XCTFail("\(what) missing", file: file, line: line) }
        let missing = names.split(separator: " ").map(String.init).filter { !object.keys.contains($0) }
        XCTAssertEqual(missing, [], "\(what) lacks contract members", file: file, line: line)
    }

    /// Every answer names its members as omnium-contract.md spells them (§5–§11), checked on the JSON
    /// text: unset members are written as `null`, so a member the sandbox named differently shows as missing.
    func testAnswersUseTheContractsMemberNames() throws {
        assertMembers(try first(.GET, "/api/Stores"), "id name address phoneNumber email latitude longitude availableOnMarkets isWarehouse isWebWarehouse isPrimaryWarehouse isPrimaryStore isPublicVisible isInactive availableWarehouses mondayOpeningHours sundayOpeningHours additionalOpeningHours customerPickupDeadlineLimit storePickLimit organizationalNumber externalIds properties created modified", "store")
        let product = try first(.POST, "/api/Products/Scroll", "{}")
        assertMembers(product, "id productId skuId parentId isSku name description shortDescription brand color size ean gtins unit variants prices cost costCurrency categories mainCategoryId marketIds assortmentCodes isActive status weight colli assets mainImageUrl taxCategory properties externalIds tags created modified", "product")
        assertMembers(try first(.POST, "/api/Prices/Search", #"{"lastModified":"2000-01-01T00:00:00Z"}"#), "code productId marketId marketGroupId storeId currencyCode unitPrice originalUnitPrice discountAmount discountPercent recommendedRetailPrice cost minQuantity validFrom validUntil isTaxExcluded taxRate customerId customerGroup priceListId priceType modified", "price")
        assertMembers(try first(.POST, "/api/Inventory/Search", #"{"lastModified":"2000-01-01T00:00:00Z"}"#), "sku warehouseCode inventory reservedInventory location cost costCurrency minQuantity maxQuantity created modified", "inventory item")
        let purchaseOrder = try first(.POST, "/api/PurchaseOrders/Search", "{}")
        assertMembers(purchaseOrder, "id purchaseOrderNumber referenceNumber status storeId supplierId supplierName billingCurrency requestedDeliveryDate deliveryId purchaseOrderForm externalIds created modified", "purchase order")
        let poLine = ((purchaseOrder["purchaseOrderForm"] as? [String: Any])?["lineItems"] as? [[String: Any]])?.first
        assertMembers(poLine, "lineItemId code ean displayName quantity deliveredQuantity canceledQuantity placedPrice taxRate currency deliveryId estimatedTimeOfArrival warehouseCode supplierSkuId discountedPrice discountedPriceExclTax extendedPrice", "purchase order line")
        let order = try first(.POST, "/api/Orders/Search", "{}")
        assertMembers(order, "id orderNumber orderType status marketId storeId billingCurrency customerId customerNumber customerName customerEmail customerPhone customerType billingAddress orderForm returnOrderForms created readyForPickup orderOrigin salesChannel salesPersonId properties externalIds tags errors versionId modified completed customerPickupDeadline storePickDate netTotal contactPerson publicOrderNotes isNotificationsDisabled received", "order")
        let form = order["orderForm"] as? [String: Any]
        assertMembers(form, "lineItems shipments payments discounts couponCodes properties subTotal taxTotal total totalExclTax discountAmount shippingTotal cartId fullRefund handlingTotal", "order form")
        assertMembers((form?["lineItems"] as? [[String: Any]])?.first, "lineItemId code productId displayName quantity placedPrice taxRate discounted unit ean cost deliveredQuantity canceledQuantity returnQuantity readyForPickupQuantity cancelReason returnReason discountReasonCode properties externalIds placedPriceExclTax discountedPrice extendedPrice extendedPriceExclTax orderDiscountAmount taxTotal isGift updateStock orderLineDiscounts costTotal", "order line")
        assertMembers((form?["shipments"] as? [[String: Any]])?.first, "shipmentId warehouseCode pickUpWarehouseCode shippingMethodName shippingMethodId status orderStatus lineItems address shippingSubTotal shipmentTaxRate shipmentTrackingNumber discounts packages shippingTax transit", "shipment")
        assertMembers((form?["payments"] as? [[String: Any]])?.first, "id transactionId paymentMethodName paymentType transactionType status amount paidDate shipmentId storeId invoiceId orderLineReferences authorizationCode", "payment")
        assertMembers((order["billingAddress"] as? [String: Any]), "name firstName lastName organization line1 line2 postalCode city countryCode phone email regionCode", "address")
        let customer = try first(.POST, "/api/PrivateCustomers/Search", "{}")
        assertMembers(customer, "customerId customerNumber firstName lastName fullName email phone address addresses marketId marketGroupId storeIds isCustomerClubMember tags properties externalIds created modified modifiedBy", "private customer")
        assertMembers(try first(.POST, "/api/BusinessCustomers/Search", "{}"), "customerId name taxId customerNumber email phone address contacts marketId marketGroupId tags properties externalIds created modified modifiedBy", "business customer")
    }
}
