import Foundation
import SQLite
import XCTest
@testable import FlowStore

final class CatalogueProductsTableTests: XCTestCase {
    private func product(_ n: Int, name: String? = nil) -> FlowProduct {
        FlowProduct(productUid: "P\(n)", sku: "SKU \(n)", name: name ?? "Genser \(n)", vatCodeUid: "vat25",
                    productGroupUid: "default", siblingGroupUid: n.isMultiple(of: 2) ? "G\(n / 10)" : nil,
                    barcodes: n == 1 ? ["7038010055720", "96385074"] : [], purchasePrice: Int64(n) * 100,
                    weight: 450)
    }

    func testMigrationCreatesEveryTableWithAContentHash() throws {
        let db = try makeCatalogueTestDatabase(self)
        for table in ["brands", "product_groups", "products", "product_images", "price_lists", "prices", "stock"] {
            let columns = try db.fetchAll(sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                .map { try $0.decode("name", as: String.self) }
            XCTAssertTrue(columns.contains("content_hash"), "\(table) has no content_hash")
        }
        XCTAssertNotNil(try db.fetchOne(sql: "SELECT 1 FROM sqlite_master WHERE name = 'product_barcodes'"))
    }

    func testInsertAndReadBackWithNorwegianText() throws {
        let db = try makeCatalogueTestDatabase(self)
        var first = product(1, name: "Bærepose Ørsta Åsane")
        first.description = "Strøkne i\nNorge"
        first.brandUid = "bjorn_borg"
        first.currency = "SEK"
        first.currencyPurchasePrice = 12_345
        let counts = try ProductsTable.upsert([first, product(2)], in: db)
        XCTAssertEqual(counts, UpsertCounts(inserted: 2))
        XCTAssertEqual(try ProductsTable.fetch(productUid: "P1", in: db), first)
        XCTAssertEqual(try ProductsTable.fetchAll(in: db).map(\.productUid), ["P1", "P2"])
        XCTAssertEqual(try ProductsTable.productUids(barcode: "96385074", in: db), ["P1"])
        XCTAssertNil(try ProductsTable.fetch(productUid: "nope", in: db))
    }

    func testUnchangedRowsAreNotRewrittenAndOnePercentChangedIsUpdatedExactly() throws {
        let db = try makeCatalogueTestDatabase(self)
        let products = (1...1000).map { product($0) }
        try db.inTransaction { XCTAssertEqual(try ProductsTable.upsert(products, in: db), UpsertCounts(inserted: 1000)) }
        try countRowUpdates(on: "products", in: db)

        let again = try db.inTransaction { try ProductsTable.upsert(products, in: db) }
        XCTAssertEqual(again, UpsertCounts(unchanged: 1000))
        XCTAssertEqual(try rowUpdates(on: "products", in: db), 0)

        var changed = products
        for index in stride(from: 0, to: 1000, by: 100) { changed[index].purchasePrice = 999_999 }
        let onePercent = try db.inTransaction { try ProductsTable.upsert(changed, in: db) }
        XCTAssertEqual(onePercent, UpsertCounts(updated: 10, unchanged: 990))
        XCTAssertEqual(try rowUpdates(on: "products", in: db), 10)
        XCTAssertEqual(try ProductsTable.fetch(productUid: "P101", in: db)?.purchasePrice, 999_999)
        XCTAssertEqual(try ProductsTable.fetch(productUid: "P102", in: db)?.purchasePrice, 10_200)
    }

    func testChangedBarcodesAreRewrittenWithTheProduct() throws {
        let db = try makeCatalogueTestDatabase(self)
        var first = product(1)
        _ = try ProductsTable.upsert([first], in: db)
        first.barcodes = ["4006381333931"]
        XCTAssertEqual(try ProductsTable.upsert([first], in: db), UpsertCounts(updated: 1))
        XCTAssertEqual(try ProductsTable.fetch(productUid: "P1", in: db)?.barcodes, ["4006381333931"])
        XCTAssertEqual(try ProductsTable.productUids(barcode: "7038010055720", in: db), [])
    }

    func testImagesAreReplacedPerProduct() throws {
        let db = try makeCatalogueTestDatabase(self)
        _ = try ProductsTable.upsert([product(1), product(2)], in: db)
        let images = [FlowProductImage(productUid: "P1", url: "https://cdn/a.jpg", fileName: "a.jpg", sortOrder: 0, isMain: true),
                      FlowProductImage(productUid: "P1", url: "https://cdn/b.jpg", sortOrder: 1, isMain: false),
                      FlowProductImage(productUid: "P2", url: "https://cdn/c.jpg", sortOrder: 0, isMain: true)]
        XCTAssertEqual(try ProductsTable.replaceImages(images, forProducts: ["P1", "P2"], in: db), UpsertCounts(inserted: 3))
        let reordered = [FlowProductImage(productUid: "P1", url: "https://cdn/b.jpg", sortOrder: 0, isMain: true)]
        XCTAssertEqual(try ProductsTable.replaceImages(reordered, forProducts: ["P1", "P2"], in: db),
                       UpsertCounts(updated: 1, deleted: 2))
        XCTAssertEqual(try ProductsTable.fetchImages(productUid: "P1", in: db), reordered)
        XCTAssertEqual(try ProductsTable.fetchImages(productUid: "P2", in: db), [])
    }

    func testBrandsAndProductGroups() throws {
        let db = try makeCatalogueTestDatabase(self)
        let brands = [FlowBrand(brandUid: "nike_air", name: "Nike Air"), FlowBrand(brandUid: "bjorn_borg", name: "Bjørn Borg")]
        XCTAssertEqual(try BrandsTable.upsert(brands, in: db), UpsertCounts(inserted: 2))
        XCTAssertEqual(try BrandsTable.upsert([FlowBrand(brandUid: "nike_air", name: "NIKE Air"), brands[1]], in: db),
                       UpsertCounts(updated: 1, unchanged: 1))
        XCTAssertEqual(try BrandsTable.fetchAllBrands(in: db).map(\.name), ["Bjørn Borg", "NIKE Air"])
        let groups = [FlowProductGroup(productGroupUid: "klaer", name: "Klær"),
                      FlowProductGroup(productGroupUid: "gensere", name: "Gensere", parentUid: "klaer")]
        XCTAssertEqual(try BrandsTable.upsert(groups, in: db), UpsertCounts(inserted: 2))
        XCTAssertEqual(try BrandsTable.upsert(groups, in: db), UpsertCounts(unchanged: 2))
        XCTAssertEqual(try BrandsTable.fetchAllProductGroups(in: db), groups.sorted { $0.productGroupUid < $1.productGroupUid })
    }
}
