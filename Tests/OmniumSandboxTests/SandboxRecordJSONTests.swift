import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// The hand-written catalogue answers (``SandboxRecordJSON``, ``SandboxPageJSON``, ``SandboxDecimalText``,
/// ``SandboxDateText``) against what the generic ``SandboxResponseEncoder`` writes for the same values,
/// byte for byte: the sandbox's wire shape must not change because it got faster.
final class SandboxRecordJSONTests: XCTestCase {
    // MARK: - Decimal text

    func testDecimalLayoutIsReadOnThisPlatform() {
        XCTAssertTrue(SandboxDecimalText.layoutIsKnown,
                      "Decimal's storage is not laid out as SandboxDecimalText reads it: every number falls back to description")
    }

    func testDecimalTextEqualsDescription() {
        var values: [Decimal] = [
            0, 1, -1, 10, 100, 1500, -1500, Decimal.nan, Decimal(string: "-0")!, Decimal(string: "0.000")!,
            Decimal(string: "15.00")!, Decimal(string: "-0.05")!, Decimal(string: "0.125")!, Decimal(string: "1e5")!,
            Decimal(string: "123e-10")!, Decimal(string: "1e-30")!, Decimal(string: "-98765.4321")!,
            Decimal(string: "18446744073709551615")!, Decimal(string: "18446744073709551616")!,
            Decimal(string: "340282366920938463463374607431768211455")!,
            Decimal(string: "12345678901234567890.123456789")!, Decimal(string: "-0.00000000000000000001")!,
            Decimal(Int.max), Decimal(Int.min), Decimal(1999) / 100, Decimal(2000) / 100, Decimal(1) / 3, Decimal(-2) / 3,
            Decimal(125) / 100 * 199, Decimal(string: "19.90")! + 10, Decimal(string: "2.50")! * 2,
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &random)
            let mantissa = UInt64.random(in: 0...UInt64.max, using: &random) % (digits >= 20 ? UInt64.max : pow10(digits))
            let exponent = Int.random(in: -40...40, using: &random)
            let sign: FloatingPointSign = Bool.random(using: &random) ? .minus : .plus
            values.append(Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)))
            values.append(Decimal(Int.random(in: -1_000_000...1_000_000, using: &random)) / 100)
            values.append(Decimal(Int.random(in: 0...100_000, using: &random)) * Decimal(string: "0.4")!)
        }
        // Mantissas that keep trailing zeros (description writes them: 15.00 stays 15.00).
        for (mantissa, exponent) in [(1500, -2), (100, -5), (1000, 0), (10, -1), (120, 3)] {
            var value = Decimal(mantissa)
            withUnsafeMutableBytes(of: &value) { bytes in
                bytes[0] = UInt8(bitPattern: Int8(exponent))
                bytes[1] = 1 << 4
                bytes[4] = UInt8(mantissa & 0xff)
                bytes[5] = UInt8(mantissa >> 8)
                for k in 6..<20 { bytes[k] = 0 }
            }
            values.append(value)
            values.append(-value)
        }
        for value in values {
            XCTAssertEqual(SandboxDecimalText.string(value), value.description, "\(value)")
        }
    }

    /// The generator's money and weights, built without division, are the values (and digits) the
    /// division gave.
    func testDivisionFreeDecimalsEqualDivision() {
        var units = Array(-3_000...3_000) + [Int(Int32.max), -Int(Int32.max), 1_000_000_000, 123_456_789_000]
        units += stride(from: -4_000_000, through: 4_000_000, by: 997).map { $0 }
        for value in units {
            for scale in [2, 3] {
                let expected = Decimal(value) / (scale == 2 ? 100 : 1_000)
                let built = SandboxDataGenerator.decimal(value, scale: scale)
                XCTAssertEqual(built, expected, "\(value) / 10^\(scale)")
                XCTAssertEqual(built.description, expected.description, "\(value) / 10^\(scale)")
                XCTAssertEqual(SandboxDecimalText.parts(of: built), SandboxDecimalText.parts(of: expected), "\(value)")
            }
        }
    }

    private func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { value, _ in value * 10 } }

    // MARK: - Date text

    func testDateTextEqualsOmniumDateFormat() {
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSinceReferenceDate: 0), SandboxDataOptions.defaultEpoch,
                     Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 1_795_000_000.123_456_7),
                     Date(timeIntervalSinceReferenceDate: -63_000_000_000), Date(timeIntervalSinceReferenceDate: 249_999_999_999),
                     .distantPast, .distantFuture]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let seconds = Double(Int64.random(in: -62_000_000_000...240_000_000_000, using: &random))
            dates.append(Date(timeIntervalSinceReferenceDate: seconds))
            dates.append(Date(timeIntervalSinceReferenceDate: seconds + Double.random(in: 0..<1, using: &random)))
        }
        for date in dates {
            var bytes: [UInt8] = []
            SandboxDateText.append(date, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), OmniumDateFormat.string(from: date), "\(date.timeIntervalSinceReferenceDate)")
        }
    }

    // MARK: - Records

    func testGeneratedRecordsEqualTheGenericEncoder() throws {
        let generator = SandboxDataGenerator(options: SandboxDataOptions(scale: SandboxScale(
            products: 700, stores: 6, orders: 1, purchaseOrders: 1, privateCustomers: 1, businessCustomers: 1)))
        for index in 0..<generator.productCount {
            try assertSameBytes(generator.product(at: index), SandboxRecordJSON.product)
            for price in generator.prices(forProductAt: index) { try assertSameBytes(price, SandboxRecordJSON.price) }
            for item in generator.inventory(forProductAt: index) { try assertSameBytes(item, SandboxRecordJSON.inventoryItem) }
        }
    }

    func testMutatedRecordsEqualTheGenericEncoder() throws {
        let state = SandboxState(options: SandboxDataOptions(scale: .small))
        let result = SandboxMutations.apply(to: state, fraction: 0.5)
        XCTAssertFalse(result.productIndices.isEmpty)
        try state.read { storage in
            for index in result.productIndices { try assertSameBytes(storage.product(at: index), SandboxRecordJSON.product) }
            for index in result.priceProductIndices {
                for price in storage.prices(forProductAt: index) { try assertSameBytes(price, SandboxRecordJSON.price) }
            }
            for key in result.inventoryKeys {
                try assertSameBytes(try XCTUnwrap(storage.inventoryItem(key)), SandboxRecordJSON.inventoryItem)
            }
        }
    }

    func testEmptyAndFullRecordsEqualTheGenericEncoder() throws {
        try assertSameBytes(OmniumProduct(), SandboxRecordJSON.product)
        try assertSameBytes(OmniumPrice(), SandboxRecordJSON.price)
        try assertSameBytes(OmniumInventoryItem(), SandboxRecordJSON.inventoryItem)
        try assertSameBytes(Self.fullProduct(), SandboxRecordJSON.product)
        try assertSameBytes(Self.fullPrice(), SandboxRecordJSON.price)
        try assertSameBytes(Self.fullInventoryItem(), SandboxRecordJSON.inventoryItem)
    }

    func testUnknownMembersAreWrittenByTheGenericEncoder() throws {
        var product = Self.fullProduct()
        product.assets?[0].additionalMembers = ["zExtra": .string("kept"), "aExtra": .number(Decimal(string: "1.50")!)]
        product.properties?[0].additionalMembers = ["other": .bool(true)]
        product.externalIds?[0].additionalMembers = ["note": .null]
        let bytes = try SandboxRecordJSON.product(product)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: try SandboxResponseEncoder.encode(product), as: UTF8.self))
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains(#""aExtra":1.5"#))
    }

    private func assertSameBytes<T: Encodable>(_ value: T, _ write: (T) throws -> [UInt8],
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = String(decoding: try SandboxResponseEncoder.encode(value), as: UTF8.self)
        let actual = String(decoding: try write(value), as: UTF8.self)
        if actual != expected {
            XCTFail("hand-written bytes differ:\n  \(actual)\nencoder:\n  \(expected)", file: file, line: line)
        }
    }

    /// Every member set, strings with characters JSON must escape.
    static func fullProduct() -> OmniumProduct {
        let text = "Tab\there \"quoted\" back\\slash\nline\r\u{01}\u{1f} æøå 😀 /"
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        var variant = OmniumProduct(id: "v_no", productId: "p", skuId: "v", parentId: "p", isSku: true, name: text)
        variant.cost = Decimal(string: "-12.50")
        var product = OmniumProduct()
        product.id = "p_no"; product.productId = "p"; product.skuId = "s"; product.parentId = "q"; product.isSku = false
        product.name = text; product.description = "<p>HTML</p>"; product.shortDescription = "short"
        product.brand = "b"; product.color = "c"; product.size = "XL"; product.ean = "7040000000001"
        product.gtins = ["1", "2"]; product.unit = "stk"; product.variants = [variant, OmniumProduct()]
        product.prices = [fullPrice(), OmniumPrice()]; product.cost = Decimal(string: "0.001"); product.costCurrency = "NOK"
        product.categories = [OmniumProductCategory(categoryId: "c", id: "c_no", name: "n", parentId: "p", isMainCategory: true,
                                                    isHidden: false, language: "no", description: "d", sortIndex: -3),
                              OmniumProductCategory()]
        product.categoryIds = []; product.mainCategoryId = "c"; product.mainCategoryName = "n"; product.marketIds = ["NOR"]
        product.assortmentCodes = [OmniumAssortmentCode(assortmentCodeId: "A", validFrom: date, validTo: .distantFuture),
                                   OmniumAssortmentCode()]
        product.isActive = true; product.status = "Published"; product.weight = Decimal(string: "1.25")
        product.colli = [OmniumColli(weight: 1, height: 2, width: 3, length: 4, volume: Decimal(string: "0.024")), OmniumColli()]
        product.assets = [OmniumAsset(assetId: "a", fileName: "f", url: "u", externalUrl: "e", contentType: "image/jpeg",
                                      length: 12_345, name: "n", description: "d", altText: text, assetType: "t", purpose: "p",
                                      isMainImage: true, sortOrder: 0, created: date, modified: date, forceUpload: false,
                                      parentId: "p", properties: [OmniumProperty(key: "k", value: "v")]),
                          OmniumAsset()]
        product.mainImageUrl = "https://example.test/a.jpg"; product.taxCategory = "vat25"; product.supplierId = "sup"
        product.supplierSkuId = "ss"
        product.properties = [OmniumProperty(key: "k", value: text, keyGroup: "g", valueType: "String"), OmniumProperty()]
        product.externalIds = [OmniumExternalId(id: "e", providerName: "ERP"), OmniumExternalId()]
        product.tags = ["t"]; product.created = Date(timeIntervalSince1970: 0); product.modified = date
        return product
    }

    static func fullPrice() -> OmniumPrice {
        OmniumPrice(code: "c", productId: "p", marketId: "NOR", marketGroupId: "g", storeId: "s", currencyCode: "NOK",
                    unitPrice: Decimal(string: "199.50"), originalUnitPrice: 250, discountAmount: Decimal(string: "50.5"),
                    discountPercent: 20, recommendedRetailPrice: Decimal(string: "299"), cost: Decimal(string: "-0.01"),
                    minQuantity: 0, validFrom: Date(timeIntervalSince1970: 1), validUntil: Date(timeIntervalSince1970: 1.5),
                    isTaxExcluded: true, taxRate: 25, customerId: "cu", customerGroup: "cg", priceListId: "pl",
                    priceType: "CostPrice", promotionId: "pr", promotionName: "Vinter \"salg\"", unit: "stk",
                    modified: Date(timeIntervalSince1970: 1_795_000_000.123_456_7))
    }

    static func fullInventoryItem() -> OmniumInventoryItem {
        OmniumInventoryItem(sku: "s", warehouseCode: "w", inventory: Decimal(string: "12.000"), reservedInventory: -1,
                            location: "R1-H2", cost: Decimal(string: "79.60"), costCurrency: "NOK", minQuantity: 5,
                            maxQuantity: 100, reorderMinQuantity: 2, created: Date(timeIntervalSince1970: 1_000_000),
                            modified: Date(timeIntervalSince1970: 1_795_000_000.5))
    }
}
