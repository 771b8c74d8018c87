import Foundation
import XCTest
@testable import Omnium

/// Lossless round trips (issue 9; contract §6 client rule): every member omnium-api.md §5.2 documents
/// for orders, forms, lines, shipments, payments, discounts, addresses and customers is decoded and
/// written back, and members the models do not name are kept, so an `UpdateMany` that replaces the
/// order never wipes what Omnium holds.
final class OrderRoundTripTests: XCTestCase {
    /// Compares two JSON values member by member; returns the paths that differ.
    private func differences(_ lhs: OmniumJSONValue, _ rhs: OmniumJSONValue, path: String = "$") -> [String] {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            return Set(a.keys).union(b.keys).sorted().flatMap { key -> [String] in
                guard let left = a[key] else { return ["\(path).\(key): only after the round trip"] }
                guard let right = b[key] else { return ["\(path).\(key): lost"] }
                return differences(left, right, path: "\(path).\(key)")
            }
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return ["\(path): \(a.count) items became \(b.count)"] }
            return zip(a, b).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            return lhs == rhs ? [] : ["\(path): \(lhs.jsonText) became \(rhs.jsonText)"]
        }
    }

    private func assertLossless<T: Codable>(_ type: T.Type, _ json: String, file: StaticString = #filePath,
                                            line: UInt = #line) throws -> T {
        let data = Data(json.utf8)
        let value = try OmniumJSON.decode(T.self, from: data)
        let again = try OmniumJSON.encode(value)
        let before = try OmniumJSON.decode(OmniumJSONValue.self, from: data)
        let after = try OmniumJSON.decode(OmniumJSONValue.self, from: again)
        XCTAssertEqual(differences(before, after), [], file: file, line: line)
        return value
    }

    /// Every documented member at every level, with an unknown member on each object.
    func testAnOrderWithEveryDocumentedMemberSurvivesARoundTrip() throws {
        let order = try assertLossless(OmniumOrder.self, Self.everyMember)
        // The documented members the issue names are typed fields, not just kept JSON.
        XCTAssertEqual(order.contactPerson?.firstName, "v-firstName")
        XCTAssertEqual(order.publicOrderNotes?.first?.detail, "v-detail")
        XCTAssertEqual(order.isNotificationsDisabled, true)
        XCTAssertNotNil(order.received)
        let form = try XCTUnwrap(order.orderForm)
        XCTAssertEqual(form.cartId, "v-cartId")
        XCTAssertEqual(form.fullRefund, true)
        XCTAssertEqual(form.handlingTotal, Decimal(string: "12.34"))
        let line = try XCTUnwrap(form.lineItems?.first)
        XCTAssertEqual(line.isGift, true)
        XCTAssertEqual(line.updateStock, true)
        XCTAssertEqual(line.orderLineDiscounts?.first?.discountAmountPrItem, Decimal(string: "12.34"))
        XCTAssertEqual(line.costTotal, Decimal(string: "12.34"))
        let shipment = try XCTUnwrap(form.shipments?.first)
        XCTAssertEqual(shipment.discounts?.first?.discountName, "v-discountName")
        XCTAssertEqual(shipment.packages?.first?.dimensions?.lengthInCm, 7)
        XCTAssertEqual(shipment.shippingTax, Decimal(string: "12.34"))
        XCTAssertEqual(shipment.transit, true)
        XCTAssertEqual(form.payments?.first?.authorizationCode, "v-authorizationCode")
        XCTAssertEqual(form.discounts?.first?.priority, 7)
        XCTAssertEqual(order.billingAddress?.regionCode, "v-regionCode")
        XCTAssertEqual(order.additionalMembers?["zzUnknownOmniumOrder"], .object(["nested": .array([.string("OmniumOrder")])]))
        XCTAssertNotNil(line.additionalMembers?["zzUnknownOmniumOrderLine"])
    }

    /// The contract's example orders (§10.1 minimal POS order; omnium-api.md §5.3 create example)
    /// decode and re-encode member by member.
    func testTheContractsExampleOrdersRoundTrip() throws {
        _ = try assertLossless(OmniumOrder.self, #"{"id":"FLOW-700","orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"oslo","billingCurrency":"NOK","customerId":"C-1","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":1,"placedPrice":199.50,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"oslo"}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":199.50}]}}"#)
        _ = try assertLossless(OmniumOrder.self, #"""
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
        """#)
        // The returned form of the same order (omnium-api.md §5.3 "Get a single order"), enriched members included.
        _ = try assertLossless(OmniumOrder.self, #"{"id":"EPIC000001","orderNumber":"EPIC000001","customerNumber":"4793246662","customerType":"B2C","isReadOnly":false,"isNotificationsDisabled":false,"netTotal":49.5,"remainingPayment":0,"created":"2022-12-04T07:28:50.1520000Z","modified":"2022-12-04T07:28:50.1520000Z","orderForm":{"shipments":[{"shipmentId":"1","status":"AwaitingInventory","orderStatus":"New","shippingLabel":"PostNord"}],"lineItems":[{"lineItemId":"1","displayName":"T-skjorte","placedPriceExclTax":79.2,"extendedPrice":49.5,"orderDiscountAmount":49.5,"taxTotal":9.9,"unit":"pcs"}],"discounts":[{"discountAmount":49.5,"discountSource":"Manual"}],"payments":[{"created":"2022-12-04T07:28:50.1520000Z","paymentId":0,"paymentMethodId":"00000000-0000-0000-0000-000000000000","isManuallyAdded":false}]}}"#)
    }

    /// Customers keep unknown members too (a customer pushed back after a read).
    func testCustomersKeepWhatTheyDoNotName() throws {
        let customer = try assertLossless(OmniumPrivateCustomer.self, #"{"customerId":"C-1","firstName":"Kari","loyalty":{"level":"gold","points":1200},"address":{"line1":"Gate 1","floor":"3"}}"#)
        XCTAssertEqual(customer.additionalMembers?["loyalty"], .object(["level": .string("gold"), "points": .number(1200)]))
        _ = try assertLossless(OmniumBusinessCustomer.self, #"{"customerId":"B-1","name":"Fjell AS","contacts":[{"firstName":"Per","notify":true,"title":"CFO"}],"segment":"retail"}"#)
    }

    static let everyMember = #"""
{
 "assets": [
  {
   "altText": "v-altText",
   "assetId": "v-assetId",
   "assetType": "v-assetType",
   "contentType": "v-contentType",
   "created": "2026-12-03T10:15:30.5000000Z",
   "description": "v-description",
   "externalUrl": "v-externalUrl",
   "fileName": "v-fileName",
   "forceUpload": true,
   "isMainImage": true,
   "length": 7,
   "modified": "2026-12-03T10:15:30.5000000Z",
   "name": "v-name",
   "parentId": "v-parentId",
   "properties": [
    {
     "key": "v-key",
     "keyGroup": "v-keyGroup",
     "value": "v-value",
     "valueType": "v-valueType",
     "zzUnknownOmniumProperty": {
      "nested": [
       "OmniumProperty"
      ]
     }
    }
   ],
   "purpose": "v-purpose",
   "sortOrder": 7,
   "url": "v-url",
   "zzUnknownOmniumAsset": {
    "nested": [
     "OmniumAsset"
    ]
   }
  }
 ],
 "billingAddress": {
  "apartmentNumber": "v-apartmentNumber",
  "city": "v-city",
  "countryCode": "v-countryCode",
  "countryName": "v-countryName",
  "daytimePhoneNumber": "v-daytimePhoneNumber",
  "email": "v-email",
  "eveningPhoneNumber": "v-eveningPhoneNumber",
  "externalId": "v-externalId",
  "firstName": "v-firstName",
  "lastName": "v-lastName",
  "line1": "v-line1",
  "line2": "v-line2",
  "name": "v-name",
  "organization": "v-organization",
  "organizationalNumber": "v-organizationalNumber",
  "phone": "v-phone",
  "postalCode": "v-postalCode",
  "regionCode": "v-regionCode",
  "regionName": "v-regionName",
  "state": "v-state",
  "streetNumber": "v-streetNumber",
  "zzUnknownOmniumOrderAddress": {
   "nested": [
    "OmniumOrderAddress"
   ]
  }
 },
 "billingCurrency": "v-billingCurrency",
 "completed": "2026-12-03T10:15:30.5000000Z",
 "contactPerson": {
  "address": {
   "city": "v-city",
   "countryCode": "v-countryCode",
   "countryName": "v-countryName",
   "email": "v-email",
   "line1": "v-line1",
   "line2": "v-line2",
   "name": "v-name",
   "phone": "v-phone",
   "postalCode": "v-postalCode",
   "purposes": [
    "v-purposes"
   ],
   "streetNumber": "v-streetNumber",
   "zzUnknownOmniumAddress": {
    "nested": [
     "OmniumAddress"
    ]
   }
  },
  "email": "v-email",
  "externalIds": [
   {
    "id": "v-id",
    "providerName": "v-providerName",
    "zzUnknownOmniumExternalId": {
     "nested": [
      "OmniumExternalId"
     ]
    }
   }
  ],
  "firstName": "v-firstName",
  "id": "v-id",
  "isPrimaryContact": true,
  "lastName": "v-lastName",
  "notify": true,
  "phone": "v-phone",
  "privateCustomerId": "v-privateCustomerId",
  "properties": [
   {
    "key": "v-key",
    "keyGroup": "v-keyGroup",
    "value": "v-value",
    "valueType": "v-valueType",
    "zzUnknownOmniumProperty": {
     "nested": [
      "OmniumProperty"
     ]
    }
   }
  ],
  "role": "v-role",
  "roles": [
   "v-roles"
  ],
  "zzUnknownOmniumContactPerson": {
   "nested": [
    "OmniumContactPerson"
   ]
  }
 },
 "created": "2026-12-03T10:15:30.5000000Z",
 "customerClubMemberId": "v-customerClubMemberId",
 "customerContact": "v-customerContact",
 "customerEmail": "v-customerEmail",
 "customerId": "v-customerId",
 "customerName": "v-customerName",
 "customerNumber": "v-customerNumber",
 "customerPhone": "v-customerPhone",
 "customerPickupDeadline": "2026-12-03T10:15:30.5000000Z",
 "customerReference": "v-customerReference",
 "customerRequisition": "v-customerRequisition",
 "customerType": "v-customerType",
 "discountTotalIncVat": 12.34,
 "errors": [
  {
   "details": "v-details",
   "key": "v-key",
   "message": "v-message",
   "occurred": "2026-12-03T10:15:30.5000000Z",
   "severity": "v-severity",
   "status": "v-status",
   "zzUnknownOmniumEntityError": {
    "nested": [
     "OmniumEntityError"
    ]
   }
  }
 ],
 "externalIds": [
  {
   "id": "v-id",
   "providerName": "v-providerName",
   "zzUnknownOmniumExternalId": {
    "nested": [
     "OmniumExternalId"
    ]
   }
  }
 ],
 "followUpDate": "2026-12-03T10:15:30.5000000Z",
 "groups": [
  {
   "description": "v-description",
   "id": "v-id",
   "name": "v-name",
   "zzUnknownOmniumOrderGroup": {
    "nested": [
     "OmniumOrderGroup"
    ]
   }
  }
 ],
 "id": "v-id",
 "invoiceComment": "v-invoiceComment",
 "isNewCustomer": true,
 "isNotificationsDisabled": true,
 "isReadOnly": true,
 "lineItemsCost": 12.34,
 "marketId": "v-marketId",
 "modified": "2026-12-03T10:15:30.5000000Z",
 "modifiedBy": "v-modifiedBy",
 "netTotal": 12.34,
 "netTotalExclTax": 12.34,
 "nextOrderStatus": "v-nextOrderStatus",
 "orderForm": {
  "authorizedPaymentTotal": 12.34,
  "capturedPaymentTotal": 12.34,
  "cartId": "v-cartId",
  "cartName": "v-cartName",
  "charges": {
   "kept": [
    1,
    "x",
    null,
    false
   ]
  },
  "couponCodes": [
   "v-couponCodes"
  ],
  "creditPaymentTotal": 12.34,
  "discountAmount": 12.34,
  "discounts": [
   {
    "alwaysApply": true,
    "canBeCombinedWithOtherPromotions": true,
    "discountAmount": 12.34,
    "discountCode": "v-discountCode",
    "discountId": "v-discountId",
    "discountName": "v-discountName",
    "discountSource": "v-discountSource",
    "discountType": "v-discountType",
    "discountValue": 12.34,
    "isBonusPointsReward": true,
    "maxDiscountAmount": 12.34,
    "priority": 7,
    "promotionFixedPriceReward": {
     "fixedPricePrice": 12.34,
     "fixedPriceQuantity": 7,
     "zzUnknownOmniumPromotionFixedPriceReward": {
      "nested": [
       "OmniumPromotionFixedPriceReward"
      ]
     }
    },
    "promotionMultiBuyReward": {
     "numberOfDiscountedItems": 7,
     "percentage": 12.34,
     "requiredBuyAmount": 12.34,
     "zzUnknownOmniumPromotionMultiBuyReward": {
      "nested": [
       "OmniumPromotionMultiBuyReward"
      ]
     }
    },
    "rewardType": "v-rewardType",
    "skuIds": [
     "v-skuIds"
    ],
    "zzUnknownOmniumDiscount": {
     "nested": [
      "OmniumDiscount"
     ]
    }
   }
  ],
  "fullRefund": true,
  "grossRoundoff": 12.34,
  "handlingTotal": 12.34,
  "isPriority": true,
  "lineItems": [
   {
    "alternativeProductName": "v-alternativeProductName",
    "brand": "v-brand",
    "cancelComment": "v-cancelComment",
    "cancelReason": "v-cancelReason",
    "canceledDate": "2026-12-03T10:15:30.5000000Z",
    "canceledQuantity": 12.34,
    "code": "v-code",
    "color": "v-color",
    "comment": "v-comment",
    "components": [
     {
      "kept": [
       1,
       "x",
       null,
       false
      ]
     }
    ],
    "cost": 12.34,
    "costTotal": 12.34,
    "creditedAmount": 12.34,
    "customerPickupDeadline": "2026-12-03T10:15:30.5000000Z",
    "deliveredDate": "2026-12-03T10:15:30.5000000Z",
    "deliveredQuantity": 12.34,
    "discountReasonCode": "v-discountReasonCode",
    "discounted": 12.34,
    "discountedExclTax": 12.34,
    "discountedPrice": 12.34,
    "discountedPriceExclTax": 12.34,
    "displayName": "v-displayName",
    "ean": "v-ean",
    "expectedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
    "extendedPrice": 12.34,
    "extendedPriceExclTax": 12.34,
    "externalIds": [
     {
      "id": "v-id",
      "providerName": "v-providerName",
      "zzUnknownOmniumExternalId": {
       "nested": [
        "OmniumExternalId"
       ]
      }
     }
    ],
    "groupId": "v-groupId",
    "gtins": [
     "v-gtins"
    ],
    "imageUrl": "v-imageUrl",
    "internalWarehouseLocation": "v-internalWarehouseLocation",
    "isAwaitingPurchaseOrder": true,
    "isBackorder": true,
    "isBundle": true,
    "isConfigurableProduct": true,
    "isExcludedFromPromotions": true,
    "isGift": true,
    "isPackage": true,
    "isPackageBrokeDown": true,
    "isPackageProduct": true,
    "isReadOnly": true,
    "isReadOnlyByCustomer": true,
    "isSerializableProduct": true,
    "isSkuAccessory": true,
    "isVirtualProduct": true,
    "lineItemDiscountAmount": 12.34,
    "lineItemDiscountAmountExclTax": 12.34,
    "lineItemId": "v-lineItemId",
    "modifiedReason": "v-modifiedReason",
    "orderDiscountAmount": 12.34,
    "orderLineBonusPoints": {
     "kept": [
      1,
      "x",
      null,
      false
     ]
    },
    "orderLineDiscounts": [
     {
      "alwaysApply": true,
      "canBeCombinedWithOtherPromotions": true,
      "discountAmount": 12.34,
      "discountAmountPrItem": 12.34,
      "discountCode": "v-discountCode",
      "discountId": "v-discountId",
      "discountName": "v-discountName",
      "discountSource": "v-discountSource",
      "discountType": "v-discountType",
      "discountValue": 12.34,
      "isBonusPointsReward": true,
      "maxDiscountAmount": 12.34,
      "priority": 7,
      "rewardType": "v-rewardType",
      "skuIds": [
       "v-skuIds"
      ],
      "zzUnknownOmniumOrderLineDiscount": {
       "nested": [
        "OmniumOrderLineDiscount"
       ]
      }
     }
    ],
    "originalExtendedPricePerUnit": 12.34,
    "packageLineItemId": "v-packageLineItemId",
    "packageSkuId": "v-packageSkuId",
    "placedPrice": 12.34,
    "placedPriceExclTax": 12.34,
    "priceListId": "v-priceListId",
    "priceListItemId": "v-priceListItemId",
    "productId": "v-productId",
    "properties": [
     {
      "key": "v-key",
      "keyGroup": "v-keyGroup",
      "value": "v-value",
      "valueType": "v-valueType",
      "zzUnknownOmniumProperty": {
       "nested": [
        "OmniumProperty"
       ]
      }
     }
    ],
    "quantity": 12.34,
    "readyForPickupDate": "2026-12-03T10:15:30.5000000Z",
    "readyForPickupQuantity": 12.34,
    "replacedQuantity": 12.34,
    "replacementReason": "v-replacementReason",
    "replacementType": "v-replacementType",
    "requestedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
    "reservedInventory": {
     "kept": [
      1,
      "x",
      null,
      false
     ]
    },
    "reservedInventoryDeliveryId": "v-reservedInventoryDeliveryId",
    "reservedInventoryPurchaseOrderId": "v-reservedInventoryPurchaseOrderId",
    "reservedInventoryPurchaseOrderLineId": "v-reservedInventoryPurchaseOrderLineId",
    "reservedInventoryQuantity": 12.34,
    "returnDate": "2026-12-03T10:15:30.5000000Z",
    "returnQuantity": 12.34,
    "returnReason": "v-returnReason",
    "returnType": "v-returnType",
    "selectedUnit": "v-selectedUnit",
    "selectedUnitConversionFactor": 12.34,
    "selectedUnitQuantity": 12.34,
    "serialNumber": "v-serialNumber",
    "size": "v-size",
    "storePickDate": "2026-12-03T10:15:30.5000000Z",
    "suggestedRetailPrice": 12.34,
    "suggestedRetailPriceExclTax": 12.34,
    "supplierId": "v-supplierId",
    "supplierName": "v-supplierName",
    "supplierSkuId": "v-supplierSkuId",
    "taxRate": 12.34,
    "taxTotal": 12.34,
    "unit": "v-unit",
    "updateStock": true,
    "webSiteProductUrl": "v-webSiteProductUrl",
    "zzUnknownOmniumOrderLine": {
     "nested": [
      "OmniumOrderLine"
     ]
    }
   }
  ],
  "orderLevelTax": 12.34,
  "payments": [
   {
    "amount": 12.34,
    "authorizationCode": "v-authorizationCode",
    "authorizationExpires": "2026-12-03T10:15:30.5000000Z",
    "comment": "v-comment",
    "created": "2026-12-03T10:15:30.5000000Z",
    "customerName": "v-customerName",
    "externalIds": [
     {
      "id": "v-id",
      "providerName": "v-providerName",
      "zzUnknownOmniumExternalId": {
       "nested": [
        "OmniumExternalId"
       ]
      }
     }
    ],
    "id": "v-id",
    "implementationClass": "v-implementationClass",
    "internalReference": "v-internalReference",
    "invoiceId": "v-invoiceId",
    "isManuallyAdded": true,
    "orderLineReferences": [
     {
      "lineItemId": "v-lineItemId",
      "zzUnknownOmniumOrderLineReference": {
       "nested": [
        "OmniumOrderLineReference"
       ]
      }
     }
    ],
    "paidDate": "2026-12-03T10:15:30.5000000Z",
    "paymentId": 7,
    "paymentMethodId": "v-paymentMethodId",
    "paymentMethodName": "v-paymentMethodName",
    "paymentType": "v-paymentType",
    "properties": [
     {
      "key": "v-key",
      "keyGroup": "v-keyGroup",
      "value": "v-value",
      "valueType": "v-valueType",
      "zzUnknownOmniumProperty": {
       "nested": [
        "OmniumProperty"
       ]
      }
     }
    ],
    "reason": "v-reason",
    "shipmentId": "v-shipmentId",
    "status": "v-status",
    "storeId": "v-storeId",
    "transactionId": "v-transactionId",
    "transactionType": "v-transactionType",
    "validationCode": "v-validationCode",
    "zzUnknownOmniumPayment": {
     "nested": [
      "OmniumPayment"
     ]
    }
   }
  ],
  "properties": [
   {
    "key": "v-key",
    "keyGroup": "v-keyGroup",
    "value": "v-value",
    "valueType": "v-valueType",
    "zzUnknownOmniumProperty": {
     "nested": [
      "OmniumProperty"
     ]
    }
   }
  ],
  "purchaseOrderId": "v-purchaseOrderId",
  "shipments": [
   {
    "address": {
     "apartmentNumber": "v-apartmentNumber",
     "city": "v-city",
     "countryCode": "v-countryCode",
     "countryName": "v-countryName",
     "daytimePhoneNumber": "v-daytimePhoneNumber",
     "email": "v-email",
     "eveningPhoneNumber": "v-eveningPhoneNumber",
     "externalId": "v-externalId",
     "firstName": "v-firstName",
     "lastName": "v-lastName",
     "line1": "v-line1",
     "line2": "v-line2",
     "name": "v-name",
     "organization": "v-organization",
     "organizationalNumber": "v-organizationalNumber",
     "phone": "v-phone",
     "postalCode": "v-postalCode",
     "regionCode": "v-regionCode",
     "regionName": "v-regionName",
     "state": "v-state",
     "streetNumber": "v-streetNumber",
     "zzUnknownOmniumOrderAddress": {
      "nested": [
       "OmniumOrderAddress"
      ]
     }
    },
    "comment": "v-comment",
    "completed": "2026-12-03T10:15:30.5000000Z",
    "contactPerson": {
     "address": {
      "city": "v-city",
      "countryCode": "v-countryCode",
      "countryName": "v-countryName",
      "email": "v-email",
      "line1": "v-line1",
      "line2": "v-line2",
      "name": "v-name",
      "phone": "v-phone",
      "postalCode": "v-postalCode",
      "purposes": [
       "v-purposes"
      ],
      "streetNumber": "v-streetNumber",
      "zzUnknownOmniumAddress": {
       "nested": [
        "OmniumAddress"
       ]
      }
     },
     "email": "v-email",
     "externalIds": [
      {
       "id": "v-id",
       "providerName": "v-providerName",
       "zzUnknownOmniumExternalId": {
        "nested": [
         "OmniumExternalId"
        ]
       }
      }
     ],
     "firstName": "v-firstName",
     "id": "v-id",
     "isPrimaryContact": true,
     "lastName": "v-lastName",
     "notify": true,
     "phone": "v-phone",
     "privateCustomerId": "v-privateCustomerId",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "role": "v-role",
     "roles": [
      "v-roles"
     ],
     "zzUnknownOmniumContactPerson": {
      "nested": [
       "OmniumContactPerson"
      ]
     }
    },
    "discounts": [
     {
      "alwaysApply": true,
      "canBeCombinedWithOtherPromotions": true,
      "discountAmount": 12.34,
      "discountCode": "v-discountCode",
      "discountId": "v-discountId",
      "discountName": "v-discountName",
      "discountSource": "v-discountSource",
      "discountType": "v-discountType",
      "discountValue": 12.34,
      "isBonusPointsReward": true,
      "maxDiscountAmount": 12.34,
      "priority": 7,
      "promotionFixedPriceReward": {
       "fixedPricePrice": 12.34,
       "fixedPriceQuantity": 7,
       "zzUnknownOmniumPromotionFixedPriceReward": {
        "nested": [
         "OmniumPromotionFixedPriceReward"
        ]
       }
      },
      "promotionMultiBuyReward": {
       "numberOfDiscountedItems": 7,
       "percentage": 12.34,
       "requiredBuyAmount": 12.34,
       "zzUnknownOmniumPromotionMultiBuyReward": {
        "nested": [
         "OmniumPromotionMultiBuyReward"
        ]
       }
      },
      "rewardType": "v-rewardType",
      "skuIds": [
       "v-skuIds"
      ],
      "zzUnknownOmniumDiscount": {
       "nested": [
        "OmniumDiscount"
       ]
      }
     }
    ],
    "expectedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
    "expectedShipmentDate": "2026-12-03T10:15:30.5000000Z",
    "externalIds": [
     {
      "id": "v-id",
      "providerName": "v-providerName",
      "zzUnknownOmniumExternalId": {
       "nested": [
        "OmniumExternalId"
       ]
      }
     }
    ],
    "goodsDescription": "v-goodsDescription",
    "isAllocated": true,
    "orderStatus": "v-orderStatus",
    "orderStatusLog": [
     {
      "durationSincePreviousMs": 7,
      "status": "v-status",
      "timestamp": "2026-12-03T10:15:30.5000000Z",
      "zzUnknownOmniumOrderStatusLogEntry": {
       "nested": [
        "OmniumOrderStatusLogEntry"
       ]
      }
     }
    ],
    "packages": [
     {
      "barcode": "v-barcode",
      "dimensions": {
       "heightInCm": 7,
       "lengthInCm": 7,
       "widthInCm": 7,
       "zzUnknownOmniumShipmentPackageDimensions": {
        "nested": [
         "OmniumShipmentPackageDimensions"
        ]
       }
      },
      "goodsDescription": "v-goodsDescription",
      "id": "v-id",
      "lineItemReferences": [
       {
        "lineItemId": "v-lineItemId",
        "zzUnknownOmniumOrderLineReference": {
         "nested": [
          "OmniumOrderLineReference"
         ]
        }
       }
      ],
      "shipmentTracking": {
       "shipmentLabelLink": "v-shipmentLabelLink",
       "shipmentTrackingLink": "v-shipmentTrackingLink",
       "shipmentTrackingNumber": "v-shipmentTrackingNumber",
       "zzUnknownOmniumShipmentTracking": {
        "nested": [
         "OmniumShipmentTracking"
        ]
       }
      },
      "volume": 12.34,
      "weightInKg": 12.34,
      "zzUnknownOmniumShipmentPackage": {
       "nested": [
        "OmniumShipmentPackage"
       ]
      }
     }
    ],
    "pickUpPointInformation": {
     "address": {
      "kept": [
       1,
       "x",
       null,
       false
      ]
     },
     "name": "v-name",
     "openingHours": [
      {
       "kept": [
        1,
        "x",
        null,
        false
       ]
      }
     ],
     "servicePointId": "v-servicePointId",
     "zzUnknownOmniumPickUpPointInformation": {
      "nested": [
       "OmniumPickUpPointInformation"
      ]
     }
    },
    "pickUpWarehouseCode": "v-pickUpWarehouseCode",
    "prevStatus": "v-prevStatus",
    "properties": [
     {
      "key": "v-key",
      "keyGroup": "v-keyGroup",
      "value": "v-value",
      "valueType": "v-valueType",
      "zzUnknownOmniumProperty": {
       "nested": [
        "OmniumProperty"
       ]
      }
     }
    ],
    "returnLabelLink": "v-returnLabelLink",
    "returnTrackingLink": "v-returnTrackingLink",
    "returnTrackingNumber": "v-returnTrackingNumber",
    "servicePointId": "v-servicePointId",
    "shipmentId": "v-shipmentId",
    "shipmentLabelLink": "v-shipmentLabelLink",
    "shipmentTaxRate": 12.34,
    "shipmentTrackingLink": "v-shipmentTrackingLink",
    "shipmentTrackingNumber": "v-shipmentTrackingNumber",
    "shippingCreditedTotal": 12.34,
    "shippingDiscountAmount": 12.34,
    "shippingLabel": "v-shippingLabel",
    "shippingMethodId": "v-shippingMethodId",
    "shippingMethodName": "v-shippingMethodName",
    "shippingMethodProductId": "v-shippingMethodProductId",
    "shippingSubTotal": 12.34,
    "shippingSubTotalExclTax": 12.34,
    "shippingTax": 12.34,
    "shippingTotal": 12.34,
    "status": "v-status",
    "subTotal": 12.34,
    "taxTotal": 12.34,
    "total": 12.34,
    "transit": true,
    "virtualWarehouseCode": "v-virtualWarehouseCode",
    "warehouseCode": "v-warehouseCode",
    "zzUnknownOmniumShipment": {
     "nested": [
      "OmniumShipment"
     ]
    }
   }
  ],
  "shippingCreditedTotal": 12.34,
  "shippingDiscountTotal": 12.34,
  "shippingSubTotal": 12.34,
  "shippingSubTotalExclTax": 12.34,
  "shippingTotal": 12.34,
  "subTotal": 12.34,
  "subTotalExclTax": 12.34,
  "taxTotal": 12.34,
  "total": 12.34,
  "totalExclTax": 12.34,
  "zzUnknownOmniumOrderForm": {
   "nested": [
    "OmniumOrderForm"
   ]
  }
 },
 "orderNotes": [
  {
   "attachments": [
    {
     "altText": "v-altText",
     "assetId": "v-assetId",
     "assetType": "v-assetType",
     "contentType": "v-contentType",
     "created": "2026-12-03T10:15:30.5000000Z",
     "description": "v-description",
     "externalUrl": "v-externalUrl",
     "fileName": "v-fileName",
     "forceUpload": true,
     "isMainImage": true,
     "length": 7,
     "modified": "2026-12-03T10:15:30.5000000Z",
     "name": "v-name",
     "parentId": "v-parentId",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "purpose": "v-purpose",
     "sortOrder": 7,
     "url": "v-url",
     "zzUnknownOmniumAsset": {
      "nested": [
       "OmniumAsset"
      ]
     }
    }
   ],
   "created": "2026-12-03T10:15:30.5000000Z",
   "creator": "v-creator",
   "customerId": "v-customerId",
   "deliveryMethod": "v-deliveryMethod",
   "detail": "v-detail",
   "emailFromAddress": "v-emailFromAddress",
   "emailFromName": "v-emailFromName",
   "emailRecipient": "v-emailRecipient",
   "emailSubject": "v-emailSubject",
   "id": "v-id",
   "lineItemId": "v-lineItemId",
   "objectId": "v-objectId",
   "objectType": "v-objectType",
   "parentId": "v-parentId",
   "sendNotification": true,
   "smsFrom": "v-smsFrom",
   "smsRecipient": "v-smsRecipient",
   "tags": [
    "v-tags"
   ],
   "title": "v-title",
   "type": "v-type",
   "userId": "v-userId",
   "zzUnknownOmniumComment": {
    "nested": [
     "OmniumComment"
    ]
   }
  }
 ],
 "orderNumber": "v-orderNumber",
 "orderOrigin": "v-orderOrigin",
 "orderType": "v-orderType",
 "paymentTermsNet": 7,
 "paymentType": "v-paymentType",
 "projectId": "v-projectId",
 "projectIds": [
  "v-projectIds"
 ],
 "properties": [
  {
   "key": "v-key",
   "keyGroup": "v-keyGroup",
   "value": "v-value",
   "valueType": "v-valueType",
   "zzUnknownOmniumProperty": {
    "nested": [
     "OmniumProperty"
    ]
   }
  }
 ],
 "publicOrderNotes": [
  {
   "attachments": [
    {
     "altText": "v-altText",
     "assetId": "v-assetId",
     "assetType": "v-assetType",
     "contentType": "v-contentType",
     "created": "2026-12-03T10:15:30.5000000Z",
     "description": "v-description",
     "externalUrl": "v-externalUrl",
     "fileName": "v-fileName",
     "forceUpload": true,
     "isMainImage": true,
     "length": 7,
     "modified": "2026-12-03T10:15:30.5000000Z",
     "name": "v-name",
     "parentId": "v-parentId",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "purpose": "v-purpose",
     "sortOrder": 7,
     "url": "v-url",
     "zzUnknownOmniumAsset": {
      "nested": [
       "OmniumAsset"
      ]
     }
    }
   ],
   "created": "2026-12-03T10:15:30.5000000Z",
   "creator": "v-creator",
   "customerId": "v-customerId",
   "deliveryMethod": "v-deliveryMethod",
   "detail": "v-detail",
   "emailFromAddress": "v-emailFromAddress",
   "emailFromName": "v-emailFromName",
   "emailRecipient": "v-emailRecipient",
   "emailSubject": "v-emailSubject",
   "id": "v-id",
   "lineItemId": "v-lineItemId",
   "objectId": "v-objectId",
   "objectType": "v-objectType",
   "parentId": "v-parentId",
   "sendNotification": true,
   "smsFrom": "v-smsFrom",
   "smsRecipient": "v-smsRecipient",
   "tags": [
    "v-tags"
   ],
   "title": "v-title",
   "type": "v-type",
   "userId": "v-userId",
   "zzUnknownOmniumComment": {
    "nested": [
     "OmniumComment"
    ]
   }
  }
 ],
 "readyForPickup": "2026-12-03T10:15:30.5000000Z",
 "received": "2026-12-03T10:15:30.5000000Z",
 "relatedOrders": [
  "v-relatedOrders"
 ],
 "remainingPayment": 12.34,
 "replacementOrderIds": [
  "v-replacementOrderIds"
 ],
 "requestedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
 "returnOrderForms": [
  {
   "claim": {
    "kept": [
     1,
     "x",
     null,
     false
    ]
   },
   "created": "2026-12-03T10:15:30.5000000Z",
   "creditAmount": 12.34,
   "creditPayment": true,
   "errors": [
    {
     "details": "v-details",
     "key": "v-key",
     "message": "v-message",
     "occurred": "2026-12-03T10:15:30.5000000Z",
     "severity": "v-severity",
     "status": "v-status",
     "zzUnknownOmniumEntityError": {
      "nested": [
       "OmniumEntityError"
      ]
     }
    }
   ],
   "externalIds": [
    {
     "id": "v-id",
     "providerName": "v-providerName",
     "zzUnknownOmniumExternalId": {
      "nested": [
       "OmniumExternalId"
      ]
     }
    }
   ],
   "handlingTotal": 12.34,
   "lineItems": [
    {
     "alternativeProductName": "v-alternativeProductName",
     "brand": "v-brand",
     "cancelComment": "v-cancelComment",
     "cancelReason": "v-cancelReason",
     "canceledDate": "2026-12-03T10:15:30.5000000Z",
     "canceledQuantity": 12.34,
     "code": "v-code",
     "color": "v-color",
     "comment": "v-comment",
     "components": [
      {
       "kept": [
        1,
        "x",
        null,
        false
       ]
      }
     ],
     "cost": 12.34,
     "costTotal": 12.34,
     "creditedAmount": 12.34,
     "customerPickupDeadline": "2026-12-03T10:15:30.5000000Z",
     "deliveredDate": "2026-12-03T10:15:30.5000000Z",
     "deliveredQuantity": 12.34,
     "discountReasonCode": "v-discountReasonCode",
     "discounted": 12.34,
     "discountedExclTax": 12.34,
     "discountedPrice": 12.34,
     "discountedPriceExclTax": 12.34,
     "displayName": "v-displayName",
     "ean": "v-ean",
     "expectedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
     "extendedPrice": 12.34,
     "extendedPriceExclTax": 12.34,
     "externalIds": [
      {
       "id": "v-id",
       "providerName": "v-providerName",
       "zzUnknownOmniumExternalId": {
        "nested": [
         "OmniumExternalId"
        ]
       }
      }
     ],
     "groupId": "v-groupId",
     "gtins": [
      "v-gtins"
     ],
     "imageUrl": "v-imageUrl",
     "internalWarehouseLocation": "v-internalWarehouseLocation",
     "isAwaitingPurchaseOrder": true,
     "isBackorder": true,
     "isBundle": true,
     "isConfigurableProduct": true,
     "isExcludedFromPromotions": true,
     "isGift": true,
     "isPackage": true,
     "isPackageBrokeDown": true,
     "isPackageProduct": true,
     "isReadOnly": true,
     "isReadOnlyByCustomer": true,
     "isSerializableProduct": true,
     "isSkuAccessory": true,
     "isVirtualProduct": true,
     "lineItemDiscountAmount": 12.34,
     "lineItemDiscountAmountExclTax": 12.34,
     "lineItemId": "v-lineItemId",
     "modifiedReason": "v-modifiedReason",
     "orderDiscountAmount": 12.34,
     "orderLineBonusPoints": {
      "kept": [
       1,
       "x",
       null,
       false
      ]
     },
     "orderLineDiscounts": [
      {
       "alwaysApply": true,
       "canBeCombinedWithOtherPromotions": true,
       "discountAmount": 12.34,
       "discountAmountPrItem": 12.34,
       "discountCode": "v-discountCode",
       "discountId": "v-discountId",
       "discountName": "v-discountName",
       "discountSource": "v-discountSource",
       "discountType": "v-discountType",
       "discountValue": 12.34,
       "isBonusPointsReward": true,
       "maxDiscountAmount": 12.34,
       "priority": 7,
       "rewardType": "v-rewardType",
       "skuIds": [
        "v-skuIds"
       ],
       "zzUnknownOmniumOrderLineDiscount": {
        "nested": [
         "OmniumOrderLineDiscount"
        ]
       }
      }
     ],
     "originalExtendedPricePerUnit": 12.34,
     "packageLineItemId": "v-packageLineItemId",
     "packageSkuId": "v-packageSkuId",
     "placedPrice": 12.34,
     "placedPriceExclTax": 12.34,
     "priceListId": "v-priceListId",
     "priceListItemId": "v-priceListItemId",
     "productId": "v-productId",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "quantity": 12.34,
     "readyForPickupDate": "2026-12-03T10:15:30.5000000Z",
     "readyForPickupQuantity": 12.34,
     "replacedQuantity": 12.34,
     "replacementReason": "v-replacementReason",
     "replacementType": "v-replacementType",
     "requestedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
     "reservedInventory": {
      "kept": [
       1,
       "x",
       null,
       false
      ]
     },
     "reservedInventoryDeliveryId": "v-reservedInventoryDeliveryId",
     "reservedInventoryPurchaseOrderId": "v-reservedInventoryPurchaseOrderId",
     "reservedInventoryPurchaseOrderLineId": "v-reservedInventoryPurchaseOrderLineId",
     "reservedInventoryQuantity": 12.34,
     "returnDate": "2026-12-03T10:15:30.5000000Z",
     "returnQuantity": 12.34,
     "returnReason": "v-returnReason",
     "returnType": "v-returnType",
     "selectedUnit": "v-selectedUnit",
     "selectedUnitConversionFactor": 12.34,
     "selectedUnitQuantity": 12.34,
     "serialNumber": "v-serialNumber",
     "size": "v-size",
     "storePickDate": "2026-12-03T10:15:30.5000000Z",
     "suggestedRetailPrice": 12.34,
     "suggestedRetailPriceExclTax": 12.34,
     "supplierId": "v-supplierId",
     "supplierName": "v-supplierName",
     "supplierSkuId": "v-supplierSkuId",
     "taxRate": 12.34,
     "taxTotal": 12.34,
     "unit": "v-unit",
     "updateStock": true,
     "webSiteProductUrl": "v-webSiteProductUrl",
     "zzUnknownOmniumOrderLine": {
      "nested": [
       "OmniumOrderLine"
      ]
     }
    }
   ],
   "modified": "2026-12-03T10:15:30.5000000Z",
   "payments": [
    {
     "amount": 12.34,
     "authorizationCode": "v-authorizationCode",
     "authorizationExpires": "2026-12-03T10:15:30.5000000Z",
     "comment": "v-comment",
     "created": "2026-12-03T10:15:30.5000000Z",
     "customerName": "v-customerName",
     "externalIds": [
      {
       "id": "v-id",
       "providerName": "v-providerName",
       "zzUnknownOmniumExternalId": {
        "nested": [
         "OmniumExternalId"
        ]
       }
      }
     ],
     "id": "v-id",
     "implementationClass": "v-implementationClass",
     "internalReference": "v-internalReference",
     "invoiceId": "v-invoiceId",
     "isManuallyAdded": true,
     "orderLineReferences": [
      {
       "lineItemId": "v-lineItemId",
       "zzUnknownOmniumOrderLineReference": {
        "nested": [
         "OmniumOrderLineReference"
        ]
       }
      }
     ],
     "paidDate": "2026-12-03T10:15:30.5000000Z",
     "paymentId": 7,
     "paymentMethodId": "v-paymentMethodId",
     "paymentMethodName": "v-paymentMethodName",
     "paymentType": "v-paymentType",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "reason": "v-reason",
     "shipmentId": "v-shipmentId",
     "status": "v-status",
     "storeId": "v-storeId",
     "transactionId": "v-transactionId",
     "transactionType": "v-transactionType",
     "validationCode": "v-validationCode",
     "zzUnknownOmniumPayment": {
      "nested": [
       "OmniumPayment"
      ]
     }
    }
   ],
   "properties": [
    {
     "key": "v-key",
     "keyGroup": "v-keyGroup",
     "value": "v-value",
     "valueType": "v-valueType",
     "zzUnknownOmniumProperty": {
      "nested": [
       "OmniumProperty"
      ]
     }
    }
   ],
   "replacementOrderIds": [
    "v-replacementOrderIds"
   ],
   "returnCharges": [
    {
     "kept": [
      1,
      "x",
      null,
      false
     ]
    }
   ],
   "returnComment": "v-returnComment",
   "returnId": "v-returnId",
   "returnType": "v-returnType",
   "rmaNumber": "v-rmaNumber",
   "sentNotificationIds": [
    "v-sentNotificationIds"
   ],
   "shipments": [
    {
     "address": {
      "apartmentNumber": "v-apartmentNumber",
      "city": "v-city",
      "countryCode": "v-countryCode",
      "countryName": "v-countryName",
      "daytimePhoneNumber": "v-daytimePhoneNumber",
      "email": "v-email",
      "eveningPhoneNumber": "v-eveningPhoneNumber",
      "externalId": "v-externalId",
      "firstName": "v-firstName",
      "lastName": "v-lastName",
      "line1": "v-line1",
      "line2": "v-line2",
      "name": "v-name",
      "organization": "v-organization",
      "organizationalNumber": "v-organizationalNumber",
      "phone": "v-phone",
      "postalCode": "v-postalCode",
      "regionCode": "v-regionCode",
      "regionName": "v-regionName",
      "state": "v-state",
      "streetNumber": "v-streetNumber",
      "zzUnknownOmniumOrderAddress": {
       "nested": [
        "OmniumOrderAddress"
       ]
      }
     },
     "comment": "v-comment",
     "completed": "2026-12-03T10:15:30.5000000Z",
     "contactPerson": {
      "address": {
       "city": "v-city",
       "countryCode": "v-countryCode",
       "countryName": "v-countryName",
       "email": "v-email",
       "line1": "v-line1",
       "line2": "v-line2",
       "name": "v-name",
       "phone": "v-phone",
       "postalCode": "v-postalCode",
       "purposes": [
        "v-purposes"
       ],
       "streetNumber": "v-streetNumber",
       "zzUnknownOmniumAddress": {
        "nested": [
         "OmniumAddress"
        ]
       }
      },
      "email": "v-email",
      "externalIds": [
       {
        "id": "v-id",
        "providerName": "v-providerName",
        "zzUnknownOmniumExternalId": {
         "nested": [
          "OmniumExternalId"
         ]
        }
       }
      ],
      "firstName": "v-firstName",
      "id": "v-id",
      "isPrimaryContact": true,
      "lastName": "v-lastName",
      "notify": true,
      "phone": "v-phone",
      "privateCustomerId": "v-privateCustomerId",
      "properties": [
       {
        "key": "v-key",
        "keyGroup": "v-keyGroup",
        "value": "v-value",
        "valueType": "v-valueType",
        "zzUnknownOmniumProperty": {
         "nested": [
          "OmniumProperty"
         ]
        }
       }
      ],
      "role": "v-role",
      "roles": [
       "v-roles"
      ],
      "zzUnknownOmniumContactPerson": {
       "nested": [
        "OmniumContactPerson"
       ]
      }
     },
     "discounts": [
      {
       "alwaysApply": true,
       "canBeCombinedWithOtherPromotions": true,
       "discountAmount": 12.34,
       "discountCode": "v-discountCode",
       "discountId": "v-discountId",
       "discountName": "v-discountName",
       "discountSource": "v-discountSource",
       "discountType": "v-discountType",
       "discountValue": 12.34,
       "isBonusPointsReward": true,
       "maxDiscountAmount": 12.34,
       "priority": 7,
       "promotionFixedPriceReward": {
        "fixedPricePrice": 12.34,
        "fixedPriceQuantity": 7,
        "zzUnknownOmniumPromotionFixedPriceReward": {
         "nested": [
          "OmniumPromotionFixedPriceReward"
         ]
        }
       },
       "promotionMultiBuyReward": {
        "numberOfDiscountedItems": 7,
        "percentage": 12.34,
        "requiredBuyAmount": 12.34,
        "zzUnknownOmniumPromotionMultiBuyReward": {
         "nested": [
          "OmniumPromotionMultiBuyReward"
         ]
        }
       },
       "rewardType": "v-rewardType",
       "skuIds": [
        "v-skuIds"
       ],
       "zzUnknownOmniumDiscount": {
        "nested": [
         "OmniumDiscount"
        ]
       }
      }
     ],
     "expectedDeliveryDate": "2026-12-03T10:15:30.5000000Z",
     "expectedShipmentDate": "2026-12-03T10:15:30.5000000Z",
     "externalIds": [
      {
       "id": "v-id",
       "providerName": "v-providerName",
       "zzUnknownOmniumExternalId": {
        "nested": [
         "OmniumExternalId"
        ]
       }
      }
     ],
     "goodsDescription": "v-goodsDescription",
     "isAllocated": true,
     "orderStatus": "v-orderStatus",
     "orderStatusLog": [
      {
       "durationSincePreviousMs": 7,
       "status": "v-status",
       "timestamp": "2026-12-03T10:15:30.5000000Z",
       "zzUnknownOmniumOrderStatusLogEntry": {
        "nested": [
         "OmniumOrderStatusLogEntry"
        ]
       }
      }
     ],
     "packages": [
      {
       "barcode": "v-barcode",
       "dimensions": {
        "heightInCm": 7,
        "lengthInCm": 7,
        "widthInCm": 7,
        "zzUnknownOmniumShipmentPackageDimensions": {
         "nested": [
          "OmniumShipmentPackageDimensions"
         ]
        }
       },
       "goodsDescription": "v-goodsDescription",
       "id": "v-id",
       "lineItemReferences": [
        {
         "lineItemId": "v-lineItemId",
         "zzUnknownOmniumOrderLineReference": {
          "nested": [
           "OmniumOrderLineReference"
          ]
         }
        }
       ],
       "shipmentTracking": {
        "shipmentLabelLink": "v-shipmentLabelLink",
        "shipmentTrackingLink": "v-shipmentTrackingLink",
        "shipmentTrackingNumber": "v-shipmentTrackingNumber",
        "zzUnknownOmniumShipmentTracking": {
         "nested": [
          "OmniumShipmentTracking"
         ]
        }
       },
       "volume": 12.34,
       "weightInKg": 12.34,
       "zzUnknownOmniumShipmentPackage": {
        "nested": [
         "OmniumShipmentPackage"
        ]
       }
      }
     ],
     "pickUpPointInformation": {
      "address": {
       "kept": [
        1,
        "x",
        null,
        false
       ]
      },
      "name": "v-name",
      "openingHours": [
       {
        "kept": [
         1,
         "x",
         null,
         false
        ]
       }
      ],
      "servicePointId": "v-servicePointId",
      "zzUnknownOmniumPickUpPointInformation": {
       "nested": [
        "OmniumPickUpPointInformation"
       ]
      }
     },
     "pickUpWarehouseCode": "v-pickUpWarehouseCode",
     "prevStatus": "v-prevStatus",
     "properties": [
      {
       "key": "v-key",
       "keyGroup": "v-keyGroup",
       "value": "v-value",
       "valueType": "v-valueType",
       "zzUnknownOmniumProperty": {
        "nested": [
         "OmniumProperty"
        ]
       }
      }
     ],
     "returnLabelLink": "v-returnLabelLink",
     "returnTrackingLink": "v-returnTrackingLink",
     "returnTrackingNumber": "v-returnTrackingNumber",
     "servicePointId": "v-servicePointId",
     "shipmentId": "v-shipmentId",
     "shipmentLabelLink": "v-shipmentLabelLink",
     "shipmentTaxRate": 12.34,
     "shipmentTrackingLink": "v-shipmentTrackingLink",
     "shipmentTrackingNumber": "v-shipmentTrackingNumber",
     "shippingCreditedTotal": 12.34,
     "shippingDiscountAmount": 12.34,
     "shippingLabel": "v-shippingLabel",
     "shippingMethodId": "v-shippingMethodId",
     "shippingMethodName": "v-shippingMethodName",
     "shippingMethodProductId": "v-shippingMethodProductId",
     "shippingSubTotal": 12.34,
     "shippingSubTotalExclTax": 12.34,
     "shippingTax": 12.34,
     "shippingTotal": 12.34,
     "status": "v-status",
     "subTotal": 12.34,
     "taxTotal": 12.34,
     "total": 12.34,
     "transit": true,
     "virtualWarehouseCode": "v-virtualWarehouseCode",
     "warehouseCode": "v-warehouseCode",
     "zzUnknownOmniumShipment": {
      "nested": [
       "OmniumShipment"
      ]
     }
    }
   ],
   "status": "v-status",
   "storeId": "v-storeId",
   "subTotal": 12.34,
   "taxTotal": 12.34,
   "total": 12.34,
   "totalExclTax": 12.34,
   "userId": "v-userId",
   "zzUnknownOmniumReturnOrderForm": {
    "nested": [
     "OmniumReturnOrderForm"
    ]
   }
  }
 ],
 "salesChannel": "v-salesChannel",
 "salesPersonId": "v-salesPersonId",
 "salesPersonName": "v-salesPersonName",
 "secretKey": "v-secretKey",
 "session": "v-session",
 "shippingDiscountTotal": 12.34,
 "shippingSubTotal": 12.34,
 "status": "v-status",
 "storeId": "v-storeId",
 "storePickDate": "2026-12-03T10:15:30.5000000Z",
 "subTotal": 12.34,
 "subTotalExclTax": 12.34,
 "subscriptionId": "v-subscriptionId",
 "tags": [
  "v-tags"
 ],
 "taxTotal": 12.34,
 "total": 12.34,
 "totalExclTax": 12.34,
 "updateStatusDate": "2026-12-03T10:15:30.5000000Z",
 "versionId": "v-versionId",
 "zzUnknownOmniumOrder": {
  "nested": [
   "OmniumOrder"
  ]
 }
}
"""#
}
