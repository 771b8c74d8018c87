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

    /// The compared way, row by row, as the tables were written before pages were (issue 8): each product
    /// looked up, written if new or changed, its barcodes deleted and written again; each product's stored
    /// images read, those no longer wanted deleted, each wanted one looked up and written if new or changed.
    private func writeRowByRow(_ products: [FlowProduct], images: [FlowProductImage],
                               in db: Database) throws -> (products: UpsertCounts, images: UpsertCounts) {
        var productCounts = UpsertCounts(), imageCounts = UpsertCounts()
        for product in products {
            let outcome = try ProductsTable.writer.write(
                key: [product.productUid],
                values: [product.sku, product.siblingGroupUid, product.name, product.description, product.shortDescription,
                         product.color, product.size, product.brandUid, product.productGroupUid, product.vatCodeUid,
                         product.isActive, product.allowPurchase, product.purchasePrice, product.currencyPurchasePrice,
                         product.currency, product.recommendedRetailPrice, product.weight, product.height,
                         product.width, product.length],
                hash: product.contentHash, in: db)
            productCounts.record(outcome)
            guard outcome != .unchanged else { continue }
            try db.execute(sql: "DELETE FROM product_barcodes WHERE product_uid = ?", arguments: [product.productUid])
            for (position, barcode) in product.barcodes.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO product_barcodes (product_uid, barcode, position) VALUES (?, ?, ?)",
                               arguments: [product.productUid, barcode, position])
            }
        }
        for productUid in Set(products.map(\.productUid)).sorted() {
            let wanted = images.filter { $0.productUid == productUid }
            let stored = try db.fetchAll(sql: "SELECT url FROM product_images WHERE product_uid = ?", arguments: [productUid])
                .map { try $0.decode("url", as: String.self) }
            for url in stored where !wanted.contains(where: { $0.url == url }) {
                try db.execute(sql: "DELETE FROM product_images WHERE product_uid = ? AND url = ?", arguments: [productUid, url])
                imageCounts.deleted += 1
            }
            for image in wanted {
                imageCounts.record(try ProductsTable.imageWriter.write(
                    key: [image.productUid, image.url], values: [image.fileName, image.sortOrder, image.isMain],
                    hash: image.contentHash, in: db))
            }
        }
        return (productCounts, imageCounts)
    }

    /// `load.products` writes a page and its images with ``ProductsTable/upsertWithImages(_:images:in:)``, which
    /// looks up a page's products at once and skips looking for barcodes and images of products it has just
    /// inserted: the tables and counts must be exactly those of the compared way, row by row, also for a page
    /// naming a product twice, an image URL twice, and products stored before.
    func testAPageWithItsImagesWritesExactlyWhatTheComparedWayWritesRowByRow() throws {
        func image(_ product: Int, _ name: String, sortOrder: Int = 0, isMain: Bool = false) -> FlowProductImage {
            FlowProductImage(productUid: "P\(product)", url: "https://cdn/\(name).jpg", fileName: "\(name).jpg",
                             sortOrder: sortOrder, isMain: isMain)
        }
        var renamed = product(2, name: "Genser 2, andre utgave")
        renamed.barcodes = ["4006381333931"]
        var rebarcoded = product(4)
        rebarcoded.barcodes = ["96385074"]
        let pages: [(products: [FlowProduct], images: [FlowProductImage])] = [
            ((1...5).map { product($0) } + [renamed],
             [image(1, "a", isMain: true), image(1, "b", sortOrder: 1), image(2, "c"),
              image(3, "d"), image(3, "d", sortOrder: 2, isMain: true), image(5, "e")]),
            ([rebarcoded, product(5), product(6), product(7)],
             [image(4, "f"), image(6, "g"), image(6, "g"), image(7, "h")]),
            ([rebarcoded, product(5), product(6), product(7)],
             [image(4, "f"), image(6, "g"), image(7, "h")]),
        ]
        let rowByRow = try makeCatalogueTestDatabase(self), together = try makeCatalogueTestDatabase(self)
        for (number, page) in pages.enumerated() {
            let expected = try rowByRow.inTransaction { try writeRowByRow(page.products, images: page.images, in: rowByRow) }
            let written = try together.inTransaction {
                try ProductsTable.upsertWithImages(page.products, images: page.images, in: together)
            }
            XCTAssertEqual(written.products, expected.products, "products of page \(number + 1)")
            XCTAssertEqual(written.images, expected.images, "images of page \(number + 1)")
        }
        XCTAssertEqual(try ProductsTable.upsertWithImages([], images: [], in: together).products, UpsertCounts())
        for table in ["products", "product_barcodes", "product_images"] {
            let dump = "SELECT * FROM \(table) ORDER BY 1, 2"
            XCTAssertEqual(try together.fetchAll(sql: dump), try rowByRow.fetchAll(sql: dump), table)
        }
        XCTAssertEqual(try ProductsTable.fetch(productUid: "P2", in: together), renamed)
        XCTAssertEqual(try ProductsTable.fetchImages(productUid: "P3", in: together),
                       [image(3, "d", sortOrder: 2, isMain: true)])
        XCTAssertEqual(try ProductsTable.fetchImages(productUid: "P4", in: together), [image(4, "f")])
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
