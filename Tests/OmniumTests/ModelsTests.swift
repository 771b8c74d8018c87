import Foundation
import XCTest
@testable import Omnium

/// The vendor examples quoted in the spec decode into the models and survive a round trip.
final class ModelsTests: XCTestCase {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try OmniumJSON.decode(type, from: Data(json.utf8))
    }

    private func assertRoundTrip<T: Codable & Equatable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let back = try OmniumJSON.decode(T.self, from: OmniumJSON.encode(value))
        XCTAssertEqual(back, value, file: file, line: line)
    }

    // MARK: - Orders

    /// omnium-contract.md §10.1 "Minimal POS order".
    func testMinimalPosOrder() throws {
        let json = #"{"id":"FLOW-700","orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"oslo","billingCurrency":"NOK","customerId":"C-1","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":1,"placedPrice":199.50,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"oslo"}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":199.50}]}}"#
        let order = try decode(OmniumOrder.self, json)
        XCTAssertEqual(order.id, "FLOW-700")
        XCTAssertEqual(order.orderType, "Pos")
        XCTAssertEqual(order.orderForm?.lineItems?.first?.placedPrice, Decimal(string: "199.50"))
        XCTAssertEqual(order.orderForm?.lineItems?.first?.taxRate, 25)
        XCTAssertEqual(order.orderForm?.shipments?.first?.warehouseCode, "oslo")
        XCTAssertEqual(order.orderForm?.payments?.first?.transactionType, "Sale")
        XCTAssertEqual(order.orderForm?.payments?.first?.amount, Decimal(string: "199.5"))
        try assertRoundTrip(order)
    }

    /// omnium-api.md §5.3 "Minimal create example".
    func testOrderCreateExample() throws {
        let json = #"""
        { "id": "EPIC000001", "customerId": "4793246662", "billingCurrency": "NOK", "customerName": "Ola Nordmann",
          "marketId": "epic_market_no", "storeId": "epic_webshop_no", "customerPhone": "4793246662",
          "customerEmail": "ola.nordmann@example.com", "status": "New", "orderType": "Online",
          "billingAddress": { "name": "Ola Nordmann", "line1": "Lille Grensen 3", "city": "Oslo", "countryCode": "NO",
                              "countryName": "Norge", "postalCode": "1415", "email": "...", "daytimePhoneNumber": "4793246662" },
          "orderForm": {
            "payments": [ { "amount": 49.5, "paymentMethodName": "Klarna", "status": "Processed",
                            "transactionId": "123456789", "transactionType": "Authorization" } ],
            "shipments": [ { "shipmentId": "1", "shippingMethodName": "PostNord", "warehouseCode": "epic_company_main_warehouse",
                             "lineItems": [ { "lineItemId": "1", "code": "0123ABC", "placedPrice": 99.0, "quantity": 1.0, "taxRate": 25 } ],
                             "address": { "name": "Ola Nordmann", "line1": "Lille Grensen 3", "city": "Oslo", "countryCode": "NO", "postalCode": "0159" } } ],
            "lineItems": [ { "lineItemId": "1", "code": "0123ABC", "placedPrice": 99.0, "quantity": 1.0, "taxRate": 25 } ],
            "discounts": [ { "discountType": "Order", "discountName": "Fifty percent discount!", "discountValue": 50, "rewardType": "Percentage" } ] } }
        """#
        let order = try decode(OmniumOrder.self, json)
        XCTAssertEqual(order.billingAddress?.daytimePhoneNumber, "4793246662")
        XCTAssertEqual(order.orderForm?.shipments?.first?.lineItems?.first?.code, "0123ABC")
        XCTAssertEqual(order.orderForm?.shipments?.first?.address?.postalCode, "0159")
        XCTAssertEqual(order.orderForm?.discounts?.first?.rewardType, "Percentage")
        XCTAssertEqual(order.orderForm?.discounts?.first?.discountValue, 50)
        XCTAssertEqual(order.orderForm?.payments?.first?.amount, Decimal(string: "49.5"))
        try assertRoundTrip(order)
    }

    func testReturnedOrderWithDatesAndUnknownFields() throws {
        let json = #"{"id":"X1","created":"2022-12-04T07:28:50.1521376Z","modified":"2020-06-03T08:55:31","netTotal":49.5,"isNotificationsDisabled":false,"orderForm":{"lineItems":[{"lineItemId":"1","placedPriceExclTax":79.2,"expectedDeliveryDate":"0001-01-01T00:00:00"}],"payments":[{"paymentId":0,"paymentMethodId":"00000000-0000-0000-0000-000000000000"}]},"returnOrderForms":[{"returnId":"R1","rmaNumber":"RMA-1","status":"New","lineItems":[{"lineItemId":"1","returnQuantity":1}]}]}"#
        let order = try decode(OmniumOrder.self, json)
        XCTAssertEqual(order.modified, OmniumDateFormat.date(from: "2020-06-03T08:55:31Z"))
        XCTAssertEqual(order.orderForm?.lineItems?.first?.placedPriceExclTax, Decimal(string: "79.2"))
        XCTAssertEqual(order.returnOrderForms?.first?.rmaNumber, "RMA-1")
        try assertRoundTrip(order)
    }

    // MARK: - Products

    /// omnium-contract.md §6 (corrected): categories and assortment codes are objects. The vendor's
    /// own example sends only `categoryId`; the schema adds `id`, `name`, `parentId`, `isMainCategory`...
    func testProductCategoriesAndAssortmentCodesAreObjects() throws {
        let vendor = try decode(OmniumProduct.self, #"{"id":"tee_en","productId":"tee","categories": [{"categoryId": "tees"}]}"#)
        XCTAssertEqual(vendor.categories, [OmniumProductCategory(categoryId: "tees")])

        let json = #"""
        {"id":"shirt-yellow_no","productId":"shirt-yellow","skuId":"shirt-yellow","mainCategoryId":"tees",
         "categories":[{"categoryId":"tees","id":"tees_no","name":"T-skjorter","parentId":"clothes","isMainCategory":true,
                        "isHidden":false,"language":"no","description":null,"sortIndex":3,"seoInfo":{"title":"x"}},
                       {"categoryId":"clothes","id":"clothes_no","name":"Klær","parentId":null,"isMainCategory":false}],
         "categoryIds":["tees","clothes"],
         "assortmentCodes":[{"assortmentCodeId":"CORE"},
                            {"assortmentCodeId":"OUTGOING","validFrom":"2026-06-01T00:00:00","validTo":"2026-07-01T00:00:00Z"},
                            {"assortmentCodeId":"X","validFrom":null,"validTo":"0001-01-01T00:00:00"}]}
        """#
        let product = try decode(OmniumProduct.self, json)
        let main = try XCTUnwrap(product.categories?.first)
        XCTAssertEqual(main.categoryId, "tees")
        XCTAssertEqual(main.id, "tees_no")
        XCTAssertEqual(main.name, "T-skjorter")
        XCTAssertEqual(main.parentId, "clothes")
        XCTAssertEqual(main.isMainCategory, true)
        XCTAssertEqual(main.isHidden, false)
        XCTAssertEqual(main.language, "no")
        XCTAssertEqual(main.sortIndex, 3)
        XCTAssertEqual(product.categories?.last?.isMainCategory, false)
        XCTAssertEqual(product.categoryIds, ["tees", "clothes"])
        XCTAssertEqual(product.assortmentCodes?.map(\.assortmentCodeId), ["CORE", "OUTGOING", "X"])
        let outgoing = try XCTUnwrap(product.assortmentCodes?[1])
        XCTAssertEqual(outgoing.validFrom, OmniumDateFormat.date(from: "2026-06-01T00:00:00Z"))
        XCTAssertFalse(outgoing.isValid(at: OmniumDateFormat.date(from: "2026-05-31T23:59:59Z")!))
        XCTAssertTrue(outgoing.isValid(at: OmniumDateFormat.date(from: "2026-06-01T00:00:00Z")!))
        XCTAssertFalse(outgoing.isValid(at: OmniumDateFormat.date(from: "2026-07-01T00:00:00Z")!), "validTo is exclusive")
        XCTAssertTrue(product.assortmentCodes?[2].isValid(at: Date()) == true, "Omnium's unset date is no bound")
        XCTAssertTrue(product.assortmentCodes?[0].isValid(at: Date()) == true)
        try assertRoundTrip(product)
    }

    // MARK: - Per-record decoding

    /// A page item the model cannot read becomes `.undecodable` with the member's path and its raw
    /// JSON (numbers exact, booleans kept); the items around it decode as usual.
    func testPageRecordsDecodeOneByOne() throws {
        let json = #"{"totalHits":3,"result":[{"id":"a_no","skuId":"a","cost":199.505},{"id":"b_no","productId":"b","categories":["tees"],"isActive":true,"weight":0.10},{"id":"c_no","skuId":"c"}]}"#
        struct Page: Decodable { var result: [OmniumPageRecord<OmniumProduct>] }
        let page = try decode(Page.self, json)
        let decoded: [OmniumProduct] = page.result.decodedRecords()
        XCTAssertEqual(decoded.map(\.skuId), ["a", "c"])
        XCTAssertEqual(decoded.first?.cost, Decimal(string: "199.505"))
        let failure = try XCTUnwrap(page.result.undecodableRecords().first)
        XCTAssertEqual(page.result.undecodableRecords().count, 1)
        XCTAssertEqual(failure.type, "OmniumProduct")
        XCTAssertTrue(failure.reason.hasPrefix("categories[0]: expected"), failure.reason)
        XCTAssertEqual(failure.key(["skuId", "productId", "id"]), "b")
        XCTAssertEqual(failure.rawJSON, #"{"categories":["tees"],"id":"b_no","isActive":true,"productId":"b","weight":0.1}"#)
        XCTAssertTrue(failure.description.contains("did not decode"))
    }

    func testJSONValueRoundTripKeepsNumbersExactly() throws {
        let json = #"{"a":1,"b":true,"c":null,"d":"x","e":[1.25,false,{"f":"0.10"}],"g":12345678901234567890.123}"#
        let value = try decode(OmniumJSONValue.self, json)
        guard case .object(let members) = value else { return XCTFail("\(value)") }
        XCTAssertEqual(members["a"], .number(1))
        XCTAssertEqual(members["b"], .bool(true))
        XCTAssertEqual(members["c"], .null)
        XCTAssertEqual(members["g"], .number(Decimal(string: "12345678901234567890.123")!))
        XCTAssertEqual(try decode(OmniumJSONValue.self, value.jsonText), value)
    }

    // MARK: - Events

    /// flow-integration.md §7.1, the older event shape (no id/operationId/objectNumber).
    func testOlderEventExample() throws {
        let json = #"{"timestamp":"2022-12-04T07:23:07.6380021Z","message":"Workflow completed","className":"Order","subClassName":"ClickAndcollect","objectId":"EPIC0001","category":"Workflow","market":"NOR","storeId":"epic_webshop_no","user":"Ola Nordmann","userId":"olanordmann@omnium.no","status":"ReadyForPickup"}"#
        let event = try decode(OmniumEvent.self, json)
        XCTAssertNil(event.id)
        XCTAssertEqual(event.subClassName, "ClickAndcollect")
        XCTAssertEqual(event.status, "ReadyForPickup")
        XCTAssertEqual(event.timestamp, OmniumDateFormat.date(from: "2022-12-04T07:23:07.6380021Z"))
        try assertRoundTrip(event)
    }

    /// omnium-api.md §14.2, the newer event shape.
    func testNewerEventExample() throws {
        let json = #"{ "id": "4f1c", "timestamp": "2026-02-17T07:23:07.638Z", "operationId": 111102, "message": "Workflow completed", "className": "Order", "subClassName": "Online", "objectId": "ORD-12345", "objectNumber": "ORD-12345", "category": "Workflow", "market": "nor", "storeId": "oslo-online", "status": "New", "previousStatus": "", "isError": false, "origin": "POST /api/Cart/CreateOrderFromCart/", "attachments": [{"value":"2","name":"ShipmentId"}], "esMetadata": {} }"#
        let event = try decode(OmniumEvent.self, json)
        XCTAssertEqual(event.operationId, 111_102)
        XCTAssertEqual(event.objectNumber, "ORD-12345")
        XCTAssertNil(event.previousStatus.nonEmpty)
        XCTAssertEqual(event.attachments?.first?.name, "ShipmentId")
        try assertRoundTrip(event)
    }

    // MARK: - Master data

    /// omnium-api.md §10, the [STO] store example.
    func testStoreExample() throws {
        let json = #"{"id":"Acme","name":"acme.com","address":{"streetName":"Street name","streetNumber":"1","city":"New York","zipcode":"10001","region":"NY","regionCode":"","country":"USA","countryCode":"US"},"availableOnMarkets":["USA"],"phoneNumber":"212-111-111-1111","email":"acme@omnium.com","latitude":"40.7237","longitude":"-73.9898","mondayOpeningHours":{"isOpen":true,"openFrom":"08:00:00","openTo":"16:00:00"},"additionalOpeningHours":[{"date":"2019-04-19T00:00:00","openingHours":{"isOpen":false,"openFrom":"00:00:00","openTo":"00:00:00"},"closed":true}],"externalIds":null,"isWarehouse":true,"isPrimaryWarehouse":true,"isPublicVisible":false,"properties":null}"#
        let store = try decode(OmniumStore.self, json)
        XCTAssertEqual(store.id, "Acme")
        XCTAssertEqual(store.address?.zipcode, "10001")
        XCTAssertEqual(store.latitude, "40.7237")
        XCTAssertEqual(store.mondayOpeningHours?.openTo, OmniumTimeSpan(hours: 16))
        XCTAssertEqual(store.additionalOpeningHours?.first?.closed, true)
        XCTAssertTrue(store.externalIds.isNilOrEmpty)
        try assertRoundTrip(store)
    }

    func testStoreWithoutIdIsRejected() {
        XCTAssertThrowsError(try decode(OmniumStore.self, #"{"name":"no id"}"#))
    }

    /// omnium-api.md §8, the [OAS] price example.
    func testPriceExample() throws {
        let json = #"{"marketId":"NOR","code":"SKU12345678","validFrom":"2020-01-01T00:00:00","validUntil":"2020-02-01T00:00:00","minQuantity":0.0,"unitPrice":900.0,"currencyCode":"NOK","customerId":"C-123","discountAmount":100.0,"discountPercent":10.0,"originalUnitPrice":1000.0,"recommendedRetailPrice":2000.0,"isTaxExcluded":false}"#
        let price = try decode(OmniumPrice.self, json)
        XCTAssertEqual(price.unitPrice, 900)
        XCTAssertEqual(price.originalUnitPrice, 1000)
        XCTAssertEqual(price.validUntil, OmniumDateFormat.date(from: "2020-02-01T00:00:00Z"))
        try assertRoundTrip(price)
    }

    /// omnium-api.md §9, the [INV] inventory example.
    func testInventoryExample() throws {
        let item = try decode(OmniumInventoryItem.self, #"{"sku":"Topeak-43543512","warehouseCode":"WebShop","inventory":19,"reservedInventory":3,"location":null}"#)
        XCTAssertEqual(item.inventory, 19)
        XCTAssertEqual(item.reservedInventory, 3)
        XCTAssertNil(item.location)
        try assertRoundTrip(item)
    }

    func testProductWithVariantsColliAndAssets() throws {
        let json = #"{"id":"shirt_no","productId":"shirt","name":"Skjorte","brand":"Nike Air","weight":0.35,"colli":[{"weight":0.4,"height":3,"width":25,"length":35}],"assets":[{"assetId":"a1","fileName":"a.jpg","url":"https://x/a.jpg","isMainImage":true,"sortOrder":0}],"variants":[{"id":"shirt-s_no","skuId":"shirt-s","parentId":"shirt","isSku":true,"size":"S","ean":"7038010000010"}]}"#
        let product = try decode(OmniumProduct.self, json)
        XCTAssertEqual(product.variants?.first?.skuId, "shirt-s")
        XCTAssertEqual(product.colli?.first?.length, 35)
        XCTAssertEqual(product.weight, Decimal(string: "0.35"))
        try assertRoundTrip(product)
    }

    func testCustomersRequireCustomerId() throws {
        let customer = try decode(OmniumPrivateCustomer.self, #"{"customerId":"C-1","firstName":"Åse","lastName":"Øvrebø","address":{"line1":"Storgata 1","postalCode":"0155","city":"Oslo","countryCode":"NO"}}"#)
        XCTAssertEqual(customer.address?.city, "Oslo")
        try assertRoundTrip(customer)
        XCTAssertThrowsError(try decode(OmniumBusinessCustomer.self, #"{"name":"AS"}"#))
    }

    func testTokenResponse() throws {
        let token = try decode(OmniumTokenResponse.self, #"{"accessToken":"abc","tokenType":"Bearer","expiresIn":864000}"#)
        XCTAssertEqual(token.expiresIn, 864_000)
    }
}
