import Foundation
import Omnium

/// Prices and stock of product `index`: per market, store and price list, with campaign, future,
/// expired and overlapping validity, cost prices, and stock in some warehouses with reservations.
extension SandboxDataGenerator {
    public static let standardPriceListNOK = "standard-nok"
    public static let standardPriceListSEK = "standard-sek"
    public static let campaignPriceList = "kampanje"
    public static let costPriceList = "innpris"

    public func prices(forProductAt index: Int) -> [OmniumPrice] {
        let plan = plan(index)
        let modified = baseModified(ofProductAt: index)
        let vat = Decimal(plan.category.5)
        let inSweden = index % 3 == 0
        let firstStore = primaryStoreIds().first
        var result: [OmniumPrice] = []
        for (v, sku) in plan.skus.enumerated() {
            let base = plan.priceHundredths + (v == 3 ? 10_000 : 0)
            func price(_ list: String, _ hundredths: Int, from: Double, until: Double? = nil) -> OmniumPrice {
                OmniumPrice(code: sku, productId: plan.productId, marketId: "NOR", currencyCode: "NOK",
                            unitPrice: Self.money(hundredths), recommendedRetailPrice: Self.money(base / 100 * 120),
                            minQuantity: 0, validFrom: date(daysBeforeEpoch: from),
                            validUntil: until.map { date(daysBeforeEpoch: $0) }, isTaxExcluded: false, taxRate: vat,
                            priceListId: list, unit: "stk", modified: modified)
            }
            result.append(price(Self.standardPriceListNOK, base, from: 365))
            if inSweden {
                var sek = price(Self.standardPriceListSEK, (base * 11 / 1_000) * 100, from: 365)
                sek.marketId = "SWE"
                sek.currencyCode = "SEK"
                sek.recommendedRetailPrice = nil
                result.append(sek)
            }
            if index % 5 == 0 {
                let campaign = base * 7 / 1_000 * 100
                var p = price(Self.campaignPriceList, campaign, from: 7, until: -14)
                p.originalUnitPrice = Self.money(base)
                p.discountAmount = Self.money(base - campaign)
                p.discountPercent = 30
                p.promotionName = "Vintersalg"
                result.append(p)
            }
            if index % 7 == 0 { result.append(price(Self.standardPriceListNOK, base + 10_000, from: -30)) }
            if index % 9 == 0 {
                var p = price(Self.campaignPriceList, base / 200 * 100, from: 200, until: 100)
                p.originalUnitPrice = Self.money(base)
                result.append(p)
            }
            if index % 4 == 1, let store = firstStore {
                var p = price("butikk-\(store)", base - base / 1_000 * 100, from: 60)
                p.storeId = store
                result.append(p)
            }
            var cost = price(Self.costPriceList, plan.priceHundredths * 2 / 5, from: 365)
            cost.priceType = "CostPrice"
            cost.isTaxExcluded = true
            cost.recommendedRetailPrice = nil
            cost.cost = cost.unitPrice
            result.append(cost)
        }
        return result
    }

    /// Stock of product `index`: always in the web and central warehouses, in about half the stores.
    public func inventory(forProductAt index: Int) -> [OmniumInventoryItem] {
        let plan = plan(index)
        let modified = baseModified(ofProductAt: index)
        let warehouses = warehouseCodes()
        let cost = Self.money(plan.priceHundredths * 2 / 5)
        var random = rng("stock", index)
        var result: [OmniumInventoryItem] = []
        for sku in plan.skus {
            for code in warehouses {
                let always = code == Self.webWarehouseId || code == Self.centralWarehouseId
                guard always || random.chance(0.5) else { continue }
                let onHand = random.chance(0.1) ? 0 : random.int(in: 1...(code == Self.centralWarehouseId ? 200 : 40))
                let reserved = onHand > 0 && random.chance(0.3) ? random.int(in: 1...min(3, onHand)) : 0
                result.append(OmniumInventoryItem(
                    sku: sku, warehouseCode: code, inventory: Decimal(onHand), reservedInventory: Decimal(reserved),
                    location: code == Self.centralWarehouseId ? "R\(random.int(in: 1...30))-H\(random.int(in: 1...9))" : nil,
                    cost: cost, costCurrency: "NOK", minQuantity: always ? 5 : nil,
                    created: date(daysBeforeEpoch: 300), modified: modified))
            }
        }
        return result
    }
}
