import FlowStore
import Foundation
import Omnium
import XCTest
@testable import FlowMapping

final class CatalogueProductMappingTests: XCTestCase {
    private let settings = CatalogueFixtures.settings
    private let today = CatalogueFixtures.day(0)

    private func map(_ products: [OmniumProduct], settings: CatalogueMappingSettings? = nil,
                     categories: [CatalogueCategory] = []) -> CatalogueProducts {
        ProductMapping.map(products, categories: categories, settings: settings ?? self.settings, businessDate: today)
    }

    // MARK: - Identity

    func testSingleProductFieldsAndUnits() throws {
        let product = OmniumProduct(
            id: "genser_no", productId: "genser", skuId: "Genser Blå/M", name: "Strikket genser",
            description: "<p>Varm genser i ull fra &Aring;lesund &amp; Ørsta.</p><p>Tåler&nbsp;vask<br>p&aring; 30&#176;</p>",
            shortDescription: "<b>Ull</b>", brand: "Bjørn Borg", color: "Blå", size: "M", ean: "7038010055720",
            cost: CatalogueFixtures.decimal("199.505"), costCurrency: "SEK", isActive: true, weight: CatalogueFixtures.decimal("0.4505"),
            colli: [OmniumColli(weight: 1, height: CatalogueFixtures.decimal("10.25"), width: 20, length: CatalogueFixtures.decimal("35.5"))])
        let result = map([product])
        XCTAssertEqual(result.issues, [])
        let flow = try XCTUnwrap(result.products.first)
        XCTAssertEqual(flow.productUid, FlowUID.sanitize("Genser Blå/M"))
        XCTAssertEqual(flow.sku, "Genser Blå/M")
        XCTAssertEqual(flow.name, "Strikket genser")
        XCTAssertEqual(flow.description, "Varm genser i ull fra Ålesund & Ørsta.\nTåler vask\npå 30°")
        XCTAssertEqual(flow.shortDescription, "Ull")
        XCTAssertEqual(flow.brandUid, "bjorn_borg")
        XCTAssertEqual(result.brands, [FlowBrand(brandUid: "bjorn_borg", name: "Bjørn Borg")])
        XCTAssertEqual(flow.productGroupUid, "default")
        XCTAssertEqual(flow.vatCodeUid, "vat25")
        XCTAssertEqual(flow.barcodes, ["7038010055720"])
        XCTAssertEqual(flow.purchasePrice, 19951)
        XCTAssertEqual(flow.currencyPurchasePrice, 19951)
        XCTAssertEqual(flow.currency, "SEK")
        XCTAssertEqual(flow.weight, 451)
        XCTAssertEqual([flow.height, flow.width, flow.length], [103, 200, 355])
        XCTAssertTrue(flow.isActive)
        XCTAssertTrue(flow.allowPurchase)
        XCTAssertNil(flow.siblingGroupUid)
        XCTAssertNil(flow.recommendedRetailPrice)
    }

    func testNoSkuFallsBackToProductIdAndNoSku() throws {
        let result = map([OmniumProduct(id: "x_no", productId: "Kaffe 500g", name: "Kaffe", cost: 30)])
        let flow = try XCTUnwrap(result.products.first)
        XCTAssertEqual(flow.productUid, FlowUID.sanitize("Kaffe 500g"))
        XCTAssertEqual(flow.sku, "NoSku")
        XCTAssertNil(flow.currencyPurchasePrice, "no CostCurrency, no currency purchase price")
        XCTAssertEqual(flow.purchasePrice, 3000)
    }

    func testProductWithoutAnyKeyIsQuarantined() {
        let result = map([OmniumProduct(id: "orphan_no", name: "Nameless")])
        XCTAssertEqual(result.products, [])
        XCTAssertEqual(result.issues.count, 1)
        XCTAssertEqual(result.issues.first?.outcome, .recordQuarantined)
        XCTAssertEqual(result.issues.first?.recordKey, "orphan_no")
        XCTAssertNotNil(result.issues.first?.sourcePayload)
    }

    func testLanguageCopiesCollapseToLatestAndSkusThatFoldAlikeStayApart() {
        let older = OmniumProduct(id: "a_en", skuId: "A 1", name: "Old", modified: CatalogueFixtures.day(-2))
        let newer = OmniumProduct(id: "a_no", skuId: "A 1", name: "Ny", modified: CatalogueFixtures.day(-1))
        let lookalike = OmniumProduct(id: "b_no", skuId: "A_1", name: "Lookalike")
        let slashed = OmniumProduct(id: "c_no", skuId: "A/1", name: "Slashed")
        let result = map([older, newer, lookalike, slashed])
        XCTAssertEqual(result.products.map(\.name), ["Ny", "Lookalike", "Slashed"])
        XCTAssertEqual(Set(result.products.map(\.productUid)).count, 3, "three SKUs, three Flow rows")
        XCTAssertEqual(result.products.map(\.sku), ["A 1", "A_1", "A/1"])
        XCTAssertEqual(result.issues, [])
    }

