import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// The generator: determinism, valid identifiers, counts per scale, the documented variety.
final class SandboxDataGeneratorTests: XCTestCase {
    private let options = SandboxDataOptions(seed: 7, scale: .small, badEANCount: 3)

    private func json<T: Encodable>(_ value: T) throws -> Data { try OmniumJSON.encode(value) }

    func testSameSeedGivesIdenticalData() throws {
        let a = SandboxDataGenerator(options: options)
        let b = SandboxDataGenerator(options: options)
        XCTAssertEqual(try json(a.stores()), try json(b.stores()))
        XCTAssertEqual(try json(a.orders()), try json(b.orders()))
        XCTAssertEqual(try json(a.purchaseOrdersAndDeliveries().purchaseOrders), try json(b.purchaseOrdersAndDeliveries().purchaseOrders))
        XCTAssertEqual(try json(a.privateCustomers()), try json(b.privateCustomers()))
        for index in [0, 1, 57, 199] {
            XCTAssertEqual(try json(a.product(at: index)), try json(b.product(at: index)))
            XCTAssertEqual(try json(a.prices(forProductAt: index)), try json(b.prices(forProductAt: index)))
            XCTAssertEqual(try json(a.inventory(forProductAt: index)), try json(b.inventory(forProductAt: index)))
        }
    }

    func testOtherSeedGivesOtherData() throws {
        let other = SandboxDataGenerator(options: SandboxDataOptions(seed: 8, scale: .small))
        let a = SandboxDataGenerator(options: options)
        XCTAssertNotEqual(try json(a.product(at: 3)), try json(other.product(at: 3)))
    }

    func testProductByIndexDoesNotDependOnWhatWasGeneratedBefore() throws {
        let a = SandboxDataGenerator(options: options)
        let late = try json(a.product(at: 150))
        _ = (0..<150).map { a.product(at: $0) }
        XCTAssertEqual(try json(a.product(at: 150)), late)
    }

    func testCountsPerScale() {
        let generator = SandboxDataGenerator(options: options)
        let scale = SandboxScale.small
        XCTAssertEqual(generator.productCount, scale.products)
        XCTAssertEqual(generator.orders().count, scale.orders)
        XCTAssertEqual(generator.purchaseOrdersAndDeliveries().purchaseOrders.count, scale.purchaseOrders)
        XCTAssertEqual(generator.purchaseOrdersAndDeliveries().deliveries.count, scale.purchaseOrders)
        XCTAssertEqual(generator.privateCustomers().count, scale.privateCustomers)
        XCTAssertEqual(generator.businessCustomers().count, scale.businessCustomers)
        XCTAssertEqual(generator.stores().filter { $0.isPrimaryStore == true }.count, scale.stores)
        let tiny = SandboxDataGenerator(options: SandboxDataOptions(scale: .tiny))
        XCTAssertEqual(tiny.productCount, 10)
        XCTAssertEqual(tiny.orders().count, SandboxScale.tiny.orders)
    }

    func testEANsAreValidExceptTheRequestedBadOnes() {
        let generator = SandboxDataGenerator(options: options)
        var bad = 0
        var all = Set<String>()
        for index in 0..<generator.productCount {
            let product = generator.product(at: index)
            let eans = product.variants.map { $0.compactMap(\.ean) } ?? [product.ean!]
            for ean in eans {
                XCTAssertEqual(ean.count, 13)
                XCTAssertTrue(all.insert(ean).inserted, "duplicate EAN \(ean)")
                if !SandboxCheckDigits.isValidEAN13(ean) { bad += 1 }
            }
        }
        XCTAssertEqual(bad, 3)
        XCTAssertTrue(SandboxCheckDigits.isValidEAN13("4006381333931"))
    }

    func testStoresHaveTheDocumentedVariety() {
        let stores = SandboxDataGenerator(options: options).stores()
        let primary = stores.filter { $0.isPrimaryStore == true }
        XCTAssertTrue(stores.contains { $0.isWebWarehouse == true && $0.isWarehouse == true })
        let central = stores.first { $0.id == SandboxDataGenerator.centralWarehouseId }
        XCTAssertEqual(central?.isPrimaryStore, false)
        XCTAssertTrue(primary.contains { ($0.availableWarehouses ?? []).contains { $0.warehouseCode == central?.id } })
        XCTAssertTrue(primary.contains { $0.isInactive == true })
        XCTAssertTrue(primary.contains { $0.organizationalNumber == nil })
        XCTAssertTrue(primary.contains { $0.availableOnMarkets == ["SWE"] })
        for store in primary {
            if let number = store.organizationalNumber { XCTAssertTrue(SandboxCheckDigits.isValidOrganizationNumber(number), number) }
            XCTAssertNotNil(Double(store.latitude ?? ""))
            XCTAssertEqual(store.sundayOpeningHours?.isOpen == false, store.sundayOpeningHours?.openFrom == .zero)
            XCTAssertEqual(store.mondayOpeningHours?.isOpen, true)
        }
        XCTAssertTrue(primary.contains { $0.sundayOpeningHours?.isOpen == false })
    }

