import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import SQLite
import Staging
import XCTest

/// The catalogue flow end to end: a seeded sandbox on 127.0.0.1, the real Omnium client, the stores,
/// products, prices and inventory stages through `StageRunner`, the Flow store checked field by field;
/// then 1 % of products, prices and stock changed through the sandbox's mutations and a rerun that
/// updates exactly those rows, and a rerun with no change that writes nothing.
final class CatalogueEndToEndTests: XCTestCase {
    private var sandbox: SandboxServer!
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        sandbox?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    static let scale = SandboxScale(products: 200, stores: 4, orders: 2, purchaseOrders: 1, privateCustomers: 1,
                                    businessCustomers: 1)

    /// The stores and catalogue stages (other flows have their own end-to-end tests).
    static func catalogueStages() -> [any Stage] {
        let flows = ["stores", "products", "prices", "inventory"]
        return OmniflowStages.all().filter { stage in flows.contains { stage.name.hasSuffix(".\($0)") } }
    }

    private func start() throws -> (PipelineEnvironment, SandboxState) {
        let options = SandboxDataOptions(seed: 7, scale: Self.scale, badEANCount: 2)
        let state = SandboxState(options: options)
        sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: Self.scale), state: state)
        var configuration = OmniflowConfiguration()
        configuration.omniumBaseURL = sandbox.baseURL
        configuration.omniumClientID = "sandbox"
        configuration.omniumClientSecret = Secret("sandbox-secret")
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        configuration.flowStorePath = folder.appendingPathComponent("flow.db").path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat25"
        configuration.defaultProductGroupUID = "default"
        // Categories reach Flow as product groups; the sandbox's "going out" code blocks purchase while valid.
        configuration.syncCategoriesToFlow = true
        configuration.nonPurchasableAssortmentCodes = [SandboxDataGenerator.outgoingAssortmentCode]
        configuration.organizationUID = "org"
        configuration.marketIDs = ["NOR"]
        configuration.flowWebWarehouse = SandboxDataGenerator.webWarehouseId
        configuration.flowStockMaster = [state.generator.primaryStoreIds()[0]: true]
        // Business date two days after the data's epoch: campaigns running, future prices ahead.
        let clock = FixedClock(options.epoch.addingTimeInterval(2 * 86_400))
        return (try PipelineEnvironment.open(configuration: configuration, clock: clock), state)
    }

    private func run(_ environment: PipelineEnvironment, file: StaticString = #filePath,
                     line: UInt = #line) async throws -> RunManifest {
        (environment.clock as? FixedClock)?.advance(by: 60)
        let result = try await StageRunner(stages: Self.catalogueStages(), environment: environment).run(RunRequest())
        let failures = result.manifest.stages.filter { $0.status != .succeeded }.map { "\($0.name): \($0.error ?? "")" }
        XCTAssertTrue(result.succeeded, "\(failures)", file: file, line: line)
        return result.manifest
    }

    private func written(_ manifest: RunManifest, _ stage: String) -> Int? {
        manifest.entry(named: stage)?.outcome?.rowsWritten
    }

    // MARK: - The test

    func testSeededSandboxLoadsTheCatalogueAndOnePercentChangesUpdateExactlyThoseRows() async throws {
        let (environment, state) = try start()
        let generator = state.generator
        let flow = environment.flow
        let flowMaster = generator.primaryStoreIds()[0]
        let someSku = generator.skus(forProductAt: 1)[0]
        try flow.write { db in
            _ = try StockTable.upsert([FlowStock(warehouseUid: flowMaster, productUid: someSku, quantity: 123_456)], in: db)
        }

        // MARK: First run: everything
        let first = try await run(environment)
        let allSkus = (0..<Self.scale.products).flatMap(generator.skus(forProductAt:))
        let productCount = try flow.read { try $0.fetchValue(sql: "SELECT count(*) FROM products", as: Int.self) }
        XCTAssertEqual(productCount, allSkus.count, "one Flow product per sellable SKU")
        XCTAssertEqual(written(first, "load.products").map { $0 >= allSkus.count }, true)

        // æøå and HTML, field by field, against the Omnium document.
        let htmlIndex = try XCTUnwrap((0..<Self.scale.products).first { index in
            generator.product(at: index).description?.contains("&amp;") == true
        })
        let document = generator.product(at: htmlIndex)
        let sku = generator.skus(forProductAt: htmlIndex)[0]
        let product = try XCTUnwrap(try flow.read { try ProductsTable.fetch(productUid: sku, in: $0) })
        XCTAssertEqual(product.name, document.name)
        XCTAssertEqual(product.description, "Myk merinoull som holder deg varm & tørr, også når det blåser på fjellet.")
        XCTAssertEqual(product.vatCodeUid, "vat25")
        let mainCategory = try XCTUnwrap(document.categories?.first { $0.isMainCategory == true })
        XCTAssertEqual(product.productGroupUid, mainCategory.categoryId, "the group is the main category object")
        let images = try flow.read { try ProductsTable.fetchImages(productUid: sku, in: $0) }
        XCTAssertEqual(images.first?.url, document.mainImageUrl)
        XCTAssertEqual(images.first?.isMain, true)
        let brands = try flow.read { try BrandsTable.fetchAllBrands(in: $0) }
        XCTAssertTrue(brands.contains(FlowBrand(brandUid: "norrona", name: "Norrøna")), "\(brands)")
        XCTAssertTrue(brands.contains(FlowBrand(brandUid: "nike_air", name: "Nike Air")))
        XCTAssertEqual(product.brandUid, brands.first { $0.name == document.brand }?.brandUid)
        let norwegianIndex = try XCTUnwrap((0..<Self.scale.products).first { generator.product(at: $0).brand == "Norrøna" })
        let norwegian = try XCTUnwrap(try flow.read {
            try ProductsTable.fetch(productUid: generator.skus(forProductAt: norwegianIndex)[0], in: $0)
        })
        XCTAssertEqual(norwegian.name, generator.product(at: norwegianIndex).name)
        XCTAssertTrue(norwegian.name.hasPrefix("Norrøna "), norwegian.name)
        XCTAssertEqual(norwegian.brandUid, "norrona")

        // Categories as objects: every main category and its parent are Flow product groups.
        let groups = try flow.read { try BrandsTable.fetchAllProductGroups(in: $0) }
        let expectedGroups = Set((0..<Self.scale.products).flatMap { index in
            (generator.product(at: index).categories ?? []).map { category in
                FlowProductGroup(productGroupUid: category.categoryId ?? "", name: category.name ?? "",
                                 parentUid: category.parentId)
            }
        })
        XCTAssertEqual(Set(groups), expectedGroups)
        XCTAssertTrue(groups.contains(FlowProductGroup(productGroupUid: "dame-jakker", name: "Jakker", parentUid: "dame")),
                      "\(groups)")

        // Dated assortment codes: UTGAAENDE blocks purchase only inside its window (business date = epoch + 2 days).
        let businessDate = generator.options.epoch.addingTimeInterval(2 * 86_400)
        var windows: [String: Int] = [:]
        for index in 0..<Self.scale.products {
            let document = generator.product(at: index)
            guard document.isActive == true, document.status != "Deleted" else { continue }
            let outgoing = (document.assortmentCodes ?? []).filter { $0.assortmentCodeId == SandboxDataGenerator.outgoingAssortmentCode }
            let blocked = outgoing.contains { $0.isValid(at: businessDate) }
            let kind = outgoing.isEmpty ? "none" : outgoing.contains { $0.validFrom != nil || $0.validTo != nil }
                ? (blocked ? "dated, in force" : "dated, not in force") : "undated"
            windows[kind, default: 0] += 1
            for sku in generator.skus(forProductAt: index) {
                let flowProduct = try XCTUnwrap(try flow.read { try ProductsTable.fetch(productUid: sku, in: $0) })
                XCTAssertEqual(flowProduct.allowPurchase, !blocked, "\(sku) \(outgoing)")
            }
        }
        XCTAssertGreaterThan(windows["dated, in force"] ?? 0, 0, "\(windows)")
        XCTAssertGreaterThan(windows["dated, not in force"] ?? 0, 0, "\(windows)")
        XCTAssertGreaterThan(windows["undated"] ?? 0, 0, "\(windows)")

        // A bad EAN: the barcode is dropped with its reason, the product loads.
        let badIndex = try XCTUnwrap(generator.badEANProductIndices.sorted().first)
        let badSku = generator.skus(forProductAt: badIndex)[0]
        let badProduct = try XCTUnwrap(try flow.read { try ProductsTable.fetch(productUid: badSku, in: $0) })
        XCTAssertEqual(badProduct.barcodes, [], "the invalid EAN is dropped")
        XCTAssertNil(try environment.control.quarantined(entity: "product", recordKey: badSku), "not withheld")
        let issue = try XCTUnwrap(try environment.control.openQuarantine(kind: .fieldDropped)
            .first { $0.recordKey == badSku })
        XCTAssertTrue(issue.reason.contains("check digit"), issue.reason)

        // Overlapping prices and a campaign (index 35: campaign −7…+14 days, new base from +30 days).
        let epoch = generator.options.epoch
        let priceSku = generator.skus(forProductAt: 35)[0]
        let periods = try flow.read { try PricesTable.fetchPrices(priceListUid: "main", productUid: priceSku, in: $0) }
        let base = Int64(truncating: (generator.prices(forProductAt: 35).first {
            $0.code == priceSku && $0.priceListId == SandboxDataGenerator.standardPriceListNOK
        }?.unitPrice ?? 0) * 100 as NSDecimalNumber)
        XCTAssertEqual(periods.map(\.validFrom), [epoch - 7 * 86_400, epoch + 14 * 86_400, epoch + 30 * 86_400],
                       "\(periods)")
        XCTAssertEqual(periods.map(\.isCampaign), [true, false, false])
        XCTAssertEqual(periods.first?.originalPrice, base)
        XCTAssertEqual(periods.dropFirst().map(\.price), [base, base + 10_000])

        // The Flow-master store's stock is untouched; Omnium-mastered and web stock arrived.
        let masterRows = try flow.read { try StockTable.fetchAll(warehouseUid: flowMaster, in: $0) }
        XCTAssertEqual(masterRows, [FlowStock(warehouseUid: flowMaster, productUid: someSku, quantity: 123_456)])
        let webRows = try flow.read { try StockTable.fetchAll(warehouseUid: SandboxDataGenerator.webWarehouseId, in: $0) }
        XCTAssertEqual(webRows.count, allSkus.count, "every SKU has web stock")

        // MARK: Rerun, nothing changed
        let quiet = try await run(environment)
        for stage in ["load.products", "load.prices", "load.inventory"] {
            XCTAssertEqual(written(quiet, stage), 0, "\(stage): \(quiet.entry(named: stage)?.outcome?.notes ?? [])")
        }

        // MARK: 1 % changed
        let changes = SandboxMutations.apply(to: state, fraction: 0.01)
        XCTAssertEqual(changes.productIndices.count, 2)
        let changedProductSkus = Set(changes.productIndices.flatMap(generator.skus(forProductAt:)))
        let changedPriceSkus = changes.priceProductIndices.flatMap(generator.skus(forProductAt:))
        let expectedPriceRows = try flow.read { db in
            try changedPriceSkus.reduce(0) { sum, sku in
                sum + (try PricesTable.fetchPrices(priceListUid: "main", productUid: sku, in: db).count)
            }
        }
        // Omnium-mastered: Flow warehouses not linked to the Flow-master store (a shared warehouse of a
        // Flow-master store is Flow's), plus the web warehouse feeding FlowWebWarehouse.
        let (flowWarehouses, flowMastered) = try flow.read { db in
            (Set(try StoresTable.warehouses(in: db).map(\.warehouseUid)),
             Set(try StoresTable.warehouseUids(ofStore: flowMaster, in: db)))
        }
        XCTAssertTrue(flowMastered.contains(SandboxDataGenerator.centralWarehouseId), "the shared central warehouse")
        let expectedStock = changes.inventoryKeys.filter { key in
            !flowMastered.contains(key.warehouseCode)
                && (flowWarehouses.contains(key.warehouseCode) || key.warehouseCode == SandboxDataGenerator.webWarehouseId)
        }.count
        XCTAssertGreaterThan(expectedStock, 0)
        let incremental = try await run(environment)
        XCTAssertEqual(written(incremental, "load.products"), changedProductSkus.count,
                       "\(incremental.entry(named: "load.products")?.outcome?.notes ?? [])")
        XCTAssertEqual(written(incremental, "load.prices"), expectedPriceRows,
                       "\(incremental.entry(named: "load.prices")?.outcome?.notes ?? [])")
        XCTAssertEqual(written(incremental, "load.inventory"), expectedStock,
                       "\(incremental.entry(named: "load.inventory")?.outcome?.notes ?? [])")
        let renamed = try XCTUnwrap(try flow.read {
            try ProductsTable.fetch(productUid: generator.skus(forProductAt: changes.productIndices[0])[0], in: $0)
        })
        XCTAssertTrue(renamed.name.hasSuffix("(1. utgave)"), renamed.name)
        XCTAssertEqual(try flow.read { try StockTable.fetchAll(warehouseUid: flowMaster, in: $0) }, masterRows)

        // MARK: And quiet again
        let after = try await run(environment)
        for stage in ["load.products", "load.prices", "load.inventory"] {
            XCTAssertEqual(written(after, stage), 0, stage)
        }
    }
}