    // MARK: - Variants

    func testVariantsBecomeSiblingProductsInheritingParentFields() {
        let parent = OmniumProduct(
            id: "shirt_no", productId: "shirt", name: "T-skjorte", description: "Bomull", brand: "Nike Air",
            variants: [OmniumProduct(skuId: "shirt-s", size: "S", ean: "4006381333931"),
                       OmniumProduct(skuId: "shirt-m", name: "T-skjorte M", size: "M", isActive: false)],
            cost: 50, isActive: true)
        let result = map([parent])
        XCTAssertEqual(result.products.map(\.productUid), ["shirt-s", "shirt-m"])
        XCTAssertEqual(result.products.map(\.siblingGroupUid), ["shirt", "shirt"])
        XCTAssertEqual(result.products.map(\.name), ["T-skjorte", "T-skjorte M"])
        XCTAssertEqual(result.products.map(\.brandUid), ["nike_air", "nike_air"])
        XCTAssertEqual(result.products.map(\.purchasePrice), [5000, 5000])
        XCTAssertEqual(result.products.map(\.isActive), [true, false])
        XCTAssertEqual(result.products.map(\.barcodes), [["4006381333931"], []])
        XCTAssertEqual(result.brands, [FlowBrand(brandUid: "nike_air", name: "Nike Air")])
    }

    func testSeparateSkuDocumentsLinkThroughParentId() {
        let yellow = OmniumProduct(id: "y_no", productId: "shirt-yellow", skuId: "shirt-yellow", parentId: "shirt")
        let blue = OmniumProduct(id: "b_no", productId: "shirt-blue", skuId: "shirt-blue", parentId: "shirt")
        XCTAssertEqual(map([yellow, blue]).products.map(\.siblingGroupUid), ["shirt", "shirt"])
    }

    // MARK: - Status

    func testAllowPurchaseFollowsActiveStatusAndAssortmentCodes() {
        let codes = CatalogueMappingSettings(defaultVatCodeUid: "vat25", defaultProductGroupUid: "default",
                                             mainPricesListUid: "main", nonPurchasableAssortmentCodes: ["OUTGOING"])
        let result = map([
            OmniumProduct(skuId: "ok", assortmentCodes: [OmniumAssortmentCode(assortmentCodeId: "CORE")], isActive: true),
            OmniumProduct(skuId: "blocked", assortmentCodes: [OmniumAssortmentCode(assortmentCodeId: "core"),
                                                              OmniumAssortmentCode(assortmentCodeId: " outgoing")],
                          isActive: true),
            OmniumProduct(skuId: "inactive", isActive: false),
            OmniumProduct(skuId: "deleted", isActive: true, status: "Deleted"),
        ], settings: codes)
        XCTAssertEqual(result.products.map(\.allowPurchase), [true, false, false, false])
        XCTAssertEqual(result.products.map(\.isActive), [true, true, false, false])
    }

    /// A non-purchasable assortment code counts only inside its `validFrom`..<`validTo` window
    /// (contract §6); the business date decides, and Omnium's unset date is no bound.
    func testNonPurchasableAssortmentCodeCountsOnlyWhileValid() {
        let codes = CatalogueMappingSettings(defaultVatCodeUid: "vat25", defaultProductGroupUid: "default",
                                             mainPricesListUid: "main", nonPurchasableAssortmentCodes: ["OUTGOING"])
        func product(_ sku: String, from: Date?, to: Date?) -> OmniumProduct {
            OmniumProduct(skuId: sku, assortmentCodes: [OmniumAssortmentCode(assortmentCodeId: "CORE"),
                                                         OmniumAssortmentCode(assortmentCodeId: "OUTGOING",
                                                                              validFrom: from, validTo: to)],
                          isActive: true)
        }
        let result = map([
            product("running", from: CatalogueFixtures.day(-3), to: CatalogueFixtures.day(3)),
            product("starts-today", from: today, to: nil),
            product("future", from: CatalogueFixtures.day(1), to: nil),
            product("ended", from: CatalogueFixtures.day(-30), to: CatalogueFixtures.day(-1)),
            product("ends-today", from: nil, to: today),
            product("unset-dates", from: OmniumJSON.unsetDate, to: OmniumJSON.unsetDate),
        ], settings: codes)
        XCTAssertEqual(result.products.map(\.productUid),
                       ["running", "starts-today", "future", "ended", "ends-today", "unset-dates"])
        XCTAssertEqual(result.products.map(\.allowPurchase), [false, false, true, true, true, false])
    }

