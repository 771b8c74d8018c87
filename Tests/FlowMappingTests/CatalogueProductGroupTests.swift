import FlowStore
import Omnium
import XCTest
@testable import FlowMapping

final class CatalogueProductGroupTests: XCTestCase {
    private let tree = [
        CatalogueCategory(id: "root", name: "Sortiment"),
        CatalogueCategory(id: "klær", name: "Klær", parentId: "root"),
        CatalogueCategory(id: "gensere", name: "Gensere", parentId: "klær"),
        CatalogueCategory(id: "kampanje", name: "Kampanje"),
    ]

    private func settings(sync: Bool, root: String? = nil) -> CatalogueMappingSettings {
        CatalogueMappingSettings(defaultVatCodeUid: "v", defaultProductGroupUid: "default", mainPricesListUid: "m",
                                 syncCategoriesToFlow: sync, productGroupRootId: root)
    }

    private func map(_ products: [OmniumProduct], _ settings: CatalogueMappingSettings) -> CatalogueProducts {
        ProductMapping.map(products, categories: tree, settings: settings, businessDate: CatalogueFixtures.day(0))
    }

    func testSyncOffUsesDefaultGroup() {
        let result = map([OmniumProduct(skuId: "p", mainCategoryId: "gensere")], settings(sync: false))
        XCTAssertEqual(result.products.map(\.productGroupUid), ["default"])
        XCTAssertEqual(result.productGroups, [])
    }

    func testBelowRootBecomesHierarchyWithoutTheRoot() {
        let result = map([OmniumProduct(skuId: "p", mainCategoryId: "gensere")], settings(sync: true, root: "root"))
        XCTAssertEqual(result.products.map(\.productGroupUid), ["gensere"])
        XCTAssertEqual(result.productGroups, [
            FlowProductGroup(productGroupUid: "gensere", name: "Gensere", parentUid: FlowUID.sanitize("klær")),
            FlowProductGroup(productGroupUid: FlowUID.sanitize("klær")!, name: "Klær", parentUid: nil),
        ])
    }

    func testOutsideRootOrRootItselfOrMissingGoesToDefault() {
        let result = map([OmniumProduct(skuId: "a", mainCategoryId: "kampanje"),
                          OmniumProduct(skuId: "b", mainCategoryId: "root"),
                          OmniumProduct(skuId: "c"),
                          OmniumProduct(skuId: "d", mainCategoryId: "unknown")], settings(sync: true, root: "root"))
        XCTAssertEqual(result.products.map(\.productGroupUid), ["default", "default", "default", "default"])
        XCTAssertEqual(result.productGroups, [])
        XCTAssertEqual(result.issues.map(\.recordKey), ["d"], "only the category missing from the tree is reported")
        XCTAssertEqual(result.issues.first?.outcome, .fieldDropped)
    }

    func testWithoutRootWholeAncestryAndUnknownCategoryByName() {
        let result = map([OmniumProduct(skuId: "a", mainCategoryId: "gensere"),
                          OmniumProduct(skuId: "b", mainCategoryId: "Sko & støvler", mainCategoryName: "Sko")],
                         settings(sync: true))
        XCTAssertEqual(result.products.map(\.productGroupUid), ["gensere", FlowUID.sanitize("Sko & støvler")])
        XCTAssertEqual(result.productGroups.map(\.productGroupUid), [FlowUID.sanitize("Sko & støvler"), "gensere", FlowUID.sanitize("klær"), "root"])
        XCTAssertEqual(result.productGroups.first?.name, "Sko")
        XCTAssertEqual(result.productGroups.last?.parentUid, nil)
        XCTAssertEqual(result.issues, [])
    }
}