    func testProductsPricesAndStockHaveTheDocumentedVariety() {
        let generator = SandboxDataGenerator(options: options)
        let products = (0..<generator.productCount).map(generator.product(at:))
        XCTAssertTrue(products.contains { $0.brand == "Nike Air" })
        XCTAssertTrue(products.contains { ($0.description ?? "").contains("&amp;") || ($0.description ?? "").contains("&ndash;") })
        XCTAssertTrue(products.contains { ($0.variants?.count ?? 0) > 1 })
        XCTAssertTrue(products.contains { $0.variants == nil && $0.skuId == nil }, "a product without skuId")
        XCTAssertTrue(products.allSatisfy { p in (p.variants ?? []).allSatisfy { $0.parentId == p.productId && $0.skuId != nil } })
        XCTAssertEqual(Set(products.compactMap(\.taxCategory)), ["vat25", "vat15", "vat12", "vat0"])
        let prices = (0..<generator.productCount).flatMap(generator.prices(forProductAt:))
        let epoch = options.epoch
        XCTAssertTrue(prices.contains { ($0.validFrom ?? epoch) > epoch }, "future price")
        XCTAssertTrue(prices.contains { ($0.validUntil ?? epoch) < epoch }, "expired price")
        XCTAssertTrue(prices.contains { ($0.originalUnitPrice ?? 0) > ($0.unitPrice ?? 0) }, "campaign price")
        XCTAssertTrue(prices.contains { $0.storeId != nil })
        XCTAssertTrue(prices.contains { $0.marketId == "SWE" && $0.currencyCode == "SEK" })
        XCTAssertTrue(prices.contains { $0.priceType == "CostPrice" })
        let stock = (0..<generator.productCount).flatMap(generator.inventory(forProductAt:))
        XCTAssertTrue(stock.contains { ($0.reservedInventory ?? 0) > 0 })
        XCTAssertTrue(stock.allSatisfy { ($0.reservedInventory ?? 0) <= ($0.inventory ?? 0) })
    }

    func testOrdersAndPurchaseOrdersCoverTypesAndStatuses() {
        let generator = SandboxDataGenerator(options: options)
        let orders = generator.orders()
        XCTAssertEqual(Set(orders.compactMap(\.orderType)), ["ClickAndCollect", "Online", "Pos"])
        for order in orders {
            XCTAssertNotNil(generator.orderTypes.canonicalStatus(order.status ?? "", ofType: order.orderType ?? ""), order.id ?? "")
            if order.orderType == "ClickAndCollect" {
                XCTAssertNotNil(order.orderForm?.shipments?.first?.pickUpWarehouseCode)
            }
        }
        let (pos, deliveries) = generator.purchaseOrdersAndDeliveries()
        XCTAssertTrue(pos.contains { $0.status == "OrderCanceled" })
        XCTAssertTrue(pos.contains { po in (po.purchaseOrderForm?.lineItems ?? []).contains { ($0.deliveredQuantity ?? 0) > 0 && $0.deliveredQuantity! < $0.quantity! } })
        let lineIds = pos.flatMap { $0.purchaseOrderForm?.lineItems ?? [] }.compactMap(\.lineItemId)
        XCTAssertEqual(Set(lineIds).count, lineIds.count, "lineItemId unique across POs")
        XCTAssertEqual(Set(deliveries.compactMap(\.id)), Set(pos.compactMap(\.deliveryId)))
    }

    func testNorwegianLetters() throws {
        let generator = SandboxDataGenerator(options: options)
        let names = generator.privateCustomers().map { ($0.firstName ?? "") + ($0.lastName ?? "") }.joined()
        XCTAssertTrue(names.contains { "æøåÆØÅ".contains($0) })
        XCTAssertTrue(generator.privateCustomers().allSatisfy { ($0.email ?? "a@b").allSatisfy(\.isASCII) })
    }

    func testLargeScaleIsLazy() {
        let scale = SandboxScale(products: 150_000, stores: 3, orders: 0, purchaseOrders: 0, privateCustomers: 0, businessCustomers: 0)
        let generator = SandboxDataGenerator(options: SandboxDataOptions(scale: scale))
        XCTAssertEqual(generator.productCount, 150_000)
        let last = generator.product(at: 149_999)
        XCTAssertEqual(last.productId, "250000")
        XCTAssertEqual(generator.productIndex(forId: last.id!), 149_999)
        XCTAssertEqual(generator.productIndex(forId: generator.skus(forProductAt: 149_999).last!), 149_999)
        XCTAssertNil(generator.productIndex(forId: "250001"))
    }
}