    // MARK: - Barcodes

    func testBadEanIsDroppedAndReportedWhileTheProductLoads() throws {
        let product = OmniumProduct(skuId: "kopp", name: "Kopp", ean: "7038010055721",
                                    gtins: ["96385074", " 7038010055720 ", "96385074", "12AB"])
        let result = map([product])
        let flow = try XCTUnwrap(result.products.first)
        XCTAssertEqual(flow.barcodes, ["96385074", "7038010055720"])
        XCTAssertEqual(result.issues.map(\.outcome), [.fieldDropped, .fieldDropped])
        XCTAssertEqual(result.issues.map(\.recordKey), ["kopp", "kopp"])
        // Each dropped barcode is its own issue, named by the value dropped.
        XCTAssertEqual(result.issues.map(\.field), ["barcode 7038010055721", "barcode 12AB"])
        XCTAssertTrue(result.issues[0].reason.contains("7038010055721"))
        XCTAssertTrue(result.issues[0].sourcePayload?.contains("\"skuId\":\"kopp\"") == true)
    }

    // MARK: - Physical

    func testWeightFallsBackToSummedColliAndIgnoresZero() throws {
        let product = OmniumProduct(skuId: "sofa", weight: 0,
                                    colli: [OmniumColli(weight: CatalogueFixtures.decimal("30.5"), height: 80),
                                            OmniumColli(weight: 12)])
        let mm = CatalogueMappingSettings(defaultVatCodeUid: "v", defaultProductGroupUid: "d",
                                          mainPricesListUid: "m", colliLengthUnit: .millimetre)
        let flow = try XCTUnwrap(map([product], settings: mm).products.first)
        XCTAssertEqual(flow.weight, 42_500)
        XCTAssertEqual(flow.height, 80)
        XCTAssertNil(flow.width)
    }

    // MARK: - Images

    func testImagesMainFirstThenSortOrder() {
        let product = OmniumProduct(skuId: "p", assets: [
            OmniumAsset(fileName: "b.jpg", url: "https://cdn/b.jpg", sortOrder: 2),
            OmniumAsset(fileName: "spec.pdf", url: "https://cdn/spec.pdf", contentType: "application/pdf"),
            OmniumAsset(fileName: "a.jpg", url: "https://cdn/a.jpg", sortOrder: 1),
            OmniumAsset(fileName: "main.jpg", url: "https://cdn/main.jpg", isMainImage: true, sortOrder: 3),
            OmniumAsset(url: "https://cdn/a.jpg"),
        ])
        let images = map([product]).images
        XCTAssertEqual(images.map(\.url), ["https://cdn/main.jpg", "https://cdn/a.jpg", "https://cdn/b.jpg"])
        XCTAssertEqual(images.map(\.sortOrder), [0, 1, 2])
        XCTAssertEqual(images.map(\.isMain), [true, false, false])
        XCTAssertEqual(Set(images.map(\.productUid)), ["p"])
    }

    // MARK: - Prices on the product

    func testRecommendedRetailPriceOnlyWithoutPriceTask() throws {
        var own = settings
        own.usesPriceScheduledTask = false
        let product = OmniumProduct(skuId: "p", prices: [
            OmniumPrice(code: "p", unitPrice: 100, validFrom: CatalogueFixtures.day(-100)),
            OmniumPrice(code: "p", unitPrice: 80, validFrom: CatalogueFixtures.day(-1), validUntil: CatalogueFixtures.day(3)),
            OmniumPrice(code: "p", unitPrice: 10, customerGroup: "vip"),
        ])
        XCTAssertEqual(map([product], settings: own).products.first?.recommendedRetailPrice, 8000)
        XCTAssertNil(map([product]).products.first?.recommendedRetailPrice)
    }

    func testVatCodeFromTaxCategory() {
        var own = settings
        own.vatCodeUidByTaxCategory = ["food": "vat15"]
        let result = map([OmniumProduct(skuId: "bread", taxCategory: "food"), OmniumProduct(skuId: "cup", taxCategory: "x")],
                         settings: own)
        XCTAssertEqual(result.products.map(\.vatCodeUid), ["vat15", "vat25"])
    }

    func testBrandNameUsesMostCommonSpelling() {
        let result = map([OmniumProduct(skuId: "1", brand: "nike air"), OmniumProduct(skuId: "2", brand: "Nike Air"),
                          OmniumProduct(skuId: "3", brand: "Nike Air")])
        XCTAssertEqual(result.brands, [FlowBrand(brandUid: "nike_air", name: "Nike Air")])
    }
}
